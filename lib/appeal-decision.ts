import { z } from 'zod';
import { strikeActionName, type StrikeAction, type UndoAction } from './account-actions';

export type AppealState = 'pending' | 'approved' | 'rejected';

export function appealState(row: { approvedAt: Date | null; rejectedAt: Date | null }): AppealState {
  if (row.approvedAt) return 'approved';
  if (row.rejectedAt) return 'rejected';
  return 'pending';
}

/** Strikes can be appealed for 20 days (AccountWarning::APPEAL_WINDOW). */
export const APPEAL_WINDOW_MS = 20 * 24 * 60 * 60 * 1000;
/** The reply kept with a decision, like Mastodon's appeal text limit. */
export const APPEAL_REPLY_MAX = 2000;

export interface StrikeStatus {
  id: string;
  deletedAt: Date | null;
  sensitive: boolean;
  mediaCount: number;
}

export interface AppealAccountState {
  local: boolean;
  suspended: boolean;
  suspendedLocally: boolean;
  silenced: boolean;
  sensitized: boolean;
  /** users.disabled; null for remote accounts. */
  disabled: boolean | null;
  /** A pending account_deletion_requests row: without it a suspension's data is already purged. */
  deletionRequested: boolean;
}

export interface AppealPlan {
  action: StrikeAction | null;
  /** The account state ApproveAppealService changes; null when the strike changed none (warning, posts). */
  undo: UndoAction | null;
  /** The account is no longer in the state the strike put it in: nothing left to reverse there. */
  alreadyReversed: boolean;
  /** Posts ApproveAppealService edits back to not sensitive. */
  restorable: string[];
  /** Posts named on the strike that were deleted meanwhile (or purged): they stay as they are. */
  lostPosts: number;
  /** delete_statuses: Mastodon cannot undo it; approving only records the decision. */
  irreversible: boolean;
  /** Suspended with no deletion request left: the data was purged, the account comes back empty. */
  dataPurged: boolean;
  /** Connected mode: the Admin API endpoint to call, or null when there is nothing to call. */
  apiCall: UndoAction | null;
  /**
   * Connected mode only: a suspension by the account's own server, which Mastodon's API cannot
   * lift; approval records the decision without it.
   */
  apiSkipsRemoteSuspension: boolean;
  /** Connected mode: restoring posts has no Admin API, so the approval belongs in Mastodon's own UI. */
  needsMastodonUi: boolean;
}

/**
 * What approving an appeal does, decided before anything is written, so the confirmation can
 * say it and both write paths do the same: ApproveAppealService#undo_strike_action! by strike.
 */
export function planAppealApproval({
  strikeAction,
  strikeStatusIds,
  account,
  statuses,
  mode,
}: {
  strikeAction: number;
  /** account_warnings.status_ids as stored. */
  strikeStatusIds: string[];
  account: AppealAccountState;
  /** The rows still present for those ids (with discarded ones). */
  statuses: StrikeStatus[];
  mode: 'api' | 'database';
}): AppealPlan {
  const action = strikeActionName(strikeAction);
  const plan: AppealPlan = {
    action,
    undo: null,
    alreadyReversed: false,
    restorable: [],
    lostPosts: 0,
    irreversible: false,
    dataPurged: false,
    apiCall: null,
    apiSkipsRemoteSuspension: false,
    needsMastodonUi: false,
  };
  switch (action) {
    case 'disable':
      plan.undo = 'enable';
      plan.alreadyReversed = account.disabled !== true;
      break;
    case 'sensitive':
      plan.undo = 'unsensitive';
      plan.alreadyReversed = !account.sensitized;
      break;
    case 'silence':
      plan.undo = 'unsilence';
      plan.alreadyReversed = !account.silenced;
      break;
    case 'suspend':
      plan.undo = 'unsuspend';
      plan.alreadyReversed = !account.suspended;
      plan.dataPurged = account.suspended && !account.deletionRequested;
      break;
    case 'mark_statuses_as_sensitive':
      for (const s of statuses) {
        if (s.deletedAt) plan.lostPosts += 1;
        else if (s.mediaCount > 0 && s.sensitive) plan.restorable.push(s.id);
      }
      plan.lostPosts += missingPosts(strikeStatusIds, statuses);
      break;
    case 'delete_statuses':
      plan.irreversible = true;
      break;
    case 'none':
    case null:
      break;
  }
  if (mode === 'api') {
    if (plan.undo && !plan.alreadyReversed) {
      if (plan.undo === 'unsuspend' && !account.suspendedLocally) plan.apiSkipsRemoteSuspension = true;
      else plan.apiCall = plan.undo;
    }
    plan.needsMastodonUi = plan.restorable.length > 0;
  }
  return plan;
}

/** Strike post ids with no row left (a remote post is destroyed when deleted). */
export function missingPosts(statusIds: string[], found: Array<{ id: string }>): number {
  const have = new Set(found.map((s) => s.id));
  return statusIds.filter((id) => !have.has(id)).length;
}

/** The reply text: trimmed; empty means none. */
export function normalizeReply(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

export const appealDecisionSchema = z.object({
  appealId: z.string().regex(/^\d{1,19}$/, 'Not an appeal id.'),
  decision: z.enum(['approve', 'reject']),
  reply: z.string().max(APPEAL_REPLY_MAX + 200, `The reply can be at most ${APPEAL_REPLY_MAX} characters.`).default(''),
});
export type AppealDecisionFormInput = z.input<typeof appealDecisionSchema>;
