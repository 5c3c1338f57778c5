import { sql } from 'kysely';
import type { DbHandle } from './client';
import { ensureMastodonSchema } from './mastodon/load';
import { detectMastodonVersion, type MastodonVersionInfo } from './mastodon/version';
import { migrateToLatest } from './migrate';
import { createRecommendedIndexes } from './recommended-indexes';

export interface PreparedDatabase {
  handle: DbHandle;
  mastodon: MastodonVersionInfo;
  /** True when Palisade created this database itself (embedded demo or tests). */
  embedded: boolean;
}

export interface PrepareOptions {
  handle: DbHandle;
  /** Seed the demo instance into an embedded database that has none yet. */
  seedDemo?: boolean;
  migrate?: boolean;
  log?: (line: string) => void;
}

export async function isSeeded({ handle }: { handle: DbHandle }): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`SELECT to_regclass('palisade.meta') IS NOT NULL AS present`.execute(handle.db);
  if (!rows[0]?.present) return false;
  const seed = await handle.db.selectFrom('palisade.meta').select('key').where('key', '=', 'seed').executeTakeFirst();
  return Boolean(seed);
}

export async function prepareDatabase(options: PrepareOptions): Promise<PreparedDatabase> {
  const { handle, log = () => {} } = options;
  const embedded = handle.kind === 'pglite';
  if (embedded && (await ensureMastodonSchema({ handle }))) log('Created Mastodon 4.7 schema in the embedded database');
  // Refuses clearly (throws) when the database is not Mastodon's or is older than 4.3.
  const mastodon = await detectMastodonVersion({ db: handle.db });
  if (options.migrate ?? true) await migrateToLatest({ db: handle.db });
  if (embedded) await createRecommendedIndexes({ db: handle.db });
  if (embedded && (options.seedDemo ?? true) && !(await isSeeded({ handle }))) {
    log('Seeding the demo instance (first start only)…');
    const { seed } = await import('./seed');
    const summary = await seed({ handle, scale: 'demo' });
    log(`Seeded ${summary}`);
  }
  return { handle, mastodon, embedded };
}
