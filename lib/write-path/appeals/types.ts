import type { UndoAction } from '@/lib/account-actions';
import type { WriteActor } from '../types';

export interface AppealDecisionInput {
  actor: WriteActor;
  appealId: string;
  /** The moderator's reply, kept with the decision in palisade.appeal_replies (≤ 2000 characters). */
  reply?: string | null;
}

export interface AppealApprovalResult {
  /** The account state lifted (unfreeze, unsensitize, unlimit, unsuspend); null when none applied. */
  undo: UndoAction | null;
  /** Posts edited back to not sensitive (mark_statuses_as_sensitive strikes). */
  restoredStatusIds: string[];
}

/**
 * Appeals (Admin::Disputes::AppealsController): approve reverses the strike like
 * ApproveAppealService; reject records the refusal. Mastodon has no Admin API for appeals, so
 * the appeal row is written directly in both modes; in connected mode the reversal of the
 * account state goes through the Admin API first.
 */
export interface AppealWrites {
  approveAppeal(input: AppealDecisionInput): Promise<AppealApprovalResult>;
  rejectAppeal(input: AppealDecisionInput): Promise<void>;
}
