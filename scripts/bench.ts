/**
 * `npm run bench`: seeds (or reuses) the large scale on DATABASE_URL and prints JSON with p50/p95
 * of Palisade's hot queries. Timings live here, never in tests.
 *
 * `--only name,name` (or BENCH_ONLY=name,name) runs just those cases; when none of them needs the
 * database (the blocklist merge of generated lists), nothing is opened or seeded.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../db/client';
import { ensureMastodonSchema } from '../db/mastodon/load';
import { detectMastodonVersion } from '../db/mastodon/version';
import { migrateToLatest } from '../db/migrate';
import { createRecommendedIndexes } from '../db/recommended-indexes';
import { env } from '../lib/env';
import { BENCH_CASES, type BenchCase } from './bench/cases';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Number((sorted[index] ?? 0).toFixed(2));
}

type Result = { p50_ms: number; p95_ms: number; runs: number; peak_rss_mb?: number };

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** A full collection between runs of a memory case, so each starts as a fresh CLI process would. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

async function measure(bench: BenchCase, db: Db): Promise<Result> {
  const runs = bench.runs ?? RUNS;
  const prepared = bench.prepare ? await bench.prepare(db) : undefined;
  const gc = bench.memory ? collector() : null;
  for (let i = 0; i < Math.min(WARMUP, runs); i += 1) {
    gc?.();
    await bench.run(db, prepared);
  }
  const timings: number[] = [];
  let childPeak = 0;
  for (let i = 0; i < runs; i += 1) {
    gc?.();
    const started = performance.now();
    const value = await bench.run(db, prepared);
    timings.push(performance.now() - started);
    if (bench.childMemory) childPeak = Math.max(childPeak, (value as { peakRssMb: number }).peakRssMb);
  }
  timings.sort((a, b) => a - b);
  const out: Result = { p50_ms: percentile(timings, 50), p95_ms: percentile(timings, 95), runs };
  // The process's peak so far (the case's own when it runs first, as database-free cases do).
  if (bench.memory) out.peak_rss_mb = mb(process.resourceUsage().maxRSS * 1024);
  if (bench.childMemory) out.peak_rss_mb = childPeak;
  return out;
}

function selectedCases(): BenchCase[] {
  const flag = process.argv.indexOf('--only');
  const raw = flag >= 0 ? process.argv[flag + 1] : (process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? process.env.BENCH_ONLY);
  if (!raw) return BENCH_CASES;
  const names = raw.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !BENCH_CASES.some((c) => c.name === n));
  if (unknown.length) throw new Error(`unknown case ${unknown.join(', ')}; cases: ${BENCH_CASES.map((c) => c.name).join(', ')}`);
  return BENCH_CASES.filter((c) => names.includes(c.name));
}

async function main(): Promise<number> {
  const cases = selectedCases();
  // Database-free cases first: their peak RSS is then their own.
  const free = cases.filter((c) => c.database === false);
  const results: Record<string, Result> = {};
  for (const bench of free) results[bench.name] = await measure(bench, null as unknown as Db);
  if (free.length === cases.length) {
    console.log(JSON.stringify({ queries: results }, null, 2));
    return 0;
  }

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
    // VACUUM, not only ANALYZE: a real instance's tables are vacuumed by autovacuum, which CI's
    // PostgreSQL runs without (autovacuum = off). Without a visibility map every index-only scan
    // (index_accounts_on_domain_and_id_with_states is one) still reads the heap, and plans and
    // timings are those of a freshly loaded table. Quick once done (~10 s after the large seed).
    await sql`VACUUM (ANALYZE)`.execute(handle.db);

    for (const bench of cases) if (bench.database !== false) results[bench.name] = await measure(bench, handle.db);
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
