import type { Db } from '@/db/client';
import { listResolvedReportIds, listUnresolvedReportsAgainst } from '@/db/queries/account-actions';
import { ACCOUNT_ACTION_TYPES } from '@/lib/account-actions';
import { canAny } from '@/lib/permissions';
import { WritePathError, type AdminApiClient } from '../types';
import type { AccountWrites } from './types';

function checkId(id: string, what: string): void {
  if (!/^-?\d+$/.test(id)) throw new WritePathError('invalid', `A ${what} id is a number.`);
}

/** Admin API: POST /api/v1/admin/accounts/:id/{action,unsilence,unsuspend,unsensitive,enable,approve,reject}. */
export function accountAdminApiWrites(api: AdminApiClient, { db }: { db?: Db } = {}): AccountWrites {
  return {
    async takeAccountAction(input) {
      checkId(input.accountId, 'account');
      if (!(ACCOUNT_ACTION_TYPES as readonly string[]).includes(input.type)) throw new WritePathError('invalid', `Unknown action ${input.type}.`);
      if (!canAny(input.actor.permissions, ['manage_users', 'manage_reports'])) throw new WritePathError('forbidden', 'Your role may not take account actions.');
      if (input.reportId) checkId(input.reportId, 'report');
      if (input.warningPresetId) checkId(input.warningPresetId, 'warning preset');
      // Mastodon answers 200 with an empty body: which reports it resolved (all of the target's
      // open ones, for any action but a bare warning) is read back from its database.
      const open = db ? await listUnresolvedReportsAgainst({ db, accountId: input.accountId }) : [];
      await api.call(input.actor, 'POST', `/api/v1/admin/accounts/${input.accountId}/action`, {
        type: input.type,
        ...(input.reportId ? { report_id: input.reportId } : {}),
        ...(input.warningPresetId ? { warning_preset_id: input.warningPresetId } : {}),
        ...(input.text ? { text: input.text } : {}),
        send_email_notification: input.sendEmailNotification ?? true,
      });
      return { strikeId: null, resolvedReportIds: db ? await listResolvedReportIds({ db, ids: open }) : [] };
    },
    async undoAccountAction({ actor, accountId, undo }) {
      checkId(accountId, 'account');
      if (!canAny(actor.permissions, ['manage_users'])) throw new WritePathError('forbidden', `Your role may not ${undo} accounts.`);
      await api.call(actor, 'POST', `/api/v1/admin/accounts/${accountId}/${undo}`);
    },
    async approveUser({ actor, accountId }) {
      checkId(accountId, 'account');
      if (!canAny(actor.permissions, ['manage_users'])) throw new WritePathError('forbidden', 'Your role may not approve sign-ups.');
      await api.call(actor, 'POST', `/api/v1/admin/accounts/${accountId}/approve`);
    },
    async rejectUser({ actor, accountId }) {
      checkId(accountId, 'account');
      if (!canAny(actor.permissions, ['manage_users'])) throw new WritePathError('forbidden', 'Your role may not reject sign-ups.');
      await api.call(actor, 'POST', `/api/v1/admin/accounts/${accountId}/reject`);
    },
  };
}
