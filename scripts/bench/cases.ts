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
}

/** Hot paths measured by `npm run bench`. Features add their queries here. */
export const BENCH_CASES: BenchCase[] = [
  ...REPORTS_BENCH_CASES,
  ...METRICS_BENCH_CASES,
  ...ACCOUNTS_BENCH_CASES,
  ...FEDERATION_BENCH_CASES,
  ...BLOCKLISTS_BENCH_CASES,
];
