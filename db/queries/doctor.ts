import { sql } from 'kysely';
import type { Db } from '../client';

/**
 * What `palisade doctor` asks the database. Read-only: catalog and privilege functions only,
 * nothing that takes a lock on Mastodon's tables.
 */
export interface ServerFacts {
  version: string;
  versionNum: number;
  database: string;
  role: string;
  superuser: boolean;
  inRecovery: boolean;
}

export async function readServerFacts({ db }: { db: Db }): Promise<ServerFacts> {
  const { rows } = await sql<{ version: string; version_num: number; database: string; role: string; superuser: boolean; in_recovery: boolean }>`
    SELECT current_setting('server_version') AS version,
           current_setting('server_version_num')::int AS version_num,
           current_database() AS database,
           current_user AS role,
           (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
           pg_is_in_recovery() AS in_recovery`.execute(db);
  const r = rows[0]!;
  return { version: r.version, versionNum: Number(r.version_num), database: r.database, role: r.role, superuser: Boolean(r.superuser), inRecovery: Boolean(r.in_recovery) };
}

/** Mastodon's tables and views in `public` the role cannot SELECT (Palisade reads them all). */
export async function listUnreadablePublicRelations({ db }: { db: Db }): Promise<{ total: number; unreadable: string[]; schemaUsage: boolean }> {
  const { rows } = await sql<{ name: string; readable: boolean }>`
    SELECT c.relname AS name, has_table_privilege(c.oid, 'SELECT') AS readable
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
    ORDER BY c.relname`.execute(db);
  const usage = await sql<{ usage: boolean }>`SELECT has_schema_privilege('public', 'USAGE') AS usage`.execute(db);
  return { total: rows.length, unreadable: rows.filter((r) => !r.readable).map((r) => r.name), schemaUsage: Boolean(usage.rows[0]?.usage) };
}

export interface PalisadeSchemaFacts {
  exists: boolean;
  usage: boolean;
  create: boolean;
  /** May create the schema when it does not exist yet. */
  createInDatabase: boolean;
  /** Tables in `palisade` the role cannot read and write. */
  tablesWithoutAccess: string[];
  /** Tables in `palisade` owned by another role (later migrations cannot alter them). */
  tablesOwnedByOthers: string[];
}

export async function readPalisadeSchemaFacts({ db }: { db: Db }): Promise<PalisadeSchemaFacts> {
  const { rows } = await sql<{ exists: boolean; usage: boolean | null; create: boolean | null; create_in_database: boolean }>`
    SELECT to_regnamespace('palisade') IS NOT NULL AS exists,
           CASE WHEN to_regnamespace('palisade') IS NULL THEN NULL ELSE has_schema_privilege('palisade', 'USAGE') END AS usage,
           CASE WHEN to_regnamespace('palisade') IS NULL THEN NULL ELSE has_schema_privilege('palisade', 'CREATE') END AS create,
           has_database_privilege(current_database(), 'CREATE') AS create_in_database`.execute(db);
  const r = rows[0]!;
  if (!r.exists) return { exists: false, usage: false, create: false, createInDatabase: Boolean(r.create_in_database), tablesWithoutAccess: [], tablesOwnedByOthers: [] };
  const tables = await sql<{ name: string; access: boolean; owned: boolean }>`
    SELECT c.relname AS name,
           has_table_privilege(c.oid, 'SELECT') AND has_table_privilege(c.oid, 'INSERT') AND has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE') AS access,
           pg_has_role(c.relowner, 'USAGE') AS owned
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'palisade' AND c.relkind IN ('r', 'p')
    ORDER BY c.relname`.execute(db);
  return {
    exists: true,
    usage: Boolean(r.usage),
    create: Boolean(r.create),
    createInDatabase: Boolean(r.create_in_database),
    tablesWithoutAccess: tables.rows.filter((t) => !t.access).map((t) => t.name),
    tablesOwnedByOthers: tables.rows.filter((t) => !t.owned).map((t) => t.name),
  };
}

export interface TablePrivilege {
  table: string;
  privilege: 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
}

/** Which of these privileges on `public` tables the role lacks; tables this Mastodon version lacks are ignored. */
export async function listMissingTablePrivileges({ db, wanted }: { db: Db; wanted: readonly TablePrivilege[] }): Promise<TablePrivilege[]> {
  if (wanted.length === 0) return [];
  const { rows } = await sql<{ table: string; privilege: TablePrivilege['privilege']; granted: boolean | null }>`
    SELECT w.t AS table, w.p AS privilege,
           CASE WHEN to_regclass('public.' || quote_ident(w.t)) IS NULL THEN NULL
                ELSE has_table_privilege(to_regclass('public.' || quote_ident(w.t)), w.p) END AS granted
    FROM unnest(${sql.val(wanted.map((w) => w.table))}::text[], ${sql.val(wanted.map((w) => w.privilege))}::text[]) AS w(t, p)`.execute(db);
  return rows.filter((r) => r.granted === false).map((r) => ({ table: r.table, privilege: r.privilege }));
}

export interface ReplicaFacts {
  inRecovery: boolean;
  /** Everything received has been replayed: the replica is as fresh as the primary has told it. */
  caughtUp: boolean | null;
  /** Seconds since the last replayed transaction committed on the primary; null before the first. */
  lagSeconds: number | null;
}

export async function readReplicaFacts({ db }: { db: Db }): Promise<ReplicaFacts> {
  const { rows } = await sql<{ in_recovery: boolean; caught_up: boolean | null; lag_seconds: string | null }>`
    SELECT pg_is_in_recovery() AS in_recovery,
           CASE WHEN pg_is_in_recovery() THEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() END AS caught_up,
           CASE WHEN pg_is_in_recovery() THEN EXTRACT(EPOCH FROM (now() - pg_last_xact_replay_timestamp()))::text END AS lag_seconds`.execute(db);
  const r = rows[0]!;
  return { inRecovery: Boolean(r.in_recovery), caughtUp: r.caught_up, lagSeconds: r.lag_seconds === null ? null : Number(r.lag_seconds) };
}

/** Indexes in `public` by name, with whether they are usable (a failed CONCURRENTLY build leaves an invalid one). */
export async function findPublicIndexes({ db, names }: { db: Db; names: readonly string[] }): Promise<Map<string, { valid: boolean; table: string }>> {
  if (names.length === 0) return new Map();
  const { rows } = await sql<{ name: string; valid: boolean; table: string }>`
    SELECT ic.relname AS name, i.indisvalid AS valid, tc.relname AS table
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_class tc ON tc.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = ic.relnamespace
    WHERE n.nspname = 'public' AND ic.relname = ANY(${sql.val([...names])}::text[])`.execute(db);
  return new Map(rows.map((r) => [r.name, { valid: Boolean(r.valid), table: r.table }]));
}
