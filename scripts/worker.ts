/**
 * `npm run worker`: the blocklist subscription worker as its own process, for deployments with
 * DATABASE_URL (any number may run: each source is fetched under a PostgreSQL advisory lock).
 * With the embedded database the worker runs inside the console server instead (instrumentation.ts),
 * because PGlite cannot be opened by two processes.
 */
import { env } from '../lib/env';
import { processExchangeContext } from '../lib/blocklist/sources-context';
import { startBlocklistWorker } from '../lib/blocklist/sources-worker';

async function main(): Promise<number> {
  if (!env().DATABASE_URL) {
    console.error('worker: with the embedded database the worker runs inside the console server (npm run demo or npm start). Set DATABASE_URL to run it as its own process.');
    return 2;
  }
  const once = process.argv.includes('--once');
  const worker = startBlocklistWorker({ context: processExchangeContext, startDelayMs: once ? 60_000 : 0 });
  if (once) {
    await worker.stop();
    await worker.tick();
    return 0;
  }
  console.log('[palisade worker] started: fetching due blocklist sources every 30 s');
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await worker.stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`worker: ${error.message}`);
    process.exit(1);
  },
);
