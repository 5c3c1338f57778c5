/**
 * `npm run demo`: the whole console on a bare machine. Without DATABASE_URL it creates (first run)
 * or reuses an embedded PGlite database in .palisade/ holding Mastodon's schema and a seeded demo
 * instance, builds the app when sources changed, prints the demo sign-ins and serves it.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { openDatabase } from '../db/client';
import { claimEmbeddedLockFor } from '../db/embedded-lock';
import { embeddedDir } from '../db';
import { prepareDatabase } from '../db/prepare';
import { DEMO_PASSWORD, DEMO_STAFF } from '../db/seed';
import { env } from '../lib/env';
import { ensureBuild } from './lib/build';

const require = createRequire(import.meta.url);

async function prepare(): Promise<{ embedded: boolean; series: string }> {
  const e = env();
  const handle = await openDatabase({ url: e.DATABASE_URL, replicaUrl: e.DATABASE_REPLICA_URL, pgliteDir: embeddedDir(), poolSize: 2 });
  try {
    const started = Date.now();
    const prepared = await prepareDatabase({ handle, log: (line) => console.log(`  ${line}`) });
    console.log(`Database ready in ${((Date.now() - started) / 1000).toFixed(1)} s: Mastodon ${prepared.mastodon.series}, ${prepared.embedded ? `embedded at ${handle.dataDir}` : 'DATABASE_URL'}`);
    return { embedded: prepared.embedded, series: prepared.mastodon.series };
  } finally {
    // PGlite has no cross-process lock: the server opens it only after this process let go.
    await handle.close();
  }
}

function banner(url: string, embedded: boolean) {
  const lines = [`Palisade is starting at ${url}`];
  if (embedded) {
    lines.push('', 'Demo sign-ins (password for all: ' + DEMO_PASSWORD + '):');
    for (const staff of DEMO_STAFF) lines.push(`  ${staff.email.padEnd(28)} ${staff.note}`);
  }
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.log(`\n${'═'.repeat(width)}`);
  for (const line of lines) console.log(`  ${line}`);
  console.log(`${'═'.repeat(width)}\n`);
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const port = process.env.PORT ?? '3000';
  const url = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const { embedded } = await prepare();
  ensureBuild();
  banner(url, embedded);
  const server = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', port], {
    stdio: 'inherit',
    env: { ...process.env, NEXTAUTH_URL: url, NODE_ENV: 'production' },
  });
  // Hand the embedded database's lock to the server now, so that `palisade …` run meanwhile
  // refuses clearly instead of opening the same files before the server's first request does.
  if (embedded && server.pid) {
    try {
      claimEmbeddedLockFor(embeddedDir(), server.pid, 'the demo server (npm run demo)');
    } catch (error) {
      server.kill('SIGTERM');
      throw error;
    }
  }
  // The blocklist worker: inside the server with the embedded database (instrumentation.ts), else its own process.
  const worker = !embedded && env().PALISADE_WORKER === 'auto' ? spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/worker.ts'], { stdio: 'inherit', env: process.env }) : null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      worker?.kill(signal);
      server.kill(signal);
    });
  }
  server.on('exit', (code, signal) => {
    worker?.kill('SIGTERM');
    process.exit(code ?? (signal ? 0 : 1));
  });
}

main().catch((error: Error) => {
  console.error(`demo: ${error.message}`);
  process.exit(1);
});
