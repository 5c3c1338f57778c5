import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import type { DbHandle } from '@/db/client';
import type { Env } from '@/lib/env';
import type { CliContext } from './context';
import { main } from './main';

/** For tests: run commands in-process with captured output, an environment and a database of their own. */
export interface TestRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TestContextOptions {
  cwd?: string;
  env?: Partial<Env>;
  vars?: Record<string, string | undefined>;
  /** A database the test owns: commands get it and their close() leaves it open. */
  handle?: DbHandle;
  /** Or how commands open theirs (e.g. databaseOpener for a real embedded directory). */
  openDatabase?: CliContext['openDatabase'];
  embeddedDir?: string;
  stdin?: string;
  interactive?: boolean;
  fetch?: typeof fetch;
  now?: Date;
}

export function testEnv(env: Partial<Env> = {}): Env {
  return { PALISADE_DATA_DIR: '.palisade', PALISADE_AUTO_MIGRATE: true, PALISADE_BLOCKLIST_ALLOW_PRIVATE: false, PALISADE_WORKER: 'auto', ...env } as Env;
}

export async function runCli(argv: string[], options: TestContextOptions = {}): Promise<TestRun> {
  let stdout = '';
  let stderr = '';
  const handle = options.handle;
  const ctx: CliContext = {
    io: {
      out: (text) => void (stdout += text),
      err: (text) => void (stderr += text),
      interactive: options.interactive ?? false,
      stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
      cwd: options.cwd ?? process.cwd(),
    },
    env: testEnv(options.env),
    vars: options.vars ?? {},
    now: () => options.now ?? new Date(),
    embeddedDir: options.embeddedDir ?? path.join(options.cwd ?? process.cwd(), '.palisade-test-none', 'pglite'),
    openDatabase: options.openDatabase ?? (async () => {
      if (!handle) throw new Error('this test gave the command no database');
      return { ...handle, close: async () => {} };
    }),
    fetch: options.fetch ?? globalThis.fetch,
  };
  const code = await main(argv, ctx);
  return { code, stdout, stderr };
}

export const GOLDEN_DIR = path.join(import.meta.dirname, '__golden__');

/**
 * Compares with cli/__golden__/<name>. `UPDATE_GOLDEN=1 npx vitest run cli` rewrites the files;
 * a missing file fails (a golden output is reviewed once, not created silently).
 */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) throw new Error(`golden file ${name} is missing: run UPDATE_GOLDEN=1 npx vitest run cli and review it`);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
