import { pruneReads } from '@/db/queries/blocklist-publishing';
import { runDueSources, type ExchangeContext } from './sources-sync';

/**
 * The background loop: every tick, fetch the sources that are due (each under its lock, so any
 * number of processes can run this loop) and merge when something changed; once an hour, trim the
 * publishing read log to 90 days. A failing tick is logged and the loop goes on.
 */
export interface WorkerOptions {
  context: () => Promise<ExchangeContext>;
  intervalMs?: number;
  /** Delay before the first tick (let the server finish starting). */
  startDelayMs?: number;
  log?: (line: string) => void;
}

const READ_LOG_DAYS = 90;
const HOUR = 3_600_000;

export function startBlocklistWorker({ context, intervalMs = 30_000, startDelayMs = 5_000, log = (line) => console.log(`[palisade worker] ${line}`) }: WorkerOptions): { stop: () => Promise<void>; tick: () => Promise<void> } {
  let stopped = false;
  let running: Promise<void> | null = null;
  let lastPrune = 0;
  let timer: NodeJS.Timeout | null = null;

  const tick = async () => {
    const ctx = await context();
    const result = await runDueSources(ctx);
    if (result.fetched > 0) log(`fetched ${result.fetched} source(s), ${result.changed} changed${result.recomputed ? '; review queue updated' : ''}`);
    if (Date.now() - lastPrune > HOUR) {
      lastPrune = Date.now();
      const pruned = await pruneReads({ db: ctx.db, before: new Date(Date.now() - READ_LOG_DAYS * 24 * HOUR) });
      if (pruned > 0) log(`trimmed ${pruned} read-log row(s) older than ${READ_LOG_DAYS} days`);
    }
  };

  const loop = () => {
    if (stopped) return;
    running = tick()
      .catch((error: Error) => log(`tick failed: ${error.message}`))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  timer = setTimeout(loop, startDelayMs);
  timer.unref?.();

  return {
    tick,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
