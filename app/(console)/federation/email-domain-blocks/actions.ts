'use server';

import { resolveMx } from 'node:dns/promises';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failureFrom, invalidFrom, type ActionResult } from '@/lib/account-action-result';
import { normalizeEmailDomain } from '@/lib/domain-access-blocks';
import { authorizeAction } from '@/lib/session';
import { getWritePath } from '@/lib/write-path';

const createSchema = z.object({
  domain: z.string().trim().min(1, 'required').max(300, 'tooLong'),
  allowWithApproval: z.boolean().default(false),
  otherDomains: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
});
const idSchema = z.object({ id: z.string().regex(/^\d+$/, 'id') });

function refused(auth: Awaited<ReturnType<typeof authorizeAction>>) {
  return 'actor' in auth ? null : auth.status === 'forbidden' ? ({ status: 'forbidden', message: null } as const) : ({ status: 'unauthenticated' } as const);
}

/** EmailDomainBlock with optional extra domains (the MX hosts Mastodon offers), each audit-logged. */
export async function createEmailDomainBlock(input: z.input<typeof createSchema>): Promise<ActionResult<{ id: string; domain: string; children: string[] }>> {
  const auth = await authorizeAction('manage_blocks');
  const no = refused(auth);
  if (no || !('actor' in auth)) return no ?? { status: 'unauthenticated' };
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let created;
  try {
    created = await (await getWritePath()).createEmailDomainBlock({ actor: auth.actor, ...parsed.data });
  } catch (error) {
    return failureFrom(error, 'create e-mail domain block');
  }
  revalidatePath('/federation/email-domain-blocks');
  return { status: 'success', ...created };
}

export async function removeEmailDomainBlock(input: { id: string }): Promise<ActionResult> {
  const auth = await authorizeAction('manage_blocks');
  const no = refused(auth);
  if (no || !('actor' in auth)) return no ?? { status: 'unauthenticated' };
  const parsed = idSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  try {
    await (await getWritePath()).removeEmailDomainBlock({ actor: auth.actor, id: parsed.data.id });
  } catch (error) {
    return failureFrom(error, 'remove e-mail domain block');
  }
  revalidatePath('/federation/email-domain-blocks');
  return { status: 'success' };
}

/** The domain's MX hosts, as Mastodon's form offers to block them too. A short timeout: DNS may be slow or absent. */
export async function lookupMxHosts(input: { domain: string }): Promise<{ status: 'success'; hosts: string[] } | { status: 'failed' } | { status: 'forbidden' } | { status: 'unauthenticated' }> {
  const auth = await authorizeAction('manage_blocks');
  if (!('actor' in auth)) return { status: auth.status };
  const n = normalizeEmailDomain(String(input?.domain ?? ''));
  if (!n.ok) return { status: 'failed' };
  try {
    const records = await Promise.race([resolveMx(n.ascii), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))]);
    const hosts = [...new Set(records.sort((a, b) => a.priority - b.priority).map((r) => r.exchange.toLowerCase().replace(/\.$/, '')))].filter((h) => h && h !== n.ascii);
    return { status: 'success', hosts: hosts.slice(0, 10) };
  } catch {
    return { status: 'failed' };
  }
}
