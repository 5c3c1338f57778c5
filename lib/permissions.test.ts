import { describe, expect, it } from 'vitest';
import { can, canUseConsole, effectivePermissions, flag, parsePermissions, permissionList } from './permissions';

// Default role values from Mastodon's config/roles.yml (new install).
const EVERYONE = 65536n;
const MODERATOR = 1049884n;
const ADMIN = 2031612n;
const OWNER = 1n;

describe('permissions', () => {
  it('matches the flag values Mastodon documents', () => {
    expect(flag('manage_reports')).toBe(16n);
    expect(flag('manage_federation')).toBe(32n);
    expect(flag('manage_blocks')).toBe(128n);
    expect(flag('manage_appeals')).toBe(512n);
    expect(flag('manage_users')).toBe(1024n);
    expect(flag('delete_user_data')).toBe(524288n);
    expect(flag('manage_email_subscriptions')).toBe(4194304n);
  });

  it('decodes the default Moderator role', () => {
    expect(permissionList(MODERATOR)).toEqual([
      'view_audit_log',
      'view_dashboard',
      'manage_reports',
      'manage_taxonomies',
      'manage_users',
      'view_feeds',
    ]);
    expect(can(MODERATOR, 'manage_federation')).toBe(false);
    expect(can(MODERATOR, 'manage_appeals')).toBe(false);
  });

  it('grants everything to administrator', () => {
    expect(can(OWNER, 'manage_federation')).toBe(true);
    expect(can(OWNER, 'delete_user_data')).toBe(true);
    expect(permissionList(OWNER)).toHaveLength(23);
  });

  it('adds the Everyone role to the own role', () => {
    expect(effectivePermissions(EVERYONE, null)).toBe(EVERYONE);
    expect(can(effectivePermissions(EVERYONE, ADMIN), 'invite_users')).toBe(true);
    expect(can(effectivePermissions(flag('manage_reports'), null), 'manage_reports')).toBe(true);
  });

  it('admits staff roles to the console and refuses invite-only ones', () => {
    expect(canUseConsole(effectivePermissions(EVERYONE, MODERATOR))).toBe(true);
    expect(canUseConsole(effectivePermissions(EVERYONE, ADMIN))).toBe(true);
    expect(canUseConsole(effectivePermissions(EVERYONE, OWNER))).toBe(true);
    expect(canUseConsole(effectivePermissions(EVERYONE, null))).toBe(false);
    expect(canUseConsole(flag('view_devops'))).toBe(false);
  });

  it('parses bigint strings and refuses garbage', () => {
    expect(parsePermissions('1049884')).toBe(MODERATOR);
    expect(parsePermissions(null)).toBe(0n);
    expect(parsePermissions('not a number')).toBe(0n);
    expect(parsePermissions('-5')).toBe(0n);
  });
});
