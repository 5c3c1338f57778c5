import type { Db } from '@/db/client';
import { deleteCanonicalEmailBlocksFor, deleteDeletionRequests, lockAccountForAction, setAccountTimestamps, setUserDisabled, type AccountForAction } from '@/db/queries/account-actions';
import {
  accountHasDeletionRequest,
  insertAppealReply,
  listStrikeStatusStates,
  lockAppealForDecision,
  markAppealApproved,
  markAppealRejected,
  representativeAccountId,
  restoreStatusNotSensitive,
  touchStrikeOverruled,
  type AppealForDecision,
} from '@/db/queries/appeals';
import { insertAdminActionLog } from '@/db/queries/audit';
import { recordEvent } from '@/db/queries/events';
import { APPEAL_REPLY_MAX, normalizeReply, planAppealApproval, type AppealPlan } from '@/lib/appeal-decision';
import { acct } from '@/lib/format';
import { assertCan } from '../guard';
import { WritePathError, type DatabaseAdapterContext, type WriteActor } from '../types';
import type { AppealDecisionInput, AppealWrites } from './types';

export function checkAppealInput({ appealId, reply }: AppealDecisionInput): string | null {
  if (!/^\d{1,19}$/.test(appealId)) throw new WritePathError('invalid', 'An appeal id is a number.');
  const text = normalizeReply(reply);
  if (text && text.length > APPEAL_REPLY_MAX) throw new WritePathError('invalid', `The reply is longer than ${APPEAL_REPLY_MAX} characters.`);
  return text;
}

export async function lockPendingAppeal(trx: Db, appealId: string): Promise<AppealForDecision> {
  const appeal = await lockAppealForDecision({ db: trx, appealId });
  if (!appeal) throw new WritePathError('not_found', `Appeal ${appealId} does not exist.`);
  // AppealPolicy#approve?/reject?: only a pending appeal can be decided.
  if (appeal.approvedAt || appeal.rejectedAt) throw new WritePathError('conflict', `Appeal ${appealId} has already been ${appeal.approvedAt ? 'approved' : 'rejected'}.`);
  return appeal;
}

export async function lockAppealAccount(trx: Db, accountId: string): Promise<AccountForAction> {
  const account = await lockAccountForAction({ db: trx, accountId });
  if (!account) throw new WritePathError('not_found', `Account ${accountId} does not exist.`);
  return account;
}

/** The plan for an appeal whose rows are already read (and locked, in the database path). */
export async function planFor(db: Db, appeal: AppealForDecision, account: AccountForAction, mode: 'api' | 'database'): Promise<AppealPlan> {
  const statusIds = appeal.strikeStatusIds ?? [];
  const statuses = appeal.strikeAction === 1250 ? await listStrikeStatusStates({ db, statusIds }) : [];
  return planAppealApproval({
    strikeAction: appeal.strikeAction,
    strikeStatusIds: statusIds,
    statuses,
    mode,
    account: {
      local: account.domain === null,
      suspended: account.suspendedAt !== null && account.id !== '-99',
      suspendedLocally: account.suspendedAt !== null && account.suspensionOrigin === 0,
      silenced: account.silencedAt !== null,
      sensitized: account.sensitizedAt !== null,
      disabled: account.userDisabled,
      deletionRequested: await accountHasDeletionRequest({ db, accountId: account.id }),
    },
  });
}

/**
 * The appeal's own rows, as Admin::Disputes::AppealsController and Appeal#approve!/reject! write
 * them: the audit entry first (log_action runs before the service), the decision, the strike
 * overruled on approval, and Palisade's reply. Runs inside the caller's transaction.
 */
export async function recordAppealDecision(
  trx: Db,
  { actor, appeal, decision, reply, at }: { actor: WriteActor; appeal: AppealForDecision; decision: 'approved' | 'rejected'; reply: string | null; at: Date },
  between?: () => Promise<void>,
): Promise<void> {
  await insertAdminActionLog({
    db: trx,
    accountId: actor.accountId,
    action: decision === 'approved' ? 'approve' : 'reject',
    targetType: 'Appeal',
    targetId: appeal.id,
    // Appeal#to_log_human_identifier is the appellant's acct; the route param is the strike.
    humanIdentifier: acct(appeal.username, appeal.domain),
    routeParam: appeal.strikeId,
    at,
  });
  await between?.();
  const marked = decision === 'approved'
    ? await markAppealApproved({ db: trx, appealId: appeal.id, accountId: actor.accountId, at })
    : await markAppealRejected({ db: trx, appealId: appeal.id, accountId: actor.accountId, at });
  if (!marked) throw new WritePathError('conflict', `Appeal ${appeal.id} was decided by someone else meanwhile.`);
  if (decision === 'approved') await touchStrikeOverruled({ db: trx, strikeId: appeal.strikeId, at });
  if (reply) {
    await insertAppealReply({ db: trx, appealId: appeal.id, strikeId: appeal.strikeId, decision, accountId: actor.accountId, text: reply, at });
    // Mastodon keeps no record of a reply; Palisade's audit log shows that one was written (not its words).
    await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'Appeal', action: 'reply', targetId: appeal.id, humanIdentifier: acct(appeal.username, appeal.domain), routeParam: appeal.strikeId, data: { decision }, at });
  }
}

/** ApproveAppealService#undo_strike_action!, as rows (no audit rows of their own, as in Mastodon). */
async function undoStrike(trx: Db, account: AccountForAction, plan: AppealPlan, at: Date): Promise<string[]> {
  switch (plan.action) {
    case 'disable':
      if (!account.userId) throw new WritePathError('invalid', 'This strike froze an account that has no user any more.');
      if (account.userDisabled) await setUserDisabled({ db: trx, userId: account.userId, disabled: false, at });
      return [];
    case 'sensitive':
      if (account.sensitizedAt) await setAccountTimestamps({ db: trx, accountId: account.id, at, changes: { sensitized_at: null } });
      return [];
    case 'silence':
      if (account.silencedAt) await setAccountTimestamps({ db: trx, accountId: account.id, at, changes: { silenced_at: null } });
      return [];
    case 'suspend':
      // Account#unsuspend!: deletion request, the suspension, and the canonical e-mail block it made.
      await deleteDeletionRequests({ db: trx, accountId: account.id });
      if (account.suspendedAt) await setAccountTimestamps({ db: trx, accountId: account.id, at, changes: { suspended_at: null, suspension_origin: null } });
      await deleteCanonicalEmailBlocksFor({ db: trx, accountId: account.id });
      return [];
    case 'mark_statuses_as_sensitive': {
      const editor = (await representativeAccountId({ db: trx })) ?? account.id;
      const restored: string[] = [];
      for (const statusId of plan.restorable) {
        if (await restoreStatusNotSensitive({ db: trx, statusId, editorAccountId: editor, at })) restored.push(statusId);
      }
      return restored;
    }
    default:
      // none: a warning changed nothing; delete_statuses cannot be undone.
      return [];
  }
}

export function appealDatabaseWrites({ db, now }: DatabaseAdapterContext): AppealWrites {
  return {
    async approveAppeal(input) {
      assertCan(input.actor, 'manage_appeals');
      const reply = checkAppealInput(input);
      return db.transaction().execute(async (trx) => {
        const at = now();
        const appeal = await lockPendingAppeal(trx, input.appealId);
        const account = await lockAppealAccount(trx, appeal.accountId);
        const plan = await planFor(trx, appeal, account, 'database');
        let restoredStatusIds: string[] = [];
        await recordAppealDecision(trx, { actor: input.actor, appeal, decision: 'approved', reply, at }, async () => {
          restoredStatusIds = await undoStrike(trx, account, plan, at);
        });
        return { undo: plan.undo, restoredStatusIds };
      });
    },

    async rejectAppeal(input) {
      assertCan(input.actor, 'manage_appeals');
      const reply = checkAppealInput(input);
      await db.transaction().execute(async (trx) => {
        const appeal = await lockPendingAppeal(trx, input.appealId);
        await recordAppealDecision(trx, { actor: input.actor, appeal, decision: 'rejected', reply, at: now() });
      });
    },
  };
}
