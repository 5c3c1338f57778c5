import type { Db } from '@/db/client';
import { recordEvent } from '@/db/queries/events';
import { lockReport } from '@/db/queries/report-moderation';
import { insertReportNote } from '@/db/queries/report-notes';
import { getReportState } from '@/db/queries/reports';
import { assertCan } from '../guard';
import { WritePathError, type AdminApiClient, type WriteActor } from '../types';
import { deleteNote } from './database';
import { checkBulkIds, checkNote, checkReportId, staleReportError } from './validation';
import { NoAdminApiError, type BulkResult, type NoteFollowUp, type ReportTarget, type ReportWrites } from './types';

/** The fields of Mastodon's Admin::Report entity that Palisade reads back after an action. */
export interface AdminReportEntity {
  id: string;
  action_taken: boolean;
  action_taken_at: string | null;
  assigned_account: { id: string } | null;
}

type ReportCall = 'resolve' | 'reopen' | 'assign_to_self' | 'unassign';

/**
 * Connected mode. Assign, resolve and reopen go through Mastodon's Admin API with the moderator's
 * token (Mastodon writes its own audit rows and fires its webhooks). Report notes have no API and
 * Mastodon writes them straight to `report_notes`, so Palisade does the same with `db`. Deleting
 * or marking reported posts and assigning to someone else have no API at all: refused with a link
 * to the instance's own report page.
 */
export function reportAdminApiWrites(api: AdminApiClient, { db, now = () => new Date() }: { db?: Db; now?: () => Date } = {}): ReportWrites {
  function database(): Db {
    if (!db) throw new WritePathError('unavailable', 'Palisade has no database connection for report notes.');
    return db;
  }

  function call(actor: WriteActor, reportId: string, action: ReportCall) {
    return api.call<AdminReportEntity>(actor, 'POST', `/api/v1/admin/reports/${reportId}/${action}`);
  }

  /** Not atomic with Mastodon's write (nothing can be), but catches the common case of a stale page. */
  async function checkFresh(input: ReportTarget): Promise<void> {
    if (!input.expectedUpdatedAt || !db) return;
    const report = await lockReport({ db, reportId: input.reportId });
    if (report && report.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) throw staleReportError(input.reportId);
  }

  function reportAction(action: ReportCall) {
    return async (input: ReportTarget): Promise<void> => {
      assertCan(input.actor, 'manage_reports');
      checkReportId(input.reportId);
      await checkFresh(input);
      await call(input.actor, input.reportId, action);
    };
  }

  const reportPage = (reportId: string) => `${api.baseUrl}/admin/reports/${reportId}`;

  async function followUp(actor: WriteActor, reportId: string, then: 'resolve' | 'reopen'): Promise<NoteFollowUp> {
    const state = await getReportState({ db: database(), reportId });
    if (then === 'resolve' && state?.actionTakenAt) return { status: 'skipped', reason: 'already_resolved' };
    if (then === 'reopen' && !state?.actionTakenAt) return { status: 'skipped', reason: 'already_open' };
    try {
      await call(actor, reportId, then);
      return { status: 'done' };
    } catch (error) {
      if (error instanceof WritePathError) return { status: 'failed', error };
      throw error;
    }
  }

  async function eachReport(ids: string[], act: (reportId: string) => Promise<'done' | 'unchanged'>): Promise<BulkResult> {
    const result: BulkResult = { done: [], unchanged: [], failed: [] };
    for (const reportId of ids) {
      try {
        if ((await act(reportId)) === 'done') result.done.push(reportId);
        else result.unchanged.push(reportId);
      } catch (error) {
        if (!(error instanceof WritePathError)) throw error;
        // A token or role problem fails every call the same way: stop instead of repeating it.
        if (error.code === 'unauthenticated' || error.code === 'token_missing') throw error;
        result.failed.push({ reportId, error });
      }
    }
    return result;
  }

  return {
    resolveReport: reportAction('resolve'),
    reopenReport: reportAction('reopen'),
    assignReportToSelf: reportAction('assign_to_self'),
    unassignReport: reportAction('unassign'),

    async addReportNote(input) {
      assertCan(input.actor, 'manage_reports');
      checkReportId(input.reportId);
      const content = checkNote(input.content);
      // The note is committed on its own first: whatever Mastodon answers next, it is kept.
      const noteId = await database()
        .transaction()
        .execute(async (trx) => {
          const report = await lockReport({ db: trx, reportId: input.reportId });
          if (!report) throw new WritePathError('not_found', `Report #${input.reportId} does not exist.`);
          const at = now();
          const id = await insertReportNote({ db: trx, reportId: report.id, accountId: input.actor.accountId, content, at });
          await recordEvent({ db: trx, actorId: input.actor.accountId, targetType: 'Report', action: 'note_created', targetId: report.id, humanIdentifier: report.id, at });
          return id;
        });
      return { noteId, followUp: input.then ? await followUp(input.actor, input.reportId, input.then) : { status: 'none' } };
    },

    deleteReportNote: (input) => deleteNote(database(), now, input),

    async assignReports({ actor, reportIds, assigneeAccountId }) {
      assertCan(actor, 'manage_reports');
      const ids = checkBulkIds(reportIds);
      if (assigneeAccountId !== null && assigneeAccountId !== actor.accountId) {
        throw new NoAdminApiError(
          "Mastodon's API can only assign a report to the moderator who makes the call, so Palisade cannot assign it to a teammate in connected mode. Ask them to use “Assign to me”.",
          `${api.baseUrl}/admin/reports`,
        );
      }
      return eachReport(ids, async (reportId) => {
        const state = await getReportState({ db: database(), reportId });
        if (!state) throw new WritePathError('not_found', `Report #${reportId} does not exist.`);
        if (state.assignedAccountId === assigneeAccountId) return 'unchanged';
        await call(actor, reportId, assigneeAccountId === null ? 'unassign' : 'assign_to_self');
        return 'done';
      });
    },

    async resolveReports({ actor, reportIds, note }) {
      assertCan(actor, 'manage_reports');
      const ids = checkBulkIds(reportIds);
      const content = note && note.trim() !== '' ? checkNote(note) : null;
      if (content) {
        // All notes in one transaction before any call: a report Mastodon then refuses to resolve keeps its note.
        await database()
          .transaction()
          .execute(async (trx) => {
            const at = now();
            for (const reportId of ids) {
              const report = await lockReport({ db: trx, reportId });
              if (!report) throw new WritePathError('not_found', `Report #${reportId} no longer exists; nothing was changed.`);
              await insertReportNote({ db: trx, reportId, accountId: actor.accountId, content, at });
              await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'Report', action: 'note_created', targetId: reportId, humanIdentifier: reportId, at });
            }
          });
      }
      return eachReport(ids, async (reportId) => {
        const state = await getReportState({ db: database(), reportId });
        if (!state) throw new WritePathError('not_found', `Report #${reportId} does not exist.`);
        if (state.actionTakenAt) return 'unchanged';
        await call(actor, reportId, 'resolve');
        return 'done';
      });
    },

    async deleteReportedStatuses(input) {
      assertCan(input.actor, 'manage_reports');
      checkReportId(input.reportId);
      throw new NoAdminApiError(
        "Mastodon has no API for deleting reported posts, and doing it in the database would skip what Mastodon does with it (removing the posts from timelines, telling other servers, e-mailing the author). Delete them on your instance's own report page.",
        reportPage(input.reportId),
      );
    },

    async markReportedStatusesSensitive(input) {
      assertCan(input.actor, 'manage_reports');
      checkReportId(input.reportId);
      throw new NoAdminApiError(
        "Mastodon has no API for marking reported posts as sensitive, and doing it in the database would skip what Mastodon does with it (the edit sent to other servers, the e-mail to the author). Mark them on your instance's own report page.",
        reportPage(input.reportId),
      );
    },
  };
}
