import { describe, expect, it } from 'vitest';
import audit from '@/messages/en/audit.json';
import { auditActionKey, auditActionType, AUDIT_ACTION_TYPES, AUDIT_TARGET_TYPES, MASTODON_ACTIONS, PALISADE_EVENTS, underscore } from './audit-actions';

describe('audit vocabulary', () => {
  it('underscores Rails model names like Rails does', () => {
    expect(underscore('AccountWarning')).toBe('account_warning');
    expect(underscore('IpBlock')).toBe('ip_block');
    expect(underscore('TermsOfService')).toBe('terms_of_service');
    expect(underscore('Report')).toBe('report');
  });

  it('keys every Mastodon pair like ActionLogFilter does (<action>_<target_type>)', () => {
    for (const [key, [targetType, action]] of Object.entries(MASTODON_ACTIONS)) expect(key).toBe(`${action}_${underscore(targetType)}`);
    expect(MASTODON_ACTIONS.disable_2fa_user).toEqual(['User', 'disable_2fa']);
    expect(MASTODON_ACTIONS.update_tag).toEqual(['Tag', 'update']);
  });

  it('covers every action × target type of mastodon.md §3.9', () => {
    const pairs = new Set(Object.values(MASTODON_ACTIONS).map(([t, a]) => `${t}.${a}`));
    const reference = [
      'Appeal.approve', 'Appeal.reject', 'Report.assigned_to_self', 'Report.unassigned', 'Report.resolve', 'Report.reopen', 'Report.update',
      'User.change_email', 'User.change_role', 'User.confirm', 'User.resend', 'User.approve', 'User.reject', 'User.enable', 'User.disable',
      'User.disable_2fa', 'User.reset_password', 'User.remove_avatar', 'User.remove_header', 'User.promote', 'User.demote',
      'AccountWarning.create', 'Account.sensitive', 'Account.unsensitive', 'Account.silence', 'Account.unsilence', 'Account.suspend',
      'Account.unsuspend', 'Account.memorialize', 'Account.unblock_email', 'Status.destroy', 'Status.update', 'DomainBlock.create',
      'DomainBlock.update', 'DomainBlock.destroy', 'DomainAllow.create', 'DomainAllow.destroy', 'EmailDomainBlock.create',
      'EmailDomainBlock.destroy', 'CanonicalEmailBlock.create', 'CanonicalEmailBlock.destroy', 'IpBlock.create', 'IpBlock.update',
      'IpBlock.destroy', 'UsernameBlock.create', 'UsernameBlock.update', 'UsernameBlock.destroy', 'Instance.destroy',
      'UnavailableDomain.create', 'UnavailableDomain.destroy', 'Relay.create', 'Relay.destroy', 'Relay.enable', 'Relay.disable',
      'Announcement.create', 'Announcement.update', 'Announcement.destroy', 'CustomEmoji.create', 'CustomEmoji.update',
      'CustomEmoji.destroy', 'CustomEmoji.enable', 'CustomEmoji.disable', 'UserRole.create', 'UserRole.update', 'UserRole.destroy',
      'TermsOfService.publish', 'Tag.update', 'Collection.destroy', 'Collection.update',
    ];
    for (const pair of reference) expect(pairs, pair).toContain(pair);
  });

  it('has a sentence and a filter label for every pair, and no sentence for a pair it does not know', () => {
    const mastodonKeys = Object.keys(MASTODON_ACTIONS).sort();
    expect(Object.keys(audit.sentences.mastodon).sort()).toEqual(mastodonKeys);
    expect(Object.keys(audit.actionTypes.mastodon).sort()).toEqual(mastodonKeys);
    const palisadeKeys = Object.entries(PALISADE_EVENTS)
      .flatMap(([t, actions]) => actions.map((a) => `${a}_${underscore(t)}`))
      .sort();
    expect(Object.keys(audit.sentences.palisade).sort()).toEqual(palisadeKeys);
    expect(Object.keys(audit.actionTypes.palisade).sort()).toEqual(palisadeKeys);
    for (const type of AUDIT_TARGET_TYPES) expect(audit.targetTypes, type).toHaveProperty(type);
  });

  it('every sentence names the actor and, where there is one, links the target', () => {
    for (const [key, text] of [...Object.entries(audit.sentences.mastodon), ...Object.entries(audit.sentences.palisade)]) {
      expect(text, key).toContain('<actor>{name}</actor>');
      expect(text, key).toMatch(/<target>[^<]*<\/target>/);
    }
  });

  it('maps stored rows back to their filter key, and unknown rows to none', () => {
    expect(auditActionKey('mastodon', 'Report', 'resolve')).toBe('resolve_report');
    expect(auditActionKey('palisade', 'Report', 'note_created')).toBe('palisade.note_created_report');
    expect(auditActionKey('palisade', 'Report', 'resolve')).toBeNull();
    expect(auditActionKey('mastodon', 'Report', 'note_created')).toBeNull();
    expect(auditActionKey('mastodon', 'Hashtag', 'explode')).toBeNull();
    expect(auditActionKey('mastodon', null, 'resolve')).toBeNull();
    expect(auditActionType('palisade.assigned_report')).toEqual({ key: 'palisade.assigned_report', source: 'palisade', targetType: 'Report', action: 'assigned' });
    expect(new Set(AUDIT_ACTION_TYPES.map((t) => t.key)).size).toBe(AUDIT_ACTION_TYPES.length);
  });
});
