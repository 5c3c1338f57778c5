'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { clearReportView, touchReportView } from '@/db/queries/report-presence';
import { findNextReportInQueue, getReportSummary } from '@/db/queries/reports';
import { failureFrom, invalidFrom, type ActionFailure, type ActionResult } from '@/lib/account-action-result';
import { ACCOUNT_ACTION_TYPES } from '@/lib/account-actions';
import { acct } from '@/lib/format';
import { can } from '@/lib/permissions';
import { parseReportFilters, reportFiltersToSearchParams } from '@/lib/report-filters';
import { getActor, type Actor } from '@/lib/session';
import { getWritePath, WritePathError } from '@/lib/write-path';
import { NoAdminApiError } from '@/lib/write-path/reports/types';

const ID = z.string().regex(/^\d{1,19}$/);
const version = z.iso.datetime({ offset: true }).nullable();

const common = {
  reportId: ID,
  /** The report's updated_at as the page showed it: an action on a stale view is refused. */
  expectedUpdatedAt: version,
  /** "Confirm & next": where to go afterwards is computed from the queue the moderator came from. */
  next: z.boolean().default(false),
  from: z.string().max(2000).default(''),
};
const strikeOptions = {
  warningPresetId: z.string().regex(/^\d{1,19}$/).nullish(),
  text: z.string().max(5000, 'The message can be at most 5000 characters.').default(''),
  sendEmailNotification: z.boolean().default(true),
};

const reportActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['resolve', 'reopen', 'assign_self', 'unassign']), ...common }),
  z.object({ kind: z.literal('account'), type: z.enum(ACCOUNT_ACTION_TYPES), includeStatuses: z.boolean().default(true), ...strikeOptions, ...common }),
  z.object({ kind: z.enum(['delete_posts', 'mark_posts']), ...strikeOptions, ...common }),
]);
export type ReportActionInput = z.input<typeof reportActionSchema>;

export type ReportActionFailure = ActionFailure | { status: 'unsupported'; message: string; href: string };
export type ReportActionResult =
  | { status: 'success'; kind: ReportActionInput['kind']; count: number; resolvedReportIds: string[]; nextHref: string | null; queueEmpty: boolean }
  | ReportActionFailure;

function failure(error: unknown, context: string): ReportActionFailure {
  if (error instanceof NoAdminApiError) return { status: 'unsupported', message: error.detail, href: error.href };
  return failureFrom(error, context);
}

async function actorFor(): Promise<Actor | ActionFailure> {
  const actor = await getActor();
  if (!actor) return { status: 'unauthenticated' };
  if (!can(actor.permissions, 'manage_reports')) return { status: 'forbidden', message: null };
  return actor;
}

function revalidateReport(reportId: string) {
  revalidatePath('/reports');
  revalidatePath(`/reports/${reportId}`);
}

/** Where "Confirm & next" leads: the next report of the queue the moderator came from. */
async function nextReport(actor: Actor, reportId: string, from: string): Promise<{ nextHref: string | null; queueEmpty: boolean }> {
  const { filters } = parseReportFilters(new URLSearchParams(from));
  const nextId = await findNextReportInQueue({ db: await getDb(), filters, currentReportId: reportId, actorAccountId: actor.accountId, asOf: new Date() });
  const query = reportFiltersToSearchParams({ ...filters, group: 'none' }).toString();
  if (!nextId) return { nextHref: query ? `/reports?${query}` : '/reports', queueEmpty: true };
  return { nextHref: query ? `/reports/${nextId}?from=${encodeURIComponent(query)}` : `/reports/${nextId}`, queueEmpty: false };
}

/**
 * Every action of the report page: resolve/reopen, assignment, the account actions (through
 * takeAccountAction), and deleting or marking the reported posts. All go through the write path,
 * which re-checks the role and, given the version the page showed, refuses to act on a report
 * someone else changed meanwhile.
 */
export async function reportAction(input: ReportActionInput): Promise<ReportActionResult> {
  const actor = await actorFor();
  if ('status' in actor) return actor;
  const parsed = reportActionSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const form = parsed.data;
  const expectedUpdatedAt = form.expectedUpdatedAt ? new Date(form.expectedUpdatedAt) : null;
  const target = { actor, reportId: form.reportId, expectedUpdatedAt };
  let count = 0;
  let resolvedReportIds: string[] = [];
  try {
    const writePath = await getWritePath();
    switch (form.kind) {
      case 'resolve':
        await writePath.resolveReport(target);
        resolvedReportIds = [form.reportId];
        break;
      case 'reopen':
        await writePath.reopenReport(target);
        break;
      case 'assign_self':
        await writePath.assignReportToSelf(target);
        break;
      case 'unassign':
        await writePath.unassignReport(target);
        break;
      case 'delete_posts':
      case 'mark_posts': {
        const input = { ...target, warningPresetId: form.warningPresetId ?? null, text: form.text, sendEmailNotification: form.sendEmailNotification };
        const result = form.kind === 'delete_posts' ? await writePath.deleteReportedStatuses(input) : await writePath.markReportedStatusesSensitive(input);
        count = result.statusIds.length;
        resolvedReportIds = result.resolvedReport ? [form.reportId] : [];
        break;
      }
      case 'account': {
        const report = await getReportSummary({ db: await getDb(), reportId: form.reportId });
        if (!report) throw new WritePathError('not_found', `Report #${form.reportId} does not exist.`);
        // Connected mode cannot check under Mastodon's lock; a check just before the call still catches a stale page.
        if (writePath.mode === 'api' && expectedUpdatedAt && report.updatedAt.getTime() !== expectedUpdatedAt.getTime()) {
          throw new WritePathError('conflict', `Report #${form.reportId} changed while you were looking at it. Nothing was applied: look at what happened, then act again if it is still needed.`);
        }
        const result = await writePath.takeAccountAction({
          actor,
          accountId: report.targetAccountId,
          type: form.type,
          reportId: form.reportId,
          warningPresetId: form.warningPresetId ?? null,
          text: form.text,
          sendEmailNotification: form.sendEmailNotification,
          includeStatuses: form.includeStatuses,
          expectedReportUpdatedAt: expectedUpdatedAt,
        });
        resolvedReportIds = result.resolvedReportIds;
        break;
      }
    }
  } catch (error) {
    return failure(error, `report action ${form.kind}`);
  }
  revalidateReport(form.reportId);
  if (form.kind === 'account') revalidatePath('/accounts', 'layout');
  const next = form.next ? await nextReport(actor, form.reportId, form.from) : { nextHref: null, queueEmpty: false };
  return { status: 'success', kind: form.kind, count, resolvedReportIds, ...next };
}

const noteSchema = z.object({ reportId: ID, content: z.string().trim().min(1, 'A note cannot be empty.').max(2000, 'A note holds at most 2000 characters.'), then: z.enum(['resolve', 'reopen']).nullable() });

export type NoteActionResult = ActionResult<{ followUp: { status: 'none' | 'done' } | { status: 'skipped'; reason: 'already_resolved' | 'already_open' } | { status: 'failed'; message: string } }>;

/** Report notes, with Mastodon's "note and resolve" / "note and reopen". The note is kept whatever happens next. */
export async function addNoteAction(input: z.input<typeof noteSchema>): Promise<NoteActionResult> {
  const actor = await actorFor();
  if ('status' in actor) return actor;
  const parsed = noteSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let result;
  try {
    result = await (await getWritePath()).addReportNote({ actor, reportId: parsed.data.reportId, content: parsed.data.content, then: parsed.data.then });
  } catch (error) {
    return failureFrom(error, 'add report note');
  }
  revalidateReport(parsed.data.reportId);
  const followUp = result.followUp.status === 'failed' ? { status: 'failed' as const, message: result.followUp.error.detail } : result.followUp;
  return { status: 'success', followUp };
}

export async function deleteNoteAction(input: { noteId: string }): Promise<ActionResult> {
  const actor = await actorFor();
  if ('status' in actor) return actor;
  const parsed = z.object({ noteId: ID }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let reportId: string;
  try {
    ({ reportId } = await (await getWritePath()).deleteReportNote({ actor, noteId: parsed.data.noteId }));
  } catch (error) {
    return failureFrom(error, 'delete report note');
  }
  revalidateReport(reportId);
  return { status: 'success' };
}

export interface Viewer {
  accountId: string;
  acct: string;
}

/** The report page's heartbeat: "I have this report open"; answers who else does. */
export async function heartbeatAction(input: { reportId: string }): Promise<{ status: 'success'; viewers: Viewer[] } | { status: 'error' }> {
  const actor = await actorFor();
  if ('status' in actor) return { status: 'error' };
  const parsed = z.object({ reportId: ID }).safeParse(input);
  if (!parsed.success) return { status: 'error' };
  try {
    const viewers = await touchReportView({ db: await getDb(), reportId: parsed.data.reportId, accountId: actor.accountId });
    return { status: 'success', viewers: viewers.map((v) => ({ accountId: v.accountId, acct: acct(v.username, null) })) };
  } catch (error) {
    console.error('[palisade] report heartbeat failed:', (error as Error).message);
    return { status: 'error' };
  }
}

export async function leaveReportAction(input: { reportId: string }): Promise<void> {
  const actor = await getActor();
  const parsed = z.object({ reportId: ID }).safeParse(input);
  if (!actor || !parsed.success) return;
  await clearReportView({ db: await getDb(), reportId: parsed.data.reportId, accountId: actor.accountId }).catch(() => {});
}
