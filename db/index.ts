import path from 'node:path';
import { env } from '@/lib/env';
import { openDatabase, type Db } from './client';
import { prepareDatabase, type PreparedDatabase } from './prepare';

export type { Db } from './client';

export function embeddedDir(): string {
  const e = env();
  return e.PALISADE_PGLITE_DIR ?? path.join(e.PALISADE_DATA_DIR, 'pglite');
}

const globals = globalThis as unknown as { __palisadeDatabase?: Promise<PreparedDatabase> };

/**
 * One database per server process (and across dev reloads). A failed open is not cached, so the
 * next request retries instead of the console being stuck on an error until restart.
 */
export function getDatabase(): Promise<PreparedDatabase> {
  if (!globals.__palisadeDatabase) {
    const e = env();
    const promise = (async () => {
      const handle = await openDatabase({ url: e.DATABASE_URL, replicaUrl: e.DATABASE_REPLICA_URL, pgliteDir: embeddedDir() });
      try {
        return await prepareDatabase({
          handle,
          migrate: handle.kind === 'pglite' || e.PALISADE_AUTO_MIGRATE,
          log: (line) => console.log(`[palisade] ${line}`),
        });
      } catch (error) {
        await handle.close().catch(() => {});
        throw error;
      }
    })();
    globals.__palisadeDatabase = promise;
    promise.catch(() => {
      if (globals.__palisadeDatabase === promise) globals.__palisadeDatabase = undefined;
    });
  }
  return globals.__palisadeDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).handle.db;
}

export async function getReplicaDb(): Promise<Db> {
  return (await getDatabase()).handle.replica;
}
