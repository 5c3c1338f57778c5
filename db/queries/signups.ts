import { sql } from 'kysely';
import { parentDomains } from '@/lib/account-signups';
import type { Db } from '../client';

export interface PendingSignupRow {
  /** users.id: the queue's keyset key (a sequence, so it follows sign-up order). */
  userId: string;
  /** The DataTable row id and what the write path acts on. */
  id: string;
  username: string;
  displayName: string;
  createdAt: Date;
  email: string;
  confirmedAt: Date | null;
  signUpIp: string | null;
  locale: string | null;
  inviteRequest: string | null;
  inviteCode: string | null;
  inviterAccountId: string | null;
  inviterUsername: string | null;
}

/**
 * Users waiting for approval (users.approved = false), oldest first: the longest wait on top.
 * Local users are a small fraction of a large instance's accounts, and the pending ones are
 * read through the users table's primary key.
 */
export async function listPendingSignups({ db, after, limit = 50 }: { db: Db; after?: string | null; limit?: number }): Promise<PendingSignupRow[]> {
  let q = db
    .selectFrom('users as u')
    .innerJoin('accounts as a', 'a.id', 'u.account_id')
    .leftJoin('invites as i', 'i.id', 'u.invite_id')
    .leftJoin('users as iu', 'iu.id', 'i.user_id')
    .leftJoin('accounts as ia', 'ia.id', 'iu.account_id')
    .select([
      'u.id as userId',
      'a.id',
      'a.username',
      'a.display_name as displayName',
      'u.created_at as createdAt',
      'u.email',
      'u.confirmed_at as confirmedAt',
      sql<string | null>`host(u.sign_up_ip)`.as('signUpIp'),
      'u.locale',
      sql<string | null>`(SELECT ir.text FROM user_invite_requests ir WHERE ir.user_id = u.id ORDER BY ir.id DESC LIMIT 1)`.as('inviteRequest'),
      'i.code as inviteCode',
      'ia.id as inviterAccountId',
      'ia.username as inviterUsername',
    ])
    .where('u.approved', '=', false)
    .orderBy('u.id', 'asc')
    .limit(limit);
  if (after) q = q.where('u.id', '>', after);
  return q.execute();
}

export async function countPendingSignups({ db }: { db: Db }): Promise<number> {
  const row = await db.selectFrom('users').select(sql<number>`count(*)::int`.as('n')).where('approved', '=', false).executeTakeFirst();
  return row?.n ?? 0;
}

export interface EmailDomainFacts {
  /** Blocks on the domain or a parent domain (Mastodon checks both). */
  blocks: Array<{ domain: string; allowWithApproval: boolean }>;
  /** Users (any state) whose address is at exactly this domain. */
  users: number;
}

/** For a page of sign-ups: which e-mail domains are blocked (or need approval) and how often each is used. */
export async function getEmailDomainFacts({ db, domains }: { db: Db; domains: string[] }): Promise<Map<string, EmailDomainFacts>> {
  const facts = new Map<string, EmailDomainFacts>(domains.map((d) => [d, { blocks: [], users: 0 }]));
  if (domains.length === 0) return facts;
  const candidates = [...new Set(domains.flatMap(parentDomains))];
  const blocks = await db.selectFrom('email_domain_blocks').select(['domain', 'allow_with_approval as allowWithApproval']).where('domain', 'in', candidates).execute();
  for (const [domain, f] of facts) {
    const parents = new Set(parentDomains(domain));
    f.blocks = blocks.filter((b) => parents.has(b.domain));
  }
  const { rows } = await sql<{ domain: string; n: number }>`
    SELECT lower(split_part(email, '@', 2)) AS domain, count(*)::int AS n
    FROM users
    WHERE lower(split_part(email, '@', 2)) = ANY(${domains}::text[])
    GROUP BY 1`.execute(db);
  for (const row of rows) {
    const f = facts.get(row.domain);
    if (f) f.users = row.n;
  }
  return facts;
}

export interface IpFacts {
  /** Distinct users seen on this address (user_ips), including the one signing up. */
  users: number;
  /** The strictest IP rule covering the address (5000 approval, 5500 sign-up block, 9999 no access). */
  blockSeverity: number | null;
}

/** For a page of sign-ups: how many accounts share each sign-up IP, and which IP rules cover it. */
export async function getIpFacts({ db, ips }: { db: Db; ips: string[] }): Promise<Map<string, IpFacts>> {
  const facts = new Map<string, IpFacts>(ips.map((ip) => [ip, { users: 0, blockSeverity: null }]));
  if (ips.length === 0) return facts;
  const shared = await sql<{ ip: string; n: number }>`
    SELECT host(ip) AS ip, count(DISTINCT user_id)::int AS n
    FROM user_ips
    WHERE ip = ANY(${ips}::inet[])
    GROUP BY 1`.execute(db);
  for (const row of shared.rows) {
    const f = facts.get(row.ip);
    if (f) f.users = row.n;
  }
  const blocks = await sql<{ ip: string; severity: number }>`
    SELECT host(x.ip) AS ip, max(b.severity)::int AS severity
    FROM unnest(${ips}::inet[]) AS x(ip)
    JOIN ip_blocks b ON b.ip >>= x.ip AND (b.expires_at IS NULL OR b.expires_at > (now() AT TIME ZONE 'UTC'))
    GROUP BY 1`.execute(db);
  for (const row of blocks.rows) {
    const f = facts.get(row.ip);
    if (f) f.blockSeverity = row.severity;
  }
  return facts;
}

export interface SignupForDecision {
  accountId: string;
  username: string;
  approved: boolean;
}

/** What the bulk result row shows after an approve/reject (the account may be gone after reject). */
export async function getSignupState({ db, accountId }: { db: Db; accountId: string }): Promise<SignupForDecision | undefined> {
  return db
    .selectFrom('users as u')
    .innerJoin('accounts as a', 'a.id', 'u.account_id')
    .select(['a.id as accountId', 'a.username', 'u.approved'])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
}
