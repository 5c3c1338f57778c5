import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '@/db/client';
import { claimEmbeddedLockFor } from '@/db/embedded-lock';
import { createRecommendedIndexes } from '@/db/recommended-indexes';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { RECOMMENDED_INDEXES } from '@/lib/recommended-indexes';
import { databaseOpener } from '../context';
import { runCli, testEnv } from '../testing';
import type { Check } from './doctor';

const statuses = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.id, c.status]));

describe.each(testBackends())('palisade doctor on %s', (backend) => {
  let t: TestDatabase;
  let url: string | undefined;
  const db = () => t.handle.db;
  const doctor = async (args: string[] = [], options: Parameters<typeof runCli>[1] = {}) => {
    const run = await runCli(['doctor', '--json', ...args], { handle: t.handle, env: url ? { DATABASE_URL: url } : {}, ...options });
    return { ...run, report: JSON.parse(run.stdout) as { ok: boolean; checks: Check[]; statements: string[] } };
  };

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    if (backend === 'postgres') {
      const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db());
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.pathname = `/${rows[0]!.name}`;
      url = u.toString();
    }
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  it('passes a database Palisade prepared: connection, Mastodon 4.7, migrations, privileges, writes, indexes; no replica configured', async () => {
    const { code, report } = await doctor();
    expect(code).toBe(0);
    expect(statuses(report.checks)).toEqual({ connection: 'ok', mastodon: 'ok', migrations: 'ok', privileges: 'ok', standalone_writes: 'ok', replica: 'skip', indexes: 'ok' });
    expect(report.checks.find((c) => c.id === 'mastodon')!.summary).toMatch(/^Mastodon 4\.7 \(schema \d{14}\); 4\.3 or newer is required$/);
    expect(report.statements).toEqual([]);
    const text = await runCli(['doctor'], { handle: t.handle, env: url ? { DATABASE_URL: url } : {} });
    expect(text.stdout).toMatch(/^\[ok\] {3}connection {9}PostgreSQL /m);
    expect(text.stdout).toMatch(/7 checks: 6 ok, 0 warnings, 0 failures, 1 skipped\.\n$/);
  });

  it('prints CREATE INDEX CONCURRENTLY for a missing recommended index and never runs it; --strict fails on the warning', async () => {
    const index = RECOMMENDED_INDEXES.find((i) => i.name === 'index_accounts_on_id_where_silenced')!;
    await sql.raw(`DROP INDEX ${index.name}`).execute(db());
    try {
      const { code, report } = await doctor();
      expect(code).toBe(0);
      const check = report.checks.find((c) => c.id === 'indexes')!;
      expect(check).toMatchObject({ status: 'warn', summary: `1 missing of ${RECOMMENDED_INDEXES.length} recommended indexes (the queries still work, slower)` });
      expect(report.statements).toEqual(['CREATE INDEX CONCURRENTLY IF NOT EXISTS index_accounts_on_id_where_silenced ON accounts (id) WHERE silenced_at IS NOT NULL;']);
      const text = await runCli(['doctor'], { handle: t.handle, env: url ? { DATABASE_URL: url } : {} });
      expect(text.stdout).toContain('\n  CREATE INDEX CONCURRENTLY IF NOT EXISTS index_accounts_on_id_where_silenced ON accounts (id) WHERE silenced_at IS NOT NULL;\n');
      expect((await doctor(['--strict'])).code).toBe(1);
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = ${index.name}`.execute(db());
      expect(rows[0]!.n).toBe(0);
    } finally {
      await createRecommendedIndexes({ db: db() });
    }
  });

  it('names a missing index of Mastodon’s own that the hot queries need, and prints no statement for it', async () => {
    await sql.raw('DROP INDEX index_report_notes_on_report_id').execute(db());
    try {
      const { code, report } = await doctor();
      expect(code).toBe(0);
      const check = report.checks.find((c) => c.id === 'indexes')!;
      expect(check).toMatchObject({ status: 'warn', summary: `all ${RECOMMENDED_INDEXES.length} recommended indexes present; 1 of Mastodon's own indexes missing or invalid` });
      expect(check.details).toContainEqual(expect.stringMatching(/^Mastodon's index_report_notes_on_report_id on report_notes is missing \(needed by: report notes/));
      expect(report.statements).toEqual([]);
    } finally {
      await sql.raw('CREATE INDEX index_report_notes_on_report_id ON report_notes USING btree (report_id)').execute(db());
    }
  });

  it('tells an index left invalid by an interrupted CONCURRENTLY build, with the statements to rebuild it', async () => {
    const name = 'index_reports_unresolved_on_id';
    await sql.raw(`UPDATE pg_index SET indisvalid = false WHERE indexrelid = '${name}'::regclass`).execute(db());
    try {
      const { report } = await doctor();
      expect(report.checks.find((c) => c.id === 'indexes')!.summary).toMatch(/^1 invalid of \d+ recommended indexes/);
      expect(report.statements).toEqual([`DROP INDEX CONCURRENTLY IF EXISTS ${name};`, `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON reports (id) WHERE action_taken_at IS NULL;`]);
    } finally {
      await sql.raw(`UPDATE pg_index SET indisvalid = true WHERE indexrelid = '${name}'::regclass`).execute(db());
    }
  });

  it('counts pending migrations: a warning when the server applies them on start, a failure when PALISADE_AUTO_MIGRATE=false', async () => {
    const last = await db().selectFrom('palisade.migrations' as never).selectAll().orderBy('name' as never, 'desc').executeTakeFirstOrThrow();
    await sql`DELETE FROM palisade.migrations WHERE name = ${(last as { name: string }).name}`.execute(db());
    try {
      const auto = await doctor();
      expect(auto.code).toBe(0);
      expect(auto.report.checks.find((c) => c.id === 'migrations')).toMatchObject({ status: 'warn', details: [`pending: ${(last as { name: string }).name}`] });
      if (backend === 'postgres') {
        const manual = await doctor([], { handle: t.handle, env: { DATABASE_URL: url, PALISADE_AUTO_MIGRATE: false } });
        expect(manual.code).toBe(1);
        expect(manual.report.checks.find((c) => c.id === 'migrations')!.summary).toBe('1 pending and PALISADE_AUTO_MIGRATE=false: run palisade migrate');
      }
    } finally {
      await db().insertInto('palisade.migrations' as never).values(last as never).execute();
    }
  });

  it('refuses a database that is not Mastodon’s, skipping what depends on it', async () => {
    let empty: DbHandle;
    let drop = async () => {};
    if (backend === 'pglite') empty = await openDatabase({ pgliteDir: 'memory://' });
    else {
      const name = `palisade_doctor_${crypto.randomBytes(4).toString('hex')}`;
      await sql.raw(`CREATE DATABASE ${name}`).execute(db());
      const u = new URL(url!);
      u.pathname = `/${name}`;
      empty = await openDatabase({ url: u.toString(), poolSize: 1 });
      drop = async () => void (await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(db()));
    }
    try {
      const run = await runCli(['doctor', '--json'], { handle: empty });
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as { checks: Check[] };
      expect(statuses(report.checks)).toMatchObject({ connection: 'ok', mastodon: 'fail', migrations: 'skip', standalone_writes: 'skip', indexes: 'skip' });
      expect(report.checks.find((c) => c.id === 'mastodon')!.summary).toMatch(/^This database is not a Mastodon database: table public\.schema_migrations is missing/);
    } finally {
      await empty.close();
      await drop();
    }
  });

  it.runIf(backend === 'postgres')('lists the grants a read-only role lacks (tables, schema palisade, standalone writes) as statements to run', async () => {
    const role = `palisade_doc_${crypto.randomBytes(4).toString('hex')}`;
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db());
    await sql.raw(`CREATE ROLE ${role} LOGIN`).execute(db());
    await sql.raw(`GRANT CONNECT ON DATABASE ${rows[0]!.name} TO ${role}`).execute(db());
    await sql.raw(`GRANT USAGE ON SCHEMA public TO ${role}`).execute(db());
    await sql.raw(`GRANT SELECT ON schema_migrations, accounts, users, user_roles, reports, domain_blocks, rules TO ${role}`).execute(db());
    const u = new URL(url!);
    u.username = role;
    const limited = await openDatabase({ url: u.toString(), poolSize: 1 });
    try {
      const run = await runCli(['doctor', '--json'], { handle: limited, env: { DATABASE_URL: u.toString() } });
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as { checks: Check[]; statements: string[] };
      expect(statuses(report.checks)).toMatchObject({ connection: 'ok', mastodon: 'ok', migrations: 'fail', privileges: 'fail', standalone_writes: 'warn' });
      expect(report.checks.find((c) => c.id === 'privileges')!.summary).toMatch(/^cannot SELECT \d+ of \d+ tables in public: /);
      expect(report.statements).toEqual(
        expect.arrayContaining([`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role};`, `GRANT USAGE, CREATE ON SCHEMA palisade TO ${role};`, expect.stringMatching(new RegExp(`^GRANT INSERT ON .*domain_blocks.* TO ${role};$`))]),
      );
    } finally {
      await limited.close();
      await sql.raw(`DROP OWNED BY ${role}`).execute(db());
      await sql.raw(`DROP ROLE ${role}`).execute(db());
    }
  });

  it.runIf(backend === 'postgres')('measures the replica’s lag; a DATABASE_REPLICA_URL that is a primary is a warning', async () => {
    const { report } = await doctor([], { handle: t.handle, env: { DATABASE_URL: url, DATABASE_REPLICA_URL: url } });
    expect(report.checks.find((c) => c.id === 'replica')).toMatchObject({ status: 'warn', summary: expect.stringContaining('is not a standby (pg_is_in_recovery() is false)') });
  });
});

describe('palisade doctor without a usable database', () => {
  it('fails the connection check in one line when PostgreSQL is not there', async () => {
    const env = testEnv({ DATABASE_URL: 'postgres://palisade@127.0.0.1:1/mastodon_production' });
    const run = await runCli(['doctor'], { env, openDatabase: databaseOpener(env, '/nonexistent') });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\[FAIL\] connection +cannot connect to the database at 127\.0\.0\.1:1: connection refused/m);
    expect(run.stdout).toMatch(/^\[skip\] mastodon schema +no connection$/m);
    expect(run.stderr).toBe('palisade doctor: 1 check failed: connection\n');
  });

  it('creates no embedded database by looking, and says when the demo server has it open', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-doctor-'));
    const dir = path.join(root, 'pglite');
    const server = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const env = testEnv();
      const missing = await runCli(['doctor'], { env, embeddedDir: dir, openDatabase: databaseOpener(env, dir) });
      expect(missing.code).toBe(1);
      expect(missing.stdout).toContain(`[FAIL] connection         no embedded database in ${dir} yet (this command creates none): run palisade seed --scale demo, or set DATABASE_URL`);
      expect(fs.existsSync(dir)).toBe(false);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'PG_VERSION'), '18\n');
      claimEmbeddedLockFor(dir, server.pid!, 'the demo server (npm run demo)');
      const busy = await runCli(['doctor'], { env, embeddedDir: dir, openDatabase: databaseOpener(env, dir) });
      expect(busy.code).toBe(1);
      expect(busy.stdout).toContain(`[FAIL] connection         The embedded database in ${dir} is in use by the demo server (npm run demo) (pid ${server.pid}). Only one process can open it at a time`);
      expect(fs.readdirSync(dir)).toEqual(['PG_VERSION']);
    } finally {
      server.kill('SIGKILL');
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
