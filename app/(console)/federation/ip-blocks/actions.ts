'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failureFrom, invalidFrom, type ActionResult } from '@/lib/account-action-result';
import { IP_EXPIRY_PRESETS, IP_SEVERITIES, type IpSeverity } from '@/lib/domain-access-blocks';
import { authorizeAction } from '@/lib/session';
import { getWritePath } from '@/lib/write-path';

const createSchema = z.object({
  ip: z.string().trim().min(1, 'required').max(64, 'tooLong'),
  severity: z.enum(Object.keys(IP_SEVERITIES) as [IpSeverity, ...IpSeverity[]]),
  comment: z.string().max(2000, 'tooLong').default(''),
  expiresIn: z.number().int().nullable().refine((v) => IP_EXPIRY_PRESETS.some((p) => p.seconds === v), 'expiry'),
});
const idSchema = z.object({ id: z.string().regex(/^\d+$/, 'id') });

/** IpBlock: CIDR validated and masked, one of Mastodon's expiry presets, audit-logged. */
export async function createIpBlock(input: z.input<typeof createSchema>): Promise<ActionResult<{ id: string; ip: string }>> {
  const auth = await authorizeAction('manage_blocks');
  if (!('actor' in auth)) return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let created;
  try {
    created = await (await getWritePath()).createIpBlock({ actor: auth.actor, ...parsed.data });
  } catch (error) {
    return failureFrom(error, 'create IP rule');
  }
  revalidatePath('/federation/ip-blocks');
  return { status: 'success', ...created };
}

export async function removeIpBlock(input: { id: string }): Promise<ActionResult> {
  const auth = await authorizeAction('manage_blocks');
  if (!('actor' in auth)) return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
  const parsed = idSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  try {
    await (await getWritePath()).removeIpBlock({ actor: auth.actor, id: parsed.data.id });
  } catch (error) {
    return failureFrom(error, 'remove IP rule');
  }
  revalidatePath('/federation/ip-blocks');
  return { status: 'success' };
}
