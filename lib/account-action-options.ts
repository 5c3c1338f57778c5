import { z } from 'zod';
import {
  ACCOUNT_ACTION_TYPES,
  refuseAccountAction,
  refuseUndo,
  warningText,
  type AccountActionType,
  type ActingModerator,
  type ActionRefusal,
  type TargetStanding,
  type UndoAction,
} from './account-actions';

/** One type in the action form: offered, or shown disabled with Mastodon's reason. */
export interface AccountActionChoice {
  type: AccountActionType;
  refusal: ActionRefusal | null;
}

/** Every action type in Mastodon's order, each with the policy's verdict for this moderator and account. */
export function accountActionChoices(actor: ActingModerator, target: TargetStanding): AccountActionChoice[] {
  return ACCOUNT_ACTION_TYPES.map((type) => ({ type, refusal: refuseAccountAction(actor, target, type) }));
}

export const UNDO_ACTIONS: readonly UndoAction[] = ['enable', 'unsensitive', 'unsilence', 'unsuspend'];

/**
 * The undos that apply to the account's current state (frozen → unfreeze, …) and that this
 * moderator may take. Undos the state does not call for are left out, not shown disabled.
 */
export function applicableUndos(actor: ActingModerator, target: TargetStanding & { disabled: boolean }): Array<{ undo: UndoAction; refusal: ActionRefusal | null }> {
  const applies: Record<UndoAction, boolean> = {
    enable: target.local && target.disabled,
    unsensitive: target.sensitized,
    unsilence: target.silenced,
    // A suspension by the account's own server (suspension_origin = remote) is not ours to lift.
    unsuspend: target.suspended,
  };
  return UNDO_ACTIONS.filter((undo) => applies[undo]).map((undo) => ({ undo, refusal: refuseUndo(actor, target, undo) }));
}

/** What the confirmation says will happen, as message keys with values; pure so it can be tested. */
export type ActionConsequence =
  | { key: 'effect'; type: AccountActionType }
  | { key: 'suspendPurge' }
  | { key: 'suspendEmailBlock' }
  | { key: 'strike'; type: AccountActionType; text: string }
  | { key: 'logWarning' }
  | { key: 'resolveOne'; reportId: string }
  | { key: 'resolveAll'; count: number }
  | { key: 'resolveNone' }
  | { key: 'includePosts'; count: number }
  | { key: 'emailSent' }
  | { key: 'emailSkipped' }
  | { key: 'emailStandalone' }
  | { key: 'emailRemote' };

export interface ActionPlanInput {
  type: AccountActionType;
  local: boolean;
  /** The account has a user with an e-mail address (local accounts). */
  hasEmail: boolean;
  reportId: string | null;
  /** Unresolved reports against the account, including `reportId` when it is open. */
  openReportCount: number;
  reportOpen: boolean;
  reportStatusCount: number;
  includeStatuses: boolean;
  presetText: string | null;
  text: string;
  sendEmail: boolean;
  /** 'database' = standalone: Palisade writes the rows, Mastodon sends nothing. */
  mode: 'api' | 'database';
}

/**
 * The consequences of Admin::AccountAction#save in the order a moderator reads them: the state
 * change, the strike, the reports closed, the posts attached, and who is told.
 */
export function describeAccountAction(input: ActionPlanInput): ActionConsequence[] {
  const out: ActionConsequence[] = [{ key: 'effect', type: input.type }];
  if (input.type === 'suspend') {
    out.push({ key: 'suspendPurge' });
    if (input.local && input.hasEmail) out.push({ key: 'suspendEmailBlock' });
  }
  const text = warningText(input.presetText, input.text);
  out.push({ key: 'strike', type: input.type, text });
  if (input.type === 'none' && text !== '') out.push({ key: 'logWarning' });

  if (input.type === 'none') {
    out.push(input.reportId && input.reportOpen ? { key: 'resolveOne', reportId: input.reportId } : { key: 'resolveNone' });
  } else {
    out.push(input.openReportCount > 0 ? { key: 'resolveAll', count: input.openReportCount } : { key: 'resolveNone' });
  }
  // The Admin API always attaches the report's posts; the database path follows the checkbox.
  const includes = input.reportId !== null && input.reportStatusCount > 0 && (input.mode === 'api' || input.includeStatuses);
  if (includes) out.push({ key: 'includePosts', count: input.reportStatusCount });

  if (!input.local) out.push({ key: 'emailRemote' });
  else if (input.mode === 'database') out.push({ key: 'emailStandalone' });
  else out.push(input.sendEmail ? { key: 'emailSent' } : { key: 'emailSkipped' });
  return out;
}

const ID = /^-?\d{1,19}$/;

/** One schema for the action form and its server action. */
export const accountActionFormSchema = z.object({
  accountId: z.string().regex(ID, 'Not an account id.'),
  reportId: z.string().regex(ID, 'Not a report id.').nullish(),
  type: z.enum(ACCOUNT_ACTION_TYPES),
  warningPresetId: z.string().regex(ID, 'Not a preset id.').nullish(),
  text: z.string().max(5000, 'The message can be at most 5000 characters.').default(''),
  sendEmailNotification: z.boolean().default(true),
  includeStatuses: z.boolean().default(true),
});
export type AccountActionFormInput = z.input<typeof accountActionFormSchema>;

export const undoFormSchema = z.object({
  accountId: z.string().regex(ID, 'Not an account id.'),
  undo: z.enum(['enable', 'unsensitive', 'unsilence', 'unsuspend']),
});
export type UndoFormInput = z.input<typeof undoFormSchema>;
