import { auditActionKey, PALISADE_KEY_PREFIX, type AuditSource } from './audit-actions';
import { acct } from './format';

/**
 * How one audit row reads: which sentence (a message key under `audit.sentences`), what the target
 * is called, and where it links. Pure so the page, the CSV export and tests agree. Links go to
 * Palisade's own screens where it has one, to the instance's admin pages (MASTODON_URL) for targets
 * only Mastodon manages, and to a post's ActivityPub URL for posts.
 */

export interface AuditRowInput {
  source: AuditSource;
  action: string;
  targetType: string | null;
  targetId: string | null;
  humanIdentifier: string | null;
  routeParam: string | null;
  permalink: string | null;
  targetAccountId: string | null;
  details: Record<string, unknown> | null;
  actorUsername: string | null;
  actorDomain: string | null;
}

export interface AuditSentence {
  /** `mastodon.resolve_report`, `palisade.note_created_report`, or `unknown`. */
  message: string;
  /** ICU values for the message. */
  values: { name: string; label: string; detail: string; action: string; targetType: string };
  /** Where the target label links; null when there is nothing to open. */
  href: string | null;
  external: boolean;
  /** True when the label is a placeholder for a target that no longer exists. */
  deleted: boolean;
}

const TAG_ATTRIBUTES = ['usable', 'trendable', 'listable'] as const;

function safeExternal(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

function adminUrl(mastodonUrl: string | null, path: string): string | null {
  return mastodonUrl ? `${mastodonUrl.replace(/\/+$/, '')}/admin/${path}` : null;
}

const numeric = (v: string | null): v is string => !!v && /^-?\d{1,19}$/.test(v);

function mastodonLink(row: AuditRowInput, mastodonUrl: string | null): { href: string | null; external: boolean } {
  const id = row.targetId;
  const hi = row.humanIdentifier;
  const internal = (href: string | null) => ({ href, external: false });
  const external = (href: string | null) => ({ href, external: href !== null });
  switch (row.targetType) {
    case 'Account':
      return internal(numeric(id) ? `/accounts/${id}` : null);
    case 'User':
      return internal(numeric(row.routeParam) ? `/accounts/${row.routeParam}` : null);
    case 'AccountWarning':
      return internal(numeric(row.targetAccountId) ? `/accounts/${row.targetAccountId}` : null);
    case 'Appeal':
      return internal(numeric(id) ? `/appeals/${id}` : null);
    case 'Report':
      return internal(numeric(id) ? `/reports/${id}` : null);
    case 'Status':
    case 'Collection':
      return external(safeExternal(row.permalink));
    case 'DomainBlock':
    case 'DomainAllow':
    case 'Instance':
    case 'UnavailableDomain':
      return internal(hi ? `/federation/instances/${encodeURIComponent(hi)}` : null);
    case 'EmailDomainBlock':
      return external(adminUrl(mastodonUrl, 'email_domain_blocks'));
    case 'IpBlock':
      return external(adminUrl(mastodonUrl, 'ip_blocks'));
    case 'UsernameBlock':
      return external(numeric(id) ? adminUrl(mastodonUrl, `username_blocks/${id}/edit`) : null);
    case 'UserRole':
      return external(numeric(id) ? adminUrl(mastodonUrl, `roles/${id}/edit`) : null);
    case 'Announcement':
      return external(numeric(id) ? adminUrl(mastodonUrl, `announcements/${id}/edit`) : null);
    case 'CustomEmoji':
      return external(adminUrl(mastodonUrl, 'custom_emojis'));
    case 'Relay':
      return external(adminUrl(mastodonUrl, 'relays'));
    case 'Tag':
      return external(numeric(id) ? adminUrl(mastodonUrl, `tags/${id}`) : null);
    case 'TermsOfService':
      return external(adminUrl(mastodonUrl, 'terms_of_service'));
    default:
      return internal(null);
  }
}

function palisadeLink(row: AuditRowInput): string | null {
  const id = row.targetId;
  switch (row.targetType) {
    case 'Report':
      return numeric(id) ? `/reports/${id}` : null;
    case 'Account':
      return numeric(id) ? `/accounts/${id}` : null;
    case 'Appeal':
      return numeric(id) ? `/appeals/${id}` : null;
    case 'Instance':
      return row.humanIdentifier ? `/federation/instances/${encodeURIComponent(row.humanIdentifier)}` : null;
    case 'Rule':
      return '/rules';
    case 'BlocklistSource':
    case 'BlocklistSuggestion':
    case 'BlocklistAlly':
    case 'BlocklistSettings':
      return '/blocklists';
    default:
      return null;
  }
}

function label(row: AuditRowInput): { text: string; deleted: boolean } {
  const hi = row.humanIdentifier?.trim() || null;
  switch (row.targetType) {
    case 'Report':
      return { text: `#${hi ?? row.targetId ?? '?'}`, deleted: false };
    case 'CanonicalEmailBlock':
      // A SHA-256 hex digest: its first characters are enough to tell blocks apart.
      return { text: (hi ?? '').slice(0, 7) || '?', deleted: !hi };
    case 'Announcement':
      return { text: hi ? (hi.length > 80 ? `${hi.slice(0, 79)}…` : hi) : `#${row.targetId ?? '?'}`, deleted: false };
    case 'TermsOfService':
      return { text: '', deleted: false };
    default:
      if (hi) return { text: hi, deleted: false };
      return { text: row.targetId ? `#${row.targetId}` : '', deleted: true };
  }
}

/** Mastodon 4.7 stores a Tag update's new flags; the sentence lists them ("usable, not trendable"). */
export function tagChanges(details: Record<string, unknown> | null): Array<{ attribute: (typeof TAG_ATTRIBUTES)[number]; value: boolean }> {
  if (!details) return [];
  return TAG_ATTRIBUTES.filter((a) => typeof details[a] === 'boolean').map((a) => ({ attribute: a, value: details[a] as boolean }));
}

export function describeAuditRow(row: AuditRowInput, { mastodonUrl = null }: { mastodonUrl?: string | null } = {}): AuditSentence {
  const key = auditActionKey(row.source, row.targetType, row.action);
  const { text, deleted } = label(row);
  const name = row.actorUsername ? acct(row.actorUsername, row.actorDomain) : '';
  let detail = '';
  if (row.source === 'palisade' && row.details) {
    const d = row.details;
    detail = typeof d.assignee === 'string' ? d.assignee : typeof d.detail === 'string' ? d.detail : '';
  }
  const values = { name, label: text, detail, action: row.action, targetType: row.targetType ?? '' };
  if (row.source === 'palisade') {
    const href = palisadeLink(row);
    return { message: key ? `palisade.${key.slice(PALISADE_KEY_PREFIX.length)}` : 'unknown', values, href, external: false, deleted };
  }
  const link = mastodonLink(row, mastodonUrl);
  // Mastodon links nothing for a deleted account (no identifier left to show).
  const href = deleted && (row.targetType === 'Account' || row.targetType === 'User' || row.targetType === 'Appeal') ? null : link.href;
  return { message: key ? `mastodon.${key}` : 'unknown', values, href, external: href !== null && link.external, deleted };
}
