import { sql } from 'kysely';
import type { Severity } from '@/lib/blocklist/severity';
import type { AuthType, EntryChange, SourceEntry, SourceFormat, SourceRole } from '@/lib/blocklist/sources';
import type { Db, DatabaseKind } from '../client';

/** A subscribed list as the console and the worker see it (the sealed secret stays in the database layer's callers). */
export interface BlocklistSourceRow {
  id: string;
  name: string;
  url: string;
  format: SourceFormat;
  role: SourceRole;
  priority: number;
  weight: number;
  maxSeverity: Severity;
  authType: AuthType;
  authUsername: string | null;
  authSecretSealed: string | null;
  autoApply: boolean;
  autoRetract: boolean;
  autoApplyAccountId: string | null;
  refreshMinutes: number;
  enabled: boolean;
  resolvedFormat: string | null;
  resolvedUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  cursor: string | null;
  entriesCount: number;
  consecutiveFailures: number;
  lastFetchAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  nextFetchAt: Date;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type SourceRecord = {
  id: string;
  name: string;
  url: string;
  format: string;
  role: 'block' | 'allow';
  priority: number;
  weight: string;
  max_severity: Severity;
  auth_type: AuthType;
  auth_username: string | null;
  auth_secret_sealed: string | null;
  auto_apply: boolean;
  auto_retract: boolean;
  auto_apply_account_id: string | null;
  refresh_minutes: number;
  enabled: boolean;
  resolved_format: string | null;
  resolved_url: string | null;
  etag: string | null;
  last_modified: string | null;
  cursor: string | null;
  entries_count: number;
  consecutive_failures: number;
  last_fetch_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  next_fetch_at: Date;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

function toSource(r: SourceRecord): BlocklistSourceRow {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    format: r.format as SourceFormat,
    role: r.role,
    priority: r.priority,
    weight: Number(r.weight),
    maxSeverity: r.max_severity,
    authType: r.auth_type,
    authUsername: r.auth_username,
    authSecretSealed: r.auth_secret_sealed,
    autoApply: r.auto_apply,
    autoRetract: r.auto_retract,
    autoApplyAccountId: r.auto_apply_account_id,
    refreshMinutes: r.refresh_minutes,
    enabled: r.enabled,
    resolvedFormat: r.resolved_format,
    resolvedUrl: r.resolved_url,
    etag: r.etag,
    lastModified: r.last_modified,
    cursor: r.cursor,
    entriesCount: r.entries_count,
    consecutiveFailures: r.consecutive_failures,
    lastFetchAt: r.last_fetch_at,
    lastSuccessAt: r.last_success_at,
    lastError: r.last_error,
    nextFetchAt: r.next_fetch_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listBlocklistSources({ db, enabledOnly = false }: { db: Db; enabledOnly?: boolean }): Promise<BlocklistSourceRow[]> {
  let q = db.selectFrom('palisade.blocklist_sources').selectAll();
  if (enabledOnly) q = q.where('enabled', '=', true);
  const rows = await q.orderBy('priority', 'desc').orderBy('name').orderBy('id').execute();
  return rows.map((r) => toSource(r as SourceRecord));
}

export async function getBlocklistSource({ db, id }: { db: Db; id: string }): Promise<BlocklistSourceRow | null> {
  if (!/^\d+$/.test(id)) return null;
  const row = await db.selectFrom('palisade.blocklist_sources').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSource(row as SourceRecord) : null;
}

export async function findBlocklistSourceByUrl({ db, url }: { db: Db; url: string }): Promise<{ id: string; name: string } | null> {
  const row = await db.selectFrom('palisade.blocklist_sources').select(['id', 'name']).where('url', '=', url).executeTakeFirst();
  return row ?? null;
}

export interface BlocklistSourceValues {
  name: string;
  url: string;
  format: SourceFormat;
  role: SourceRole;
  priority: number;
  weight: number;
  maxSeverity: Severity;
  authType: AuthType;
  authUsername: string | null;
  /** undefined: keep the stored secret. */
  authSecretSealed?: string | null;
  autoApply: boolean;
  autoRetract: boolean;
  autoApplyAccountId: string | null;
  refreshMinutes: number;
  enabled: boolean;
}

function sourceColumns(v: BlocklistSourceValues) {
  return {
    name: v.name,
    url: v.url,
    format: v.format,
    role: v.role,
    priority: v.priority,
    weight: v.weight,
    max_severity: v.maxSeverity,
    auth_type: v.authType,
    auth_username: v.authUsername,
    ...(v.authSecretSealed !== undefined ? { auth_secret_sealed: v.authSecretSealed } : {}),
    auto_apply: v.autoApply,
    auto_retract: v.autoRetract,
    auto_apply_account_id: v.autoApplyAccountId,
    refresh_minutes: v.refreshMinutes,
    enabled: v.enabled,
  };
}

export async function insertBlocklistSource({ db, values, createdBy, at }: { db: Db; values: BlocklistSourceValues; createdBy: string | null; at: Date }): Promise<BlocklistSourceRow> {
  const row = await db
    .insertInto('palisade.blocklist_sources')
    .values({ ...sourceColumns(values), created_by: createdBy, created_at: at, updated_at: at, next_fetch_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSource(row as SourceRecord);
}

/** Changing what or how a list is read starts it afresh (no ETag, no FIRES cursor, fetched next). */
export async function updateBlocklistSource({ db, id, values, resetFetchState, at }: { db: Db; id: string; values: BlocklistSourceValues; resetFetchState: boolean; at: Date }): Promise<BlocklistSourceRow | null> {
  const row = await db
    .updateTable('palisade.blocklist_sources')
    .set({
      ...sourceColumns(values),
      updated_at: at,
      ...(resetFetchState ? { etag: null, last_modified: null, cursor: null, next_fetch_at: at, resolved_format: null, resolved_url: null } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toSource(row as SourceRecord) : null;
}

export async function deleteBlocklistSource({ db, id }: { db: Db; id: string }): Promise<{ id: string; name: string } | null> {
  const row = await db.deleteFrom('palisade.blocklist_sources').where('id', '=', id).returning(['id', 'name']).executeTakeFirst();
  return row ?? null;
}

/** Enabled sources whose next fetch is due, soonest first (index blocklist_sources_due_idx). */
export async function listDueBlocklistSources({ db, now, limit = 20 }: { db: Db; now: Date; limit?: number }): Promise<string[]> {
  const rows = await db.selectFrom('palisade.blocklist_sources').select('id').where('enabled', '=', true).where('next_fetch_at', '<=', now).orderBy('next_fetch_at').limit(limit).execute();
  return rows.map((r) => r.id);
}

// -------------------------------------------------------------------------------------------------
// Locks: one fetch of a source at a time across every Palisade process

const LOCK_NAMESPACE = 'palisade.blocklists';
const localLocks = ((globalThis as unknown as { __palisadeBlocklistLocks?: Set<string> }).__palisadeBlocklistLocks ??= new Set<string>());

/**
 * Runs `fn` holding a lock named `key`, or returns `{ locked: false }` at once if another holder
 * has it. PostgreSQL: a session advisory lock on one pinned pool connection, so several worker
 * processes and the console never fetch the same source twice. Embedded PGlite serves one process
 * only, and its single connection cannot be pinned while `fn` queries: a process-wide set does it.
 */
export async function withAdvisoryLock<T>({ db, kind, key }: { db: Db; kind: DatabaseKind; key: string }, fn: () => Promise<T>): Promise<{ locked: true; value: T } | { locked: false }> {
  if (kind === 'pglite') {
    if (localLocks.has(key)) return { locked: false };
    localLocks.add(key);
    try {
      return { locked: true, value: await fn() };
    } finally {
      localLocks.delete(key);
    }
  }
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{ got: boolean }>`SELECT pg_try_advisory_lock(hashtext(${LOCK_NAMESPACE}), hashtext(${key})) AS got`.execute(conn);
    if (!rows[0]?.got) return { locked: false as const };
    try {
      return { locked: true as const, value: await fn() };
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext(${LOCK_NAMESPACE}), hashtext(${key}))`.execute(conn);
    }
  });
}

// -------------------------------------------------------------------------------------------------
// Fetch records, snapshots, entries and changes

export interface FetchRecord {
  sourceId: string;
  startedAt: Date;
  durationMs: number;
  status: 'ok' | 'unchanged' | 'not_modified' | 'error';
  httpStatus: number | null;
  error: string | null;
  entries: number | null;
  bytes: number | null;
  added?: number;
  changed?: number;
  removed?: number;
  triggeredBy: string | null;
}

export async function insertBlocklistFetch({ db, fetch }: { db: Db; fetch: FetchRecord }): Promise<string> {
  const row = await db
    .insertInto('palisade.blocklist_fetches')
    .values({
      source_id: fetch.sourceId,
      started_at: fetch.startedAt,
      duration_ms: fetch.durationMs,
      status: fetch.status,
      http_status: fetch.httpStatus,
      error: fetch.error,
      entries: fetch.entries,
      bytes: fetch.bytes,
      added: fetch.added ?? 0,
      changed: fetch.changed ?? 0,
      removed: fetch.removed ?? 0,
      triggered_by: fetch.triggeredBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** After any fetch: schedule the next one; on failure back off (doubling, at most the interval). */
export async function updateBlocklistSourceFetchState({
  db,
  id,
  at,
  success,
  nextFetchAt,
  error = null,
  etag,
  lastModified,
  cursor,
  entriesCount,
  resolvedFormat,
  resolvedUrl,
}: {
  db: Db;
  id: string;
  at: Date;
  success: boolean;
  nextFetchAt: Date;
  error?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  cursor?: string | null;
  entriesCount?: number;
  resolvedFormat?: string | null;
  resolvedUrl?: string | null;
}): Promise<void> {
  await db
    .updateTable('palisade.blocklist_sources')
    .set((eb) => ({
      last_fetch_at: at,
      next_fetch_at: nextFetchAt,
      last_error: error,
      consecutive_failures: success ? 0 : eb('consecutive_failures', '+', 1),
      ...(success ? { last_success_at: at } : {}),
      ...(etag !== undefined ? { etag } : {}),
      ...(lastModified !== undefined ? { last_modified: lastModified } : {}),
      ...(cursor !== undefined ? { cursor } : {}),
      ...(entriesCount !== undefined ? { entries_count: entriesCount } : {}),
      ...(resolvedFormat !== undefined ? { resolved_format: resolvedFormat } : {}),
      ...(resolvedUrl !== undefined ? { resolved_url: resolvedUrl } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

/** Moves the next fetch forward (a claim, so another process looking for due sources skips it). */
export async function postponeBlocklistSource({ db, id, until }: { db: Db; id: string; until: Date }): Promise<void> {
  await db.updateTable('palisade.blocklist_sources').set({ next_fetch_at: until }).where('id', '=', id).execute();
}

export async function getLatestSnapshotHash({ db, sourceId }: { db: Db; sourceId: string }): Promise<string | null> {
  const row = await db.selectFrom('palisade.blocklist_snapshots').select('content_hash').where('source_id', '=', sourceId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.content_hash ?? null;
}

type EntryRecord = {
  source_id: string;
  key: string;
  domain: string | null;
  input: string;
  digest: string | null;
  severity: Severity;
  reject_media: boolean;
  reject_reports: boolean;
  obfuscate: boolean;
  obfuscated: boolean;
  public_comment: string | null;
  private_comment: string | null;
  canary: string | null;
  labels: string[];
};

function toEntry(r: EntryRecord): SourceEntry {
  return {
    key: r.key,
    domain: r.domain,
    input: r.input,
    digest: r.digest,
    severity: r.severity,
    rejectMedia: r.reject_media,
    rejectReports: r.reject_reports,
    obfuscate: r.obfuscate,
    obfuscated: r.obfuscated,
    publicComment: r.public_comment,
    privateComment: r.private_comment,
    canary: r.canary as SourceEntry['canary'],
    labels: r.labels ?? [],
  };
}

const ENTRY_COLUMNS = ['source_id', 'key', 'domain', 'input', 'digest', 'severity', 'reject_media', 'reject_reports', 'obfuscate', 'obfuscated', 'public_comment', 'private_comment', 'canary', 'labels'] as const;

export async function listSourceEntries({ db, sourceId }: { db: Db; sourceId: string }): Promise<SourceEntry[]> {
  const rows = await db.selectFrom('palisade.blocklist_entries').select(ENTRY_COLUMNS).where('source_id', '=', sourceId).execute();
  return rows.map((r) => toEntry(r as EntryRecord));
}

/** Every entry of every enabled source, for a merge. */
export async function listEnabledSourceEntries({ db }: { db: Db }): Promise<Map<string, SourceEntry[]>> {
  const rows = await db
    .selectFrom('palisade.blocklist_entries as e')
    .innerJoin('palisade.blocklist_sources as s', 's.id', 'e.source_id')
    .select(ENTRY_COLUMNS.map((c) => `e.${c}` as const))
    .where('s.enabled', '=', true)
    .execute();
  const out = new Map<string, SourceEntry[]>();
  for (const r of rows) {
    const list = out.get(r.source_id);
    const entry = toEntry(r as EntryRecord);
    if (list) list.push(entry);
    else out.set(r.source_id, [entry]);
  }
  return out;
}

/** Entries of one source, filtered for the source page (held back: canaries and obfuscated names). */
export async function listHeldBackEntries({ db, sourceId, limit = 200 }: { db: Db; sourceId: string; limit?: number }): Promise<SourceEntry[]> {
  const rows = await db
    .selectFrom('palisade.blocklist_entries')
    .select(ENTRY_COLUMNS)
    .where('source_id', '=', sourceId)
    .where((eb) => eb.or([eb('canary', 'is not', null), eb('obfuscated', '=', true)]))
    .orderBy('key')
    .limit(limit)
    .execute();
  return rows.map((r) => toEntry(r as EntryRecord));
}

/**
 * Stores a new version of a list in one transaction (the caller's): the fetch, the snapshot with
 * its body, the entries' changes (removed rows deleted, added and changed rows upserted in one
 * statement each) and the change log. 20 000 entries take a handful of statements.
 */
export async function storeSnapshot({
  db,
  sourceId,
  fetchId,
  format,
  entries,
  changes,
  contentHash,
  body,
  at,
}: {
  db: Db;
  sourceId: string;
  fetchId: string;
  format: string;
  entries: number;
  changes: readonly EntryChange[];
  contentHash: string;
  body: Buffer | null;
  at: Date;
}): Promise<string> {
  const count = (k: EntryChange['kind']) => changes.filter((c) => c.kind === k).length;
  const snapshot = await db
    .insertInto('palisade.blocklist_snapshots')
    .values({ source_id: sourceId, fetch_id: fetchId, created_at: at, format, entries, content_hash: contentHash, body, added: count('added'), changed: count('changed'), removed: count('removed') })
    .returning('id')
    .executeTakeFirstOrThrow();

  const removed = changes.filter((c) => c.kind === 'removed').map((c) => c.key);
  if (removed.length) await sql`DELETE FROM palisade.blocklist_entries WHERE source_id = ${sourceId} AND key = ANY(${removed}::text[])`.execute(db);
  const upserts = changes.filter((c) => c.after).map((c) => c.after!);
  if (upserts.length) {
    const payload = JSON.stringify(
      upserts.map((e) => ({
        key: e.key,
        domain: e.domain,
        input: e.input,
        digest: e.digest,
        severity: e.severity,
        reject_media: e.rejectMedia,
        reject_reports: e.rejectReports,
        obfuscate: e.obfuscate,
        obfuscated: e.obfuscated,
        public_comment: e.publicComment,
        private_comment: e.privateComment,
        canary: e.canary,
        labels: e.labels,
      })),
    );
    await sql`
      INSERT INTO palisade.blocklist_entries (source_id, key, domain, input, digest, severity, reject_media, reject_reports, obfuscate, obfuscated, public_comment, private_comment, canary, labels, first_seen_at)
      SELECT ${sourceId}::bigint, x.key, x.domain, x.input, x.digest, x.severity, x.reject_media, x.reject_reports, x.obfuscate, x.obfuscated, x.public_comment, x.private_comment, x.canary,
             ARRAY(SELECT jsonb_array_elements_text(x.labels)), ${at}::timestamp
        FROM jsonb_to_recordset(${payload}::jsonb) AS x(key text, domain text, input text, digest text, severity text, reject_media boolean, reject_reports boolean, obfuscate boolean, obfuscated boolean, public_comment text, private_comment text, canary text, labels jsonb)
      ON CONFLICT (source_id, key) DO UPDATE SET
        domain = EXCLUDED.domain, input = EXCLUDED.input, digest = EXCLUDED.digest, severity = EXCLUDED.severity,
        reject_media = EXCLUDED.reject_media, reject_reports = EXCLUDED.reject_reports, obfuscate = EXCLUDED.obfuscate,
        obfuscated = EXCLUDED.obfuscated, public_comment = EXCLUDED.public_comment, private_comment = EXCLUDED.private_comment,
        canary = EXCLUDED.canary, labels = EXCLUDED.labels`.execute(db);
  }
  if (changes.length) {
    const log = JSON.stringify(
      changes.map((c) => ({
        kind: c.kind,
        key: c.key,
        domain: (c.after ?? c.before)?.domain ?? null,
        severity_before: c.before?.severity ?? null,
        severity_after: c.after?.severity ?? null,
        // Full rows only where something changed in place; additions and removals are read from the severities.
        before: c.kind === 'changed' ? c.before : null,
        after: c.kind === 'changed' ? c.after : null,
      })),
    );
    await sql`
      INSERT INTO palisade.blocklist_changes (source_id, snapshot_id, kind, key, domain, severity_before, severity_after, before, after, created_at)
      SELECT ${sourceId}::bigint, ${snapshot.id}::bigint, x.kind, x.key, x.domain, x.severity_before, x.severity_after, x.before, x.after, ${at}::timestamp
        FROM jsonb_to_recordset(${log}::jsonb) AS x(kind text, key text, domain text, severity_before text, severity_after text, before jsonb, after jsonb)`.execute(db);
  }
  return snapshot.id;
}

/** Keeps the bodies of the last `keep` snapshots of a source (the rows and their counts stay). */
export async function pruneSnapshotBodies({ db, sourceId, keep = 5 }: { db: Db; sourceId: string; keep?: number }): Promise<void> {
  await sql`
    UPDATE palisade.blocklist_snapshots SET body = NULL
     WHERE source_id = ${sourceId} AND body IS NOT NULL
       AND id < (SELECT min(id) FROM (SELECT id FROM palisade.blocklist_snapshots WHERE source_id = ${sourceId} ORDER BY id DESC LIMIT ${keep}) AS recent)`.execute(db);
}

export interface FetchHistoryRow {
  id: string;
  startedAt: Date;
  durationMs: number;
  status: FetchRecord['status'];
  httpStatus: number | null;
  error: string | null;
  entries: number | null;
  bytes: number | null;
  added: number;
  changed: number;
  removed: number;
}

export async function listSourceFetches({ db, sourceId, limit = 20 }: { db: Db; sourceId: string; limit?: number }): Promise<FetchHistoryRow[]> {
  const rows = await db.selectFrom('palisade.blocklist_fetches').selectAll().where('source_id', '=', sourceId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at,
    durationMs: r.duration_ms,
    status: r.status,
    httpStatus: r.http_status,
    error: r.error,
    entries: r.entries,
    bytes: r.bytes,
    added: r.added,
    changed: r.changed,
    removed: r.removed,
  }));
}

export interface SourceChangeRow {
  id: string;
  kind: 'added' | 'changed' | 'removed';
  key: string;
  domain: string | null;
  severityBefore: string | null;
  severityAfter: string | null;
  createdAt: Date;
}

/** A source's change log, newest first, keyset on id. */
export async function listSourceChanges({ db, sourceId, before, limit = 50 }: { db: Db; sourceId: string; before?: string | null; limit?: number }): Promise<SourceChangeRow[]> {
  let q = db.selectFrom('palisade.blocklist_changes').select(['id', 'kind', 'key', 'domain', 'severity_before', 'severity_after', 'created_at']).where('source_id', '=', sourceId);
  if (before && /^\d+$/.test(before)) q = q.where('id', '<', before);
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, key: r.key, domain: r.domain, severityBefore: r.severity_before, severityAfter: r.severity_after, createdAt: r.created_at }));
}

/** Change counts per source since a moment (the overview's "added 40 today"). */
export async function countRecentChanges({ db, since }: { db: Db; since: Date }): Promise<Map<string, { added: number; changed: number; removed: number }>> {
  const rows = await db
    .selectFrom('palisade.blocklist_changes')
    .select(['source_id', sql<number>`count(*) FILTER (WHERE kind = 'added')::int`.as('added'), sql<number>`count(*) FILTER (WHERE kind = 'changed')::int`.as('changed'), sql<number>`count(*) FILTER (WHERE kind = 'removed')::int`.as('removed')])
    .where('created_at', '>=', since)
    .groupBy('source_id')
    .execute();
  return new Map(rows.map((r) => [r.source_id, { added: r.added, changed: r.changed, removed: r.removed }]));
}
