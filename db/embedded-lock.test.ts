import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireEmbeddedLock, claimEmbeddedLockFor, EmbeddedDatabaseBusyError, embeddedLockHolder, embeddedLockPath } from './embedded-lock';

const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDataDir(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-lock-'));
  dirs.push(root);
  return path.join(root, 'pglite');
}

/** A live Node.js process that is not this one (it just waits to be killed). */
function otherNodeProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the embedded database lock', () => {
  it('writes a pid file beside the data directory and removes it on release', () => {
    const dir = tempDataDir();
    const release = acquireEmbeddedLock(dir, 'test');
    expect(embeddedLockPath(dir)).toBe(`${dir}.lock`);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, holder: 'test' });
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('is re-entrant in one process: the file stays until the last holder lets go', () => {
    const dir = tempDataDir();
    const first = acquireEmbeddedLock(dir);
    const second = acquireEmbeddedLock(dir);
    first();
    expect(fs.existsSync(`${dir}.lock`)).toBe(true);
    second();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('refuses while another live process holds it, naming that process', () => {
    const dir = tempDataDir();
    const child = otherNodeProcess();
    claimEmbeddedLockFor(dir, child.pid!, 'the demo server (npm run demo)');
    expect(() => acquireEmbeddedLock(dir)).toThrow(EmbeddedDatabaseBusyError);
    expect(() => acquireEmbeddedLock(dir)).toThrow(`is in use by the demo server (npm run demo) (pid ${child.pid})`);
    expect(embeddedLockHolder(dir)).toMatchObject({ pid: child.pid });
  });

  it('takes over a lock whose process is gone (killed, crashed) or whose file is garbage', async () => {
    const dir = tempDataDir();
    const child = otherNodeProcess();
    claimEmbeddedLockFor(dir, child.pid!, 'a server that will crash');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(embeddedLockHolder(dir)).toBeNull();
    const release = acquireEmbeddedLock(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid);
    release();
    fs.writeFileSync(`${dir}.lock`, '{"pid":');
    acquireEmbeddedLock(dir)();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('lets npm run demo hand it to the server it starts, and refuses to hand over someone else’s', () => {
    const dir = tempDataDir();
    const server = otherNodeProcess();
    const release = acquireEmbeddedLock(dir, 'npm run demo');
    release();
    claimEmbeddedLockFor(dir, server.pid!, 'the demo server (npm run demo)');
    expect(embeddedLockHolder(dir)?.pid).toBe(server.pid);
    const intruder = otherNodeProcess();
    expect(() => claimEmbeddedLockFor(dir, intruder.pid!, 'another server')).toThrow(EmbeddedDatabaseBusyError);
  });
});
