'use server';

import { revalidatePath } from 'next/cache';
import { accountActionFormSchema, undoFormSchema, type AccountActionFormInput, type UndoFormInput } from '@/lib/account-action-options';
import { failureFrom, invalidFrom, type ActionResult } from '@/lib/account-action-result';
import { canAny } from '@/lib/permissions';
import { getActor } from '@/lib/session';
import { getWritePath } from '@/lib/write-path';

function revalidateAccount(accountId: string, reportId?: string | null) {
  revalidatePath('/accounts');
  revalidatePath(`/accounts/${accountId}`);
  if (reportId) {
    revalidatePath('/reports');
    revalidatePath(`/reports/${reportId}`);
  }
}

/**
 * The account action form (warn, freeze, mark sensitive, limit, suspend), from the account page
 * or a report. Mastodon lets manage_users or manage_reports act; the write path re-checks the
 * exact policy (outranking, freeze needs manage_users, the report must be about this account).
 */
export async function submitAccountAction(input: AccountActionFormInput): Promise<ActionResult<{ strikeId: string | null; resolvedReportIds: string[] }>> {
  const actor = await getActor();
  if (!actor) return { status: 'unauthenticated' };
  if (!canAny(actor.permissions, ['manage_users', 'manage_reports'])) return { status: 'forbidden', message: null };
  const parsed = accountActionFormSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const form = parsed.data;
  let result;
  try {
    const writePath = await getWritePath();
    result = await writePath.takeAccountAction({
      actor,
      accountId: form.accountId,
      type: form.type,
      reportId: form.reportId ?? null,
      warningPresetId: form.warningPresetId ?? null,
      text: form.text,
      sendEmailNotification: form.sendEmailNotification,
      includeStatuses: form.includeStatuses,
    });
  } catch (error) {
    return failureFrom(error, 'account action');
  }
  revalidateAccount(form.accountId, form.reportId);
  return { status: 'success', strikeId: result.strikeId, resolvedReportIds: result.resolvedReportIds };
}

/** Unfreeze, unsensitize, unlimit, unsuspend (Mastodon: manage_users). */
export async function submitUndo(input: UndoFormInput): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return { status: 'unauthenticated' };
  if (!canAny(actor.permissions, ['manage_users'])) return { status: 'forbidden', message: null };
  const parsed = undoFormSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  try {
    const writePath = await getWritePath();
    await writePath.undoAccountAction({ actor, accountId: parsed.data.accountId, undo: parsed.data.undo });
  } catch (error) {
    return failureFrom(error, 'undo account action');
  }
  revalidateAccount(parsed.data.accountId);
  return { status: 'success' };
}
