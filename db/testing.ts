import crypto from 'node:crypto';
import { openDatabase, type DbHandle } from './client';
import { ensureMastodonSchema } from './mastodon/load';
import { migrateToLatest } from './migrate';
import { createRecommendedIndexes } from './recommended-indexes';

export type BackendName = 'pglite' | 'postgres';

/** PGlite always; real PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function testBackends(): BackendName[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  handle: DbHandle;
  /** Closes the connection and drops the throwaway database. */
  cleanup(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A fresh database with Mastodon's schema and Palisade's migrations: in-memory PGlite, or a new
 * database on the TEST_DATABASE_URL server (its role needs CREATEDB), dropped by cleanup().
 */
export async function openTestDatabase(backend: BackendName, options: { seed?: boolean } = {}): Promise<TestDatabase> {
  let handle: DbHandle;
  let drop: () => Promise<void> = async () => {};
  if (backend === 'pglite') {
    handle = await openDatabase({ pgliteDir: 'memory://' });
  } else {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
    const name = `palisade_test_${crypto.randomBytes(6).toString('hex')}`;
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    handle = await openDatabase({ url: withDatabase(adminUrl, name), poolSize: 4 });
    drop = async () => {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    };
  }
  await ensureMastodonSchema({ handle });
  await migrateToLatest({ db: handle.db });
  await createRecommendedIndexes({ db: handle.db });
  if (options.seed) {
    const { seed } = await import('./seed');
    await seed({ handle, scale: 'demo', now: new Date('2026-11-20T12:00:00Z') });
  }
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      await drop();
    },
  };
}
