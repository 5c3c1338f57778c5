import bcrypt from 'bcryptjs';
import type { Db } from './client';

/**
 * Minimal rows for tests that must not depend on the demo seed's content. Ids are explicit
 * strings near Mastodon's real magnitude (> 2^53) so number-coercion bugs show up.
 */
let counter = 0;
function nextId(): string {
  counter += 1;
  return (115_000_000_000_000_000n + BigInt(counter) * 65_537n + BigInt(process.pid % 1000)).toString();
}

export const FIXTURE_PASSWORD = 'correct horse battery staple';
const FIXTURE_HASH = bcrypt.hashSync(FIXTURE_PASSWORD, 4);

export async function ensureDefaultRoles({ db }: { db: Db }): Promise<void> {
  const now = new Date();
  await db
    .insertInto('user_roles')
    .values([
      { id: '-99', name: '', position: -1, permissions: '65536', created_at: now, updated_at: now },
      { id: '1', name: 'Moderator', position: 10, permissions: '1049884', highlighted: true, created_at: now, updated_at: now },
      { id: '2', name: 'Admin', position: 100, permissions: '2031612', highlighted: true, created_at: now, updated_at: now },
      { id: '3', name: 'Owner', position: 1000, permissions: '1', highlighted: true, created_at: now, updated_at: now },
    ])
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function createAccount({ db, username, domain = null }: { db: Db; username: string; domain?: string | null }): Promise<string> {
  const id = nextId();
  const now = new Date();
  await db
    .insertInto('accounts')
    .values({ id, username, domain, created_at: now, updated_at: now, uri: domain ? `https://${domain}/users/${username}` : null })
    .execute();
  return id;
}

export async function createStaffUser({
  db,
  username,
  roleId,
  email = `${username}@fixture.test`,
  overrides = {},
}: {
  db: Db;
  username: string;
  roleId: string | null;
  email?: string;
  overrides?: Partial<{ disabled: boolean; approved: boolean; otp_required_for_login: boolean; confirmed_at: Date | null }>;
}): Promise<{ accountId: string; userId: string; email: string }> {
  const accountId = await createAccount({ db, username });
  const now = new Date();
  const user = await db
    .insertInto('users')
    .values({
      account_id: accountId,
      email,
      encrypted_password: FIXTURE_HASH,
      role_id: roleId,
      confirmed_at: now,
      created_at: now,
      updated_at: now,
      ...overrides,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { accountId, userId: user.id, email };
}

export async function createReport({
  db,
  reporterId,
  targetId,
  category = 0,
  resolvedBy = null,
}: {
  db: Db;
  reporterId: string;
  targetId: string;
  category?: number;
  resolvedBy?: string | null;
}): Promise<string> {
  const now = new Date();
  const row = await db
    .insertInto('reports')
    .values({
      account_id: reporterId,
      target_account_id: targetId,
      category,
      comment: 'fixture report',
      created_at: now,
      updated_at: now,
      action_taken_at: resolvedBy ? now : null,
      action_taken_by_account_id: resolvedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
