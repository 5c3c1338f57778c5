import type { AccountActionType, UndoAction } from '@/lib/account-actions';
import type { WriteActor } from '../types';

export interface AccountActionInput {
  actor: WriteActor;
  accountId: string;
  type: AccountActionType;
  /** The report the action is taken from: its posts go on the strike, and for a warning only it is resolved. */
  reportId?: string | null;
  warningPresetId?: string | null;
  text?: string | null;
  /** Mastodon e-mails (and notifies) a local target unless this is false. Sent by Mastodon, so only in connected mode. */
  sendEmailNotification?: boolean;
  /** Attach the report's posts to the strike (Mastodon's "include reported posts"; the API always includes them). */
  includeStatuses?: boolean;
  /**
   * With `reportId`: the report's updated_at as the moderator saw it. If the report changed since
   * (another moderator acted or wrote a note), the action is refused with `conflict` instead of
   * being stacked on a decision the moderator has not seen. Checked under the report's row lock.
   */
  expectedReportUpdatedAt?: Date | null;
}

export interface AccountActionResult {
  /** The strike written; the Admin API does not return it, so null in connected mode. */
  strikeId: string | null;
  resolvedReportIds: string[];
}

export interface AccountTarget {
  actor: WriteActor;
  accountId: string;
}

/** Account actions (Admin::AccountAction) and their undos, plus approving or rejecting sign-ups. */
export interface AccountWrites {
  takeAccountAction(input: AccountActionInput): Promise<AccountActionResult>;
  undoAccountAction(input: AccountTarget & { undo: UndoAction }): Promise<void>;
  approveUser(input: AccountTarget): Promise<void>;
  rejectUser(input: AccountTarget): Promise<void>;
}
