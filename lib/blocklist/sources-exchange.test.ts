import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPendingSuggestions } from '@/db/queries/blocklist-suggestions';
import { getBlocklistSource, listSourceFetches } from '@/db/queries/blocklist-sources';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { startBlocklistPublisher } from '@/lib/testing/blocklist-publisher';
import { databaseWritePath } from '@/lib/write-path/database';
import type { WriteActor } from '@/lib/write-path/types';
import { domainDigest, publicDomain } from './obfuscation';
import { SOURCE_DEFAULTS, type SourceForm } from './sources';
import { applySuggestions, dismissSuggestions } from './sources-apply';
import { createAlly, createSource, revokeAlly, savePublishing } from './sources-manage';
import { recomputeSuggestions, refreshSource, type ExchangeContext } from './sources-sync';

const ADMIN = 65536n | 2031612n;
const SECRET = 'test-secret-for-sealing-source-credentials-000';

/**
 * Two Palisade databases on one machine: the publisher shares its blocks with allies only over
 * loopback HTTP; the subscriber follows it with the ally's token, reviews suggestions, applies
 * some, and sees the publisher's retraction come back as a retraction suggestion.
 */
describe.each(testBackends())('blocklist exchange between two Palisades on %s', (backend) => {
  let pub: TestDatabase;
  let sub: TestDatabase;
  let pubAdmin: WriteActor;
  let subAdmin: WriteActor;
  let server: Awaited<ReturnType<typeof startBlocklistPublisher>>;
  let token: string;
  let allyId: string;
  let clock = new Date('2026-11-21T10:00:00Z');
  const now = () => clock;
  const tick = (minutes = 1) => (clock = new Date(clock.getTime() + minutes * 60_000));
  const subCtx = (overrides: Partial<ExchangeContext> = {}): ExchangeContext => ({ db: sub.handle.db, kind: sub.handle.kind, secret: SECRET, allowPrivate: true, now, writePath: databaseWritePath({ db: sub.handle.db, now }), ...overrides });
  const form = (overrides: Partial<SourceForm>): SourceForm => ({ ...SOURCE_DEFAULTS, name: 'Ally', url: 'http://127.0.0.1', ...overrides });
  const pending = async () => (await listPendingSuggestions({ db: sub.handle.db, filters: {}, limit: 100 })).rows;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

  beforeAll(async () => {
    [pub, sub] = await Promise.all([openTestDatabase(backend), openTestDatabase(backend)]);
    for (const t of [pub, sub]) await ensureDefaultRoles({ db: t.handle.db });
    const p = await createStaffUser({ db: pub.handle.db, username: 'pub_admin', roleId: '2' });
    const s = await createStaffUser({ db: sub.handle.db, username: 'sub_admin', roleId: '2' });
    pubAdmin = { accountId: p.accountId, username: 'pub_admin', permissions: ADMIN, rolePosition: 100, accessToken: null };
    subAdmin = { accountId: s.accountId, username: 'sub_admin', permissions: ADMIN, rolePosition: 100, accessToken: null };

    const writer = databaseWritePath({ db: pub.handle.db, now });
    const block = (domain: string, severity: 'silence' | 'suspend', extra: Partial<{ rejectMedia: boolean; obfuscate: boolean; publicComment: string }> = {}) =>
      writer.createDomainBlock({ actor: pubAdmin, domain, severity, rejectMedia: false, rejectReports: false, obfuscate: false, publicComment: null, privateComment: `secret-private-note ${domain}`, ...extra });
    await block('alpha.example', 'suspend', { publicComment: 'spam, harassment' });
    await block('beta.example', 'silence', { rejectMedia: true });
    await block('gamma.example', 'suspend', { obfuscate: true });
    await block('delta.example', 'suspend');

    const ctx = { db: pub.handle.db, secret: SECRET, now };
    await savePublishing(ctx, {
      actor: pubAdmin,
      form: { visibility: { mastodon_csv: 'allies', fediblockhole_csv: 'public', plain_text: 'off', mastodon_public_json: 'public', fires: 'allies' }, commentVisibility: 'allies', publishSubscribed: false },
    });
    ({ allyId, token } = await createAlly(ctx, { actor: pubAdmin, name: 'Subscriber', domain: 'subscriber.example' }));
    server = await startBlocklistPublisher({ db: pub.handle.db, kind: pub.handle.kind, instance: 'publisher.example', now });
  });

  afterAll(async () => {
    await server?.close();
    await pub?.cleanup();
    await sub?.cleanup();
  });

  it('answers strangers by visibility and never lets a private comment out', async () => {
    expect((await get('/api/blocklists/mastodon.csv')).status).toBe(401);
    expect((await get('/api/blocklists/domains.txt')).status).toBe(404);
    expect((await get('/api/blocklists/mastodon.csv', { Authorization: 'Bearer plb_not-a-token' })).status).toBe(401);

    // Public readers get the obfuscated name and its digest, and no comments (allies only).
    const json = (await (await get('/api/blocklists/domain_blocks.json')).json()) as Array<{ domain: string; digest: string; comment: string | null }>;
    expect(json.map((b) => b.domain)).toEqual(['beta.example', 'alpha.example', 'delta.example', publicDomain('gamma.example')]);
    expect(json[3]!.digest).toBe(domainDigest('gamma.example'));
    expect(json.every((b) => b.comment === null)).toBe(true);

    const ally = { Authorization: `Bearer ${token}` };
    const csv = await (await get('/api/blocklists/mastodon.csv', ally)).text();
    expect(csv.split('\n')[0]).toBe('#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate');
    expect(csv).toContain('gamma.example,suspend,false,false,,true');
    expect(csv).toContain('alpha.example,suspend,false,false,"spam, harassment",false');
    for (const path of ['/api/blocklists/mastodon.csv', '/api/blocklists/fediblockhole.csv', '/api/blocklists/domain_blocks.json', '/api/blocklists/fires/snapshot', '/api/blocklists']) {
      expect(await (await get(path, ally)).text()).not.toContain('secret-private-note');
    }

    const reads = await pub.handle.db.selectFrom('palisade.blocklist_reads').select(['format', 'status', 'ally_id']).orderBy('id').execute();
    expect(reads.slice(0, 3).map((r) => [r.format, r.status])).toEqual([
      ['mastodon_csv', 401],
      ['plain_text', 404],
      ['mastodon_csv', 401],
    ]);
    expect(reads.filter((r) => r.ally_id === allyId).length).toBeGreaterThanOrEqual(6);
  });

  it('subscribes with the token, fetches over loopback and turns the list into suggestions', async () => {
    const source = await createSource({ db: sub.handle.db, secret: SECRET, now }, { actor: subAdmin, form: form({ name: 'Publisher (ally)', url: server.url, format: 'palisade', authType: 'bearer', authSecret: token }) });
    expect(source.authSecretSealed).not.toContain(token);

    const outcome = await refreshSource(subCtx(), source.id, { actorId: subAdmin.accountId });
    expect(outcome).toEqual({ status: 'ok', entries: 4, added: 4, changed: 0, removed: 0 });
    const stored = await getBlocklistSource({ db: sub.handle.db, id: source.id });
    // The ally's index offered Mastodon's CSV (with #obfuscate) and FIRES; the CSV keeps every flag.
    expect(stored).toMatchObject({ resolvedFormat: 'mastodon_csv', entriesCount: 4, lastError: null });

    const run = await recomputeSuggestions(subCtx());
    expect(run.status).toBe('ok');
    const queue = await pending();
    expect(queue.map((s) => [s.domain, s.action, s.severity, s.rejectMedia, s.backingCount, s.totalSources])).toEqual([
      ['alpha.example', 'add', 'suspend', false, 1, 1],
      ['beta.example', 'add', 'silence', true, 1, 1],
      ['delta.example', 'add', 'suspend', false, 1, 1],
      // Allies see obfuscated blocks by their real name.
      ['gamma.example', 'add', 'suspend', false, 1, 1],
    ]);
    expect(queue[0]!.backing[0]).toMatchObject({ sourceName: 'Publisher (ally)', via: 'listed' });
    // …and the publisher's obfuscation travels with it, so our public list never names it.
    expect(queue.map((s) => [s.domain, s.obfuscate])).toEqual([
      ['alpha.example', false],
      ['beta.example', false],
      ['delta.example', false],
      ['gamma.example', true],
    ]);
  });

  it('applies some through the write path with provenance, and remembers a dismissal', async () => {
    const queue = await pending();
    const id = (domain: string) => queue.find((s) => s.domain === domain)!.id;
    tick();
    const outcomes = await applySuggestions({ db: sub.handle.db, writePath: databaseWritePath({ db: sub.handle.db, now }), now }, { ids: [id('alpha.example'), id('beta.example')], actor: subAdmin, overrides: [], mode: 'manual' });
    expect(outcomes.map((o) => [o.domain, o.status, o.reason])).toEqual([
      ['alpha.example', 'applied', 'created'],
      ['beta.example', 'applied', 'created'],
    ]);
    const blocks = await sub.handle.db.selectFrom('domain_blocks').select(['id', 'domain', 'severity', 'reject_media', 'private_comment']).orderBy('domain').execute();
    expect(blocks.map((b) => [b.domain, b.severity, b.reject_media])).toEqual([
      ['alpha.example', 1, false],
      ['beta.example', 0, true],
    ]);
    expect(blocks[0]!.private_comment).toBe('Backed by Publisher (ally) (1 of 1 sources)\nImported from Palisade blocklist subscriptions on 2026-11-21');
    const logs = await sub.handle.db.selectFrom('admin_action_logs').select(['action', 'target_type', 'human_identifier', 'account_id']).orderBy('id').execute();
    expect(logs.map((l) => [l.action, l.target_type, l.human_identifier, l.account_id])).toEqual([
      ['create', 'DomainBlock', 'alpha.example', subAdmin.accountId],
      ['create', 'DomainBlock', 'beta.example', subAdmin.accountId],
    ]);
    const provenance = await sub.handle.db.selectFrom('palisade.blocklist_provenance').select(['domain', 'origin', 'mode', 'backing_count', 'total_sources', 'block_id']).orderBy('domain').execute();
    expect(provenance.map((p) => [p.domain, p.origin, p.mode, p.backing_count, p.total_sources])).toEqual([
      ['alpha.example', 'subscription', 'manual', 1, 1],
      ['beta.example', 'subscription', 'manual', 1, 1],
    ]);

    await dismissSuggestions({ db: sub.handle.db, now }, { ids: [id('delta.example')], actor: subAdmin });
    await recomputeSuggestions(subCtx());
    expect((await pending()).map((s) => s.domain)).toEqual(['gamma.example']);
    const events = await sub.handle.db.selectFrom('palisade.events').select(['target_type', 'action', 'human_identifier']).where('target_type', '=', 'BlocklistSuggestion').orderBy('id').execute();
    expect(events.map((e) => [e.action, e.human_identifier])).toEqual([
      ['apply', 'alpha.example'],
      ['apply', 'beta.example'],
      ['dismiss', 'delta.example'],
    ]);
  });

  it('turns the publisher’s retraction into a retraction suggestion, from the difference between two fetches', async () => {
    const alpha = await pub.handle.db.selectFrom('domain_blocks').select('id').where('domain', '=', 'alpha.example').executeTakeFirstOrThrow();
    tick();
    await databaseWritePath({ db: pub.handle.db, now }).removeDomainBlock({ actor: pubAdmin, id: alpha.id });

    const source = (await sub.handle.db.selectFrom('palisade.blocklist_sources').select('id').executeTakeFirstOrThrow()).id;
    const before = server.requests.length;
    tick();
    expect(await refreshSource(subCtx(), source)).toEqual({ status: 'ok', entries: 3, added: 0, changed: 0, removed: 1 });
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/api/blocklists', '/api/blocklists/mastodon.csv']);
    const change = await sub.handle.db.selectFrom('palisade.blocklist_changes').select(['kind', 'domain', 'severity_before']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(change).toEqual({ kind: 'removed', domain: 'alpha.example', severity_before: 'suspend' });

    await recomputeSuggestions(subCtx());
    const retract = (await pending()).find((s) => s.domain === 'alpha.example');
    expect(retract).toMatchObject({ action: 'retract', reason: 'retracted', severity: null });
  });

  it('gets a 304 for an unchanged list over basic auth, and refuses loopback unless the operator allows it', async () => {
    const csv = await createSource({ db: sub.handle.db, secret: SECRET, now }, { actor: subAdmin, form: form({ name: 'Publisher CSV', url: `${server.url}/api/blocklists/mastodon.csv`, format: 'mastodon_csv', authType: 'basic', authUsername: 'subscriber', authSecret: token }) });
    expect(await refreshSource(subCtx(), csv.id)).toMatchObject({ status: 'ok', entries: 3 });
    tick();
    expect(await refreshSource(subCtx(), csv.id)).toEqual({ status: 'not_modified', entries: 3 });
    const fetches = await listSourceFetches({ db: sub.handle.db, sourceId: csv.id });
    expect(fetches.map((f) => [f.status, f.httpStatus])).toEqual([
      ['not_modified', 304],
      ['ok', 200],
    ]);
    expect((await pub.handle.db.selectFrom('palisade.blocklist_reads').select('status').orderBy('id', 'desc').executeTakeFirstOrThrow()).status).toBe(304);

    tick();
    const refused = await refreshSource(subCtx({ allowPrivate: false }), csv.id);
    expect(refused).toMatchObject({ status: 'error', error: expect.stringContaining('127.0.0.1 is a private or local address') });
  });

  it('is refused once the publisher revokes the ally, and says so on the source', async () => {
    await revokeAlly({ db: pub.handle.db, secret: SECRET, now }, { actor: pubAdmin, allyId });
    const source = (await sub.handle.db.selectFrom('palisade.blocklist_sources').select('id').where('format', '=', 'palisade').executeTakeFirstOrThrow()).id;
    tick();
    const outcome = await refreshSource(subCtx(), source);
    expect(outcome).toEqual({ status: 'error', error: 'The server refused access (HTTP 401): check the token or password.' });
    expect((await getBlocklistSource({ db: sub.handle.db, id: source }))!.lastError).toContain('HTTP 401');
    // The entries of the last good fetch stay: a refusal is not a retraction.
    await recomputeSuggestions(subCtx());
    expect((await pending()).find((s) => s.domain === 'beta.example')).toBeUndefined();
    const revokeEvent = await pub.handle.db.selectFrom('palisade.events').select(['action', 'human_identifier']).where('target_type', '=', 'BlocklistAlly').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(revokeEvent).toEqual({ action: 'revoke', human_identifier: 'Subscriber' });
  });
});
