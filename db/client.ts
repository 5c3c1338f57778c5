import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { acquireEmbeddedLock } from './embedded-lock';
import { pgliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type Db = Kysely<Database>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface DbHandle {
  kind: DatabaseKind;
  /** Primary: every write and every read that must see its own writes. */
  db: Db;
  /** Replica when DATABASE_REPLICA_URL is set, else the primary. For heavy read-only queries. */
  replica: Db;
  /** Where the embedded database lives (pglite only). */
  dataDir?: string;
  /** Runs a multi-statement SQL script on the primary (DDL, seeds). */
  execScript(script: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  url?: string;
  replicaUrl?: string;
  /** Directory for the embedded database, or `memory://`. */
  pgliteDir?: string;
  /** Pool size per process for `pg`. */
  poolSize?: number;
}

// Mastodon stores UTC in `timestamp without time zone`. Parse it as UTC regardless of the host's TZ.
const TIMESTAMP_OID = 1114;
function parseUtcTimestamp(value: string): Date {
  if (value === 'infinity' || value === '-infinity') return new Date(value === 'infinity' ? 8.64e15 : -8.64e15);
  return new Date(`${value.replace(' ', 'T')}Z`);
}

interface Opened {
  db: Db;
  execScript: (script: string) => Promise<void>;
  close: () => Promise<void>;
}

async function openPostgres(url: string, poolSize: number): Promise<Opened> {
  const { default: pg } = await import('pg');
  // Dates sent as parameters must be written as UTC, because the columns carry no zone.
  pg.defaults.parseInputDatesAsUTC = true;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Sessions in UTC so that now()::timestamp and Mastodon's timestamps agree.
    options: '-c TimeZone=UTC',
    connectionTimeoutMillis: 10_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === TIMESTAMP_OID ? parseUtcTimestamp : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (err) => console.error('[palisade] postgres pool error:', err.message));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    // Without parameters pg uses the simple protocol, which accepts several statements.
    execScript: async (script) => {
      await pool.query(script);
    },
    close: () => db.destroy(),
  };
}

async function openPglite(dir: string): Promise<Opened> {
  const { PGlite, types } = await import('@electric-sql/pglite');
  // One process at a time per directory (PGlite has no lock of its own): refuse clearly instead.
  const release = dir === 'memory://' ? () => {} : acquireEmbeddedLock(dir);
  let client: Awaited<ReturnType<typeof PGlite.create>>;
  try {
    if (dir !== 'memory://') fs.mkdirSync(path.resolve(dir), { recursive: true });
    // Ids stay strings exactly as `pg` returns them; PGlite would otherwise return numbers or BigInts.
    const parsers = { [types.INT8]: (v: string) => v, [TIMESTAMP_OID]: parseUtcTimestamp };
    client = await PGlite.create(dir === 'memory://' ? { parsers } : { dataDir: path.resolve(dir), parsers });
    await client.exec(`SET TIME ZONE 'UTC'`);
  } catch (error) {
    release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: pgliteDialect(client) });
  return {
    db,
    // Goes through Kysely's lock so a script never interleaves with another request's transaction.
    execScript: (script) => db.connection().execute(async () => void (await client.exec(script))),
    close: async () => {
      try {
        await db.destroy();
      } finally {
        release();
      }
    },
  };
}

export async function openDatabase(options: OpenOptions = {}): Promise<DbHandle> {
  const poolSize = options.poolSize ?? 10;
  if (options.url) {
    const primary = await openPostgres(options.url, poolSize);
    const replica = options.replicaUrl ? await openPostgres(options.replicaUrl, poolSize) : null;
    return {
      kind: 'postgres',
      db: primary.db,
      replica: replica?.db ?? primary.db,
      execScript: primary.execScript,
      close: async () => {
        await primary.close();
        await replica?.close();
      },
    };
  }
  const dir = options.pgliteDir ?? '.palisade/pglite';
  const embedded = await openPglite(dir);
  return {
    kind: 'pglite',
    db: embedded.db,
    replica: embedded.db,
    dataDir: dir,
    execScript: embedded.execScript,
    close: embedded.close,
  };
}

export async function ping(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
