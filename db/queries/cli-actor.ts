import { sql } from 'kysely';
import type { Db } from '../client';

/**
 * Who a command-line action is taken as: a local staff account named by username (or found from
 * a Mastodon token's owner). Permissions and standing come from db/queries/auth.
 */
export async function findLocalAccountByUsername({ db, username }: { db: Db; username: string }): Promise<{ accountId: string; username: string; rolePosition: number | null } | undefined> {
  // Mastodon's unique index is on (lower(username), lower(domain)); local accounts have no domain.
  return db
    .selectFrom('accounts as a')
    .innerJoin('users as u', 'u.account_id', 'a.id')
    .leftJoin('user_roles as r', 'r.id', 'u.role_id')
    .select(['a.id as accountId', 'a.username', 'r.position as rolePosition'])
    .where(sql<boolean>`lower(a.username) = lower(${username.replace(/^@/, '')})`)
    .where('a.domain', 'is', null)
    .executeTakeFirst();
}

export async function getRolePosition({ db, accountId }: { db: Db; accountId: string }): Promise<number | null> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('user_roles as r', 'r.id', 'u.role_id')
    .select('r.position')
    .where('u.account_id', '=', accountId)
    .executeTakeFirst();
  return row?.position ?? null;
}
