'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failureFrom, invalidFrom, type ActionResult } from '@/lib/account-action-result';
import { authorizeAction } from '@/lib/session';
import { getWritePath } from '@/lib/write-path';

const domainSchema = z.object({ domain: z.string().trim().min(1, 'required').max(300, 'tooLong') });
const idSchema = z.object({ id: z.string().regex(/^\d+$/, 'id') });

/** DomainAllow (limited-federation mode): through the write path, audit-logged like Mastodon. */
export async function createDomainAllow(input: { domain: string }): Promise<ActionResult<{ id: string; domain: string }>> {
  const auth = await authorizeAction('manage_federation');
  if (!('actor' in auth)) return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
  const parsed = domainSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let allow;
  try {
    allow = await (await getWritePath()).createDomainAllow({ actor: auth.actor, domain: parsed.data.domain });
  } catch (error) {
    return failureFrom(error, 'create domain allow');
  }
  revalidatePath('/federation/allows');
  return { status: 'success', id: allow.id, domain: allow.domain };
}

export async function removeDomainAllow(input: { id: string }): Promise<ActionResult> {
  const auth = await authorizeAction('manage_federation');
  if (!('actor' in auth)) return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
  const parsed = idSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  try {
    await (await getWritePath()).removeDomainAllow({ actor: auth.actor, id: parsed.data.id });
  } catch (error) {
    return failureFrom(error, 'remove domain allow');
  }
  revalidatePath('/federation/allows');
  return { status: 'success' };
}
