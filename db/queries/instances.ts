import { domainToASCII } from 'node:url';
import { sql, type SqlBool } from 'kysely';
import { severityFromDb, type Severity } from '@/lib/blocklist/severity';
import { decodeCursor, encodeCursor, splitPage } from '@/lib/keyset';
import type { Db } from '../client';
import { escapeLike } from './domain-blocks';

export const INSTANCE_FILTERS = ['all', 'limited', 'allowed', 'unavailable'] as const;
export type InstanceFilter = (typeof INSTANCE_FILTERS)[number];

export interface InstanceListRow {
  id: string;
  domain: string;
  accountsCount: number;
  blockId: string | null;
  severity: Severity | null;
  rejectMedia: boolean;
  rejectReports: boolean;
  allowed: boolean;
  unavailable: boolean;
}

/**
 * Mastodon's Federation screen: the `instances` view with its block, allow and delivery state,
 * by number of known accounts (keyset on accounts_count, domain).
 */
export async function listInstances({ db, q, filter = 'all', cursor, limit = 50 }: { db: Db; q?: string; filter?: InstanceFilter; cursor?: string; limit?: number }): Promise<{ rows: InstanceListRow[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('instances as i')
    .leftJoin('domain_blocks as b', 'b.domain', 'i.domain')
    .leftJoin('domain_allows as a', 'a.domain', 'i.domain')
    .leftJoin('unavailable_domains as u', 'u.domain', 'i.domain')
    .select(['i.domain', 'i.accounts_count', 'b.id as block_id', 'b.severity', 'b.reject_media', 'b.reject_reports', 'a.id as allow_id', 'u.id as unavailable_id']);
  if (q) {
    const term = q.trim().toLowerCase();
    const ascii = domainToASCII(term) || term;
    query = query.where('i.domain', 'like', `%${escapeLike(ascii)}%`);
  }
  if (filter === 'limited') query = query.where('b.id', 'is not', null);
  if (filter === 'allowed') query = query.where('a.id', 'is not', null);
  if (filter === 'unavailable') query = query.where('u.id', 'is not', null);
  const after = decodeCursor(cursor, 2);
  if (after && typeof after[0] === 'string' && typeof after[1] === 'string') {
    const [count, domain] = after as [string, string];
    query = query.where(sql<SqlBool>`(i.accounts_count < ${count}::bigint OR (i.accounts_count = ${count}::bigint AND i.domain > ${domain}))`);
  }
  const page = splitPage(await query.orderBy('i.accounts_count', 'desc').orderBy('i.domain', 'asc').limit(limit + 1).execute(), limit);
  const last = page.rows.at(-1);
  return {
    rows: page.rows.map((r) => ({
      id: r.domain!,
      domain: r.domain!,
      accountsCount: Number(r.accounts_count ?? 0),
      blockId: r.block_id,
      severity: r.block_id ? severityFromDb(r.severity) : null,
      rejectMedia: !!r.reject_media,
      rejectReports: !!r.reject_reports,
      allowed: r.allow_id !== null,
      unavailable: r.unavailable_id !== null,
    })),
    nextCursor: page.hasMore && last ? encodeCursor([String(last.accounts_count ?? '0'), last.domain!]) : null,
  };
}

export interface InstanceState {
  known: boolean;
  allow: { id: string; createdAt: Date } | null;
  unavailableSince: Date | null;
}

export async function getInstanceState({ db, domain }: { db: Db; domain: string }): Promise<InstanceState> {
  const { rows } = await sql<{ known: boolean; allow_id: string | null; allow_at: Date | null; unavailable_at: Date | null }>`
    SELECT EXISTS (SELECT 1 FROM instances WHERE domain = ${domain}) OR EXISTS (SELECT 1 FROM accounts WHERE domain = ${domain}) AS known,
           (SELECT id FROM domain_allows WHERE domain = ${domain}) AS allow_id,
           (SELECT created_at FROM domain_allows WHERE domain = ${domain}) AS allow_at,
           (SELECT created_at FROM unavailable_domains WHERE domain = ${domain}) AS unavailable_at`.execute(db);
  const row = rows[0]!;
  return { known: row.known, allow: row.allow_id ? { id: row.allow_id, createdAt: row.allow_at! } : null, unavailableSince: row.unavailable_at };
}

export interface InstanceAccountRow {
  id: string;
  username: string;
  displayName: string;
  followers: number;
  statuses: number;
  lastStatusAt: Date | null;
  suspended: boolean;
  silenced: boolean;
  /** Local accounts following it. */
  localFollowers: number;
}

/** The domain's accounts with the most local followers first (who a block would cut off). */
export async function listInstanceAccounts({ db, domain, limit = 20 }: { db: Db; domain: string; limit?: number }): Promise<InstanceAccountRow[]> {
  const { rows } = await sql<{ id: string; username: string; display_name: string; followers: string; statuses: string; last_status_at: Date | null; suspended: boolean; silenced: boolean; local_followers: number }>`
    WITH t AS MATERIALIZED (SELECT id, username, display_name, suspended_at, silenced_at FROM accounts WHERE domain = ${domain} AND id > 0),
    lf AS (SELECT f.target_account_id AS id, count(*)::int AS n FROM t JOIN follows f ON f.target_account_id = t.id JOIN accounts l ON l.id = f.account_id AND l.domain IS NULL GROUP BY f.target_account_id)
    SELECT t.id, t.username, t.display_name, COALESCE(s.followers_count, 0) AS followers, COALESCE(s.statuses_count, 0) AS statuses, s.last_status_at,
           t.suspended_at IS NOT NULL AS suspended, t.silenced_at IS NOT NULL AS silenced, COALESCE(lf.n, 0) AS local_followers
      FROM t LEFT JOIN account_stats s ON s.account_id = t.id LEFT JOIN lf ON lf.id = t.id
     ORDER BY COALESCE(lf.n, 0) DESC, COALESCE(s.followers_count, 0) DESC, t.id
     LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    followers: Number(r.followers),
    statuses: Number(r.statuses),
    lastStatusAt: r.last_status_at,
    suspended: r.suspended,
    silenced: r.silenced,
    localFollowers: r.local_followers,
  }));
}

export interface FollowPairRow {
  id: string;
  localId: string;
  localUsername: string;
  remoteId: string;
  remoteUsername: string;
  since: Date;
}

/** Follow relationships between local accounts and the domain, newest first, in one direction. */
export async function listInstanceFollows({ db, domain, direction, limit = 20 }: { db: Db; domain: string; direction: 'local_follows_remote' | 'remote_follows_local'; limit?: number }): Promise<FollowPairRow[]> {
  const localFollows = direction === 'local_follows_remote';
  const { rows } = await sql<{ id: string; local_id: string; local_username: string; remote_id: string; remote_username: string; created_at: Date }>`
    SELECT f.id, l.id AS local_id, l.username AS local_username, r.id AS remote_id, r.username AS remote_username, f.created_at
      FROM accounts r
      JOIN follows f ON ${localFollows ? sql`f.target_account_id = r.id` : sql`f.account_id = r.id`}
      JOIN accounts l ON l.id = ${localFollows ? sql`f.account_id` : sql`f.target_account_id`} AND l.domain IS NULL
     WHERE r.domain = ${domain}
     ORDER BY f.id DESC
     LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ id: r.id, localId: r.local_id, localUsername: r.local_username, remoteId: r.remote_id, remoteUsername: r.remote_username, since: r.created_at }));
}

export interface InstanceReportRow {
  id: string;
  open: boolean;
  category: number;
  createdAt: Date;
  reporter: string;
  target: string;
  comment: string;
}

/** Reports about the domain's accounts (`against`) or filed by them (`from`), open first. */
export async function listInstanceReports({ db, domain, side, limit = 20 }: { db: Db; domain: string; side: 'against' | 'from'; limit?: number }): Promise<InstanceReportRow[]> {
  const { rows } = await sql<{ id: string; open: boolean; category: number; created_at: Date; reporter: string; reporter_domain: string | null; target: string; target_domain: string | null; comment: string }>`
    SELECT r.id, r.action_taken_at IS NULL AS open, r.category, r.created_at, ra.username AS reporter, ra.domain AS reporter_domain,
           ta.username AS target, ta.domain AS target_domain, left(r.comment, 200) AS comment
      FROM accounts x
      JOIN reports r ON ${side === 'against' ? sql`r.target_account_id = x.id` : sql`r.account_id = x.id`}
      JOIN accounts ra ON ra.id = r.account_id
      JOIN accounts ta ON ta.id = r.target_account_id
     WHERE x.domain = ${domain}
     ORDER BY (r.action_taken_at IS NULL) DESC, r.id DESC
     LIMIT ${limit}`.execute(db);
  const acct = (u: string, d: string | null) => (d ? `${u}@${d}` : u);
  return rows.map((r) => ({ id: r.id, open: r.open, category: r.category, createdAt: r.created_at, reporter: acct(r.reporter, r.reporter_domain), target: acct(r.target, r.target_domain), comment: r.comment }));
}

export interface InstanceNoteRow {
  id: string;
  domain: string;
  content: string;
  createdAt: Date;
  authorId: string;
  authorUsername: string;
  authorRolePosition: number;
}

export async function listInstanceNotes({ db, domain }: { db: Db; domain: string }): Promise<InstanceNoteRow[]> {
  const rows = await db
    .selectFrom('instance_moderation_notes as n')
    .innerJoin('accounts as a', 'a.id', 'n.account_id')
    .leftJoin('users as u', 'u.account_id', 'a.id')
    .leftJoin('user_roles as r', 'r.id', 'u.role_id')
    .select(['n.id', 'n.domain', 'n.content', 'n.created_at', 'a.id as author_id', 'a.username', 'r.position'])
    .where('n.domain', '=', domain)
    .orderBy('n.id', 'asc')
    .execute();
  return rows.map((r) => ({ id: r.id, domain: r.domain, content: r.content ?? '', createdAt: r.created_at, authorId: r.author_id, authorUsername: r.username, authorRolePosition: r.position ?? -1 }));
}

export async function insertInstanceNote({ db, domain, accountId, content, at }: { db: Db; domain: string; accountId: string; content: string; at: Date }): Promise<string> {
  const row = await db.insertInto('instance_moderation_notes').values({ domain, account_id: accountId, content, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function getInstanceNote({ db, id }: { db: Db; id: string }): Promise<InstanceNoteRow | null> {
  if (!/^\d+$/.test(id)) return null;
  const row = await db
    .selectFrom('instance_moderation_notes as n')
    .innerJoin('accounts as a', 'a.id', 'n.account_id')
    .leftJoin('users as u', 'u.account_id', 'a.id')
    .leftJoin('user_roles as r', 'r.id', 'u.role_id')
    .select(['n.id', 'n.content', 'n.created_at', 'n.domain', 'a.id as author_id', 'a.username', 'r.position'])
    .where('n.id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, domain: row.domain, content: row.content ?? '', createdAt: row.created_at, authorId: row.author_id, authorUsername: row.username, authorRolePosition: row.position ?? -1 } : null;
}

export async function deleteInstanceNote({ db, id }: { db: Db; id: string }): Promise<void> {
  await db.deleteFrom('instance_moderation_notes').where('id', '=', id).execute();
}

export interface InstanceLogRow {
  id: string;
  action: string;
  targetType: string | null;
  humanIdentifier: string | null;
  createdAt: Date;
  actor: string;
}

/**
 * Recent audit entries about the domain: its blocks, allows, delivery and purges (human identifier =
 * domain) and actions on its accounts (index on target_type, target_id).
 */
export async function listInstanceLogs({ db, domain, limit = 20 }: { db: Db; domain: string; limit?: number }): Promise<InstanceLogRow[]> {
  const { rows } = await sql<{ id: string; action: string; target_type: string | null; human_identifier: string | null; created_at: Date; actor: string }>`
    SELECT * FROM (
      (SELECT l.id, l.action, l.target_type, l.human_identifier, l.created_at, a.username AS actor
         FROM admin_action_logs l JOIN accounts a ON a.id = l.account_id
        WHERE l.target_type IN ('DomainBlock', 'DomainAllow', 'Instance', 'UnavailableDomain') AND l.human_identifier = ${domain}
        ORDER BY l.id DESC LIMIT ${limit})
      UNION ALL
      (SELECT l.id, l.action, l.target_type, l.human_identifier, l.created_at, a.username AS actor
         FROM accounts x JOIN admin_action_logs l ON l.target_type = 'Account' AND l.target_id = x.id JOIN accounts a ON a.id = l.account_id
        WHERE x.domain = ${domain}
        ORDER BY l.id DESC LIMIT ${limit})
    ) logs ORDER BY id DESC LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ id: r.id, action: r.action, targetType: r.target_type, humanIdentifier: r.human_identifier, createdAt: r.created_at, actor: r.actor }));
}
