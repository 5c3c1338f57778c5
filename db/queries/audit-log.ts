import { sql, type Expression, type SqlBool } from 'kysely';
import { ACCT_TARGET_TYPES, DOMAIN_TARGET_TYPES, type AuditActionType, type AuditSource } from '@/lib/audit-actions';
import type { AuditCursor } from '@/lib/audit-filters';
import type { Db } from '../client';

/**
 * The audit log: Mastodon's `admin_action_logs` and Palisade's `palisade.events`, merged newest
 * first. Each source is read through its primary key in descending id order (Mastodon's own
 * `latest` order) with the filters applied, `limit + 1` rows each; the two lists are then merged
 * on their heads by time. One cursor per source keeps paging exact.
 */

export interface AuditQuery {
  actorIds: string[];
  actions: AuditActionType[];
  targetType: string | null;
  targetDomain: string | null;
  /** Inclusive lower and exclusive upper instant. */
  from: Date | null;
  until: Date | null;
  query: string | null;
}

export interface AuditEntry {
  /** `mastodon:<id>` or `palisade:<id>`: unique across both sources. */
  key: string;
  source: AuditSource;
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorUsername: string | null;
  actorDomain: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  humanIdentifier: string | null;
  routeParam: string | null;
  permalink: string | null;
  /** The account behind a strike target (for the link). */
  targetAccountId: string | null;
  /** Mastodon 4.7 Tag updates (usable/trendable/listable), or a Palisade event's details. */
  details: Record<string, unknown> | null;
}

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type Alias = 'l' | 'e';

/** The WHERE clause shared by both sources; the two tables have the same column names. */
function conditions(alias: Alias, source: AuditSource, filter: AuditQuery, before: string | null): Expression<SqlBool>[] {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const where: Expression<SqlBool>[] = [];
  if (before) where.push(sql<SqlBool>`${col('id')} < ${before}::bigint`);
  if (filter.actorIds.length > 0) where.push(sql<SqlBool>`${col('account_id')} IN (${sql.join(filter.actorIds.map((a) => sql`${a}::bigint`))})`);
  const pairs = filter.actions.filter((a) => a.source === source);
  if (pairs.length > 0) {
    where.push(sql<SqlBool>`(${sql.join(
      pairs.map((p) => sql`(${col('target_type')} = ${p.targetType} AND ${col('action')} = ${p.action})`),
      sql` OR `,
    )})`);
  }
  if (filter.targetType) where.push(sql<SqlBool>`${col('target_type')} = ${filter.targetType}`);
  if (filter.targetDomain) {
    // Like Mastodon's target_domain filter (domain-keyed targets), plus actions on that domain's
    // accounts, whose identifier is their acct `user@domain`.
    where.push(sql<SqlBool>`(
      (${col('target_type')} IN (${sql.join(DOMAIN_TARGET_TYPES.map((t) => sql`${t}`))}) AND ${col('human_identifier')} = ${filter.targetDomain})
      OR (${col('target_type')} IN (${sql.join(ACCT_TARGET_TYPES.map((t) => sql`${t}`))}) AND ${col('human_identifier')} LIKE ${`%@${likeEscape(filter.targetDomain)}`})
    )`);
  }
  if (filter.from) where.push(sql<SqlBool>`${col('created_at')} >= ${filter.from}::timestamp`);
  if (filter.until) where.push(sql<SqlBool>`${col('created_at')} < ${filter.until}::timestamp`);
  if (filter.query) {
    const pattern = `%${likeEscape(filter.query)}%`;
    const extra = source === 'mastodon' ? sql`OR ${col('permalink')} ILIKE ${pattern}` : sql`OR ${col('data')}::text ILIKE ${pattern}`;
    where.push(sql<SqlBool>`(${col('human_identifier')} ILIKE ${pattern} ${extra})`);
  }
  return where;
}

interface RawRow {
  id: string;
  created_at: Date;
  account_id: string | null;
  actor_username: string | null;
  actor_domain: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  human_identifier: string | null;
  route_param: string | null;
  permalink: string | null;
  target_account_id: string | null;
  details: Record<string, unknown> | null;
}

function whereClause(parts: Expression<SqlBool>[]) {
  return parts.length > 0 ? sql`WHERE ${sql.join(parts, sql` AND `)}` : sql``;
}

async function readMastodon(db: Db, filter: AuditQuery, before: string | null, limit: number): Promise<RawRow[]> {
  const { rows } = await sql<RawRow>`
    SELECT l.id, l.created_at, l.account_id, a.username AS actor_username, a.domain AS actor_domain,
           l.action, l.target_type, l.target_id, l.human_identifier, l.route_param, l.permalink,
           w.target_account_id, l.recorded_changes AS details
    FROM (
      SELECT * FROM admin_action_logs l ${whereClause(conditions('l', 'mastodon', filter, before))}
      ORDER BY l.id DESC LIMIT ${limit}
    ) l
    LEFT JOIN accounts a ON a.id = l.account_id
    LEFT JOIN account_warnings w ON l.target_type = 'AccountWarning' AND w.id = l.target_id
    ORDER BY l.id DESC`.execute(db);
  return rows;
}

async function readPalisade(db: Db, filter: AuditQuery, before: string | null, limit: number): Promise<RawRow[]> {
  const { rows } = await sql<RawRow>`
    SELECT e.id, e.created_at, e.account_id, a.username AS actor_username, a.domain AS actor_domain,
           e.action, e.target_type, e.target_id, e.human_identifier, e.route_param, NULL::text AS permalink,
           NULL::bigint AS target_account_id, e.data AS details
    FROM (
      SELECT * FROM palisade.events e ${whereClause(conditions('e', 'palisade', filter, before))}
      ORDER BY e.id DESC LIMIT ${limit}
    ) e
    LEFT JOIN accounts a ON a.id = e.account_id
    ORDER BY e.id DESC`.execute(db);
  return rows;
}

function toEntry(source: AuditSource, r: RawRow): AuditEntry {
  return {
    key: `${source}:${r.id}`,
    source,
    id: r.id,
    createdAt: r.created_at,
    actorId: r.account_id,
    actorUsername: r.actor_username,
    actorDomain: r.actor_domain,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    humanIdentifier: r.human_identifier,
    routeParam: r.route_param,
    permalink: r.permalink,
    targetAccountId: r.target_account_id,
    details: r.details && Object.keys(r.details).length > 0 ? r.details : null,
  };
}

/** Which sources a filter can match at all (an action filter naming only one source skips the other). */
function sourcesFor(filter: AuditQuery): Record<AuditSource, boolean> {
  if (filter.actions.length === 0) return { mastodon: true, palisade: true };
  return { mastodon: filter.actions.some((a) => a.source === 'mastodon'), palisade: filter.actions.some((a) => a.source === 'palisade') };
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Cursor of the next page, or null on the last page. */
  next: AuditCursor | null;
}

export async function listAuditEntries({ db, filter, cursor, limit = 50 }: { db: Db; filter: AuditQuery; cursor: AuditCursor | null; limit?: number }): Promise<AuditPage> {
  const sources = sourcesFor(filter);
  const [mastodon, palisade] = await Promise.all([
    sources.mastodon ? readMastodon(db, filter, cursor?.mastodon ?? null, limit + 1) : Promise.resolve([]),
    sources.palisade ? readPalisade(db, filter, cursor?.palisade ?? null, limit + 1) : Promise.resolve([]),
  ]);
  const entries: AuditEntry[] = [];
  let m = 0;
  let p = 0;
  // Merge on the heads: newer first; on equal times Mastodon's row first (it is the record of truth).
  while (entries.length < limit && (m < mastodon.length || p < palisade.length)) {
    const a = mastodon[m];
    const b = palisade[p];
    if (a && (!b || a.created_at.getTime() >= b.created_at.getTime())) {
      entries.push(toEntry('mastodon', a));
      m += 1;
    } else if (b) {
      entries.push(toEntry('palisade', b));
      p += 1;
    }
  }
  const more = m < mastodon.length || p < palisade.length;
  if (!more) return { entries, next: null };
  const lastId = (source: AuditSource) => entries.filter((e) => e.source === source).at(-1)?.id ?? null;
  return { entries, next: { mastodon: lastId('mastodon') ?? cursor?.mastodon ?? null, palisade: lastId('palisade') ?? cursor?.palisade ?? null } };
}

export interface AuditActor {
  accountId: string;
  username: string;
  domain: string | null;
}

/**
 * Everyone who can appear as an actor: accounts with audit rows (a loose index scan over
 * `index_admin_action_logs_on_account_id`, so it reads one index entry per actor, not per row),
 * Palisade event actors, and current staff.
 */
export async function listAuditActors({ db }: { db: Db }): Promise<AuditActor[]> {
  const { rows } = await sql<{ account_id: string; username: string; domain: string | null }>`
    WITH RECURSIVE logged AS (
      (SELECT account_id FROM admin_action_logs ORDER BY account_id LIMIT 1)
      UNION ALL
      SELECT (SELECT l.account_id FROM admin_action_logs l WHERE l.account_id > logged.account_id ORDER BY l.account_id LIMIT 1)
      FROM logged WHERE logged.account_id IS NOT NULL
    ),
    actors AS (
      SELECT account_id FROM logged WHERE account_id IS NOT NULL
      UNION SELECT DISTINCT account_id FROM palisade.events WHERE account_id IS NOT NULL
      UNION SELECT account_id FROM users WHERE role_id IS NOT NULL AND role_id <> -99
    )
    SELECT a.id AS account_id, a.username, a.domain
    FROM actors x JOIN accounts a ON a.id = x.account_id
    ORDER BY lower(a.username), a.id`.execute(db);
  return rows.map((r) => ({ accountId: r.account_id, username: r.username, domain: r.domain }));
}
