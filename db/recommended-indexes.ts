import { sql } from 'kysely';
import { createIndexStatement, RECOMMENDED_INDEXES } from '@/lib/recommended-indexes';
import type { Db } from './client';

/** Only for databases Palisade created (embedded, tests, bench): never call it on a real instance. */
export async function createRecommendedIndexes({ db }: { db: Db }): Promise<void> {
  for (const index of RECOMMENDED_INDEXES) await sql.raw(createIndexStatement(index, { concurrently: false })).execute(db);
}

export async function missingRecommendedIndexes({ db }: { db: Db }): Promise<string[]> {
  if (RECOMMENDED_INDEXES.length === 0) return [];
  const { rows } = await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`.execute(db);
  const present = new Set(rows.map((r) => r.indexname));
  return RECOMMENDED_INDEXES.filter((i) => !present.has(i.name)).map((i) => i.name);
}
