'use server';

import { revalidatePath } from 'next/cache';
import { failureFrom, invalidFrom, type ActionResult } from '@/lib/account-action-result';
import type { UndoAction } from '@/lib/account-actions';
import { appealDecisionSchema, type AppealDecisionFormInput } from '@/lib/appeal-decision';
import { authorizeAction } from '@/lib/session';
import { getWritePath } from '@/lib/write-path';

/** Approve or reject an appeal (Mastodon: manage_appeals); the write path does the rest. */
export async function decideAppeal(input: AppealDecisionFormInput & { accountId?: string }): Promise<ActionResult<{ undo: UndoAction | null; restored: number }>> {
  const auth = await authorizeAction('manage_appeals');
  if (!('actor' in auth)) return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
  const parsed = appealDecisionSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const { appealId, decision, reply } = parsed.data;
  let outcome: { undo: UndoAction | null; restored: number } = { undo: null, restored: 0 };
  try {
    const writePath = await getWritePath();
    if (decision === 'approve') {
      const result = await writePath.approveAppeal({ actor: auth.actor, appealId, reply });
      outcome = { undo: result.undo, restored: result.restoredStatusIds.length };
    } else {
      await writePath.rejectAppeal({ actor: auth.actor, appealId, reply });
    }
  } catch (error) {
    return failureFrom(error, `${decision} appeal`);
  }
  revalidatePath('/appeals');
  revalidatePath(`/appeals/${appealId}`);
  revalidatePath('/');
  if (input.accountId && /^-?\d{1,19}$/.test(input.accountId)) revalidatePath(`/accounts/${input.accountId}`);
  return { status: 'success', ...outcome };
}
