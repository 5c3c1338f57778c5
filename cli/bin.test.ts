import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimEmbeddedLockFor } from '@/db/embedded-lock';
import { testBackends } from '@/db/testing';

/**
 * Every command end to end: the real bin/palisade.mjs in a child process, as cron runs it, against
 * an embedded database in a temporary directory and, with TEST_DATABASE_URL, a throwaway
 * PostgreSQL database.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'palisade.mjs');
const FIXTURES = path.join(ROOT, 'lib', 'blocklist', 'fixtures');
const NOW = '2026-11-20T12:00:00Z';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function palisade(args: string[], env: Record<string, string>, cwd = os.tmpdir()): Promise<Result> {
  return new Promise((resolve, reject) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|DATABASE_REPLICA_URL|MASTODON_|PALISADE_|AUTH_SECRET|NEXTAUTH_)/.test(k)));
    const childEnv = { ...clean, ...env } as NodeJS.ProcessEnv;
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code: number | null) => resolve({ code, stdout, stderr }));
  });
}

describe.each(testBackends())('bin/palisade.mjs end to end on %s', (backend) => {
  let tmp: string;
  let env: Record<string, string>;
  let dropDatabase = async () => {};

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-bin-'));
    env = { PALISADE_DATA_DIR: path.join(tmp, 'data'), AUTH_SECRET: 'bin-test-secret-000000000000000000000000000' };
    if (backend === 'pglite') env.PALISADE_PGLITE_DIR = path.join(tmp, 'pglite');
    else {
      const { default: pg } = await import('pg');
      const name = `palisade_bin_${crypto.randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      dropDatabase = async () => {
        const again = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await again.connect();
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await again.end();
      };
    }
    // `seed` is the first command under test: everything below runs against what it made.
    const seeded = await palisade(['seed', '--scale', 'demo', '--now', NOW], env);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/^Seeded demo instance palisade\.test: .*now=2026-11-20T12:00:00\.000Z/);
    expect(seeded.stdout).toContain('admin@palisade.test');
  }, 600_000);

  afterAll(async () => {
    await dropDatabase();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('seed refuses to seed twice without --force; migrate finds the schema up to date', async () => {
    const again = await palisade(['seed', '--scale', 'demo'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^palisade seed: (the embedded database is|this database was) already seeded .*Use --force to wipe it and seed again\.\n$/);
    const migrate = await palisade(['migrate', '--json'], env);
    expect(migrate.code).toBe(0);
    expect(JSON.parse(migrate.stdout)).toMatchObject({ ok: true, command: 'migrate', applied: [], mastodon: { series: '4.7' } });
  }, 300_000);

  it('doctor passes the seeded database', async () => {
    const run = await palisade(['doctor', '--json'], env);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; checks: Array<{ id: string; status: string }> };
    expect(report.ok).toBe(true);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.checks.map((c) => c.id)).toEqual(['connection', 'mastodon', 'migrations', 'privileges', 'standalone_writes', 'replica', 'indexes']);
  }, 300_000);

  it('import --dry-run changes nothing; import applies the reviewed rows as the named admin; export shows them', async () => {
    const exported = async () => {
      const run = await palisade(['blocklist', 'export', '--format', 'fediblockhole'], env);
      expect(run.code).toBe(0);
      return run.stdout;
    };
    const before = await exported();
    expect(before.split('\n')[0]).toBe('domain,severity,reject_media,reject_reports,public_comment,obfuscate');
    const dry = await palisade(['blocklist', 'import', 'oliphant-dni.csv', '--dry-run', '--json'], env, FIXTURES);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as { planned: Array<{ domain: string }>; notApplied: Array<{ domain: string; reason: string }> };
    expect(plan.planned.length).toBeGreaterThan(50);
    expect(plan.notApplied).toContainEqual(expect.objectContaining({ domain: 'dni.invalid', reason: 'canary' }));
    expect(await exported()).toBe(before);

    const applied = await palisade(['blocklist', 'import', 'oliphant-dni.csv', '--as', 'admin'], env, FIXTURES);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(`${plan.planned.length} created, 0 raised or changed, 0 skipped, 0 failed.`);
    const after = await exported();
    for (const { domain } of plan.planned) expect(after).toMatch(new RegExp(`^${domain.replace(/\./g, '\\.')},`, 'm'));
    expect(after).not.toContain('dni.invalid');
  }, 300_000);

  it('sync with no source configured says so and succeeds', async () => {
    const run = await palisade(['blocklist', 'sync'], env);
    expect(run).toMatchObject({ code: 0, stdout: 'No enabled blocklist source: add one on the Blocklists page.\n' });
  }, 300_000);

  it.runIf(backend === 'pglite')('refuses the embedded database while the demo server holds it, in one clear line', async () => {
    const server: ChildProcess = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120_000)'], { stdio: 'ignore' });
    try {
      claimEmbeddedLockFor(env.PALISADE_PGLITE_DIR!, server.pid!, 'the demo server (npm run demo)');
      const run = await palisade(['blocklist', 'export'], env);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `palisade blocklist export: The embedded database in ${env.PALISADE_PGLITE_DIR} is in use by the demo server (npm run demo) (pid ${server.pid}). Only one process can open it at a time: stop that process first (for the demo server, Ctrl+C in its terminal), or point DATABASE_URL at PostgreSQL.\n`,
      );
      const json = await palisade(['migrate', '--json'], env);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, command: 'migrate', error: { code: 'database_busy' } });
    } finally {
      server.kill('SIGKILL');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    // Once the server is gone its lock is stale and the next command proceeds.
    expect((await palisade(['migrate'], env)).code).toBe(0);
  }, 300_000);
});

describe('bin/palisade.mjs without a database', () => {
  it('merges files from any directory and writes what the in-process command writes', async () => {
    const run = await palisade(['blocklist', 'merge', 'oliphant-seirdy-tier0.csv', 'gardenfence-mastodon-2026-03-15.csv', 'oliphant-dni.csv', 'oliphant-iftas-aud.csv', '--allow', 'oliphant-__allowlist.csv', '--format', 'fediblockhole'], {}, FIXTURES);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(fs.readFileSync(path.join(ROOT, 'cli', '__golden__', 'tier0.fediblockhole.csv'), 'utf8'));
  }, 120_000);

  it('bad flags: exit 2, the error and a usage line on stderr', async () => {
    const run = await palisade(['blocklist', 'import', 'x.csv', '--dryrun'], {});
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('palisade blocklist import: unknown option --dryrun\nUsage: palisade blocklist import FILE_OR_URL [--dry-run] [--as USERNAME] [--input-format FORMAT] [--default-severity noop|silence|suspend] [--name NAME] [--json]\n');
    const none = await palisade([], {});
    expect(none.code).toBe(2);
  }, 120_000);

  it('an invalid environment is one line and exit 1', async () => {
    const run = await palisade(['doctor'], { DATABASE_URL: 'not a url' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^palisade: Invalid environment: DATABASE_URL: .*\n$/);
  }, 120_000);
});
