'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { setModeratorMediaPreference } from '@/db/queries/report-preferences';
import { failureFrom, invalidFrom, type ActionResult } from '@/lib/account-action-result';
import { authorizeAction, getActor } from '@/lib/session';
import { getWritePath } from '@/lib/write-path';
import { MAX_BULK_REPORTS, type BulkResult } from '@/lib/write-path/reports/types';

const ID = z.string().regex(/^\d{1,19}$/, 'Not a report id.');
const bulkSchema = z.object({ reportIds: z.array(ID).min(1, 'Select at least one report.').max(MAX_BULK_REPORTS) });

export type BulkOutcome = ActionResult<{ done: string[]; unchanged: string[]; failed: Array<{ reportId: string; message: string }> }>;

function outcome(result: BulkResult): BulkOutcome {
  return { status: 'success', done: result.done, unchanged: result.unchanged, failed: result.failed.map((f) => ({ reportId: f.reportId, message: f.error.detail })) };
}

async function authorized() {
  const auth = await authorizeAction('manage_reports');
  if ('status' in auth) return auth.status === 'unauthenticated' ? ({ status: 'unauthenticated' } as const) : ({ status: 'forbidden', message: null } as const);
  return auth;
}

/** Queue bulk action: assign the selected reports to me, to a teammate, or to no one. One transaction in standalone mode. */
export async function assignReportsAction(input: { reportIds: string[]; assigneeAccountId: string | null | 'me' }): Promise<BulkOutcome> {
  const auth = await authorized();
  if ('status' in auth) return auth;
  const parsed = bulkSchema.extend({ assigneeAccountId: z.union([z.literal('me'), z.string().regex(/^\d{1,19}$/), z.null()]) }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const assignee = parsed.data.assigneeAccountId === 'me' ? auth.actor.accountId : parsed.data.assigneeAccountId;
  let result: BulkResult;
  try {
    result = await (await getWritePath()).assignReports({ actor: auth.actor, reportIds: parsed.data.reportIds, assigneeAccountId: assignee });
  } catch (error) {
    return failureFrom(error, 'bulk assign reports');
  }
  revalidatePath('/reports');
  return outcome(result);
}

/** Queue bulk action: resolve the selected reports with one shared note. */
export async function resolveReportsAction(input: { reportIds: string[]; note: string }): Promise<BulkOutcome> {
  const auth = await authorized();
  if ('status' in auth) return auth;
  const parsed = bulkSchema.extend({ note: z.string().max(5000) }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let result: BulkResult;
  try {
    result = await (await getWritePath()).resolveReports({ actor: auth.actor, reportIds: parsed.data.reportIds, note: parsed.data.note });
  } catch (error) {
    return failureFrom(error, 'bulk resolve reports');
  }
  revalidatePath('/reports');
  return outcome(result);
}

const preferenceSchema = z.object({ blur: z.boolean(), greyscale: z.boolean() });

/**
 * Stores how media first appears to this moderator. Any staff member may set their own display
 * preference; it changes nothing in Mastodon.
 */
export async function saveMediaPreferenceAction(input: { blur: boolean; greyscale: boolean }): Promise<{ status: 'success' } | { status: 'error' | 'forbidden' | 'unauthenticated'; message?: string }> {
  const actor = await getActor();
  if (!actor) return { status: 'unauthenticated' };
  const parsed = preferenceSchema.safeParse(input);
  if (!parsed.success) return { status: 'error', message: 'Not a valid preference.' };
  try {
    await setModeratorMediaPreference({ db: await getDb(), accountId: actor.accountId, preference: parsed.data });
  } catch (error) {
    console.error('[palisade] saving media preference failed:', (error as Error).message);
    return { status: 'error', message: 'Your preference could not be saved; try again.' };
  }
  revalidatePath('/reports', 'layout');
  return { status: 'success' };
}
