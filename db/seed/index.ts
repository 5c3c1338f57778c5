import { sql, type Insertable, type Kysely } from 'kysely';
import type { DbHandle } from '../client';
import type { Database } from '../schema';
import { buildDemo, LOCAL_DOMAIN, type DemoDataset } from './demo';

export { DEMO_OTP_SECRET, DEMO_PASSWORD, DEMO_STAFF, LOCAL_DOMAIN, ROLE_IDS, type DemoStaffMember } from './demo';

export type SeedScale = 'demo' | 'large';

export interface SeedOptions {
  handle: DbHandle;
  scale: SeedScale;
  /** Every timestamp is relative to this; default: the current minute. Same `now`, same bytes. */
  now?: Date;
  log?: (line: string) => void;
}

/** What `palisade.meta` holds under key `seed`. */
export interface SeedMeta {
  scale: SeedScale;
  now: string;
  counts: Record<string, number>;
  demoMs?: number;
  largeMs?: number;
}

export class SeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedRefusedError';
  }
}

export const INSTANCE_META = { domain: LOCAL_DOMAIN, title: 'Palisade Demo' } as const;

export function currentMinute(): Date {
  return new Date(Math.floor(Date.now() / 60_000) * 60_000);
}

export async function readSeedMeta(db: Kysely<Database>): Promise<SeedMeta | null> {
  const { rows } = await sql<{ present: boolean }>`SELECT to_regclass('palisade.meta') IS NOT NULL AS present`.execute(db);
  if (!rows[0]?.present) return null;
  const row = await db.selectFrom('palisade.meta').select('value').where('key', '=', 'seed').executeTakeFirst();
  return (row?.value as SeedMeta | undefined) ?? null;
}

/**
 * Seeds an empty Mastodon database (embedded or a throwaway PostgreSQL) with the demo instance,
 * and for `large` adds the bulk data on top. Returns a one-line summary.
 *
 * Refuses a database that already holds accounts it did not write: seeding is for Palisade's own
 * databases, never for a real instance.
 */
export async function seed(options: SeedOptions): Promise<string> {
  const { handle, scale } = options;
  const log = options.log ?? (() => {});
  const started = performance.now();
  if (scale === 'large' && handle.kind === 'pglite') {
    throw new SeedRefusedError('The large scale (1 M accounts, 5 M statuses) needs a real PostgreSQL: set DATABASE_URL to a throwaway database. The embedded PGlite database only holds the demo scale.');
  }

  const existing = await readSeedMeta(handle.db);
  if (existing && !(scale === 'large' && existing.scale === 'demo')) {
    throw new SeedRefusedError(`This database is already seeded (scale ${existing.scale}, now ${existing.now}).`);
  }
  if (!existing) {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM accounts`.execute(handle.db);
    if (Number(rows[0]?.n ?? 0) > 0) {
      throw new SeedRefusedError('This database already holds Mastodon accounts that Palisade did not write; refusing to seed it.');
    }
  }

  let meta: SeedMeta;
  if (existing) {
    // Large on top of an existing demo seed: reuse its clock so both parts agree.
    meta = { ...existing };
  } else {
    const now = options.now ?? currentMinute();
    const t0 = performance.now();
    const data = buildDemo(now);
    const built = performance.now();
    log(`demo: generated rows in ${Math.round(built - t0)} ms`);
    await insertDemo(handle, data, log);
    await finishDemo(handle, log);
    meta = { scale: 'demo', now: now.toISOString(), counts: countsOf(data), demoMs: Math.round(performance.now() - t0) };
    log(`demo: inserted in ${Math.round(performance.now() - built)} ms`);
    // Recorded before the large part starts: if that fails, the database is still recognisably
    // Palisade's own, so `npm run seed -- --force` may wipe it.
    await writeMeta(handle.db, 'seed', meta);
    await writeMeta(handle.db, 'instance', INSTANCE_META);
  }

  if (scale === 'large') {
    const { seedLarge } = await import('./large');
    const t0 = performance.now();
    const large = await seedLarge({ handle, now: new Date(meta.now), log });
    meta = { ...meta, scale: 'large', counts: { ...meta.counts, ...large }, largeMs: Math.round(performance.now() - t0) };
  }

  await writeMeta(handle.db, 'seed', meta);
  await writeMeta(handle.db, 'instance', INSTANCE_META);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return summarize(meta, seconds);
}

function summarize(meta: SeedMeta, seconds: string): string {
  const c = meta.counts;
  const n = (key: string) => (c[key] ?? 0).toLocaleString('en-US');
  return `${meta.scale} instance ${LOCAL_DOMAIN}: ${n('accounts')} accounts (${n('local_accounts')} local), ${n('statuses')} statuses, ${n('follows')} follows, ${n('reports')} reports (${n('open_reports')} open), ${n('domain_blocks')} domain blocks, ${n('admin_action_logs')} audit-log entries; now=${meta.now}; ${seconds} s`;
}

async function writeMeta(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('palisade.meta')
    .values({ key, value: json, updated_at: new Date() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
}

function countsOf(data: DemoDataset): Record<string, number> {
  return {
    accounts: data.accounts.length,
    local_accounts: data.accounts.filter((a) => a.domain === null).length,
    remote_domains: new Set(data.accounts.map((a) => a.domain).filter(Boolean)).size,
    users: data.users.length,
    pending_users: data.users.filter((u) => u.approved === false).length,
    statuses: data.statuses.length,
    media_attachments: data.mediaAttachments.length,
    follows: data.follows.length,
    reports: data.reports.length,
    open_reports: data.reports.filter((r) => !r.action_taken_at).length,
    report_notes: data.reportNotes.length,
    account_warnings: data.accountWarnings.length,
    appeals: data.appeals.length,
    domain_blocks: data.domainBlocks.length,
    admin_action_logs: data.adminActionLogs.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Insertion

type TableName = keyof Database & string;
type Db = Kysely<Database>;

/** json/jsonb columns: the rows carry them as JSON text (what node-postgres needs for arrays). */
const JSON_COLUMNS = new Set(['fields', 'file_meta', 'recorded_changes', 'params']);

/**
 * Multi-row INSERTs of typed rows. Each batch travels as one JSON document expanded by
 * json_populate_recordset: on PGlite that is about a third faster than Kysely's
 * `insertInto().values([...])`, where every value is its own bind parameter crossing into wasm.
 */
async function insertRows<T extends TableName>(db: Db, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row as object)))];
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += 4000) {
    const chunk = rows.slice(i, i + 4000).map((row) => {
      const out: Record<string, unknown> = {};
      for (const c of columns) {
        const v = (row as Record<string, unknown>)[c];
        // A missing key would become NULL rather than the column default, so rows must be uniform.
        if (v === undefined) throw new Error(`seed: ${table}.${c} is missing in a row`);
        out[c] = JSON_COLUMNS.has(c) && typeof v === 'string' ? JSON.parse(v) : v instanceof Date ? v.toISOString() : v;
      }
      return out;
    });
    await sql`INSERT INTO ${sql.table(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(chunk)}::json)`.execute(db);
  }
}

/**
 * Loads a big table with its secondary indexes dropped and rebuilt afterwards: building an index
 * from sorted data is much cheaper than maintaining it row by row. Only ever used on a database
 * the seeder has just checked is empty, and the indexes come back exactly as pg_indexes had them.
 */
async function withoutSecondaryIndexes(db: Db, table: TableName, fn: () => Promise<void>): Promise<void> {
  const saved = await dropSecondaryIndexes(db, table);
  await fn();
  await recreateIndexes(db, saved);
}

export interface SavedIndex {
  name: string;
  definition: string;
}

/** Drops the indexes of a table that back no constraint (primary keys and FK targets stay). */
export async function dropSecondaryIndexes(db: Db, table: string): Promise<SavedIndex[]> {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    WHERE i.schemaname = 'public' AND i.tablename = ${table}
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
    ORDER BY i.indexname`.execute(db);
  for (const row of rows) await sql`DROP INDEX ${sql.table(`public.${row.indexname}`)}`.execute(db);
  return rows.map((r) => ({ name: r.indexname, definition: r.indexdef }));
}

export async function recreateIndexes(db: Db, indexes: readonly SavedIndex[]): Promise<void> {
  // The definitions come from pg_indexes of this very database, exactly as the DDL created them.
  for (const index of indexes) await sql.raw(index.definition).execute(db);
}

/** Tables whose ids the seeder writes itself; their sequences must continue after the seed. */
const SEQUENCE_TABLES = [
  'user_roles', 'oauth_applications', 'settings', 'rules', 'rule_translations', 'account_warning_presets', 'username_blocks',
  'domain_blocks', 'domain_allows', 'unavailable_domains', 'email_domain_blocks', 'ip_blocks', 'users', 'invites',
  'user_invite_requests', 'login_activities', 'mentions', 'status_stats', 'status_edits', 'tombstones', 'follows',
  'follow_requests', 'relationship_severance_events', 'severed_relationships', 'account_relationship_severance_events',
  'reports', 'report_notes', 'account_warnings', 'appeals', 'account_moderation_notes', 'instance_moderation_notes',
  'account_deletion_requests', 'canonical_email_blocks', 'admin_action_logs', 'account_stats',
] as const;

export async function resetSequences(db: Db, tables: readonly string[] = SEQUENCE_TABLES): Promise<void> {
  for (const table of tables) {
    // accounts/statuses/media_attachments are absent on purpose: their ids come from timestamp_id().
    await sql`SELECT setval(${`${table}_id_seq`}::regclass, COALESCE((SELECT max(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(db);
  }
}

async function insertDemo(handle: DbHandle, d: DemoDataset, log: (line: string) => void): Promise<void> {
  const group = async (name: string, fn: (trx: Db) => Promise<void>) => {
    const t0 = performance.now();
    await handle.db.transaction().execute(fn);
    log(`demo: ${name} ${Math.round(performance.now() - t0)} ms`);
  };
  await group('settings, rules, roles, blocks', async (trx) => {
    await insertRows(trx, 'user_roles', d.userRoles);
    await insertRows(trx, 'oauth_applications', d.oauthApplications);
    await insertRows(trx, 'settings', d.settings);
    await insertRows(trx, 'rules', d.rules);
    await insertRows(trx, 'rule_translations', d.ruleTranslations);
    await insertRows(trx, 'account_warning_presets', d.accountWarningPresets);
    await insertRows(trx, 'username_blocks', d.usernameBlocks);
    await insertRows(trx, 'domain_blocks', d.domainBlocks);
    await insertRows(trx, 'domain_allows', d.domainAllows);
    await insertRows(trx, 'unavailable_domains', d.unavailableDomains);
    await insertRows(trx, 'email_domain_blocks', d.emailDomainBlocks);
    await insertRows(trx, 'ip_blocks', d.ipBlocks);
  });
  await group('accounts and users', async (trx) => {
    await withoutSecondaryIndexes(trx, 'accounts', () => insertRows(trx, 'accounts', d.accounts));
    for (const move of d.accountMoves) await trx.updateTable('accounts').set({ moved_to_account_id: move.moved_to_account_id }).where('id', '=', move.id).execute();
    await insertRows(trx, 'users', d.users);
    await insertRows(trx, 'invites', d.invites);
    for (const u of d.userInvites) await trx.updateTable('users').set({ invite_id: u.invite_id }).where('id', '=', u.id).execute();
    await insertRows(trx, 'user_invite_requests', d.userInviteRequests);
    await withoutSecondaryIndexes(trx, 'login_activities', () => insertRows(trx, 'login_activities', d.loginActivities));
  });
  await group('statuses and media', async (trx) => {
    await withoutSecondaryIndexes(trx, 'statuses', () => insertRows(trx, 'statuses', d.statuses));
    await withoutSecondaryIndexes(trx, 'media_attachments', () => insertRows(trx, 'media_attachments', d.mediaAttachments));
    await withoutSecondaryIndexes(trx, 'mentions', () => insertRows(trx, 'mentions', d.mentions));
    await withoutSecondaryIndexes(trx, 'status_stats', () => insertRows(trx, 'status_stats', d.statusStats));
    await insertRows(trx, 'status_edits', d.statusEdits);
    await insertRows(trx, 'tombstones', d.tombstones);
  });
  await group('follows', async (trx) => {
    await withoutSecondaryIndexes(trx, 'follows', () => insertRows(trx, 'follows', d.follows));
    await insertRows(trx, 'follow_requests', d.followRequests);
    await insertRows(trx, 'relationship_severance_events', d.relationshipSeveranceEvents);
    await insertRows(trx, 'severed_relationships', d.severedRelationships);
    await insertRows(trx, 'account_relationship_severance_events', d.accountRelationshipSeveranceEvents);
  });
  await group('moderation', async (trx) => {
    await insertRows(trx, 'reports', d.reports);
    await insertRows(trx, 'report_notes', d.reportNotes);
    await insertRows(trx, 'account_warnings', d.accountWarnings);
    await insertRows(trx, 'appeals', d.appeals);
    await insertRows(trx, 'account_moderation_notes', d.accountModerationNotes);
    await insertRows(trx, 'instance_moderation_notes', d.instanceModerationNotes);
    await insertRows(trx, 'account_deletion_requests', d.accountDeletionRequests);
    await insertRows(trx, 'canonical_email_blocks', d.canonicalEmailBlocks);
    await insertRows(trx, 'admin_action_logs', d.adminActionLogs);
    await withoutSecondaryIndexes(trx, 'account_stats', () => insertRows(trx, 'account_stats', d.accountStats));
  });
}

async function finishDemo(handle: DbHandle, log: (line: string) => void): Promise<void> {
  const t0 = performance.now();
  await resetSequences(handle.db);
  await sql`REFRESH MATERIALIZED VIEW instances`.execute(handle.db);
  // Fresh planner statistics: the console's first queries should not plan against empty tables.
  await sql`ANALYZE`.execute(handle.db);
  log(`demo: sequences, instances view, ANALYZE ${Math.round(performance.now() - t0)} ms`);
}

// ---------------------------------------------------------------------------------------------
// Guards for the CLI (kept here because only db/ speaks SQL)

export interface SeedTarget {
  /** Tables in schema public: 0 means a brand-new database Palisade may give Mastodon's schema. */
  publicTables: number;
  mastodonSchema: boolean;
  meta: SeedMeta | null;
  /** Accounts other than internal ones (the instance actor has id -99). */
  accounts: number;
}

export async function inspectSeedTarget(db: Kysely<Database>): Promise<SeedTarget> {
  const { rows } = await sql<{ tables: string; mastodon: boolean }>`
    SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public') AS tables,
           to_regclass('public.accounts') IS NOT NULL AND to_regclass('public.schema_migrations') IS NOT NULL AS mastodon`.execute(db);
  const publicTables = Number(rows[0]?.tables ?? 0);
  const mastodonSchema = Boolean(rows[0]?.mastodon);
  let accounts = 0;
  if (mastodonSchema) {
    const counted = await sql<{ n: string }>`SELECT count(*) AS n FROM accounts WHERE id > 0`.execute(db);
    accounts = Number(counted.rows[0]?.n ?? 0);
  }
  return { publicTables, mastodonSchema, meta: await readSeedMeta(db), accounts };
}

/**
 * Empties every Mastodon table of a database Palisade seeded itself, so it can be seeded again.
 * Refuses anything else: without Palisade's seed marker this could be a real instance.
 */
export async function wipeSeededData(db: Kysely<Database>): Promise<void> {
  const meta = await readSeedMeta(db);
  if (!meta) throw new SeedRefusedError('Refusing to wipe a database that Palisade did not seed.');
  const { rows } = await sql<{ tablename: string }>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public' AND tablename NOT IN ('schema_migrations', 'ar_internal_metadata')
    ORDER BY tablename`.execute(db);
  if (rows.length > 0) {
    await sql`TRUNCATE ${sql.join(rows.map((r) => sql.table(`public.${r.tablename}`)))} RESTART IDENTITY CASCADE`.execute(db);
  }
  await db.deleteFrom('palisade.meta').where('key', 'in', ['seed', 'instance']).execute();
  await sql`REFRESH MATERIALIZED VIEW instances`.execute(db);
}
