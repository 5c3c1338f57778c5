import { sql } from 'kysely';
import type { Db } from '../client';

export interface AccountNote {
  id: string;
  content: string;
  createdAt: Date;
  authorAccountId: string;
  authorUsername: string | null;
  authorDomain: string | null;
  /** Position of the author's role (Everyone = -1), for Mastodon's "outranks the author" rule. */
  authorRolePosition: number;
}

/** Notes about an account, oldest first as Mastodon shows them (index_account_moderation_notes_on_target_account_id). */
export async function listAccountNotes({ db, targetAccountId }: { db: Db; targetAccountId: string }): Promise<AccountNote[]> {
  return db
    .selectFrom('account_moderation_notes as n')
    .leftJoin('accounts as a', 'a.id', 'n.account_id')
    .leftJoin('users as u', 'u.account_id', 'n.account_id')
    .leftJoin('user_roles as r', 'r.id', 'u.role_id')
    .select([
      'n.id',
      'n.content',
      'n.created_at as createdAt',
      'n.account_id as authorAccountId',
      'a.username as authorUsername',
      'a.domain as authorDomain',
      sql<number>`COALESCE(r.position, -1)`.as('authorRolePosition'),
    ])
    .where('n.target_account_id', '=', targetAccountId)
    .orderBy('n.created_at', 'asc')
    .orderBy('n.id', 'asc')
    .execute();
}

export async function insertAccountNote({ db, authorAccountId, targetAccountId, content, at }: { db: Db; authorAccountId: string; targetAccountId: string; content: string; at: Date }): Promise<string> {
  const row = await db
    .insertInto('account_moderation_notes')
    .values({ account_id: authorAccountId, target_account_id: targetAccountId, content, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The note with its author's role position, locked for the delete decision. */
export async function lockAccountNote({ db, noteId }: { db: Db; noteId: string }): Promise<{ id: string; authorAccountId: string; targetAccountId: string; authorRolePosition: number } | undefined> {
  return db
    .selectFrom('account_moderation_notes as n')
    .leftJoin('users as u', 'u.account_id', 'n.account_id')
    .leftJoin('user_roles as r', 'r.id', 'u.role_id')
    .select(['n.id', 'n.account_id as authorAccountId', 'n.target_account_id as targetAccountId', sql<number>`COALESCE(r.position, -1)`.as('authorRolePosition')])
    .where('n.id', '=', noteId)
    .forUpdate('n')
    .executeTakeFirst();
}

export async function deleteAccountNote({ db, noteId }: { db: Db; noteId: string }): Promise<boolean> {
  const result = await db.deleteFrom('account_moderation_notes').where('id', '=', noteId).executeTakeFirst();
  return result.numDeletedRows === 1n;
}
