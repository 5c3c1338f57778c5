import type { Db } from '../../db/client';
import { ACCOUNTS_BENCH_CASES } from './accounts-cases';
import { BLOCKLISTS_BENCH_CASES } from './blocklists-cases';
import { FEDERATION_BENCH_CASES } from './federation-cases';
import { METRICS_BENCH_CASES } from './metrics-cases';
import { REPORTS_BENCH_CASES } from './reports-cases';

export interface BenchCase {
  name: string;
  /** Runs the hot path once; gets a fresh value from `prepare` each time when it has one. */
  run: (db: Db, prepared: unknown) => Promise<unknown>;
  prepare?: (db: Db) => Promise<unknown>;
  /**
   * False for cases that never touch the database (`db` is then not usable): run alone
   * (`--only`), they need neither DATABASE_URL nor the large seed.
   */
  database?: false;
  /** Timed runs for a slow case (default BENCH_RUNS). */
  runs?: number;
  /** Also report the process's peak RSS, with a full collection before each run (large inputs). */
  memory?: boolean;
  /** `run` starts a process and resolves with its `{ peakRssMb }`: the largest is reported. */
  childMemory?: boolean;
}

/** Hot paths measured by `npm run bench`. Features add their queries here. */
export const BENCH_CASES: BenchCase[] = [
  ...REPORTS_BENCH_CASES,
  ...METRICS_BENCH_CASES,
  ...ACCOUNTS_BENCH_CASES,
  ...FEDERATION_BENCH_CASES,
  ...BLOCKLISTS_BENCH_CASES,
];
