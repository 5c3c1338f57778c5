'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { deleteAccountNote, insertAccountNote, lockAccountNote } from '@/db/queries/account-notes';
import { getAccountProfile } from '@/db/queries/accounts';
import { recordEvent } from '@/db/queries/events';
import { failureFrom, invalidFrom, type ActionResult } from '@/lib/account-action-result';
import { addNoteSchema, deleteNoteSchema, mayAddNote, mayDeleteNote, type AddNoteInput, type DeleteNoteInput } from '@/lib/account-notes';
import { acct } from '@/lib/format';
import { getActor } from '@/lib/session';
import { WritePathError } from '@/lib/write-path/types';

/**
 * Moderation notes have no Admin API and no side effects in Mastodon, so they are written
 * directly in both modes (mastodon.md §5.5). Mastodon does not audit-log them; Palisade records
 * that a note was added or deleted (never its words) in its own event log.
 */
export async function addAccountNote(input: AddNoteInput): Promise<ActionResult<{ noteId: string }>> {
  const actor = await getActor();
  if (!actor) return { status: 'unauthenticated' };
  if (!mayAddNote(actor)) return { status: 'forbidden', message: null };
  const parsed = addNoteSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const { accountId, content } = parsed.data;
  let noteId: string;
  try {
    const db = await getDb();
    noteId = await db.transaction().execute(async (trx) => {
      const account = await getAccountProfile({ db: trx, accountId });
      if (!account) throw new WritePathError('not_found', 'This account no longer exists.');
      const at = new Date();
      const id = await insertAccountNote({ db: trx, authorAccountId: actor.accountId, targetAccountId: accountId, content, at });
      await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'Account', action: 'note_created', targetId: accountId, humanIdentifier: acct(account.username, account.domain), routeParam: id, at });
      return id;
    });
  } catch (error) {
    return failureFrom(error, 'add account note');
  }
  revalidatePath(`/accounts/${accountId}`);
  return { status: 'success', noteId };
}

export async function deleteAccountNoteAction(input: DeleteNoteInput): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return { status: 'unauthenticated' };
  const parsed = deleteNoteSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const { noteId, accountId } = parsed.data;
  let outcome: 'deleted' | 'missing' | 'forbidden';
  try {
    const db = await getDb();
    outcome = await db.transaction().execute(async (trx) => {
      const note = await lockAccountNote({ db: trx, noteId });
      if (!note || note.targetAccountId !== accountId) return 'missing' as const;
      if (!mayDeleteNote(actor, note)) return 'forbidden' as const;
      const account = await getAccountProfile({ db: trx, accountId });
      await deleteAccountNote({ db: trx, noteId });
      await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'Account', action: 'note_deleted', targetId: accountId, humanIdentifier: account ? acct(account.username, account.domain) : null, routeParam: noteId });
      return 'deleted' as const;
    });
  } catch (error) {
    return failureFrom(error, 'delete account note');
  }
  if (outcome === 'forbidden') return { status: 'forbidden', message: 'You can delete your own notes, or others’ when your role outranks theirs.' };
  if (outcome === 'missing') return { status: 'error', code: 'not_found', message: 'This note was already deleted.' };
  revalidatePath(`/accounts/${accountId}`);
  return { status: 'success' };
}
