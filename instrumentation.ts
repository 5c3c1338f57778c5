/**
 * Next's start-up hook. With the embedded database (no DATABASE_URL) the blocklist worker runs in
 * this server process, because PGlite cannot be opened by a second process; with DATABASE_URL it
 * runs as `npm run worker` (PALISADE_WORKER=inline runs it here anyway, `off` nowhere).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { env } = await import('./lib/env');
  const e = env();
  const inline = e.PALISADE_WORKER === 'inline' || (e.PALISADE_WORKER === 'auto' && !e.DATABASE_URL);
  if (!inline) return;
  const globals = globalThis as unknown as { __palisadeWorker?: boolean };
  if (globals.__palisadeWorker) return;
  globals.__palisadeWorker = true;
  const [{ startBlocklistWorker }, { processExchangeContext }] = await Promise.all([import('./lib/blocklist/sources-worker'), import('./lib/blocklist/sources-context')]);
  startBlocklistWorker({ context: processExchangeContext, startDelayMs: 10_000 });
}
