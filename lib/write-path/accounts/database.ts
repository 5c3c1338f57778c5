import type { Db } from '@/db/client';
import {
  deleteAccountRow,
  deleteCanonicalEmailBlocksFor,
  deleteDeletionRequests,
  getReportForAction,
  getWarningPresetText,
  insertCanonicalEmailBlock,
  insertDeletionRequest,
  insertStrike,
  lockAccountForAction,
  lockUnresolvedReportsAgainst,
  setAccountTimestamps,
  setUserApproved,
  setUserDisabled,
  type AccountForAction,
} from '@/db/queries/account-actions';
import { insertAdminActionLog } from '@/db/queries/audit';
import { markReportResolved } from '@/db/queries/reports';
import { refuseAccountAction, refuseUndo, STRIKE_ACTIONS, warningText, type ActionRefusal, type TargetStanding } from '@/lib/account-actions';
import { canonicalEmailHash } from '@/lib/canonical-email';
import { acct } from '@/lib/format';
import { can } from '@/lib/permissions';
import { WritePathError, type DatabaseAdapterContext, type WriteActor } from '../types';
import type { AccountWrites } from './types';

const INSTANCE_ACTOR_ID = '-99';

export function standingOf(account: AccountForAction): TargetStanding {
  return {
    local: account.domain === null,
    instanceActor: account.id === INSTANCE_ACTOR_ID,
    suspended: account.suspendedAt !== null && account.id !== INSTANCE_ACTOR_ID,
    suspendedLocally: account.suspendedAt !== null && account.suspensionOrigin === 0,
    silenced: account.silencedAt !== null,
    sensitized: account.sensitizedAt !== null,
    rolePosition: account.rolePosition,
  };
}

function refusalError(refusal: ActionRefusal, what: string): WritePathError {
  switch (refusal) {
    case 'permission':
      return new WritePathError('forbidden', `Your role may not ${what}.`);
    case 'outranked':
      return new WritePathError('forbidden', `Your role does not outrank this account's role, so you may not ${what}.`);
    case 'instance_actor':
      return new WritePathError('invalid', 'The instance actor cannot be suspended.');
    case 'unavailable':
      return new WritePathError('conflict', `This account's current state does not allow you to ${what}.`);
  }
}

/**
 * Admin::AccountAction#save and the undo controllers, as rows: the action's audit entry, the state
 * change, the strike, and the reports it resolves — all in one transaction, in Mastodon's order.
 */
export function accountDatabaseWrites({ db, now }: DatabaseAdapterContext): AccountWrites {
  async function locked(trx: Db, accountId: string): Promise<AccountForAction> {
    const account = await lockAccountForAction({ db: trx, accountId });
    if (!account) throw new WritePathError('not_found', `Account ${accountId} does not exist.`);
    return account;
  }

  function log(trx: Db, actor: WriteActor, account: AccountForAction, action: string, at: Date, as: 'Account' | 'User' = 'Account') {
    return insertAdminActionLog({
      db: trx,
      accountId: actor.accountId,
      action,
      targetType: as,
      targetId: as === 'User' ? account.userId : account.id,
      humanIdentifier: acct(account.username, account.domain),
      // User targets link back to their account (User#to_log_route_param).
      routeParam: as === 'User' ? account.id : null,
      at,
    });
  }

  return {
    async takeAccountAction(input) {
      return db.transaction().execute(async (trx) => {
        const at = now();
        const account = await locked(trx, input.accountId);
        const refusal = refuseAccountAction({ permissions: input.actor.permissions, rolePosition: input.actor.rolePosition }, standingOf(account), input.type);
        if (refusal) throw refusalError(refusal, `take this action (${input.type})`);

        const report = input.reportId ? await getReportForAction({ db: trx, reportId: input.reportId }) : undefined;
        if (input.reportId && !report) throw new WritePathError('not_found', `Report #${input.reportId} does not exist.`);
        if (report && report.target_account_id !== account.id) throw new WritePathError('invalid', `Report #${report.id} is not about this account.`);
        if (report && input.expectedReportUpdatedAt && report.updated_at.getTime() !== input.expectedReportUpdatedAt.getTime()) {
          throw new WritePathError('conflict', `Report #${report.id} changed while you were looking at it (someone acted on it or added a note). Nothing was applied: look at what happened, then act again if it is still needed.`);
        }
        const reportIds = input.type === 'none' ? (report && !report.action_taken_at ? [report.id] : []) : await lockUnresolvedReportsAgainst({ db: trx, accountId: account.id });
        // Resolving the reports needs ReportPolicy#update? (manage_reports).
        if (reportIds.length > 0 && !can(input.actor.permissions, 'manage_reports')) {
          throw new WritePathError('forbidden', 'Your role may not resolve reports (manage_reports), which this action does.');
        }

        switch (input.type) {
          case 'disable':
            if (!account.userId) throw new WritePathError('invalid', 'Only local accounts can be frozen.');
            await log(trx, input.actor, account, 'disable', at, 'User');
            await setUserDisabled({ db: trx, userId: account.userId, disabled: true, at });
            break;
          case 'sensitive':
            await log(trx, input.actor, account, 'sensitive', at);
            await setAccountTimestamps({ db: trx, accountId: account.id, at, changes: { sensitized_at: at } });
            break;
          case 'silence':
            await log(trx, input.actor, account, 'silence', at);
            await setAccountTimestamps({ db: trx, accountId: account.id, at, changes: { silenced_at: at } });
            break;
          case 'suspend':
            await log(trx, input.actor, account, 'suspend', at);
            await insertDeletionRequest({ db: trx, accountId: account.id, at });
            await setAccountTimestamps({ db: trx, accountId: account.id, at, changes: { suspended_at: at, suspension_origin: 0 } });
            if (account.domain === null && account.userEmail) {
              await insertCanonicalEmailBlock({ db: trx, hash: canonicalEmailHash(account.userEmail), accountId: account.id, at });
            }
            break;
          case 'none':
            break;
        }

        const presetText = input.warningPresetId ? await getWarningPresetText({ db: trx, presetId: input.warningPresetId }) : null;
        if (input.warningPresetId && presetText === undefined) throw new WritePathError('invalid', 'That warning preset no longer exists.');
        const text = warningText(presetText, input.text);
        const includeStatuses = input.includeStatuses ?? true;
        const strikeId = await insertStrike({
          db: trx,
          actorAccountId: input.actor.accountId,
          targetAccountId: account.id,
          action: STRIKE_ACTIONS[input.type],
          text,
          reportId: report?.id ?? null,
          statusIds: report && includeStatuses ? report.status_ids.map(String) : null,
          at,
        });
        // Mastodon logs a warning only when it carries someone's words; a bare strike is noise.
        if (input.type === 'none' && text !== '') {
          await insertAdminActionLog({ db: trx, accountId: input.actor.accountId, action: 'create', targetType: 'AccountWarning', targetId: strikeId, humanIdentifier: acct(account.username, account.domain), at });
        }

        for (const reportId of reportIds) {
          await insertAdminActionLog({ db: trx, accountId: input.actor.accountId, action: 'resolve', targetType: 'Report', targetId: reportId, humanIdentifier: reportId, at });
          await markReportResolved({ db: trx, reportId, accountId: input.actor.accountId, at });
        }
        return { strikeId, resolvedReportIds: reportIds };
      });
    },

    async undoAccountAction({ actor, accountId, undo }) {
      await db.transaction().execute(async (trx) => {
        const at = now();
        const account = await locked(trx, accountId);
        const refusal = refuseUndo({ permissions: actor.permissions, rolePosition: actor.rolePosition }, standingOf(account), undo);
        if (refusal) throw refusalError(refusal, undo);
        switch (undo) {
          case 'unsilence':
            await log(trx, actor, account, 'unsilence', at);
            await setAccountTimestamps({ db: trx, accountId, at, changes: { silenced_at: null } });
            break;
          case 'unsensitive':
            await log(trx, actor, account, 'unsensitive', at);
            await setAccountTimestamps({ db: trx, accountId, at, changes: { sensitized_at: null } });
            break;
          case 'unsuspend':
            await log(trx, actor, account, 'unsuspend', at);
            await deleteDeletionRequests({ db: trx, accountId });
            await setAccountTimestamps({ db: trx, accountId, at, changes: { suspended_at: null, suspension_origin: null } });
            await deleteCanonicalEmailBlocksFor({ db: trx, accountId });
            break;
          case 'enable':
            if (!account.userId) throw new WritePathError('invalid', 'Only local accounts can be unfrozen.');
            if (!account.userDisabled) throw new WritePathError('conflict', 'This account is not frozen.');
            await log(trx, actor, account, 'enable', at, 'User');
            await setUserDisabled({ db: trx, userId: account.userId, disabled: false, at });
            break;
        }
      });
    },

    async approveUser({ actor, accountId }) {
      await db.transaction().execute(async (trx) => {
        const at = now();
        const account = await locked(trx, accountId);
        if (!can(actor.permissions, 'manage_users')) throw refusalError('permission', 'approve sign-ups');
        if (!account.userId || account.userApproved !== false) throw new WritePathError('conflict', 'This account is not waiting for approval.');
        await log(trx, actor, account, 'approve', at, 'User');
        await setUserApproved({ db: trx, userId: account.userId, at });
      });
    },

    async rejectUser({ actor, accountId }) {
      await db.transaction().execute(async (trx) => {
        const at = now();
        const account = await locked(trx, accountId);
        if (!can(actor.permissions, 'manage_users')) throw refusalError('permission', 'reject sign-ups');
        if (!account.userId || account.userApproved !== false) throw new WritePathError('conflict', 'This account is not waiting for approval.');
        // The audit row keeps the acct, so it survives the deletion that follows.
        await log(trx, actor, account, 'reject', at, 'User');
        await deleteAccountRow({ db: trx, accountId });
      });
    },
  };
}
