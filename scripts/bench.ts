/**
 * `npm run bench`: seeds (or reuses) the large scale on DATABASE_URL and prints JSON with p50/p95
 * of Palisade's hot queries. Timings live here, never in tests.
 */
import { sql } from 'kysely';
import { openDatabase } from '../db/client';
import { ensureMastodonSchema } from '../db/mastodon/load';
import { detectMastodonVersion } from '../db/mastodon/version';
import { migrateToLatest } from '../db/migrate';
import { createRecommendedIndexes } from '../db/recommended-indexes';
import { env } from '../lib/env';
import { BENCH_CASES } from './bench/cases';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Number((sorted[index] ?? 0).toFixed(2));
}

async function main(): Promise<number> {
  const url = env().DATABASE_URL;
  if (!url) {
    console.error('bench: set DATABASE_URL to a throwaway PostgreSQL database (the large seed needs real PostgreSQL, not the embedded one).');
    return 2;
  }
  const handle = await openDatabase({ url, poolSize: 2 });
  try {
    const { rows } = await sql<{ tables: number }>`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`.execute(handle.db);
    // Only a database with no tables at all gets Mastodon's schema: never a real instance.
    if ((rows[0]?.tables ?? 0) === 0) await ensureMastodonSchema({ handle });
    await detectMastodonVersion({ db: handle.db });
    await migrateToLatest({ db: handle.db });

    const seeded = await handle.db.selectFrom('palisade.meta').select('value').where('key', '=', 'seed').executeTakeFirst();
    const scale = (seeded?.value as { scale?: string } | undefined)?.scale;
    if (scale !== 'large') {
      if (!seeded) {
        const { rows: accounts } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM accounts WHERE id > 0`.execute(handle.db);
        if ((accounts[0]?.n ?? 0) > 0) throw new Error('DATABASE_URL holds Mastodon data that Palisade did not seed; point the bench at a throwaway database.');
      }
      console.error('bench: seeding the large scale (1 M accounts, 5 M statuses, 200 k reports); this takes several minutes…');
      const { seed } = await import('../db/seed');
      await seed({ handle, scale: 'large' });
    }

    // The bench database is Palisade's own throwaway: measure with the indexes doctor recommends.
    await createRecommendedIndexes({ db: handle.db });
    await sql`ANALYZE`.execute(handle.db);

    const results: Record<string, { p50_ms: number; p95_ms: number; runs: number }> = {};
    for (const bench of BENCH_CASES) {
      const prepared = bench.prepare ? await bench.prepare(handle.db) : undefined;
      for (let i = 0; i < WARMUP; i += 1) await bench.run(handle.db, prepared);
      const timings: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const started = performance.now();
        await bench.run(handle.db, prepared);
        timings.push(performance.now() - started);
      }
      timings.sort((a, b) => a - b);
      results[bench.name] = { p50_ms: percentile(timings, 50), p95_ms: percentile(timings, 95), runs: RUNS };
    }
    const counts = await sql<{ accounts: string; statuses: string; reports: string; open_reports: string; domain_blocks: string; follows: string }>`
      SELECT (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM statuses) AS statuses,
             (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM reports WHERE action_taken_at IS NULL) AS open_reports,
             (SELECT count(*) FROM domain_blocks) AS domain_blocks, (SELECT count(*) FROM follows) AS follows`.execute(handle.db);
    const c = counts.rows[0];
    console.log(JSON.stringify({ scale: 'large', counts: Object.fromEntries(Object.entries(c ?? {}).map(([k, v]) => [k, Number(v)])), queries: results }, null, 2));
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`bench: ${error.message}`);
    process.exit(1);
  },
);
