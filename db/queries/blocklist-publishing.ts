import { sql, type SqlBool } from 'kysely';
import { severityFromDb, type Severity } from '@/lib/blocklist/severity';
import type { Db } from '../client';

// -------------------------------------------------------------------------------------------------
// Our list as published

export interface PublishableBlock {
  id: string;
  domain: string;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  obfuscate: boolean;
  publicComment: string | null;
  updatedAt: Date;
}

/**
 * Mastodon's blocks in its export order (by id), never with private comments. Without
 * `includeSubscribed`, blocks created from subscriptions are left out: allies merging our list
 * with the same sources must not count those sources twice.
 */
export async function listPublishableBlocks({ db, includeSubscribed }: { db: Db; includeSubscribed: boolean }): Promise<PublishableBlock[]> {
  let q = db.selectFrom('domain_blocks as b').select(['b.id', 'b.domain', 'b.severity', 'b.reject_media', 'b.reject_reports', 'b.obfuscate', 'b.public_comment', 'b.updated_at']);
  if (!includeSubscribed) {
    q = q.where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('palisade.blocklist_provenance as p').select('p.domain').whereRef('p.domain', '=', 'b.domain').whereRef('p.block_id', '=', 'b.id').where('p.origin', '=', 'subscription'))),
    );
  }
  const rows = await q.orderBy('b.id').execute();
  return rows.map((r) => ({
    id: r.id,
    domain: r.domain,
    severity: severityFromDb(r.severity),
    rejectMedia: r.reject_media,
    rejectReports: r.reject_reports,
    obfuscate: r.obfuscate,
    publicComment: r.public_comment,
    updatedAt: r.updated_at,
  }));
}

/**
 * Changes whenever what we publish may have changed: a block added, changed or removed (count,
 * newest update, id sum), or a block's provenance recorded or dropped. One aggregate over
 * domain_blocks (20 000 rows) and one over the provenance.
 */
export async function publishedInputsFingerprint({ db }: { db: Db }): Promise<string> {
  const { rows } = await sql<{ f: string }>`
    SELECT concat_ws('|', b.n, b.max_updated, b.id_sum, p.n, p.max_applied) AS f
      FROM (SELECT count(*) AS n, max(updated_at)::text AS max_updated, sum(id)::text AS id_sum FROM domain_blocks) b,
           (SELECT count(*) AS n, max(applied_at)::text AS max_applied FROM palisade.blocklist_provenance) p`.execute(db);
  return rows[0]?.f ?? '';
}

export type Audience = 'allies' | 'public';

export interface PublishedState {
  domain: string;
  policy: string;
  filters: string[];
  changeId: string;
}

export async function listPublishedState({ db, audience }: { db: Db; audience: Audience }): Promise<Map<string, PublishedState>> {
  const rows = await db.selectFrom('palisade.blocklist_published').select(['domain', 'policy', 'filters', 'change_id']).where('audience', '=', audience).execute();
  return new Map(rows.map((r) => [r.domain, { domain: r.domain, policy: r.policy, filters: r.filters ?? [], changeId: r.change_id }]));
}

export interface PublishedChangeValues {
  id: string;
  audience: Audience;
  type: 'Recommendation' | 'Retraction';
  domain: string;
  policy: string | null;
  filters: string[];
  at: Date;
}

/** Appends changes to the feed and moves the published state with them (caller's transaction). */
export async function appendPublishedChanges({ db, changes }: { db: Db; changes: PublishedChangeValues[] }): Promise<void> {
  if (changes.length === 0) return;
  const payload = JSON.stringify(changes.map((c) => ({ id: c.id, audience: c.audience, type: c.type, domain: c.domain, policy: c.policy, filters: c.filters, created_at: c.at.toISOString() })));
  await sql`
    INSERT INTO palisade.blocklist_published_changes (id, audience, type, domain, policy, filters, created_at)
    SELECT x.id, x.audience, x.type, x.domain, x.policy, ARRAY(SELECT jsonb_array_elements_text(x.filters)), (x.created_at::timestamptz AT TIME ZONE 'UTC')
      FROM jsonb_to_recordset(${payload}::jsonb) AS x(id text, audience text, type text, domain text, policy text, filters jsonb, created_at text)`.execute(db);
  const retracted = changes.filter((c) => c.type === 'Retraction');
  for (const audience of ['allies', 'public'] as const) {
    const gone = retracted.filter((c) => c.audience === audience).map((c) => c.domain);
    if (gone.length) await sql`DELETE FROM palisade.blocklist_published WHERE audience = ${audience} AND domain = ANY(${gone}::text[])`.execute(db);
  }
  const current = changes.filter((c) => c.type === 'Recommendation');
  if (current.length) {
    const rows = JSON.stringify(current.map((c) => ({ audience: c.audience, domain: c.domain, policy: c.policy, filters: c.filters, change_id: c.id })));
    await sql`
      INSERT INTO palisade.blocklist_published (audience, domain, policy, filters, change_id)
      SELECT x.audience, x.domain, x.policy, ARRAY(SELECT jsonb_array_elements_text(x.filters)), x.change_id
        FROM jsonb_to_recordset(${rows}::jsonb) AS x(audience text, domain text, policy text, filters jsonb, change_id text)
      ON CONFLICT (audience, domain) DO UPDATE SET policy = EXCLUDED.policy, filters = EXCLUDED.filters, change_id = EXCLUDED.change_id`.execute(db);
  }
}

export interface PublishedChangeRow {
  id: string;
  type: 'Recommendation' | 'Retraction';
  domain: string;
  policy: string | null;
  filters: string[];
  createdAt: Date;
}

function toChange(r: { id: string; type: 'Recommendation' | 'Retraction'; domain: string; policy: string | null; filters: string[]; created_at: Date }): PublishedChangeRow {
  return { id: r.id, type: r.type, domain: r.domain, policy: r.policy, filters: r.filters ?? [], createdAt: r.created_at };
}

/** The feed after `since` (UUIDv7 ids sort by time), `limit` at a time (index on audience, id). */
export async function listPublishedChanges({ db, audience, since, limit }: { db: Db; audience: Audience; since: string | null; limit: number }): Promise<PublishedChangeRow[]> {
  let q = db.selectFrom('palisade.blocklist_published_changes').select(['id', 'type', 'domain', 'policy', 'filters', 'created_at']).where('audience', '=', audience);
  if (since) q = q.where('id', '>', since);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map(toChange);
}

export async function getPublishedChange({ db, audience, id }: { db: Db; audience: Audience; id: string }): Promise<PublishedChangeRow | null> {
  const row = await db.selectFrom('palisade.blocklist_published_changes').select(['id', 'type', 'domain', 'policy', 'filters', 'created_at']).where('audience', '=', audience).where('id', '=', id).executeTakeFirst();
  return row ? toChange(row) : null;
}

/** The latest change per domain that is still published (the snapshot), newest first. */
export async function listPublishedSnapshot({ db, audience }: { db: Db; audience: Audience }): Promise<PublishedChangeRow[]> {
  const rows = await db
    .selectFrom('palisade.blocklist_published as p')
    .innerJoin('palisade.blocklist_published_changes as c', 'c.id', 'p.change_id')
    .select(['c.id', 'c.type', 'c.domain', 'c.policy', 'c.filters', 'c.created_at'])
    .where('p.audience', '=', audience)
    .orderBy('c.id', 'desc')
    .execute();
  return rows.map(toChange);
}

export async function publishedFeedStats({ db, audience }: { db: Db; audience: Audience }): Promise<{ total: number; lastId: string | null; lastAt: Date | null }> {
  const row = await db
    .selectFrom('palisade.blocklist_published_changes')
    .select([sql<number>`count(*)::int`.as('total'), sql<string | null>`max(id)`.as('last_id'), sql<Date | null>`max(created_at)`.as('last_at')])
    .where('audience', '=', audience)
    .executeTakeFirstOrThrow();
  return { total: row.total, lastId: row.last_id, lastAt: row.last_at };
}

// -------------------------------------------------------------------------------------------------
// Allies and their tokens

export interface AllyRow {
  id: string;
  name: string;
  domain: string | null;
  note: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  tokens: Array<{ id: string; hint: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }>;
  lastReadAt: Date | null;
  reads30d: number;
}

export async function listAllies({ db, now }: { db: Db; now: Date }): Promise<AllyRow[]> {
  const [allies, tokens, reads] = await Promise.all([
    db.selectFrom('palisade.blocklist_allies').selectAll().orderBy('revoked_at', (ob) => ob.desc().nullsFirst()).orderBy('name').execute(),
    db.selectFrom('palisade.blocklist_ally_tokens').select(['id', 'ally_id', 'token_hint', 'created_at', 'last_used_at', 'revoked_at']).orderBy('id', 'desc').execute(),
    db
      .selectFrom('palisade.blocklist_reads')
      .select(['ally_id', sql<number>`count(*)::int`.as('n'), sql<Date>`max(created_at)`.as('last_at')])
      .where('ally_id', 'is not', null)
      .where('status', '<', 400)
      .where('created_at', '>=', new Date(now.getTime() - 30 * 86_400_000))
      .groupBy('ally_id')
      .execute(),
  ]);
  const readsBy = new Map(reads.map((r) => [r.ally_id!, r]));
  return allies.map((a) => ({
    id: a.id,
    name: a.name,
    domain: a.domain,
    note: a.note,
    createdAt: a.created_at,
    revokedAt: a.revoked_at,
    tokens: tokens.filter((t) => t.ally_id === a.id).map((t) => ({ id: t.id, hint: t.token_hint, createdAt: t.created_at, lastUsedAt: t.last_used_at, revokedAt: t.revoked_at })),
    lastReadAt: readsBy.get(a.id)?.last_at ?? null,
    reads30d: readsBy.get(a.id)?.n ?? 0,
  }));
}

export async function insertAlly({ db, name, domain, note, accountId, at }: { db: Db; name: string; domain: string | null; note: string | null; accountId: string | null; at: Date }): Promise<string> {
  const row = await db.insertInto('palisade.blocklist_allies').values({ name, domain, note, created_by: accountId, created_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function getAlly({ db, id }: { db: Db; id: string }): Promise<{ id: string; name: string; revokedAt: Date | null } | null> {
  if (!/^\d+$/.test(id)) return null;
  const row = await db.selectFrom('palisade.blocklist_allies').select(['id', 'name', 'revoked_at']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, name: row.name, revokedAt: row.revoked_at } : null;
}

export async function insertAllyToken({ db, allyId, tokenHash, hint, accountId, at }: { db: Db; allyId: string; tokenHash: string; hint: string; accountId: string | null; at: Date }): Promise<string> {
  const row = await db.insertInto('palisade.blocklist_ally_tokens').values({ ally_id: allyId, token_hash: tokenHash, token_hint: hint, created_by: accountId, created_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes one token, or (without tokenId) the ally and every token it has. */
export async function revokeAllyAccess({ db, allyId, tokenId = null, accountId, at }: { db: Db; allyId: string; tokenId?: string | null; accountId: string | null; at: Date }): Promise<number> {
  let q = db.updateTable('palisade.blocklist_ally_tokens').set({ revoked_at: at, revoked_by: accountId }).where('ally_id', '=', allyId).where('revoked_at', 'is', null);
  if (tokenId) q = q.where('id', '=', tokenId);
  const result = await q.executeTakeFirst();
  if (!tokenId) await db.updateTable('palisade.blocklist_allies').set({ revoked_at: at, revoked_by: accountId }).where('id', '=', allyId).where('revoked_at', 'is', null).execute();
  return Number(result.numUpdatedRows);
}

export interface TokenLookup {
  tokenId: string;
  allyId: string;
  allyName: string;
  /** The token or its ally was revoked. */
  revoked: boolean;
}

export async function findAllyToken({ db, tokenHash }: { db: Db; tokenHash: string }): Promise<TokenLookup | null> {
  const row = await db
    .selectFrom('palisade.blocklist_ally_tokens as t')
    .innerJoin('palisade.blocklist_allies as a', 'a.id', 't.ally_id')
    .select(['t.id', 't.ally_id', 'a.name', sql<boolean>`(t.revoked_at IS NOT NULL OR a.revoked_at IS NOT NULL)`.as('revoked')])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? { tokenId: row.id, allyId: row.ally_id, allyName: row.name, revoked: row.revoked } : null;
}

export async function touchAllyToken({ db, tokenId, at }: { db: Db; tokenId: string; at: Date }): Promise<void> {
  await db.updateTable('palisade.blocklist_ally_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute();
}

// -------------------------------------------------------------------------------------------------
// The read log

export interface ReadLogValues {
  format: string;
  allyId: string | null;
  tokenId: string | null;
  status: number;
  ip: string | null;
  userAgent: string | null;
  bytes: number | null;
  at: Date;
}

export async function insertRead({ db, read }: { db: Db; read: ReadLogValues }): Promise<void> {
  await db
    .insertInto('palisade.blocklist_reads')
    .values({ format: read.format, ally_id: read.allyId, token_id: read.tokenId, status: read.status, ip: read.ip, user_agent: read.userAgent?.slice(0, 300) ?? null, bytes: read.bytes, created_at: read.at })
    .execute();
}

export interface ReadRow {
  id: string;
  format: string;
  allyId: string | null;
  allyName: string | null;
  status: number;
  ip: string | null;
  userAgent: string | null;
  bytes: number | null;
  createdAt: Date;
}

/** The read log, newest first, keyset on (created_at, id). */
export async function listReads({ db, allyId, before, limit = 50 }: { db: Db; allyId?: string | null; before?: { at: Date; id: string } | null; limit?: number }): Promise<ReadRow[]> {
  let q = db
    .selectFrom('palisade.blocklist_reads as r')
    .leftJoin('palisade.blocklist_allies as a', 'a.id', 'r.ally_id')
    .select(['r.id', 'r.format', 'r.ally_id', 'a.name', 'r.status', 'r.ip', 'r.user_agent', 'r.bytes', 'r.created_at']);
  if (allyId) q = q.where('r.ally_id', '=', allyId);
  if (before) q = q.where(sql<SqlBool>`(r.created_at, r.id) < (${before.at}::timestamp, ${before.id}::bigint)`);
  const rows = await q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, format: r.format, allyId: r.ally_id, allyName: r.name, status: r.status, ip: r.ip, userAgent: r.user_agent, bytes: r.bytes, createdAt: r.created_at }));
}

/** Housekeeping: the read log keeps `days` days. */
export async function pruneReads({ db, before }: { db: Db; before: Date }): Promise<number> {
  const result = await db.deleteFrom('palisade.blocklist_reads').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
