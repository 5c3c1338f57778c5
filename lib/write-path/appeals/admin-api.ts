import type { Db } from '@/db/client';
import { lockAccountForAction } from '@/db/queries/account-actions';
import { lockAppealForDecision } from '@/db/queries/appeals';
import { can } from '@/lib/permissions';
import { assertCan } from '../guard';
import { WritePathError, type AdminApiClient } from '../types';
import { checkAppealInput, lockPendingAppeal, planFor, recordAppealDecision } from './database';
import type { AppealWrites } from './types';

/**
 * Connected mode. Mastodon's Admin API has no appeal endpoints: the account state the strike
 * changed is lifted through the account endpoints (enable, unsensitive, unsilence, unsuspend) with
 * the moderator's token, then the appeal row, the overruled strike and the audit entry are
 * written as Mastodon writes them. Restoring posts has no API at all, so such an approval is
 * refused with a link to the strike in Mastodon's own admin.
 */
export function appealAdminApiWrites(api: AdminApiClient, context: { db?: Db; now?: () => Date }): AppealWrites {
  const now = context.now ?? (() => new Date());
  function database(): Db {
    if (!context.db) throw new WritePathError('unavailable', 'Deciding appeals needs the Mastodon database, which is not configured.');
    return context.db;
  }
  const strikeUrl = (strikeId: string) => `${api.baseUrl}/admin/disputes/strikes/${strikeId}`;

  return {
    async approveAppeal(input) {
      assertCan(input.actor, 'manage_appeals');
      const reply = checkAppealInput(input);
      const db = database();

      // Read (without holding locks across the HTTP call) and decide what Mastodon must do.
      const peek = await lockAppealForDecision({ db, appealId: input.appealId });
      if (!peek) throw new WritePathError('not_found', `Appeal ${input.appealId} does not exist.`);
      if (peek.approvedAt || peek.rejectedAt) throw new WritePathError('conflict', `Appeal ${input.appealId} has already been ${peek.approvedAt ? 'approved' : 'rejected'}.`);
      const account = await lockAccountForAction({ db, accountId: peek.accountId });
      if (!account) throw new WritePathError('not_found', `Account ${peek.accountId} does not exist.`);
      const plan = await planFor(db, peek, account, 'api');
      if (plan.needsMastodonUi) {
        throw new WritePathError('unavailable', `Restoring the posts this strike marked sensitive has no Admin API. Approve the appeal in Mastodon instead: ${strikeUrl(peek.strikeId)}`);
      }
      if (plan.apiCall) {
        // Mastodon's account endpoints need manage_users, which its own appeal screen does not.
        if (!can(input.actor.permissions, 'manage_users')) {
          throw new WritePathError('forbidden', `Lifting this strike through Mastodon's API needs the manage_users permission. Approve the appeal in Mastodon instead: ${strikeUrl(peek.strikeId)}`, 'manage_users');
        }
        await api.call(input.actor, 'POST', `/api/v1/admin/accounts/${peek.accountId}/${plan.apiCall}`);
      }

      await db.transaction().execute(async (trx) => {
        const appeal = await lockPendingAppeal(trx, input.appealId);
        await recordAppealDecision(trx, { actor: input.actor, appeal, decision: 'approved', reply, at: now() });
      });
      return { undo: plan.apiCall, restoredStatusIds: [] };
    },

    async rejectAppeal(input) {
      assertCan(input.actor, 'manage_appeals');
      const reply = checkAppealInput(input);
      await database()
        .transaction()
        .execute(async (trx) => {
          const appeal = await lockPendingAppeal(trx, input.appealId);
          await recordAppealDecision(trx, { actor: input.actor, appeal, decision: 'rejected', reply, at: now() });
        });
    },
  };
}
