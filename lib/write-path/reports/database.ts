import type { Db } from '@/db/client';
import { getWarningPresetText, insertStrike } from '@/db/queries/account-actions';
import { insertAdminActionLog } from '@/db/queries/audit';
import { recordEvent } from '@/db/queries/events';
import {
  discardStatusWithReblogs,
  ensureInstanceActor,
  ensureModeratorTombstone,
  getAccountIdentity,
  insertStatusSnapshot,
  lockReport,
  lockReports,
  lockStatusesForAction,
  markLocalStatusSensitive,
  markRemoteStatusSensitive,
  type LockedReport,
  type StatusForAction,
} from '@/db/queries/report-moderation';
import { deleteReportNote, getReportNoteForDelete, insertReportNote } from '@/db/queries/report-notes';
import { isReportTeammate, markReportResolved, markReportUnresolved, setReportAssignee } from '@/db/queries/reports';
import { STRIKE_ACTIONS, warningText } from '@/lib/account-actions';
import { acct } from '@/lib/format';
import { can } from '@/lib/permissions';
import { assertCan } from '../guard';
import { WritePathError, type DatabaseAdapterContext, type WriteActor } from '../types';
import { checkBulkIds, checkNote, checkReportId, staleReportError } from './validation';
import type { BulkResult, ModerationActionInput, ModerationActionResult, ReportTarget, ReportWrites } from './types';

/**
 * Standalone mode: what Admin::ReportsController, Admin::ReportNotesController and
 * Admin::ModerationAction write, each action in one transaction with its audit rows. Reports
 * are locked first, so two moderators racing serialise: the second sees the first's result (a
 * conflict, or "already resolved") instead of doing it twice.
 */
export function reportDatabaseWrites({ db, now }: DatabaseAdapterContext): ReportWrites {
  async function locked(trx: Db, input: ReportTarget): Promise<LockedReport> {
    const report = await lockReport({ db: trx, reportId: input.reportId });
    if (!report) throw new WritePathError('not_found', `Report #${input.reportId} does not exist.`);
    if (input.expectedUpdatedAt && report.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) throw staleReportError(input.reportId);
    return report;
  }

  function logReport(trx: Db, actor: WriteActor, reportId: string, action: string, at: Date) {
    return insertAdminActionLog({ db: trx, accountId: actor.accountId, action, targetType: 'Report', targetId: reportId, humanIdentifier: reportId, at });
  }

  async function withReport(input: ReportTarget, change: (trx: Db, report: LockedReport, at: Date) => Promise<string | null>): Promise<void> {
    assertCan(input.actor, 'manage_reports');
    checkReportId(input.reportId);
    await db.transaction().execute(async (trx) => {
      const report = await locked(trx, input);
      const at = now();
      const action = await change(trx, report, at);
      if (action) await logReport(trx, input.actor, input.reportId, action, at);
    });
  }

  async function resolveIfOpen(trx: Db, actor: WriteActor, report: LockedReport, at: Date): Promise<boolean> {
    if (report.actionTakenAt) return false;
    await markReportResolved({ db: trx, reportId: report.id, accountId: actor.accountId, at });
    await logReport(trx, actor, report.id, 'resolve', at);
    return true;
  }

  /**
   * Admin::ModerationAction for `delete` and `mark_as_sensitive`. Mastodon only offers these on
   * open reports; Palisade keeps the report page usable after a first action, so on a report that
   * is already resolved the posts are handled and struck but the resolution (and its audit row)
   * is not written a second time.
   */
  async function moderationAction(input: ModerationActionInput, kind: 'delete' | 'mark_as_sensitive'): Promise<ModerationActionResult> {
    assertCan(input.actor, 'manage_reports');
    checkReportId(input.reportId);
    return db.transaction().execute(async (trx) => {
      const report = await locked(trx, input);
      const at = now();
      const target = await getAccountIdentity({ db: trx, accountId: report.targetAccountId });
      if (!target) throw new WritePathError('not_found', 'The reported account no longer exists.');
      if (report.statusIds.length === 0) throw new WritePathError('invalid', `Report #${report.id} names no posts.`);
      const statuses = await lockStatusesForAction({ db: trx, ids: report.statusIds });
      const touched: string[] = [];

      if (kind === 'delete') {
        for (const status of statuses) {
          await discardStatusWithReblogs({ db: trx, status, at });
          await logStatus(trx, input.actor, status, 'destroy', at);
          touched.push(status.id);
        }
      } else {
        const eligible = statuses.filter((s) => s.deletedAt === null && s.mediaIds.length > 0);
        if (eligible.length === 0) throw new WritePathError('invalid', 'None of the reported posts still has media to mark as sensitive.');
        for (const status of eligible) {
          await markSensitive(trx, status, target.domain === null, at);
          await logStatus(trx, input.actor, status, 'update', at);
          touched.push(status.id);
        }
      }

      const resolvedReport = await resolveIfOpen(trx, input.actor, report, at);
      const presetText = input.warningPresetId ? await getWarningPresetText({ db: trx, presetId: input.warningPresetId }) : null;
      if (input.warningPresetId && presetText === undefined) throw new WritePathError('invalid', 'That warning preset no longer exists.');
      const strikeId = await insertStrike({
        db: trx,
        actorAccountId: input.actor.accountId,
        targetAccountId: report.targetAccountId,
        action: kind === 'delete' ? STRIKE_ACTIONS.delete_statuses : STRIKE_ACTIONS.mark_statuses_as_sensitive,
        text: warningText(presetText, input.text),
        reportId: report.id,
        // process_strike! records every post the report names, not only those changed.
        statusIds: report.statusIds.map(String),
        at,
      });
      // Remote posts must not come back with the next fetch: Mastodon leaves a tombstone.
      if (kind === 'delete' && target.domain !== null) {
        for (const status of statuses) if (status.uri) await ensureModeratorTombstone({ db: trx, uri: status.uri, accountId: target.id, at });
      }
      return { strikeId, statusIds: touched, resolvedReport };
    });
  }

  function logStatus(trx: Db, actor: WriteActor, status: StatusForAction, action: 'destroy' | 'update', at: Date) {
    return insertAdminActionLog({
      db: trx,
      accountId: actor.accountId,
      action,
      targetType: 'Status',
      targetId: status.id,
      humanIdentifier: acct(status.authorUsername, status.authorDomain),
      permalink: status.uri,
      at,
    });
  }

  /**
   * Remote posts: `update(sensitive: true)`. Local posts: UpdateStatusService as the instance
   * actor, which keeps the original as a first revision when there is none yet, then records the
   * new revision; a post that already is sensitive is left as it is (no significant change).
   */
  async function markSensitive(trx: Db, status: StatusForAction, local: boolean, at: Date): Promise<void> {
    if (!local) {
      await markRemoteStatusSensitive({ db: trx, statusId: status.id, at });
      return;
    }
    if (status.sensitive) return;
    const editor = await ensureInstanceActor({ db: trx, at });
    if (status.editCount === 0) await insertStatusSnapshot({ db: trx, status, sensitive: status.sensitive, accountId: status.accountId, createdAt: status.createdAt, at });
    await markLocalStatusSensitive({ db: trx, statusId: status.id, at });
    await insertStatusSnapshot({ db: trx, status, sensitive: true, accountId: editor, createdAt: at, at });
  }

  async function lockAll(trx: Db, reportIds: string[]): Promise<LockedReport[]> {
    const reports = await lockReports({ db: trx, reportIds });
    if (reports.length !== reportIds.length) {
      const found = new Set(reports.map((r) => r.id));
      const missing = reportIds.filter((id) => !found.has(id));
      throw new WritePathError('not_found', `Report${missing.length > 1 ? 's' : ''} ${missing.map((id) => `#${id}`).join(', ')} no longer exist${missing.length > 1 ? '' : 's'}; nothing was changed.`);
    }
    return reports;
  }

  return {
    resolveReport: (input) =>
      withReport(input, async (trx, report, at) => {
        if (!(await markReportResolved({ db: trx, reportId: report.id, accountId: input.actor.accountId, at }))) {
          throw new WritePathError('conflict', `Report #${report.id} is already resolved.`);
        }
        return 'resolve';
      }),
    reopenReport: (input) =>
      withReport(input, async (trx, report, at) => {
        if (!(await markReportUnresolved({ db: trx, reportId: report.id, at }))) {
          throw new WritePathError('conflict', `Report #${report.id} is already open.`);
        }
        return 'reopen';
      }),
    // Re-assigning to oneself changes nothing and writes no second audit row.
    assignReportToSelf: (input) =>
      withReport(input, async (trx, report, at) => ((await setReportAssignee({ db: trx, reportId: report.id, accountId: input.actor.accountId, at })) ? 'assigned_to_self' : null)),
    unassignReport: (input) => withReport(input, async (trx, report, at) => ((await setReportAssignee({ db: trx, reportId: report.id, accountId: null, at })) ? 'unassigned' : null)),

    async addReportNote(input) {
      assertCan(input.actor, 'manage_reports');
      checkReportId(input.reportId);
      const content = checkNote(input.content);
      return db.transaction().execute(async (trx) => {
        // The note is kept whatever happened meanwhile, so no staleness check here.
        const report = await locked(trx, { ...input, expectedUpdatedAt: null });
        const at = now();
        const noteId = await insertReportNote({ db: trx, reportId: report.id, accountId: input.actor.accountId, content, at });
        await recordEvent({ db: trx, actorId: input.actor.accountId, targetType: 'Report', action: 'note_created', targetId: report.id, humanIdentifier: report.id, at });
        if (input.then === 'resolve') {
          if (report.actionTakenAt) return { noteId, followUp: { status: 'skipped', reason: 'already_resolved' } };
          await resolveIfOpen(trx, input.actor, report, at);
          return { noteId, followUp: { status: 'done' } };
        }
        if (input.then === 'reopen') {
          if (!report.actionTakenAt) return { noteId, followUp: { status: 'skipped', reason: 'already_open' } };
          await markReportUnresolved({ db: trx, reportId: report.id, at });
          await logReport(trx, input.actor, report.id, 'reopen', at);
          return { noteId, followUp: { status: 'done' } };
        }
        return { noteId, followUp: { status: 'none' } };
      });
    },

    deleteReportNote: (input) => deleteNote(db, now, input),

    async assignReports({ actor, reportIds, assigneeAccountId }) {
      assertCan(actor, 'manage_reports');
      const ids = checkBulkIds(reportIds);
      if (assigneeAccountId !== null && assigneeAccountId !== actor.accountId && !(await isReportTeammate({ db, accountId: assigneeAccountId }))) {
        throw new WritePathError('invalid', 'Reports can only be assigned to staff whose role may handle reports.');
      }
      const assignee = assigneeAccountId && assigneeAccountId !== actor.accountId ? await getAccountIdentity({ db, accountId: assigneeAccountId }) : undefined;
      return db.transaction().execute(async (trx) => {
        const reports = await lockAll(trx, ids);
        const at = now();
        const result: BulkResult = { done: [], unchanged: [], failed: [] };
        for (const report of reports) {
          if (!(await setReportAssignee({ db: trx, reportId: report.id, accountId: assigneeAccountId, at }))) {
            result.unchanged.push(report.id);
            continue;
          }
          if (assigneeAccountId === null) await logReport(trx, actor, report.id, 'unassigned', at);
          else if (assigneeAccountId === actor.accountId) await logReport(trx, actor, report.id, 'assigned_to_self', at);
          // Mastodon cannot assign to someone else, so it has no audit action for it: Palisade's own log keeps it.
          else
            await recordEvent({
              db: trx,
              actorId: actor.accountId,
              targetType: 'Report',
              action: 'assigned',
              targetId: report.id,
              humanIdentifier: report.id,
              data: { assignee: assignee ? acct(assignee.username, assignee.domain) : assigneeAccountId, assignee_id: assigneeAccountId },
              at,
            });
          result.done.push(report.id);
        }
        return result;
      });
    },

    async resolveReports({ actor, reportIds, note }) {
      assertCan(actor, 'manage_reports');
      const ids = checkBulkIds(reportIds);
      const content = note && note.trim() !== '' ? checkNote(note) : null;
      return db.transaction().execute(async (trx) => {
        const reports = await lockAll(trx, ids);
        const at = now();
        const result: BulkResult = { done: [], unchanged: [], failed: [] };
        for (const report of reports) {
          if (content) {
            await insertReportNote({ db: trx, reportId: report.id, accountId: actor.accountId, content, at });
            await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'Report', action: 'note_created', targetId: report.id, humanIdentifier: report.id, at });
          }
          if (await resolveIfOpen(trx, actor, report, at)) result.done.push(report.id);
          else result.unchanged.push(report.id);
        }
        return result;
      });
    },

    deleteReportedStatuses: (input) => moderationAction(input, 'delete'),
    markReportedStatusesSensitive: (input) => moderationAction(input, 'mark_as_sensitive'),
  };
}

/**
 * Deleting a note (both modes write report_notes directly): the author may, and so may a
 * moderator whose role outranks the author's (ReportNotePolicy#destroy?). Not in Mastodon's audit
 * log; Palisade's own event log keeps it.
 */
export async function deleteNote(db: Db, now: () => Date, { actor, noteId }: { actor: WriteActor; noteId: string }): Promise<{ reportId: string }> {
  if (!/^\d{1,19}$/.test(noteId)) throw new WritePathError('invalid', 'A note id is a number.');
  return db.transaction().execute(async (trx) => {
    const note = await getReportNoteForDelete({ db: trx, noteId });
    if (!note) throw new WritePathError('not_found', 'This note was already deleted.');
    const own = note.authorId === actor.accountId;
    if (!own && !(can(actor.permissions, 'manage_reports') && actor.rolePosition > note.authorRolePosition)) {
      throw new WritePathError('forbidden', 'Only the author of a note, or a moderator whose role outranks theirs, may delete it.');
    }
    const at = now();
    await deleteReportNote({ db: trx, noteId, reportId: note.reportId, at });
    await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'Report', action: 'note_deleted', targetId: note.reportId, humanIdentifier: note.reportId, at });
    return { reportId: note.reportId };
  });
}
