import { domainToASCII } from 'node:url';
import { sql, type SqlBool, type Expression } from 'kysely';
import { severityFromDb, severityToDb, type Severity } from '@/lib/blocklist/severity';
import type { DomainBlockFilters } from '@/lib/domain-block-filters';
import { decodeCursor, encodeCursor, splitPage } from '@/lib/keyset';
import type { Db } from '../client';

export interface DomainBlockRow {
  id: string;
  domain: string;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  obfuscate: boolean;
  privateComment: string | null;
  publicComment: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DomainBlockListRow extends DomainBlockRow {
  /** Accounts Mastodon knows on exactly this domain (the `instances` view; refreshed hourly). */
  accountsCount: number;
}

type RawBlock = {
  id: string;
  domain: string;
  severity: number | null;
  reject_media: boolean;
  reject_reports: boolean;
  obfuscate: boolean;
  private_comment: string | null;
  public_comment: string | null;
  created_at: Date;
  updated_at: Date;
};

const BLOCK_COLUMNS = ['b.id', 'b.domain', 'b.severity', 'b.reject_media', 'b.reject_reports', 'b.obfuscate', 'b.private_comment', 'b.public_comment', 'b.created_at', 'b.updated_at'] as const;

function toRow(r: RawBlock): DomainBlockRow {
  return {
    id: r.id,
    domain: r.domain,
    severity: severityFromDb(r.severity),
    rejectMedia: r.reject_media,
    rejectReports: r.reject_reports,
    obfuscate: r.obfuscate,
    privateComment: r.private_comment,
    publicComment: r.public_comment,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Escapes LIKE's wildcards so a domain such as `a_b.example` matches only itself. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Strictness rank of the stored enum (silence 0, suspend 1, noop 2): suspend 2, silence 1, noop 0.
const RANK = sql<number>`(CASE b.severity WHEN 1 THEN 2 WHEN 0 THEN 1 ELSE 0 END)`;

export interface DomainBlockPage {
  rows: DomainBlockListRow[];
  nextCursor: string | null;
}

/**
 * The list screen: filters, four sort orders, keyset pages. 20 000 blocks is a small table; the
 * `instances` join is one unique-index probe per row shown.
 */
export async function listDomainBlocks({ db, filters, limit = 50 }: { db: Db; filters: DomainBlockFilters; limit?: number }): Promise<DomainBlockPage> {
  const sort = filters.sort ?? 'newest';
  let q = db
    .selectFrom('domain_blocks as b')
    .leftJoin('instances as i', 'i.domain', 'b.domain')
    .select([...BLOCK_COLUMNS, sql<string>`COALESCE(i.accounts_count, 0)`.as('accounts_count'), RANK.as('rank')]);

  if (filters.q) {
    const term = filters.q.toLowerCase();
    const ascii = domainToASCII(term) || term;
    const like = (v: string) => `%${escapeLike(v)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('b.domain', 'like', like(ascii)),
        eb('b.domain', 'like', like(term)),
        eb('b.public_comment', 'ilike', like(filters.q!)),
        eb('b.private_comment', 'ilike', like(filters.q!)),
      ]),
    );
  }
  if (filters.severity) q = q.where('b.severity', '=', severityToDb(filters.severity));
  if (filters.reject_media) q = q.where('b.reject_media', '=', filters.reject_media === 'yes');
  if (filters.reject_reports) q = q.where('b.reject_reports', '=', filters.reject_reports === 'yes');
  if (filters.obfuscate) q = q.where('b.obfuscate', '=', filters.obfuscate === 'yes');
  if (filters.private_comment === 'yes') q = q.where(sql<SqlBool>`COALESCE(b.private_comment, '') <> ''`);
  if (filters.private_comment === 'no') q = q.where(sql<SqlBool>`COALESCE(b.private_comment, '') = ''`);

  const cursor = decodeCursor(filters.cursor, sort === 'severity' ? 2 : 1);
  switch (sort) {
    case 'newest':
      if (cursor && typeof cursor[0] === 'string') q = q.where('b.id', '<', cursor[0]);
      q = q.orderBy('b.id', 'desc');
      break;
    case 'oldest':
      if (cursor && typeof cursor[0] === 'string') q = q.where('b.id', '>', cursor[0]);
      q = q.orderBy('b.id', 'asc');
      break;
    case 'domain':
      if (cursor && typeof cursor[0] === 'string') q = q.where('b.domain', '>', cursor[0]);
      q = q.orderBy('b.domain', 'asc');
      break;
    case 'severity':
      if (cursor && typeof cursor[0] === 'number' && typeof cursor[1] === 'string') {
        const [rank, domain] = cursor as [number, string];
        q = q.where(sql<SqlBool>`(${RANK} < ${rank} OR (${RANK} = ${rank} AND b.domain > ${domain}))`);
      }
      q = q.orderBy(RANK, 'desc').orderBy('b.domain', 'asc');
      break;
  }
  const page = splitPage(await q.limit(limit + 1).execute(), limit);
  const last = page.rows.at(-1);
  let nextCursor: string | null = null;
  if (page.hasMore && last) {
    nextCursor = encodeCursor(sort === 'severity' ? [Number(last.rank), last.domain] : sort === 'domain' ? [last.domain] : [last.id]);
  }
  return { rows: page.rows.map((r) => ({ ...toRow(r), accountsCount: Number(r.accounts_count) })), nextCursor };
}

export async function countDomainBlocks({ db }: { db: Db }): Promise<Record<Severity, number>> {
  const rows = await db.selectFrom('domain_blocks').select(['severity', sql<number>`count(*)::int`.as('n')]).groupBy('severity').execute();
  const out: Record<Severity, number> = { noop: 0, silence: 0, suspend: 0 };
  for (const r of rows) out[severityFromDb(r.severity)] += r.n;
  return out;
}

export async function getDomainBlock({ db, id }: { db: Db; id: string }): Promise<DomainBlockRow | null> {
  if (!/^\d+$/.test(id)) return null;
  const row = await db.selectFrom('domain_blocks as b').select(BLOCK_COLUMNS).where('b.id', '=', id).executeTakeFirst();
  return row ? toRow(row) : null;
}

/** Locks the row for an update or removal in the caller's transaction. */
export async function lockDomainBlock({ db, id }: { db: Db; id: string }): Promise<DomainBlockRow | null> {
  if (!/^\d+$/.test(id)) return null;
  const row = await db.selectFrom('domain_blocks as b').select(BLOCK_COLUMNS).where('b.id', '=', id).forUpdate().executeTakeFirst();
  return row ? toRow(row) : null;
}

/** Blocks on exactly these domains: with a domain's variants, the input of Mastodon's rule_for. */
export async function findDomainBlocks({ db, domains }: { db: Db; domains: string[] }): Promise<DomainBlockRow[]> {
  if (domains.length === 0) return [];
  const rows = await db.selectFrom('domain_blocks as b').select(BLOCK_COLUMNS).where('b.domain', '=', sql<string>`ANY(${domains}::varchar[])`).execute();
  return rows.map(toRow);
}

/** Existing blocks on subdomains of `domain` (which a new parent block would make redundant or not). */
export async function findSubdomainBlocks({ db, domain }: { db: Db; domain: string }): Promise<DomainBlockRow[]> {
  const rows = await db
    .selectFrom('domain_blocks as b')
    .select(BLOCK_COLUMNS)
    .where('b.domain', 'like', `%.${escapeLike(domain)}`)
    .orderBy('b.domain')
    .limit(200)
    .execute();
  return rows.map(toRow);
}

/** Every block, oldest first (Mastodon's export order), without private comments. */
export async function listDomainBlocksForExport({ db }: { db: Db }): Promise<Array<Omit<DomainBlockRow, 'privateComment'>>> {
  const rows = await db
    .selectFrom('domain_blocks as b')
    .select(['b.id', 'b.domain', 'b.severity', 'b.reject_media', 'b.reject_reports', 'b.obfuscate', 'b.public_comment', 'b.created_at', 'b.updated_at'])
    .orderBy('b.id', 'asc')
    .execute();
  return rows.map((r) => {
    const { privateComment: _privateComment, ...rest } = toRow({ ...r, private_comment: null });
    return rest;
  });
}

export interface DomainBlockValues {
  domain: string;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  privateComment: string | null;
  publicComment: string | null;
  obfuscate: boolean;
}

/** Inserts the row; `at` becomes created_at, the timestamp BlockDomainService stamps on accounts. */
export async function insertDomainBlock({ db, values, at }: { db: Db; values: DomainBlockValues; at: Date }): Promise<DomainBlockRow> {
  const row = await db
    .insertInto('domain_blocks')
    .values({
      domain: values.domain,
      severity: severityToDb(values.severity),
      reject_media: values.rejectMedia,
      reject_reports: values.rejectReports,
      private_comment: values.privateComment,
      public_comment: values.publicComment,
      obfuscate: values.obfuscate,
      created_at: at,
      updated_at: at,
    })
    .returning(['id', 'domain', 'severity', 'reject_media', 'reject_reports', 'obfuscate', 'private_comment', 'public_comment', 'created_at', 'updated_at'])
    .executeTakeFirstOrThrow();
  return toRow(row);
}

export async function updateDomainBlockRow({ db, id, values, at }: { db: Db; id: string; values: Omit<DomainBlockValues, 'domain'>; at: Date }): Promise<DomainBlockRow> {
  const row = await db
    .updateTable('domain_blocks')
    .set({
      severity: severityToDb(values.severity),
      reject_media: values.rejectMedia,
      reject_reports: values.rejectReports,
      private_comment: values.privateComment,
      public_comment: values.publicComment,
      obfuscate: values.obfuscate,
      updated_at: at,
    })
    .where('id', '=', id)
    .returning(['id', 'domain', 'severity', 'reject_media', 'reject_reports', 'obfuscate', 'private_comment', 'public_comment', 'created_at', 'updated_at'])
    .executeTakeFirstOrThrow();
  return toRow(row);
}

export async function deleteDomainBlockRow({ db, id }: { db: Db; id: string }): Promise<void> {
  await db.deleteFrom('domain_blocks').where('id', '=', id).execute();
}

// -------------------------------------------------------------------------------------------------
// The accounts a block applies to (Account.by_domain_and_subdomains)

/**
 * The domain and its known subdomains. Mastodon finds subdomains through the `instances` view and
 * its index on reverse('.' || domain); the domain itself is added even when the view is stale.
 */
export async function listDomainAndSubdomains({ db, domain }: { db: Db; domain: string }): Promise<string[]> {
  const reversed = [...`.${domain}`].reverse().join('');
  const { rows } = await sql<{ domain: string }>`
    SELECT domain FROM instances WHERE reverse('.' || domain) LIKE ${`${escapeLike(reversed)}%`}`.execute(db);
  const all = new Set(rows.map((r) => r.domain));
  all.add(domain);
  return [...all].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
}

/** Whether the `instances` view already lists the domain (Mastodon refreshes it when not). */
export async function instancesViewHas({ db, domain }: { db: Db; domain: string }): Promise<boolean> {
  const row = await db.selectFrom('instances').select('domain').where('domain', '=', domain).executeTakeFirst();
  return !!row;
}

export async function refreshInstancesView({ db }: { db: Db }): Promise<void> {
  await sql`REFRESH MATERIALIZED VIEW CONCURRENTLY instances`.execute(db);
}

function onDomains(domains: string[]): Expression<SqlBool> {
  return sql<SqlBool>`a.domain = ANY(${domains}::varchar[])`;
}

/**
 * The block's own created_at, read in SQL: Mastodon's timestamps carry microseconds that a JS Date
 * would round away, and the undo link is equality with exactly this value.
 */
function blockCreatedAt(blockId: string) {
  return sql<Date>`(SELECT created_at FROM domain_blocks WHERE id = ${blockId})`;
}

// -------------------------------------------------------------------------------------------------
// BlockDomainService / UnblockDomainService as set-based updates

/** silence: accounts not yet silenced get the block's created_at. Returns how many changed. */
export async function silenceDomainAccounts({ db, domains, blockId }: { db: Db; domains: string[]; blockId: string }): Promise<number> {
  const result = await db
    .updateTable('accounts as a')
    .set({ silenced_at: blockCreatedAt(blockId) })
    .where(onDomains(domains))
    .where('a.silenced_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** suspend, first step: accounts not yet suspended get the block's created_at, origin local. */
export async function suspendDomainAccounts({ db, domains, blockId }: { db: Db; domains: string[]; blockId: string }): Promise<string[]> {
  await db
    .updateTable('accounts as a')
    .set({ suspended_at: blockCreatedAt(blockId), suspension_origin: 0 })
    .where(onDomains(domains))
    .where('a.suspended_at', 'is', null)
    .execute();
  const rows = await db.selectFrom('accounts as a').select('a.id').where(onDomains(domains)).where('a.suspended_at', '=', blockCreatedAt(blockId)).execute();
  return rows.map((r) => r.id);
}

/** Undo the parts of a block whose severity no longer applies (accounts carrying its timestamp). */
export async function liftDomainAccounts({ db, domains, blockId, silence, suspend }: { db: Db; domains: string[]; blockId: string; silence: boolean; suspend: boolean }): Promise<{ unsilenced: number; unsuspended: number }> {
  let unsilenced = 0;
  let unsuspended = 0;
  if (silence) {
    const r = await db.updateTable('accounts as a').set({ silenced_at: null }).where(onDomains(domains)).where('a.silenced_at', '=', blockCreatedAt(blockId)).executeTakeFirst();
    unsilenced = Number(r.numUpdatedRows);
  }
  if (suspend) {
    const r = await db.updateTable('accounts as a').set({ suspended_at: null, suspension_origin: null }).where(onDomains(domains)).where('a.suspended_at', '=', blockCreatedAt(blockId)).executeTakeFirst();
    unsuspended = Number(r.numUpdatedRows);
  }
  return { unsilenced, unsuspended };
}

export interface PurgeResult {
  severanceEventId: string | null;
  severedFollows: number;
  affectedLocalAccounts: number;
  deletedStatuses: number;
  deletedMedia: number;
}

/**
 * DeleteAccountService for accounts suspended by a domain block (reserve_username: the rows stay):
 * follow relationships recorded under one `relationship_severance_events` row (type domain_block)
 * and removed, with each affected local account's counts; blocks, mutes and outgoing follow
 * requests removed; the profile emptied; posts and media deleted except those in unresolved
 * reports; the pending deletion request fulfilled. Remote statuses are hard-deleted, as
 * BatchedRemoveStatusService does for remote authors.
 */
export async function purgeSuspendedAccounts({ db, accountIds, domain, at }: { db: Db; accountIds: string[]; domain: string; at: Date }): Promise<PurgeResult> {
  const result: PurgeResult = { severanceEventId: null, severedFollows: 0, affectedLocalAccounts: 0, deletedStatuses: 0, deletedMedia: 0 };
  if (accountIds.length === 0) return result;
  const ids = sql`${accountIds}::bigint[]`;

  const event = await db
    .insertInto('relationship_severance_events')
    .values({ type: 0, target_name: domain, purged: false, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  result.severanceEventId = event.id;

  // Follows of these accounts by local accounts are "active" for the local side; theirs of local accounts "passive".
  const severed = await sql<{ n: string }>`
    WITH inserted AS (
      INSERT INTO severed_relationships (relationship_severance_event_id, local_account_id, remote_account_id, direction, show_reblogs, notify, languages, created_at, updated_at)
      SELECT ${event.id}::bigint, f.account_id, f.target_account_id, 1, f.show_reblogs, f.notify, f.languages, ${at}::timestamp, ${at}::timestamp
        FROM follows f JOIN accounts l ON l.id = f.account_id AND l.domain IS NULL
       WHERE f.target_account_id = ANY(${ids})
      UNION ALL
      SELECT ${event.id}::bigint, f.target_account_id, f.account_id, 0, f.show_reblogs, f.notify, f.languages, ${at}::timestamp, ${at}::timestamp
        FROM follows f JOIN accounts l ON l.id = f.target_account_id AND l.domain IS NULL
       WHERE f.account_id = ANY(${ids})
      ON CONFLICT DO NOTHING
      RETURNING 1
    ) SELECT count(*) AS n FROM inserted`.execute(db);
  result.severedFollows = Number(severed.rows[0]?.n ?? 0);

  const affected = await sql<{ n: string }>`
    WITH inserted AS (
      INSERT INTO account_relationship_severance_events (account_id, relationship_severance_event_id, followers_count, following_count, created_at, updated_at)
      SELECT local_account_id, ${event.id}::bigint, count(*) FILTER (WHERE direction = 0), count(*) FILTER (WHERE direction = 1), ${at}::timestamp, ${at}::timestamp
        FROM severed_relationships WHERE relationship_severance_event_id = ${event.id}::bigint
       GROUP BY local_account_id
      RETURNING 1
    ) SELECT count(*) AS n FROM inserted`.execute(db);
  result.affectedLocalAccounts = Number(affected.rows[0]?.n ?? 0);

  // Follow#destroy decrements the counters of the local side.
  await sql`
    UPDATE account_stats s SET following_count = GREATEST(0, s.following_count - c.following), followers_count = GREATEST(0, s.followers_count - c.followers), updated_at = ${at}::timestamp
      FROM (SELECT local_account_id, count(*) FILTER (WHERE direction = 1) AS following, count(*) FILTER (WHERE direction = 0) AS followers
              FROM severed_relationships WHERE relationship_severance_event_id = ${event.id}::bigint GROUP BY local_account_id) c
     WHERE s.account_id = c.local_account_id`.execute(db);
  await sql`DELETE FROM follows WHERE account_id = ANY(${ids}) OR target_account_id = ANY(${ids})`.execute(db);
  await sql`DELETE FROM follow_requests WHERE account_id = ANY(${ids})`.execute(db);
  await sql`DELETE FROM blocks WHERE account_id = ANY(${ids}) OR target_account_id = ANY(${ids})`.execute(db);
  await sql`DELETE FROM mutes WHERE account_id = ANY(${ids}) OR target_account_id = ANY(${ids})`.execute(db);

  // Posts and media under an unresolved report stay as evidence.
  const keep = sql`(SELECT DISTINCT sid FROM reports r, unnest(r.status_ids) sid WHERE r.action_taken_at IS NULL AND r.target_account_id = ANY(${ids}))`;
  const media = await sql`DELETE FROM media_attachments WHERE account_id = ANY(${ids}) AND (status_id IS NULL OR status_id NOT IN ${keep})`.execute(db);
  result.deletedMedia = Number(media.numAffectedRows ?? 0);
  await sql`DELETE FROM mentions WHERE account_id = ANY(${ids}) AND status_id NOT IN ${keep}`.execute(db);
  const statuses = await sql`DELETE FROM statuses WHERE account_id = ANY(${ids}) AND id NOT IN ${keep}`.execute(db);
  result.deletedStatuses = Number(statuses.numAffectedRows ?? 0);

  await sql`
    UPDATE accounts SET silenced_at = NULL, locked = false, memorial = false, discoverable = false, trendable = false,
           display_name = '', note = '', fields = '[]'::jsonb, moved_to_account_id = NULL, reviewed_at = NULL,
           requested_review_at = NULL, also_known_as = '{}',
           avatar_file_name = NULL, avatar_content_type = NULL, avatar_file_size = NULL, avatar_updated_at = NULL,
           header_file_name = NULL, header_content_type = NULL, header_file_size = NULL, header_updated_at = NULL,
           updated_at = ${at}
     WHERE id = ANY(${ids})`.execute(db);
  await sql`UPDATE account_stats SET statuses_count = 0, followers_count = 0, following_count = 0, updated_at = ${at} WHERE account_id = ANY(${ids})`.execute(db);
  await sql`DELETE FROM account_deletion_requests WHERE account_id = ANY(${ids})`.execute(db);
  return result;
}

/**
 * ClearDomainMediaService (reject_media): cached avatars, headers and attachments of the domain's
 * accounts are destroyed; attachments become type unknown (3) with no local file.
 */
export async function clearDomainMedia({ db, domains, at }: { db: Db; domains: string[]; at: Date }): Promise<number> {
  await db
    .updateTable('accounts as a')
    .set({
      avatar_file_name: null,
      avatar_content_type: null,
      avatar_file_size: null,
      avatar_updated_at: null,
      header_file_name: null,
      header_content_type: null,
      header_file_size: null,
      header_updated_at: null,
      updated_at: at,
    })
    .where(onDomains(domains))
    .where((eb) => eb.or([eb('a.avatar_file_name', 'is not', null), eb('a.header_file_name', 'is not', null)]))
    .execute();
  const result = await sql`
    UPDATE media_attachments m SET file_file_name = NULL, file_content_type = NULL, file_file_size = NULL, file_updated_at = NULL,
           thumbnail_file_name = NULL, thumbnail_content_type = NULL, thumbnail_file_size = NULL, type = 3, updated_at = ${at}
      FROM accounts a
     WHERE m.account_id = a.id AND ${onDomains(domains)} AND (m.file_file_name IS NOT NULL OR m.type <> 3)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Runs a read with JIT compilation off. The fenced CTEs hide row counts from the planner, whose
 * inflated cost estimate then triggers JIT: compiling took 3.8 s of a 6 s preview at the large seed
 * for work that takes well under a second.
 */
async function withoutJit<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL jit = off`.execute(trx);
    return work(trx);
  });
}

// -------------------------------------------------------------------------------------------------
// Impact preview

export interface DomainImpactFigures {
  /** The domain and its known subdomains. */
  domains: string[];
  accounts: number;
  suspendedAccounts: number;
  silencedAccounts: number;
  /** Accounts whose silenced_at / suspended_at equals the existing block's created_at: what removing it lifts. */
  linkedSilenced: number;
  linkedSuspended: number;
  /** Local accounts following accounts on the domain, and those follow rows. */
  localFollowers: number;
  localFollowerFollows: number;
  /** Local accounts followed by accounts on the domain, and those follow rows. */
  localFollowed: number;
  localFollowedFollows: number;
  openReports: number;
  /** Sum of Mastodon's per-account statuses counters. */
  statuses: number;
  /** Attachments with a cached local file (what reject_media clears). */
  cachedMedia: number;
  /** The local accounts with the most follow relationships to the domain. */
  topLocalAccounts: Array<{ id: string; username: string; follows: number }>;
}

/**
 * Everything a moderator should know before blocking, changing or lifting a block, in one
 * statement. The plan is pinned (MATERIALIZED CTEs, OFFSET 0 inside LATERAL) so that it always
 * starts from the domain's accounts (index_accounts_on_domain_and_id, or the covering index in
 * RECOMMENDED_INDEXES) and walks Mastodon's indexes from there: follows by (target_account_id,
 * account_id) and (account_id, target_account_id), reports by target and by reporter,
 * account_stats and media_attachments by account. Without the fences PostgreSQL misjudges the
 * CTE sizes and scans all follows of all local accounts instead (20 s at the large seed).
 */
export async function getDomainImpact({ db, domain, blockId = null }: { db: Db; domain: string; blockId?: string | null }): Promise<DomainImpactFigures> {
  const linkedAt = blockId ? blockCreatedAt(blockId) : sql<Date | null>`NULL::timestamp`;
  const domains = await listDomainAndSubdomains({ db, domain });
  const d = sql`${domains}::varchar[]`;
  const { rows } = await withoutJit(db, (trx) => sql<{
    accounts: number;
    suspended: number;
    silenced: number;
    linked_silenced: number;
    linked_suspended: number;
    local_followers: number;
    local_follower_follows: number;
    local_followed: number;
    local_followed_follows: number;
    open_reports: number;
    statuses: string;
    cached_media: number;
    top: Array<{ id: string; username: string; follows: number }> | null;
  }>`
    WITH t AS MATERIALIZED (
      SELECT id, silenced_at, suspended_at FROM accounts WHERE domain = ANY(${d})
    ),
    -- Mastodon only stores follows with a local side (it never learns of remote-to-remote follows),
    -- so the follows of the domain's accounts are exactly their relationships with local accounts.
    followers AS MATERIALIZED (
      SELECT x.account_id AS local_id FROM t CROSS JOIN LATERAL (SELECT f.account_id FROM follows f WHERE f.target_account_id = t.id OFFSET 0) x
    ),
    followed AS MATERIALIZED (
      SELECT x.target_account_id AS local_id FROM t CROSS JOIN LATERAL (SELECT f.target_account_id FROM follows f WHERE f.account_id = t.id OFFSET 0) x
    ),
    top AS (
      SELECT local_id, count(*)::int AS n FROM (SELECT local_id FROM followers UNION ALL SELECT local_id FROM followed) p
       GROUP BY local_id ORDER BY count(*) DESC, local_id LIMIT 8
    )
    SELECT
      (SELECT count(*)::int FROM t) AS accounts,
      (SELECT count(*)::int FROM t WHERE suspended_at IS NOT NULL) AS suspended,
      (SELECT count(*)::int FROM t WHERE silenced_at IS NOT NULL) AS silenced,
      (SELECT count(*)::int FROM t WHERE silenced_at = ${linkedAt}) AS linked_silenced,
      (SELECT count(*)::int FROM t WHERE suspended_at = ${linkedAt}) AS linked_suspended,
      (SELECT count(DISTINCT local_id)::int FROM followers) AS local_followers,
      (SELECT count(*)::int FROM followers) AS local_follower_follows,
      (SELECT count(DISTINCT local_id)::int FROM followed) AS local_followed,
      (SELECT count(*)::int FROM followed) AS local_followed_follows,
      (SELECT count(*)::int FROM (
         SELECT r.id FROM t CROSS JOIN LATERAL (SELECT id FROM reports r WHERE r.target_account_id = t.id AND r.action_taken_at IS NULL OFFSET 0) r
         UNION
         SELECT r.id FROM t CROSS JOIN LATERAL (SELECT id FROM reports r WHERE r.account_id = t.id AND r.action_taken_at IS NULL OFFSET 0) r
       ) open) AS open_reports,
      (SELECT COALESCE(sum(s.statuses_count), 0) FROM t CROSS JOIN LATERAL (SELECT statuses_count FROM account_stats s WHERE s.account_id = t.id OFFSET 0) s) AS statuses,
      (SELECT count(*)::int FROM t CROSS JOIN LATERAL (SELECT 1 FROM media_attachments m WHERE m.account_id = t.id AND m.file_file_name IS NOT NULL OFFSET 0) m) AS cached_media,
      (SELECT json_agg(json_build_object('id', a.id::text, 'username', a.username, 'follows', top.n) ORDER BY top.n DESC, a.username) FROM top JOIN accounts a ON a.id = top.local_id AND a.domain IS NULL) AS top`.execute(trx));
  const row = rows[0]!;
  return {
    domains,
    accounts: row.accounts,
    suspendedAccounts: row.suspended,
    silencedAccounts: row.silenced,
    linkedSilenced: row.linked_silenced,
    linkedSuspended: row.linked_suspended,
    localFollowers: row.local_followers,
    localFollowerFollows: row.local_follower_follows,
    localFollowed: row.local_followed,
    localFollowedFollows: row.local_followed_follows,
    openReports: row.open_reports,
    statuses: Number(row.statuses),
    cachedMedia: row.cached_media,
    topLocalAccounts: row.top ?? [],
  };
}

/**
 * Local follow relationships per domain for an import review: one grouped pass over the follows
 * of every listed domain's accounts (parents count their subdomains via the caller).
 */
export async function countLocalFollowsByDomain({ db, domains }: { db: Db; domains: string[] }): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (domains.length === 0) return out;
  const { rows } = await sql<{ domain: string; n: number }>`
    WITH t AS MATERIALIZED (SELECT id, domain FROM accounts WHERE domain = ANY(${domains}::varchar[]))
    SELECT domain, sum(n)::int AS n FROM (
      SELECT t.domain, count(*) AS n FROM t JOIN follows f ON f.target_account_id = t.id JOIN accounts l ON l.id = f.account_id AND l.domain IS NULL GROUP BY t.domain
      UNION ALL
      SELECT t.domain, count(*) AS n FROM t JOIN follows f ON f.account_id = t.id JOIN accounts l ON l.id = f.target_account_id AND l.domain IS NULL GROUP BY t.domain
    ) x GROUP BY domain`.execute(db);
  for (const r of rows) out.set(r.domain, r.n);
  return out;
}

/** Known instances whose names could stand behind obfuscated entries (same length). */
export async function listKnownDomainsOfLengths({ db, lengths }: { db: Db; lengths: number[] }): Promise<string[]> {
  if (lengths.length === 0) return [];
  const rows = await db.selectFrom('instances').select('domain').where(sql<SqlBool>`char_length(domain) = ANY(${lengths}::int[])`).execute();
  return rows.map((r) => r.domain!).filter(Boolean);
}

/**
 * Bulk insert for an import: the blocks and their `create DomainBlock` audit rows in two statements,
 * so 20 000 rows take two round trips instead of 40 000. Each block keeps its own created_at.
 */
export async function insertDomainBlocksWithAudit({ db, rows, actorAccountId }: { db: Db; rows: Array<DomainBlockValues & { at: Date }>; actorAccountId: string }): Promise<DomainBlockRow[]> {
  if (rows.length === 0) return [];
  const col = <T>(f: (r: DomainBlockValues & { at: Date }) => T) => rows.map(f);
  const { rows: inserted } = await sql<RawBlock>`
    INSERT INTO domain_blocks (domain, severity, reject_media, reject_reports, private_comment, public_comment, obfuscate, created_at, updated_at)
    SELECT * , created_at FROM unnest(
      ${col((r) => r.domain)}::varchar[], ${col((r) => severityToDb(r.severity))}::int[], ${col((r) => r.rejectMedia)}::bool[],
      ${col((r) => r.rejectReports)}::bool[], ${col((r) => r.privateComment)}::text[], ${col((r) => r.publicComment)}::text[],
      ${col((r) => r.obfuscate)}::bool[], ${col((r) => r.at.toISOString())}::timestamptz[]
    ) AS t(domain, severity, reject_media, reject_reports, private_comment, public_comment, obfuscate, created_at)
    RETURNING id, domain, severity, reject_media, reject_reports, obfuscate, private_comment, public_comment, created_at, updated_at`.execute(db);
  const blocks = inserted.map(toRow);
  await sql`
    INSERT INTO admin_action_logs (account_id, action, target_type, target_id, human_identifier, created_at, updated_at)
    SELECT ${actorAccountId}, 'create', 'DomainBlock', id, domain, created_at, created_at
      FROM unnest(${blocks.map((b) => b.id)}::bigint[], ${blocks.map((b) => b.domain)}::varchar[], ${blocks.map((b) => b.createdAt.toISOString())}::timestamptz[]) AS t(id, domain, created_at)
     ORDER BY created_at`.execute(db);
  return blocks;
}

/**
 * Which of these domains (or their subdomains) have accounts: only blocks on those need
 * BlockDomainService's account updates. Known domains come from `instances`; the domains
 * themselves are also probed on accounts in case the view is stale.
 */
export async function domainsWithAccounts({ db, domains }: { db: Db; domains: string[] }): Promise<string[]> {
  if (domains.length === 0) return [];
  const { rows } = await sql<{ domain: string }>`
    SELECT domain FROM instances WHERE accounts_count > 0
    UNION
    SELECT d.domain FROM unnest(${domains}::varchar[]) AS d(domain) WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.domain = d.domain)`.execute(db);
  return rows.map((r) => r.domain);
}
