/**
 * The vocabulary of the audit log: every `action` × `target_type` Mastodon writes to
 * `admin_action_logs` (app/models/admin/action_log_filter.rb plus the few it logs without a filter
 * key), and the events Palisade records in `palisade.events` where Mastodon keeps none.
 *
 * A filter key names one pair, the way Mastodon's `action_type` filter does
 * (`resolve_report` = Report × resolve); Palisade's keys carry a `palisade.` prefix so the two
 * sources never collide.
 */

/** Mastodon's pairs, keyed like Mastodon's `ACTION_TYPE_MAP` (`<action>_<target_type underscored>`). */
export const MASTODON_ACTIONS = {
  approve_appeal: ['Appeal', 'approve'],
  reject_appeal: ['Appeal', 'reject'],
  assigned_to_self_report: ['Report', 'assigned_to_self'],
  unassigned_report: ['Report', 'unassigned'],
  resolve_report: ['Report', 'resolve'],
  reopen_report: ['Report', 'reopen'],
  update_report: ['Report', 'update'],
  change_email_user: ['User', 'change_email'],
  change_role_user: ['User', 'change_role'],
  confirm_user: ['User', 'confirm'],
  resend_user: ['User', 'resend'],
  approve_user: ['User', 'approve'],
  reject_user: ['User', 'reject'],
  enable_user: ['User', 'enable'],
  disable_user: ['User', 'disable'],
  disable_2fa_user: ['User', 'disable_2fa'],
  reset_password_user: ['User', 'reset_password'],
  remove_avatar_user: ['User', 'remove_avatar'],
  remove_header_user: ['User', 'remove_header'],
  promote_user: ['User', 'promote'],
  demote_user: ['User', 'demote'],
  enable_sign_in_token_auth_user: ['User', 'enable_sign_in_token_auth'],
  disable_sign_in_token_auth_user: ['User', 'disable_sign_in_token_auth'],
  create_account_warning: ['AccountWarning', 'create'],
  sensitive_account: ['Account', 'sensitive'],
  unsensitive_account: ['Account', 'unsensitive'],
  silence_account: ['Account', 'silence'],
  unsilence_account: ['Account', 'unsilence'],
  suspend_account: ['Account', 'suspend'],
  unsuspend_account: ['Account', 'unsuspend'],
  memorialize_account: ['Account', 'memorialize'],
  unblock_email_account: ['Account', 'unblock_email'],
  destroy_status: ['Status', 'destroy'],
  update_status: ['Status', 'update'],
  destroy_collection: ['Collection', 'destroy'],
  update_collection: ['Collection', 'update'],
  create_domain_block: ['DomainBlock', 'create'],
  update_domain_block: ['DomainBlock', 'update'],
  destroy_domain_block: ['DomainBlock', 'destroy'],
  create_domain_allow: ['DomainAllow', 'create'],
  destroy_domain_allow: ['DomainAllow', 'destroy'],
  create_email_domain_block: ['EmailDomainBlock', 'create'],
  destroy_email_domain_block: ['EmailDomainBlock', 'destroy'],
  create_canonical_email_block: ['CanonicalEmailBlock', 'create'],
  destroy_canonical_email_block: ['CanonicalEmailBlock', 'destroy'],
  create_ip_block: ['IpBlock', 'create'],
  update_ip_block: ['IpBlock', 'update'],
  destroy_ip_block: ['IpBlock', 'destroy'],
  create_username_block: ['UsernameBlock', 'create'],
  update_username_block: ['UsernameBlock', 'update'],
  destroy_username_block: ['UsernameBlock', 'destroy'],
  destroy_instance: ['Instance', 'destroy'],
  create_unavailable_domain: ['UnavailableDomain', 'create'],
  destroy_unavailable_domain: ['UnavailableDomain', 'destroy'],
  create_relay: ['Relay', 'create'],
  destroy_relay: ['Relay', 'destroy'],
  enable_relay: ['Relay', 'enable'],
  disable_relay: ['Relay', 'disable'],
  create_announcement: ['Announcement', 'create'],
  update_announcement: ['Announcement', 'update'],
  destroy_announcement: ['Announcement', 'destroy'],
  create_custom_emoji: ['CustomEmoji', 'create'],
  update_custom_emoji: ['CustomEmoji', 'update'],
  destroy_custom_emoji: ['CustomEmoji', 'destroy'],
  enable_custom_emoji: ['CustomEmoji', 'enable'],
  disable_custom_emoji: ['CustomEmoji', 'disable'],
  create_user_role: ['UserRole', 'create'],
  update_user_role: ['UserRole', 'update'],
  destroy_user_role: ['UserRole', 'destroy'],
  publish_terms_of_service: ['TermsOfService', 'publish'],
  update_tag: ['Tag', 'update'],
} as const satisfies Record<string, readonly [string, string]>;

export type MastodonActionKey = keyof typeof MASTODON_ACTIONS;

/**
 * What Palisade records in `palisade.events`, by target type. Add a pair here (and its sentence in
 * messages/en/audit.json, `sentences.palisade.<action>_<target>`) before recording it.
 */
export const PALISADE_EVENTS = {
  Report: ['note_created', 'note_deleted', 'assigned'],
  Account: ['note_created', 'note_deleted'],
  Instance: ['note_created', 'note_deleted'],
  Appeal: ['reply'],
  Rule: ['create', 'update', 'destroy', 'reorder', 'translate'],
  AccountWarningPreset: ['create', 'update', 'destroy'],
  BlocklistSource: ['create', 'update', 'destroy', 'refresh'],
  BlocklistSuggestion: ['apply', 'dismiss'],
  BlocklistAlly: ['create', 'revoke'],
  BlocklistSettings: ['update'],
} as const satisfies Record<string, readonly string[]>;

export type PalisadeEventTargetType = keyof typeof PALISADE_EVENTS;
export type PalisadeEventAction<T extends PalisadeEventTargetType = PalisadeEventTargetType> = (typeof PALISADE_EVENTS)[T][number];

/** `AccountWarningPreset` → `account_warning_preset`, as Rails' `underscore`. */
export function underscore(name: string): string {
  return name.replace(/([a-z\d])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

export type AuditSource = 'mastodon' | 'palisade';

export interface AuditActionType {
  /** URL/filter key: `resolve_report`, or `palisade.note_created_report`. */
  key: string;
  source: AuditSource;
  targetType: string;
  action: string;
}

export const PALISADE_KEY_PREFIX = 'palisade.';

function palisadeTypes(): AuditActionType[] {
  return (Object.entries(PALISADE_EVENTS) as Array<[PalisadeEventTargetType, readonly string[]]>).flatMap(([targetType, actions]) =>
    actions.map((action) => ({ key: `${PALISADE_KEY_PREFIX}${action}_${underscore(targetType)}`, source: 'palisade' as const, targetType, action })),
  );
}

/** Every action type the filter offers, Mastodon's first. */
export const AUDIT_ACTION_TYPES: readonly AuditActionType[] = [
  ...(Object.entries(MASTODON_ACTIONS) as Array<[string, readonly [string, string]]>).map(([key, [targetType, action]]) => ({
    key,
    source: 'mastodon' as const,
    targetType,
    action,
  })),
  ...palisadeTypes(),
];

const BY_KEY = new Map(AUDIT_ACTION_TYPES.map((t) => [t.key, t]));

export function auditActionType(key: string): AuditActionType | undefined {
  return BY_KEY.get(key);
}

/** The filter key of a stored row, or null for a pair this version does not know. */
export function auditActionKey(source: AuditSource, targetType: string | null, action: string): string | null {
  if (!targetType) return null;
  const key = source === 'palisade' ? `${PALISADE_KEY_PREFIX}${action}_${underscore(targetType)}` : `${action}_${underscore(targetType)}`;
  const known = BY_KEY.get(key);
  return known && known.source === source && known.targetType === targetType && known.action === action ? key : null;
}

/** Target types that can be filtered on, in a stable order (Mastodon's and Palisade's together). */
export const AUDIT_TARGET_TYPES: readonly string[] = [...new Set(AUDIT_ACTION_TYPES.map((t) => t.targetType))].sort();

/**
 * Target types whose `human_identifier` is a domain (Mastodon's INSTANCE_TARGET_TYPES plus e-mail
 * domain blocks), and those whose identifier is an acct (`user@domain` for remote accounts).
 */
export const DOMAIN_TARGET_TYPES = ['DomainBlock', 'DomainAllow', 'Instance', 'UnavailableDomain', 'EmailDomainBlock'] as const;
export const ACCT_TARGET_TYPES = ['Account', 'User', 'Status', 'AccountWarning', 'Appeal', 'Collection'] as const;
