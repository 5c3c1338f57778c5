import fs from 'node:fs';
import path from 'node:path';
import type { DbHandle } from '@/db/client';
import { env as readEnv, type Env } from '@/lib/env';
import { CliError } from './errors';

/**
 * Everything a command touches outside itself, so that tests can run commands in-process with
 * their own output, environment and database, and the real bin wires in the process's.
 */
export interface CliIo {
  /** Standard output: results only (lists, tables, JSON). */
  out(text: string): void;
  /** Standard error: errors, warnings, progress. */
  err(text: string): void;
  /** Standard error is a terminal: progress and summaries are shown there. */
  interactive: boolean;
  stdin: NodeJS.ReadableStream;
  cwd: string;
}

export interface CliContext {
  io: CliIo;
  env: Env;
  /** The raw environment, for the CLI's own variables (PALISADE_ACTOR, PALISADE_ACCESS_TOKEN…). */
  vars: Readonly<Record<string, string | undefined>>;
  now(): Date;
  /** Where the embedded database lives when DATABASE_URL is unset. */
  embeddedDir: string;
  /**
   * Opens DATABASE_URL (with its replica) or the embedded database — refusing one another process
   * holds. `mustExist`: never create an embedded database (dry runs and checks change nothing).
   */
  openDatabase(options?: { mustExist?: boolean }): Promise<DbHandle>;
  fetch: typeof fetch;
}

export function embeddedDirFor(env: Env, cwd: string): string {
  return path.resolve(cwd, env.PALISADE_PGLITE_DIR ?? path.join(env.PALISADE_DATA_DIR, 'pglite'));
}

/** True when the embedded database has been created (doctor must not create one by looking). */
export function embeddedDatabaseExists(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'PG_VERSION'));
}

/** DATABASE_URL, or the embedded database in `embeddedDir` (see CliContext.openDatabase). */
export function databaseOpener(env: Env, embeddedDir: string): CliContext['openDatabase'] {
  return async ({ mustExist = false } = {}) => {
    // Loaded here: commands that need no database (merge) never load the query builder and drivers.
    const { openDatabase } = await import('@/db/client');
    if (env.DATABASE_URL) return openDatabase({ url: env.DATABASE_URL, replicaUrl: env.DATABASE_REPLICA_URL, poolSize: 2 });
    if (mustExist && !embeddedDatabaseExists(embeddedDir)) {
      throw new CliError(`no embedded database in ${embeddedDir} yet (this command creates none): run palisade seed --scale demo, or set DATABASE_URL`, 'no_database');
    }
    return openDatabase({ pgliteDir: embeddedDir });
  };
}

export function processContext(): CliContext {
  const env = readEnv();
  const cwd = process.cwd();
  const embeddedDir = embeddedDirFor(env, cwd);
  return {
    io: {
      out: (text) => void process.stdout.write(text),
      err: (text) => void process.stderr.write(text),
      interactive: Boolean(process.stderr.isTTY),
      stdin: process.stdin,
      cwd,
    },
    env,
    vars: process.env,
    now: () => new Date(),
    embeddedDir,
    openDatabase: databaseOpener(env, embeddedDir),
    fetch: globalThis.fetch,
  };
}

/** Progress on standard error, only when it is a terminal: cron mail and pipes stay clean. */
export function progress(ctx: CliContext): { update(text: string): void; done(): void } {
  let shown = false;
  let last = 0;
  return {
    update(text) {
      if (!ctx.io.interactive) return;
      const now = Date.now();
      if (shown && now - last < 100) return;
      last = now;
      shown = true;
      ctx.io.err(`\r\x1b[K${text}`);
    },
    done() {
      if (shown) ctx.io.err('\r\x1b[K');
      shown = false;
    },
  };
}

/** A line for people on standard error, only when it is a terminal. */
export function note(ctx: CliContext, text: string): void {
  if (ctx.io.interactive) ctx.io.err(`${text}\n`);
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes a result file whole or not at all: a cron job never leaves half a list for its reader. */
export function writeFileAtomic(file: string, body: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, body);
  try {
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** 12,345. Whole numbers without ICU, whose first use costs a one-shot command ~10 ms. */
export function formatCount(n: number): string {
  if (Number.isSafeInteger(n)) return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  return n.toLocaleString('en-US');
}
