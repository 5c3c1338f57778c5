import { stricterThan, type BlockPolicy } from '@/lib/blocklist/severity';

/** The figures the impact preview reads from the database (db/queries/domain-blocks getDomainImpact). */
export interface ImpactFigures {
  accounts: number;
  suspendedAccounts: number;
  silencedAccounts: number;
  linkedSilenced: number;
  linkedSuspended: number;
  localFollowers: number;
  localFollowerFollows: number;
  localFollowed: number;
  localFollowedFollows: number;
  openReports: number;
  statuses: number;
  cachedMedia: number;
}

export interface ImpactEffects {
  /** Accounts that become limited / suspended now. */
  limit: number;
  suspend: number;
  /** Accounts whose limit / suspension (made by this block) is lifted. */
  unlimit: number;
  unsuspend: number;
  /** Follow relationships with local accounts that are severed (and recorded for them). */
  severedFollows: number;
  /** Local accounts that lose at least one follower or followed account (upper bound). */
  affectedLocalAccounts: number;
  /** Posts of newly suspended accounts that are deleted (except those under open reports). */
  deletedStatuses: number;
  /** Cached media files removed (reject_media). */
  clearedMedia: number;
  /** Incoming reports from the domain will be ignored. */
  ignoresReports: boolean;
  /** Lifting a suspension does not bring deleted posts or severed follows back. */
  irreversible: boolean;
  /** Nothing changes for existing accounts. */
  none: boolean;
}

/**
 * What a create, edit or removal does to the accounts of a domain (and its subdomains), from
 * BlockDomainService and UnblockDomainService: the preview shown before every change, for every
 * severity (Mastodon only shows one before suspending).
 */
export function describeImpact(before: BlockPolicy | null, after: BlockPolicy | null, f: ImpactFigures): ImpactEffects {
  const e: ImpactEffects = { limit: 0, suspend: 0, unlimit: 0, unsuspend: 0, severedFollows: 0, affectedLocalAccounts: 0, deletedStatuses: 0, clearedMedia: 0, ignoresReports: false, irreversible: false, none: true };
  const severityChanged = (before?.severity ?? null) !== (after?.severity ?? null);

  // Lifting what the existing block did (removal, or an edit that changes the severity).
  if (before && (after === null || severityChanged)) {
    if (before.severity !== 'noop' && after?.severity !== 'silence') e.unlimit = f.linkedSilenced;
    if (before.severity === 'suspend' && after?.severity !== 'suspend') e.unsuspend = f.linkedSuspended;
  }
  if (after) {
    if (after.severity === 'silence' && (before?.severity !== 'silence' || !before)) e.limit = Math.max(0, f.accounts - f.silencedAccounts);
    if (after.severity === 'suspend' && before?.severity !== 'suspend') {
      // Accounts this block suspended before an edit count as already suspended.
      e.suspend = Math.max(0, f.accounts - f.suspendedAccounts + e.unsuspend);
      e.severedFollows = f.localFollowerFollows + f.localFollowedFollows;
      e.affectedLocalAccounts = f.localFollowers + f.localFollowed;
      e.deletedStatuses = f.statuses;
    }
    if (after.severity !== 'suspend' && after.rejectMedia && !(before && before.severity !== 'suspend' && before.rejectMedia)) e.clearedMedia = f.cachedMedia;
    e.ignoresReports = after.rejectReports && after.severity !== 'suspend';
  }
  e.irreversible = e.deletedStatuses > 0 || e.severedFollows > 0 || e.clearedMedia > 0 || (before?.severity === 'suspend' && e.unsuspend > 0);
  e.none = e.limit + e.suspend + e.unlimit + e.unsuspend + e.severedFollows + e.deletedStatuses + e.clearedMedia === 0;
  return e;
}

export type ChangeConflict = 'same_domain_not_stricter' | 'parent_not_stricter' | 'api_refuses_subdomain';

export interface ExistingPolicy extends BlockPolicy {
  domain: string;
}

export interface ChangeAssessment {
  /** Why Mastodon would refuse the change, or null. */
  conflict: ChangeConflict | null;
  /** Creating raises the block already on this same domain (Mastodon's form upgrades in place). */
  raisesExisting: boolean;
  /** What the accounts go through; null when refused. */
  effects: ImpactEffects | null;
}

/**
 * The decision the editor shows live, from what the server read once per domain: the block in
 * force (same domain or parent, from rule_for), the block being edited, and the figures. Only
 * the severity and flags change while a moderator hesitates, so this runs in the browser.
 */
export function assessChange({
  domain,
  current,
  existing,
  next,
  figures,
}: {
  domain: string;
  /** The block being edited or removed; null when creating. */
  current: BlockPolicy | null;
  /** The block that applies now, other than `current`. */
  existing: ExistingPolicy | null;
  /** The block as it would be; null when removing. */
  next: BlockPolicy | null;
  figures: ImpactFigures;
}): ChangeAssessment {
  let before = current;
  let raisesExisting = false;
  let conflict: ChangeConflict | null = null;
  if (!current && existing && next) {
    if (!stricterThan(next, existing)) conflict = existing.domain === domain ? 'same_domain_not_stricter' : 'parent_not_stricter';
    else if (existing.domain === domain) {
      raisesExisting = true;
      before = existing;
    }
  }
  return { conflict, raisesExisting, effects: conflict ? null : describeImpact(before, next, figures) };
}
