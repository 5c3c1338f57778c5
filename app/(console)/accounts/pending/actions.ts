'use server';

import { revalidatePath } from 'next/cache';
import { failureFrom, invalidFrom, type ActionResult } from '@/lib/account-action-result';
import { signupDecisionSchema, type SignupDecisionInput } from '@/lib/account-signups';
import { getActor } from '@/lib/session';
import { can } from '@/lib/permissions';
import { getWritePath } from '@/lib/write-path';

/**
 * Approves or rejects one sign-up through the write path. Bulk runs call this once per account
 * so each row gets its own result and one failure does not stop the rest.
 */
export async function decideSignup(input: SignupDecisionInput): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return { status: 'unauthenticated' };
  if (!can(actor.permissions, 'manage_users')) return { status: 'forbidden', message: null };
  const parsed = signupDecisionSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  try {
    const writePath = await getWritePath();
    if (parsed.data.decision === 'approve') await writePath.approveUser({ actor, accountId: parsed.data.accountId });
    else await writePath.rejectUser({ actor, accountId: parsed.data.accountId });
  } catch (error) {
    return failureFrom(error, `${parsed.data.decision} sign-up`);
  }
  return { status: 'success' };
}

/** Called once after a run (single or bulk), so the queue and the overview refresh together. */
export async function refreshSignupQueue(): Promise<void> {
  revalidatePath('/accounts/pending');
  revalidatePath('/accounts');
  revalidatePath('/');
}
