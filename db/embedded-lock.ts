import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no cross-process lock (stack.md G10): two processes opening the same directory would
 * each run their own PostgreSQL on the same files and corrupt them. Every process that opens the
 * embedded database takes this lock first — a file beside the data directory holding the owner's
 * pid — so the CLI, seed or migrate refuse clearly while the demo server has it open.
 *
 * A lock whose process is gone (killed, crashed) is stale and taken over. The same process may
 * open the directory again (re-entrant), and `npm run demo` claims it for the server it starts.
 */
export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly holder: string | null,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by ${holder ? `${holder} (pid ${pid})` : `process ${pid}`}. ` +
        'Only one process can open it at a time: stop that process first (for the demo server, Ctrl+C in its terminal), or point DATABASE_URL at PostgreSQL.',
    );
    this.name = 'EmbeddedDatabaseBusyError';
  }
}

interface LockContent {
  pid: number;
  holder: string;
  since: string;
}

/** `.palisade/pglite` → `.palisade/pglite.lock` (outside the directory PostgreSQL owns). */
export function embeddedLockPath(dataDir: string): string {
  return `${path.resolve(dataDir).replace(/[\\/]+$/, '')}.lock`;
}

const held = new Map<string, number>();
let exitHookInstalled = false;

function describeProcess(): string {
  const script = process.argv[1] ? path.basename(process.argv[1]) : 'node';
  const args = process.argv.slice(2).filter((a) => !a.startsWith('-')).slice(0, 3);
  if (script === 'next' || script.startsWith('next')) return `the Palisade server (next ${args[0] ?? ''})`.replace(' )', ')');
  return [script, ...args].join(' ');
}

function readLock(file: string): LockContent | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, holder: String(parsed.holder ?? ''), since: String(parsed.since ?? '') } : null;
  } catch {
    return null;
  }
}

/** The process exists and (where /proc tells) is still a Node.js process, not a recycled pid. */
export function isLockHolderAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /node|tsx|next/i.test(cmdline);
  } catch {
    return true;
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const file of held.keys()) {
      if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
    }
  });
}

function writeExclusive(file: string, content: LockContent): boolean {
  try {
    fs.writeFileSync(file, `${JSON.stringify(content)}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes the lock for `dataDir` (or joins it when this process already holds it). Returns the
 * release function. Throws EmbeddedDatabaseBusyError when another live process holds it.
 */
export function acquireEmbeddedLock(dataDir: string, holder = describeProcess()): () => void {
  const file = embeddedLockPath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt += 1) {
    if (writeExclusive(file, { pid: process.pid, holder, since: new Date().toISOString() })) break;
    const current = readLock(file);
    if (current?.pid === process.pid) break;
    if (current && isLockHolderAlive(current.pid)) throw new EmbeddedDatabaseBusyError(dataDir, current.pid, current.holder || null);
    // Stale (its process is gone) or unreadable (a crash mid-write): take it over.
    if (attempt >= 3) throw new EmbeddedDatabaseBusyError(dataDir, current?.pid ?? 0, 'another process that keeps re-creating the lock');
    fs.rmSync(file, { force: true });
  }
  held.set(file, (held.get(file) ?? 0) + 1);
  installExitHook();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const count = (held.get(file) ?? 1) - 1;
    if (count > 0) {
      held.set(file, count);
      return;
    }
    held.delete(file);
    if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
}

/**
 * Hands the lock to a child process (the server `npm run demo` starts), so that nothing can open
 * the database between this process letting go and the server's first request. The child joins
 * it when it opens the database. Throws like acquireEmbeddedLock when someone else holds it.
 */
export function claimEmbeddedLockFor(dataDir: string, pid: number, holder: string): void {
  const file = embeddedLockPath(dataDir);
  const current = readLock(file);
  if (current && current.pid !== process.pid && current.pid !== pid && isLockHolderAlive(current.pid)) {
    throw new EmbeddedDatabaseBusyError(dataDir, current.pid, current.holder || null);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ pid, holder, since: new Date().toISOString() } satisfies LockContent)}\n`);
}

/** Who holds the lock now, if anyone alive does (for `doctor`). */
export function embeddedLockHolder(dataDir: string): LockContent | null {
  const current = readLock(embeddedLockPath(dataDir));
  return current && isLockHolderAlive(current.pid) ? current : null;
}
