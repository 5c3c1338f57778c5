import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { SOURCE_DEFAULTS, type SourceForm } from '@/lib/blocklist/sources';
import { createAlly, createSource, savePublishing } from '@/lib/blocklist/sources-manage';
import { startBlocklistPublisher } from '@/lib/testing/blocklist-publisher';
import { databaseWritePath } from '@/lib/write-path/database';
import type { WriteActor } from '@/lib/write-path/types';
import { runCli } from '../testing';

const ADMIN = 65536n | 2031612n;
const SECRET = 'cli-test-secret-for-sealing-source-credentials';

/**
 * `blocklist export` against what the publishing endpoints serve, and `blocklist sync` (and its
 * dry run) from a second Palisade database subscribed to the first over loopback HTTP.
 */
describe.each(testBackends())('palisade blocklist export and sync on %s', (backend) => {
  let pub: TestDatabase;
  let sub: TestDatabase;
  let server: Awaited<ReturnType<typeof startBlocklistPublisher>>;
  let token: string;
  let subAdmin: WriteActor;
  const now = () => new Date('2026-11-21T10:00:00Z');
  const env = { AUTH_SECRET: SECRET, PALISADE_BLOCKLIST_ALLOW_PRIVATE: true };
  const onSub = (args: string[]) => runCli(['blocklist', ...args], { handle: sub.handle, env });
  const form = (overrides: Partial<SourceForm>): SourceForm => ({ ...SOURCE_DEFAULTS, name: 'Ally', url: 'http://127.0.0.1', ...overrides });
  /** What a sync could write on the subscriber. */
  const subscriberState = async () => {
    const { rows } = await sql<Record<string, string>>`
      SELECT (SELECT count(*)::text FROM palisade.blocklist_suggestions) AS suggestions,
             (SELECT count(*)::text FROM palisade.blocklist_fetches) AS fetches,
             (SELECT count(*)::text FROM palisade.blocklist_snapshots) AS snapshots,
             (SELECT string_agg(coalesce(etag, '-') || coalesce(last_fetch_at::text, '-'), ',') FROM palisade.blocklist_sources) AS sources,
             (SELECT count(*)::text FROM domain_blocks) AS blocks`.execute(sub.handle.db);
    return rows[0];
  };

  beforeAll(async () => {
    [pub, sub] = await Promise.all([openTestDatabase(backend), openTestDatabase(backend)]);
    for (const t of [pub, sub]) await ensureDefaultRoles({ db: t.handle.db });
    const p = await createStaffUser({ db: pub.handle.db, username: 'pub_admin', roleId: '2' });
    const s = await createStaffUser({ db: sub.handle.db, username: 'sub_admin', roleId: '2' });
    const pubAdmin: WriteActor = { accountId: p.accountId, username: 'pub_admin', permissions: ADMIN, rolePosition: 100, accessToken: null };
    subAdmin = { accountId: s.accountId, username: 'sub_admin', permissions: ADMIN, rolePosition: 100, accessToken: null };
    const writer = databaseWritePath({ db: pub.handle.db, now });
    const block = (domain: string, severity: 'silence' | 'suspend', extra: Partial<{ rejectMedia: boolean; obfuscate: boolean; publicComment: string }> = {}) =>
      writer.createDomainBlock({ actor: pubAdmin, domain, severity, rejectMedia: false, rejectReports: false, obfuscate: false, publicComment: null, privateComment: `secret-private-note ${domain}`, ...extra });
    await block('alpha.example', 'suspend', { publicComment: 'spam, harassment' });
    await block('beta.example', 'silence', { rejectMedia: true });
    await block('gamma.example', 'suspend', { obfuscate: true });
    const ctx = { db: pub.handle.db, secret: SECRET, now };
    await savePublishing(ctx, {
      actor: pubAdmin,
      form: { visibility: { mastodon_csv: 'allies', fediblockhole_csv: 'public', plain_text: 'public', mastodon_public_json: 'public', fires: 'allies' }, commentVisibility: 'allies', publishSubscribed: false },
    });
    ({ token } = await createAlly(ctx, { actor: pubAdmin, name: 'Subscriber', domain: 'subscriber.example' }));
    server = await startBlocklistPublisher({ db: pub.handle.db, kind: pub.handle.kind, instance: 'publisher.example', now });
  });

  afterAll(async () => {
    await server?.close();
    await Promise.all([pub?.cleanup(), sub?.cleanup()]);
  });

  it('exports exactly what the publishing endpoints serve to allies and to the public, never a private comment', async () => {
    const get = async (file: string, auth: boolean) => (await fetch(`${server.url}/api/blocklists/${file}`, { headers: auth ? { Authorization: `Bearer ${token}` } : {} })).text();
    const cases: Array<[string[], string, boolean]> = [
      [[], 'mastodon.csv', true],
      [['--format', 'fediblockhole'], 'fediblockhole.csv', true],
      [['--format', 'fediblockhole', '--audience', 'public'], 'fediblockhole.csv', false],
      [['--format', 'txt', '--audience', 'public'], 'domains.txt', false],
      [['--format', 'json', '--audience', 'public'], 'domain_blocks.json', false],
    ];
    for (const [args, file, auth] of cases) {
      const run = await runCli(['blocklist', 'export', ...args], { handle: pub.handle });
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout, args.join(' ')).toBe(await get(file, auth));
      expect(run.stdout).not.toContain('secret-private-note');
    }
    const allies = await runCli(['blocklist', 'export'], { handle: pub.handle });
    expect(allies.stdout).toContain('gamma.example,suspend');
    expect(allies.stdout).toContain('alpha.example,suspend,false,false,"spam, harassment",false');
    const json = JSON.parse((await runCli(['blocklist', 'export', '--json', '--audience', 'public'], { handle: pub.handle })).stdout);
    expect(json).toMatchObject({ ok: true, command: 'blocklist export', format: 'mastodon', audience: 'public', visibility: 'allies', commentVisibility: 'allies', blocks: 3 });
    expect(json.body).not.toContain('gamma.example');
  });

  it('sync --dry-run fetches and shows the suggestions it would create, and stores nothing', async () => {
    await createSource({ db: sub.handle.db, secret: SECRET, now }, { actor: subAdmin, form: form({ name: 'Publisher', url: `${server.url}/api/blocklists/mastodon.csv`, format: 'mastodon_csv', authType: 'bearer', authSecret: token }) });
    const before = await subscriberState();
    const run = await onSub(['sync', '--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Publisher: 3 entries fetched\n');
    expect(run.stdout).toContain('Dry run: would create 3 suggestions (3 add, 0 escalate, 0 downgrade, 0 retract); nothing was stored.');
    expect(run.stdout).toMatch(/ {2}add {7}alpha\.example {2}suspend {2}— 1 source\n/);
    const json = JSON.parse((await onSub(['sync', '--dry-run', '--json'])).stdout);
    expect(json.wouldCreate.map((s: { domain: string; action: string; severity: string }) => [s.domain, s.action, s.severity])).toEqual([
      ['alpha.example', 'add', 'suspend'],
      ['beta.example', 'add', 'silence'],
      ['gamma.example', 'add', 'suspend'],
    ]);
    expect(await subscriberState()).toEqual(before);
  });

  it('sync fetches, records the change and fills the review queue; a second run finds nothing new', async () => {
    const run = await onSub(['sync']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Publisher: 3 entries, 3 added, 0 changed, 0 removed\n');
    expect(run.stdout).toContain('Review queue: 3 to add, 0 to escalate, 0 to downgrade, 0 to retract (3 new, 0 replaced, 0 still dismissed).');
    const state = await subscriberState();
    expect(state).toMatchObject({ suggestions: '3', fetches: '1', snapshots: '1', blocks: '0' });
    const again = JSON.parse((await onSub(['sync', '--json'])).stdout);
    expect(again).toMatchObject({ ok: true, dryRun: false, sources: [{ name: 'Publisher', status: expect.stringMatching(/^(unchanged|not_modified)$/) }], review: { inserted: 0, pending: { add: 3 } } });
    // The dry run now sees them already queued.
    expect((await onSub(['sync', '--dry-run'])).stdout).toContain('would create 0 suggestions');
  });

  it('names a source with --source, refuses an unknown one, and exits 1 when a source cannot be fetched', async () => {
    await createSource({ db: sub.handle.db, secret: SECRET, now }, { actor: subAdmin, form: form({ name: 'Broken', url: `${server.url}/api/blocklists/nowhere.csv`, format: 'mastodon_csv' }) });
    const unknown = await onSub(['sync', '--source', 'Nope']);
    expect(unknown).toMatchObject({ code: 1, stdout: '', stderr: 'palisade blocklist sync: no blocklist source named "Nope" (sources: Broken, Publisher)\n' });
    const one = await onSub(['sync', '--source', 'publisher', '--json']);
    expect(JSON.parse(one.stdout).sources.map((s: { name: string }) => s.name)).toEqual(['Publisher']);
    const all = await onSub(['sync']);
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/^Broken: FAILED: The server has no list at this address \(HTTP 404\)\.$/m);
    expect(all.stderr).toBe('palisade blocklist sync: 1 source could not be fetched: Broken\n');
    const dry = await onSub(['sync', '--dry-run', '--source', 'Broken']);
    expect(dry.code).toBe(1);
  });
});
