import { describe, expect, it } from 'vitest';
import { describeAuditRow, tagChanges, type AuditRowInput } from './audit-sentences';

const base: AuditRowInput = {
  source: 'mastodon',
  action: 'resolve',
  targetType: 'Report',
  targetId: '42',
  humanIdentifier: '42',
  routeParam: null,
  permalink: null,
  targetAccountId: null,
  details: null,
  actorUsername: 'alice',
  actorDomain: null,
};
const row = (changes: Partial<AuditRowInput>) => ({ ...base, ...changes });

describe('describeAuditRow', () => {
  it('names the sentence, the actor and the target, and links the report', () => {
    expect(describeAuditRow(base)).toEqual({
      message: 'mastodon.resolve_report',
      values: { name: 'alice', label: '#42', detail: '', action: 'resolve', targetType: 'Report' },
      href: '/reports/42',
      external: false,
      deleted: false,
    });
  });

  it('links each target type where Mastodon links it', () => {
    expect(describeAuditRow(row({ action: 'suspend', targetType: 'Account', targetId: '9', humanIdentifier: 'spam@x.example' })).href).toBe('/accounts/9');
    expect(describeAuditRow(row({ action: 'disable', targetType: 'User', targetId: '3', routeParam: '9', humanIdentifier: 'bob' })).href).toBe('/accounts/9');
    expect(describeAuditRow(row({ action: 'approve', targetType: 'Appeal', targetId: '5', routeParam: '77', humanIdentifier: 'bob' })).href).toBe('/appeals/5');
    expect(describeAuditRow(row({ action: 'create', targetType: 'AccountWarning', targetId: '77', targetAccountId: '9', humanIdentifier: 'bob' })).href).toBe('/accounts/9');
    expect(describeAuditRow(row({ action: 'create', targetType: 'DomainBlock', targetId: '1', humanIdentifier: 'xn--bcher-kva.example' })).href).toBe('/federation/instances/xn--bcher-kva.example');
    expect(describeAuditRow(row({ action: 'destroy', targetType: 'Instance', targetId: null, humanIdentifier: 'gone.example' })).href).toBe('/federation/instances/gone.example');
    const status = describeAuditRow(row({ action: 'destroy', targetType: 'Status', targetId: '1', humanIdentifier: 'bob@x.example', permalink: 'https://x.example/users/bob/statuses/1' }));
    expect(status).toMatchObject({ href: 'https://x.example/users/bob/statuses/1', external: true, message: 'mastodon.destroy_status' });
  });

  it('never links a permalink that is not http(s)', () => {
    expect(describeAuditRow(row({ action: 'destroy', targetType: 'Status', permalink: 'javascript:alert(1)' })).href).toBeNull();
    expect(describeAuditRow(row({ action: 'destroy', targetType: 'Status', permalink: 'not a url' })).href).toBeNull();
  });

  it('links targets only Mastodon manages to the instance’s admin pages when it is known', () => {
    const role = row({ action: 'update', targetType: 'UserRole', targetId: '4', humanIdentifier: 'Moderator' });
    expect(describeAuditRow(role).href).toBeNull();
    expect(describeAuditRow(role, { mastodonUrl: 'https://mastodon.example/' })).toMatchObject({ href: 'https://mastodon.example/admin/roles/4/edit', external: true });
    expect(describeAuditRow(row({ action: 'create', targetType: 'IpBlock', targetId: '1', humanIdentifier: '10.0.0.0/8' }), { mastodonUrl: 'https://m.example' }).href).toBe('https://m.example/admin/ip_blocks');
  });

  it('labels targets like Mastodon: report number, short hash, truncated announcement, deleted account', () => {
    expect(describeAuditRow(row({ action: 'create', targetType: 'CanonicalEmailBlock', humanIdentifier: 'a'.repeat(64) })).values.label).toBe('aaaaaaa');
    expect(describeAuditRow(row({ action: 'create', targetType: 'Announcement', humanIdentifier: 'x'.repeat(200) })).values.label).toHaveLength(80);
    const gone = describeAuditRow(row({ action: 'suspend', targetType: 'Account', targetId: '9', humanIdentifier: null }));
    expect(gone).toMatchObject({ deleted: true, href: null });
    expect(describeAuditRow(row({ humanIdentifier: null })).values.label).toBe('#42');
  });

  it('writes remote actors as their acct', () => {
    expect(describeAuditRow(row({ actorUsername: 'admin', actorDomain: 'other.example' })).values.name).toBe('admin@other.example');
  });

  it('describes Palisade events and their details', () => {
    const assigned = describeAuditRow(row({ source: 'palisade', action: 'assigned', details: { assignee: 'bob' } }));
    expect(assigned).toMatchObject({ message: 'palisade.assigned_report', href: '/reports/42', values: { detail: 'bob' } });
    expect(describeAuditRow(row({ source: 'palisade', action: 'update', targetType: 'Rule', targetId: '2', humanIdentifier: 'Be kind' })).href).toBe('/rules');
    expect(describeAuditRow(row({ source: 'palisade', action: 'refresh', targetType: 'BlocklistSource', actorUsername: null })).values.name).toBe('');
  });

  it('falls back to a generic sentence for pairs a newer Mastodon may write', () => {
    expect(describeAuditRow(row({ action: 'explode', targetType: 'Quote', humanIdentifier: 'q' }))).toMatchObject({ message: 'unknown', values: { action: 'explode', targetType: 'Quote', label: 'q' } });
    expect(describeAuditRow(row({ source: 'palisade', action: 'resolve' })).message).toBe('unknown');
  });
});

describe('tagChanges', () => {
  it('lists the stored flags in Mastodon’s order', () => {
    expect(tagChanges({ listable: false, usable: true })).toEqual([
      { attribute: 'usable', value: true },
      { attribute: 'listable', value: false },
    ]);
    expect(tagChanges(null)).toEqual([]);
    expect(tagChanges({ trendable: 'yes' })).toEqual([]);
  });
});
