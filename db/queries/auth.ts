import { sql } from 'kysely';
import type { Db } from '../client';

/** What sign-in needs to decide about a local user; one indexed lookup (users.email is unique). */
export interface LoginCandidate {
  userId: string;
  accountId: string;
  username: string;
  email: string;
  encryptedPassword: string;
  confirmed: boolean;
  approved: boolean;
  disabled: boolean;
  otpRequired: boolean;
  suspended: boolean;
  deleted: boolean;
  memorial: boolean;
  roleRequires2fa: boolean;
  ownPermissions: string | null;
  everyonePermissions: string | null;
}

function candidateQuery(db: Db) {
  return db
    .selectFrom('users as u')
    .innerJoin('accounts as a', 'a.id', 'u.account_id')
    .leftJoin('user_roles as r', 'r.id', 'u.role_id')
    .select([
      'u.id as userId',
      'u.account_id as accountId',
      'a.username',
      'u.email',
      sql<string>`u.encrypted_password`.as('encryptedPassword'),
      sql<boolean>`u.confirmed_at IS NOT NULL`.as('confirmed'),
      'u.approved',
      'u.disabled',
      'u.otp_required_for_login as otpRequired',
      sql<boolean>`a.suspended_at IS NOT NULL`.as('suspended'),
      // Column exists from Mastodon 4.7; `to_jsonb(a)` keeps the query valid on 4.3–4.6.
      sql<boolean>`(to_jsonb(a) ->> 'requested_deletion_at') IS NOT NULL`.as('deleted'),
      'a.memorial',
      sql<boolean>`COALESCE((to_jsonb(r) ->> 'require_2fa')::boolean, false)`.as('roleRequires2fa'),
      sql<string | null>`r.permissions::text`.as('ownPermissions'),
      sql<string | null>`(SELECT e.permissions::text FROM user_roles e WHERE e.id = -99)`.as('everyonePermissions'),
    ]);
}

export async function findLoginCandidateByEmail({ db, email }: { db: Db; email: string }): Promise<LoginCandidate | undefined> {
  // Mastodon lowercases e-mails before saving, so equality keeps index_users_on_email usable.
  return candidateQuery(db).where('u.email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function findLoginCandidateByAccountId({ db, accountId }: { db: Db; accountId: string }): Promise<LoginCandidate | undefined> {
  return candidateQuery(db).where('u.account_id', '=', accountId).executeTakeFirst();
}

export async function countRecentLoginFailures({
  db,
  email,
  ip,
  since,
}: {
  db: Db;
  email: string;
  ip: string | null;
  since: Date;
}): Promise<{ byEmail: number; byIp: number }> {
  const row = await db
    .selectFrom('palisade.login_attempts')
    .select([
      sql<number>`count(*) FILTER (WHERE email = ${email})::int`.as('byEmail'),
      sql<number>`count(*) FILTER (WHERE ${ip}::inet IS NOT NULL AND ip = ${ip}::inet)::int`.as('byIp'),
    ])
    .where('success', '=', false)
    .where('created_at', '>=', since)
    .where((eb) => (ip ? eb.or([eb('email', '=', email), eb('ip', '=', ip)]) : eb('email', '=', email)))
    .executeTakeFirstOrThrow();
  return { byEmail: Number(row.byEmail), byIp: Number(row.byIp) };
}

export async function recordLoginAttempt({
  db,
  email,
  ip,
  success,
  reason,
}: {
  db: Db;
  email: string;
  ip: string | null;
  success: boolean;
  reason: string | null;
}): Promise<void> {
  await db.insertInto('palisade.login_attempts').values({ email, ip, success, reason }).execute();
}

export async function insertSession({
  db,
  id,
  userId,
  accountId,
  provider,
  accessTokenCiphertext,
  userAgent,
  ip,
  expiresAt,
}: {
  db: Db;
  id: string;
  userId: string;
  accountId: string;
  provider: 'password' | 'mastodon';
  accessTokenCiphertext: string | null;
  userAgent: string | null;
  ip: string | null;
  expiresAt: Date;
}): Promise<void> {
  await db
    .insertInto('palisade.sessions')
    .values({
      id,
      user_id: userId,
      account_id: accountId,
      provider,
      access_token_ciphertext: accessTokenCiphertext,
      user_agent: userAgent,
      ip,
      expires_at: expiresAt,
    })
    .execute();
}

export async function revokeSession({ db, id }: { db: Db; id: string }): Promise<void> {
  await db.updateTable('palisade.sessions').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export interface SessionActorRow extends LoginCandidate {
  sessionId: string;
  provider: 'password' | 'mastodon';
  accessTokenCiphertext: string | null;
  displayName: string;
  roleName: string | null;
  roleColor: string | null;
  rolePosition: number | null;
}

/** The signed-in moderator, re-read on every request so a frozen user or a changed role takes effect at once. */
export async function findSessionActor({ db, sessionId }: { db: Db; sessionId: string }): Promise<SessionActorRow | undefined> {
  return candidateQuery(db)
    .innerJoin('palisade.sessions as s', 's.user_id', 'u.id')
    .select([
      's.id as sessionId',
      's.provider',
      's.access_token_ciphertext as accessTokenCiphertext',
      'a.display_name as displayName',
      'r.name as roleName',
      'r.color as roleColor',
      'r.position as rolePosition',
    ])
    .where('s.id', '=', sessionId)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}
