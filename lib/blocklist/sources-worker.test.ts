import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { listPendingSuggestions } from '@/db/queries/blocklist-suggestions';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { createAccount, createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { startFakeMastodon } from '@/lib/testing/fake-mastodon';
import { adminApiWritePath } from '@/lib/write-path/admin-api';
import { databaseWritePath } from '@/lib/write-path/database';
import type { WriteActor } from '@/lib/write-path/types';
import { SOURCE_DEFAULTS, type SourceForm } from './sources';
import { applySuggestions } from './sources-apply';
import { createSource, saveMergeSettings, updateSource } from './sources-manage';
import { recomputeSuggestions, refreshSource, runDueSources, type ExchangeContext } from './sources-sync';

const ADMIN = 65536n | 2031612n;
const SECRET = 'worker-test-secret-000000000000000000000';
const CSV_HEADER = '#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate';

/** A list host whose content the test changes between fetches. */
async function listHost() {
  let lines: string[] = [];
  let hits = 0;
  let hold: Promise<void> | null = null;
  const server = http.createServer((_req, res) => {
    hits += 1;
    const send = () => res.writeHead(200, { 'Content-Type': 'text/csv' }).end(`${[CSV_HEADER, ...lines].join('\n')}\n`);
    if (hold) void hold.then(send);
    else send();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/list.csv`,
    set: (domains: Array<[string, string, string?]>) => (lines = domains.map(([d, s, c]) => `${d},${s},false,false,${c ?? ''},false`)),
    hits: () => hits,
    /** Answers wait until the returned release function is called. */
    holdAnswers: () => {
      let release!: () => void;
      hold = new Promise<void>((r) => (release = r));
      return () => {
        hold = null;
        release();
      };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.each(testBackends())('the blocklist worker on %s', (backend) => {
  let t: TestDatabase;
  let host: Awaited<ReturnType<typeof listHost>>;
  let admin: WriteActor;
  let sourceId: string;
  let clock = new Date('2026-11-21T10:00:00Z');
  const now = () => clock;
  const db = () => t.handle.db;
  const ctx = (): ExchangeContext => ({ db: db(), kind: t.handle.kind, secret: SECRET, allowPrivate: true, now, writePath: databaseWritePath({ db: db(), now }) });
  const form = (overrides: Partial<SourceForm>): SourceForm => ({ ...SOURCE_DEFAULTS, name: 'Worker list', url: host.url, ...overrides });
  const blocks = async () => (await db().selectFrom('domain_blocks').select(['domain', 'severity']).orderBy('domain').execute()).map((b) => `${b.domain}:${b.severity}`);

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    host = await listHost();
    await ensureDefaultRoles({ db: db() });
    const a = await createStaffUser({ db: db(), username: 'auto_admin', roleId: '2' });
    admin = { accountId: a.accountId, username: 'auto_admin', permissions: ADMIN, rolePosition: 100, accessToken: null };
    // A local account follows someone on followed.example: suspending it would sever that.
    const local = await createAccount({ db: db(), username: 'local_reader' });
    const remote = await createAccount({ db: db(), username: 'friend', domain: 'followed.example' });
    await db().insertInto('follows').values({ account_id: local, target_account_id: remote, created_at: clock, updated_at: clock }).execute();
    await sql`REFRESH MATERIALIZED VIEW instances`.execute(db());
  });

  afterAll(async () => {
    await host?.close();
    await t?.cleanup();
  });

  it('fetches due sources and applies what an auto-apply source backs, in the name of who switched it on', async () => {
    host.set([
      ['spam1.example', 'suspend'],
      ['spam2.example', 'suspend'],
      ['followed.example', 'suspend'],
      ['dni.invalid', 'suspend', 'iftas:canary'],
    ]);
    sourceId = (await createSource({ db: db(), secret: SECRET, now }, { actor: admin, form: form({ autoApply: true, autoRetract: true }) })).id;

    const run = await runDueSources(ctx());
    expect(run).toEqual({ fetched: 1, changed: 1, recomputed: true });
    // The canary and the followed domain wait for a human; the rest was applied.
    expect(await blocks()).toEqual(['spam1.example:1', 'spam2.example:1']);
    const pending = (await listPendingSuggestions({ db: db(), filters: {} })).rows;
    expect(pending.map((s) => [s.domain, s.heldSeverity, s.autoBlocker])).toEqual([['followed.example', 'silence', 'follows']]);
    const logs = await db().selectFrom('admin_action_logs').select(['account_id', 'human_identifier']).orderBy('id').execute();
    expect(logs).toEqual([
      { account_id: admin.accountId, human_identifier: 'spam1.example' },
      { account_id: admin.accountId, human_identifier: 'spam2.example' },
    ]);
    const provenance = await db().selectFrom('palisade.blocklist_provenance').select(['domain', 'mode', 'origin', 'applied_by']).orderBy('domain').execute();
    expect(provenance).toEqual([
      { domain: 'spam1.example', mode: 'auto', origin: 'subscription', applied_by: null },
      { domain: 'spam2.example', mode: 'auto', origin: 'subscription', applied_by: null },
    ]);

    // Nothing is due until the refresh interval has passed.
    const hits = host.hits();
    expect(await runDueSources(ctx())).toEqual({ fetched: 0, changed: 0, recomputed: false });
    expect(host.hits()).toBe(hits);
  });

  it('waits for a human when a run would change more blocks than the per-run limit', async () => {
    await saveMergeSettings({ db: db(), secret: SECRET, now }, { actor: admin, form: { thresholdType: 'count', thresholdValue: 1, mergePlan: 'max', maxChangesPerRun: 2, preserveRelationships: true, excludes: '' } });
    host.set([
      ['spam1.example', 'suspend'],
      ['spam2.example', 'suspend'],
      ['followed.example', 'suspend'],
      ['wave1.example', 'silence'],
      ['wave2.example', 'silence'],
      ['wave3.example', 'silence'],
    ]);
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    await runDueSources(ctx());
    expect(await blocks()).toEqual(['spam1.example:1', 'spam2.example:1']);
    const settings = await db().selectFrom('palisade.blocklist_settings').select('last_run').executeTakeFirstOrThrow();
    expect((settings.last_run as { auto: unknown }).auto).toMatchObject({ eligible: 3, applied: 0, overLimit: true, limit: 2 });
  });

  it('retracts automatically what it created once the list drops it, and never a hand-made block', async () => {
    await saveMergeSettings({ db: db(), secret: SECRET, now }, { actor: admin, form: { thresholdType: 'count', thresholdValue: 1, mergePlan: 'max', maxChangesPerRun: 20, preserveRelationships: true, excludes: '' } });
    await databaseWritePath({ db: db(), now }).createDomainBlock({ actor: admin, domain: 'mine.example', severity: 'suspend', rejectMedia: false, rejectReports: false, obfuscate: false, publicComment: null, privateComment: 'by hand' });
    host.set([
      ['spam2.example', 'suspend'],
      ['followed.example', 'suspend'],
      ['mine.example', 'suspend'],
    ]);
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    await runDueSources(ctx());
    expect(await blocks()).toEqual(['mine.example:1', 'spam2.example:1']);
    host.set([['followed.example', 'suspend']]);
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    await runDueSources(ctx());
    // spam2 was the subscription's and is retracted; mine.example was made by hand and stays.
    expect(await blocks()).toEqual(['mine.example:1']);
    const events = await db().selectFrom('palisade.events').select(['action', 'human_identifier', 'account_id']).where('target_type', '=', 'BlocklistSuggestion').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(events).toEqual({ action: 'apply', human_identifier: 'spam2.example', account_id: null });
  });

  it('fetches a source once even when two processes try at the same moment', async () => {
    // A second connection pool stands for a second Palisade process (PostgreSQL); PGlite serves one process.
    const name = t.handle.kind === 'postgres' ? (await sql<{ d: string }>`SELECT current_database() AS d`.execute(db())).rows[0]!.d : null;
    const other = name ? await openDatabase({ url: process.env.TEST_DATABASE_URL!.replace(/\/[^/]*$/, `/${name}`), poolSize: 2 }) : null;
    try {
      const release = host.holdAnswers();
      const before = host.hits();
      const first = refreshSource(ctx(), sourceId);
      // Once the first fetch has reached the list host it holds the source's lock.
      while (host.hits() === before) await new Promise((r) => setTimeout(r, 10));
      const second = await refreshSource(other ? { ...ctx(), db: other.db } : ctx(), sourceId);
      expect(second).toEqual({ status: 'busy' });
      release();
      expect((await first).status).toMatch(/^(ok|unchanged)$/);
      expect(host.hits() - before).toBe(1);
    } finally {
      await other?.close();
    }
  });

  it('does not fetch again a source another process fetched after this one listed it as due', async () => {
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    const before = host.hits();
    // Process A lists the source as due, process B fetches it first, then A reaches it.
    expect((await refreshSource(ctx(), sourceId, { onlyIfDue: true })).status).toMatch(/^(ok|unchanged|not_modified)$/);
    expect(await refreshSource(ctx(), sourceId, { onlyIfDue: true })).toEqual({ status: 'busy' });
    expect(host.hits() - before).toBe(1);
    // A moderator's "Fetch now" is not held back by the schedule.
    expect((await refreshSource(ctx(), sourceId, { actorId: admin.accountId })).status).not.toBe('busy');
    expect(host.hits() - before).toBe(2);
  });

  it('applies through the Admin API in connected mode, where the token decides who acts', async () => {
    const fake = await startFakeMastodon({ tokens: { 'admin-token': admin.accountId }, reports: [] });
    try {
      await updateSource({ db: db(), secret: SECRET, now }, { actor: admin, id: sourceId, form: form({ autoApply: false, autoRetract: false }) });
      host.set([['api.example', 'silence', 'spam']]);
      await refreshSource(ctx(), sourceId);
      await recomputeSuggestions(ctx());
      const s = (await listPendingSuggestions({ db: db(), filters: { q: 'api.example' } })).rows[0]!;
      const outcomes = await applySuggestions({ db: db(), writePath: adminApiWritePath({ baseUrl: fake.url }), now }, { ids: [s.id], actor: { ...admin, accessToken: 'admin-token' }, overrides: [], mode: 'manual' });
      expect(outcomes).toMatchObject([{ domain: 'api.example', status: 'applied', reason: 'created' }]);
      const call = fake.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/admin/domain_blocks')!;
      expect(JSON.parse(call.body)).toMatchObject({ domain: 'api.example', severity: 'silence', public_comment: 'spam', private_comment: expect.stringContaining('Backed by Worker list (1 of 1 sources)') });
      expect(await db().selectFrom('palisade.blocklist_provenance').select('block_id').where('domain', '=', 'api.example').executeTakeFirstOrThrow()).toEqual({ block_id: outcomes[0]!.blockId });
    } finally {
      await fake.close();
    }
  });
});
