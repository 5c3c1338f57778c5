'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { recordEvent } from '@/db/queries/events';
import { deleteInstanceNote, getInstanceNote, insertInstanceNote } from '@/db/queries/instances';
import { failureFrom, invalidFrom, type ActionResult } from '@/lib/account-action-result';
import { normalizeDomain } from '@/lib/blocklist/domain';
import { can } from '@/lib/permissions';
import { authorizeAction } from '@/lib/session';

const noteSchema = z.object({ domain: z.string().trim().min(1).max(300), content: z.string().trim().min(1, 'required').max(2000, 'tooLong') });

/**
 * Instance moderation notes (4.4+): no Admin API and no side effects, so written directly; Mastodon
 * does not audit-log them, Palisade records them in its own event log.
 */
export async function addInstanceNote(input: { domain: string; content: string }): Promise<ActionResult<{ id: string }>> {
  const auth = await authorizeAction('manage_federation');
  if (!('actor' in auth)) return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
  const parsed = noteSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const n = normalizeDomain(parsed.data.domain);
  if (!n.ok) return { status: 'invalid', fieldErrors: { domain: ['invalid'] } };
  let id: string;
  try {
    const db = await getDb();
    id = await db.transaction().execute(async (trx) => {
      const at = new Date();
      const created = await insertInstanceNote({ db: trx, domain: n.ascii, accountId: auth.actor.accountId, content: parsed.data.content, at });
      await recordEvent({ db: trx, actorId: auth.actor.accountId, targetType: 'Instance', action: 'note_created', targetId: null, humanIdentifier: n.ascii, at });
      return created;
    });
  } catch (error) {
    return failureFrom(error, 'add instance note');
  }
  revalidatePath(`/federation/instances/${encodeURIComponent(n.ascii)}`);
  return { status: 'success', id };
}

/** The author may delete a note; others need a role that outranks the author's (like Mastodon's note policies). */
export async function deleteInstanceNoteAction(input: { id: string }): Promise<ActionResult> {
  const auth = await authorizeAction('manage_federation');
  if (!('actor' in auth)) return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
  if (typeof input?.id !== 'string' || !/^\d+$/.test(input.id)) return { status: 'invalid', fieldErrors: { id: ['id'] } };
  let domain: string | null = null;
  try {
    const db = await getDb();
    const outcome = await db.transaction().execute(async (trx) => {
      const note = await getInstanceNote({ db: trx, id: input.id });
      if (!note) return 'missing' as const;
      const own = note.authorId === auth.actor.accountId;
      if (!own && !can(auth.actor.permissions, 'administrator') && auth.actor.rolePosition <= note.authorRolePosition) return 'forbidden' as const;
      domain = note.domain;
      await deleteInstanceNote({ db: trx, id: note.id });
      await recordEvent({ db: trx, actorId: auth.actor.accountId, targetType: 'Instance', action: 'note_deleted', targetId: null, humanIdentifier: domain });
      return 'ok' as const;
    });
    if (outcome === 'missing') return { status: 'error', code: 'not_found', message: 'This note was already deleted.' };
    if (outcome === 'forbidden') return { status: 'forbidden', message: 'Only the author, or someone whose role outranks the author’s, may delete this note.' };
  } catch (error) {
    return failureFrom(error, 'delete instance note');
  }
  if (domain) revalidatePath(`/federation/instances/${encodeURIComponent(domain)}`);
  return { status: 'success' };
}
