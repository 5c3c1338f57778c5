import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryFromFires, firesFromPolicy, policyFromFires, readFiresChange, uuidv7 } from './fires';
import { domainDigest, publicDomain } from './obfuscation';
import { diffEntries, keyEntries, sourceFormSchema, SOURCE_DEFAULTS, type SourceEntry } from './sources';
import type { FetchOptions, FetchResult } from './sources-fetch';
import { foldFiresChanges, publicEndpoint, readSource, SourceReadError, type SourceToRead } from './sources-read';

const fixture = (f: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', f));
const ok = (url: string, body: string | Buffer, extra: Partial<Extract<FetchResult, { status: 'ok' }>> = {}): FetchResult => ({ status: 'ok', httpStatus: 200, url, body: Buffer.isBuffer(body) ? body : Buffer.from(body), contentType: null, etag: null, lastModified: null, link: null, ...extra });

/** A fetch that answers from a table of URLs and records what was asked. */
function fakeFetch(routes: Record<string, (o: FetchOptions) => FetchResult>) {
  const calls: FetchOptions[] = [];
  const fetch = async (o: FetchOptions) => {
    calls.push(o);
    const route = routes[o.url];
    if (!route) throw new Error(`unexpected fetch of ${o.url}`);
    return route(o);
  };
  return { fetch, calls };
}

const source = (overrides: Partial<SourceToRead>): SourceToRead => ({ url: 'https://lists.example/list', format: 'auto', role: 'block', auth: null, etag: null, lastModified: null, cursor: null, ...overrides });
const none = async () => [] as SourceEntry[];

describe('reading list files', () => {
  it('detects the format and keeps canaries and obfuscated names as entries', async () => {
    const { fetch } = fakeFetch({ 'https://lists.example/list': (o) => ok(o.url, fixture('oliphant-iftas-aud.csv'), { etag: '"a"' }) });
    const read = await readSource(source({}), { fetch, previous: none });
    expect(read).toMatchObject({ status: 'ok', format: 'mastodon_csv', etag: '"a"', skippedRows: 0 });
    if (read.status !== 'ok') return;
    expect(read.entries).toHaveLength(37);
    expect(read.entries.find((e) => e.domain === 'aud.invalid')).toMatchObject({ canary: 'reserved_tld', labels: ['iftas:canary'] });
    expect(read.entries.find((e) => e.domain === 'abyss.fun')).toMatchObject({ severity: 'silence', labels: ['iftas:disinformation', 'iftas:cib', 'iftas:spam'] });
  });

  it('passes the stored validators on and reports a 304', async () => {
    const { fetch, calls } = fakeFetch({ 'https://lists.example/list': () => ({ status: 'not_modified', httpStatus: 304, url: '', etag: '"a"', lastModified: null }) });
    expect(await readSource(source({ etag: '"a"', lastModified: 'x' }), { fetch, previous: none })).toEqual({ status: 'not_modified', etag: '"a"', lastModified: null });
    expect(calls[0]).toMatchObject({ etag: '"a"', lastModified: 'x' });
  });

  it('refuses a web page and a broken file instead of reading garbage', async () => {
    const { fetch } = fakeFetch({
      'https://lists.example/page': (o) => ok(o.url, '<!DOCTYPE html><html><body>Sign in</body></html>', { contentType: 'text/html' }),
      'https://lists.example/broken': (o) => ok(o.url, '#domain,#severity\n"unterminated,suspend\n'),
    });
    await expect(readSource(source({ url: 'https://lists.example/page' }), { fetch, previous: none })).rejects.toMatchObject({ code: 'html' });
    await expect(readSource(source({ url: 'https://lists.example/broken' }), { fetch, previous: none })).rejects.toBeInstanceOf(SourceReadError);
  });

  it('reads a Mastodon server’s public list from its address, digests included', async () => {
    expect(publicEndpoint('https://mastodon.example')).toBe('https://mastodon.example/api/v1/instance/domain_blocks');
    expect(publicEndpoint('https://mastodon.example/custom.json')).toBe('https://mastodon.example/custom.json');
    const body = JSON.stringify([{ domain: publicDomain('dajiaweibo.com'), digest: domainDigest('dajiaweibo.com'), severity: 'suspend', comment: 'Spam' }]);
    const { fetch } = fakeFetch({ 'https://mastodon.example/api/v1/instance/domain_blocks': (o) => ok(o.url, body) });
    const read = await readSource(source({ url: 'https://mastodon.example', format: 'mastodon_public_json' }), { fetch, previous: none });
    expect(read.status === 'ok' && read.entries[0]).toMatchObject({ domain: null, obfuscated: true, input: 'daji******.com', digest: domainDigest('dajiaweibo.com'), key: '*daji******.com' });
  });

  it('pages through Mastodon’s admin API with the token, staying on that server', async () => {
    const page = (ids: number[]) => JSON.stringify(ids.map((i) => ({ id: String(i), domain: `d${i}.example`, severity: 'silence', reject_media: true, reject_reports: false, private_comment: 'theirs', public_comment: null, obfuscate: false, created_at: '2026-01-01T00:00:00Z' })));
    const { fetch, calls } = fakeFetch({
      'https://m.example/api/v1/admin/domain_blocks?limit=200': (o) => ok(o.url, page([1, 2]), { link: '<https://m.example/api/v1/admin/domain_blocks?limit=200&max_id=2>; rel="next"' }),
      'https://m.example/api/v1/admin/domain_blocks?limit=200&max_id=2': (o) => ok(o.url, page([3]), { link: '<https://evil.example/next>; rel="next"' }),
    });
    const read = await readSource(source({ url: 'https://m.example/', format: 'mastodon_admin_api', auth: { type: 'bearer', token: 'admin-read' } }), { fetch, previous: none });
    expect(read.status === 'ok' && read.entries.map((e) => [e.domain, e.severity, e.rejectMedia, e.privateComment])).toEqual([
      ['d1.example', 'silence', true, 'theirs'],
      ['d2.example', 'silence', true, 'theirs'],
      ['d3.example', 'silence', true, 'theirs'],
    ]);
    expect(calls.map((c) => c.auth)).toEqual([
      { type: 'bearer', token: 'admin-read' },
      { type: 'bearer', token: 'admin-read' },
    ]);
  });

  it('asks an allied Palisade what it shares and takes the richest format on the same server', async () => {
    const index = { instance: 'ally.example', formats: [{ format: 'plain_text', url: 'https://ally.example/api/blocklists/domains.txt' }, { format: 'mastodon_csv', url: 'https://ally.example/api/blocklists/mastodon.csv' }] };
    const { fetch, calls } = fakeFetch({
      'https://ally.example/api/blocklists': (o) => ok(o.url, JSON.stringify(index)),
      'https://ally.example/api/blocklists/mastodon.csv': (o) => ok(o.url, fixture('gardenfence-mastodon.csv')),
    });
    const read = await readSource(source({ url: 'https://ally.example', format: 'palisade', auth: { type: 'bearer', token: 'plb_x' } }), { fetch, previous: none });
    expect(read).toMatchObject({ status: 'ok', format: 'mastodon_csv' });
    expect(read.status === 'ok' && read.entries).toHaveLength(143);
    expect(calls.map((c) => c.url)).toEqual(['https://ally.example/api/blocklists', 'https://ally.example/api/blocklists/mastodon.csv']);

    const shared = fakeFetch({ 'https://ally.example/api/blocklists': (o) => ok(o.url, JSON.stringify({ formats: [{ format: 'mastodon_csv', url: 'https://elsewhere.example/x.csv' }] })) });
    await expect(readSource(source({ url: 'https://ally.example', format: 'palisade' }), { fetch: shared.fetch, previous: none })).rejects.toMatchObject({ code: 'no_format' });
  });
});

describe('FIRES', () => {
  const dataset = { id: 'https://fires.example/datasets/1', type: 'Dataset', name: 'DNI', endpoints: { snapshot: 'https://fires.example/datasets/1/snapshot', changes: 'https://fires.example/datasets/1/changes' } };
  const rec = (id: string, key: string, policy: string, filters: string[] = [], labels: string[] = []) => ({ id: `https://fires.example/datasets/1/changes/${id}`, type: 'Recommendation', entity_kind: 'domain', entity_key: key, recommended_policy: policy, recommended_filters: filters, labels });

  it('reads the reference server’s shapes, the documented camelCase and the older entity object', () => {
    expect(readFiresChange(rec('01', 'A.Example', 'drop', [], ['https://labels.example/csam']))).toMatchObject({ id: '01', type: 'Recommendation', entityKind: 'domain', entityKey: 'A.Example', policy: 'drop', labels: ['csam'] });
    expect(readFiresChange({ id: 'x/02', type: 'Recommendation', entityKind: 'domain', entityKey: 'b.example', recommendedPolicy: 'filter', recommendedFilters: ['https://f.example/reject-media'] })).toMatchObject({ id: '02', policy: 'filter', filters: ['reject-media'] });
    expect(readFiresChange({ id: 'x/03', type: 'Retraction', entity: { type: 'Domain', value: 'c.example' } })).toMatchObject({ type: 'Retraction', entityKind: 'domain', entityKey: 'c.example' });
    expect(readFiresChange({ type: 'Note' })).toBeNull();
  });

  it('maps policies both ways without losing Mastodon’s limit or flags', () => {
    for (const policy of [
      { severity: 'suspend', rejectMedia: false, rejectReports: false },
      { severity: 'silence', rejectMedia: true, rejectReports: false },
      { severity: 'silence', rejectMedia: false, rejectReports: false },
      { severity: 'noop', rejectMedia: true, rejectReports: true },
    ] as const) {
      const out = firesFromPolicy(policy)!;
      const back = policyFromFires(out.policy, out.filters);
      expect(back).toEqual(policy.severity === 'suspend' ? { severity: 'suspend', rejectMedia: false, rejectReports: false } : policy);
    }
    expect(firesFromPolicy({ severity: 'noop', rejectMedia: false, rejectReports: false })).toBeNull();
    expect(policyFromFires('reject', [])).toMatchObject({ severity: 'suspend' });
    expect(policyFromFires('accept', [])).toBe('accept');
    expect(policyFromFires(null, [])).toBeNull();
    expect(entryFromFires(readFiresChange({ ...rec('9', 'ok.example', 'accept') })!, 'allow')).toMatchObject({ domain: 'ok.example', severity: 'noop' });
    expect(entryFromFires(readFiresChange({ ...rec('9', 'ok.example', 'accept') })!, 'block')).toBeNull();
  });

  it('reads the snapshot once, then only the changes since its cursor, folding retractions', async () => {
    const snapshot = { type: 'OrderedCollection', totalItems: 2, items: [rec('0002', 'b.example', 'filter', ['auto-unlisted']), rec('0001', 'a.example', 'drop', [], ['https://l.example/hate-speech'])], changes: 'https://fires.example/datasets/1/changes?since=0002' };
    const first = fakeFetch({ 'https://fires.example/datasets/1': (o) => ok(o.url, JSON.stringify(dataset)), 'https://fires.example/datasets/1/snapshot': (o) => ok(o.url, JSON.stringify(snapshot)) });
    const read = await readSource(source({ url: dataset.id, format: 'fires' }), { fetch: first.fetch, previous: none });
    expect(read).toMatchObject({ status: 'ok', format: 'fires', cursor: '0002' });
    if (read.status !== 'ok') return;
    expect(read.entries.map((e) => [e.domain, e.severity, e.labels])).toEqual([
      ['b.example', 'silence', []],
      ['a.example', 'suspend', ['hate-speech']],
    ]);

    const page = { type: 'OrderedCollectionPage', orderedItems: [{ id: 'x/changes/0003', type: 'Retraction', entity_kind: 'domain', entity_key: 'a.example' }, rec('0004', 'c.example', 'reject')] };
    const later = fakeFetch({
      'https://fires.example/datasets/1': (o) => ok(o.url, JSON.stringify(dataset)),
      'https://fires.example/datasets/1/changes?since=0002': (o) => ok(o.url, JSON.stringify(page)),
      'https://fires.example/datasets/1/changes?since=0004': (o) => ok(o.url, JSON.stringify({ type: 'OrderedCollectionPage', orderedItems: [] })),
    });
    const next = await readSource(source({ url: dataset.id, format: 'fires', cursor: '0002' }), { fetch: later.fetch, previous: async () => read.entries });
    expect(next).toMatchObject({ status: 'ok', cursor: '0004' });
    expect(next.status === 'ok' && next.entries.map((e) => e.domain).sort()).toEqual(['b.example', 'c.example']);
    expect(later.calls.map((c) => c.url)).not.toContain('https://fires.example/datasets/1/snapshot');
  });

  it('reads the snapshot again when a tombstone arrives, since only a change id names what it removes', () => {
    const entries = keyEntries([{ key: 'a.example', domain: 'a.example', input: 'a.example', digest: null, severity: 'suspend', rejectMedia: false, rejectReports: false, obfuscate: false, obfuscated: false, publicComment: null, privateComment: null, canary: null, labels: [] }]);
    const folded = foldFiresChanges(entries, [readFiresChange({ id: 'x/9', type: 'Tombstone' })!], 'block');
    expect(folded.tombstone).toBe(true);
  });

  it('makes UUIDv7 ids that sort in the order they were made, even within one millisecond', () => {
    const ids = [uuidv7(1_700_000_000_000), uuidv7(1_700_000_000_000), uuidv7(1_700_000_000_000), uuidv7(1_700_000_000_001)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('snapshots and the source form', () => {
  it('turns two weeks of Garden Fence into additions and retractions', async () => {
    const read = async (f: string) => {
      const { fetch } = fakeFetch({ 'https://lists.example/list': (o) => ok(o.url, fixture(f)) });
      const r = await readSource(source({}), { fetch, previous: none });
      return r.status === 'ok' ? keyEntries(r.entries) : new Map();
    };
    const march = await read('gardenfence-mastodon-2026-03-15.csv');
    const july = await read('gardenfence-mastodon.csv');
    const changes = diffEntries(march, july);
    const added = changes.filter((c) => c.kind === 'added').map((c) => c.key);
    const removed = changes.filter((c) => c.kind === 'removed').map((c) => c.key);
    expect(added.length + [...march.keys()].length - removed.length).toBe(july.size);
    // Between those weeks Garden Fence added edens.faith (among others) and retracted collapsitarian.io.
    expect(added).toEqual(expect.arrayContaining(['edens.faith', 'baise-moi.top', 'clew.live', 'cum.estate']));
    expect(removed).toEqual(expect.arrayContaining(['collapsitarian.io', 'zztails.gay']));
    for (const key of added) expect(march.has(key)).toBe(false);
    for (const key of removed) expect(july.has(key)).toBe(false);
    expect(diffEntries(july, july)).toEqual([]);
  });

  it('validates the source form like the action does', () => {
    const base = { ...SOURCE_DEFAULTS, name: 'x', url: 'https://lists.example/a.csv' };
    expect(sourceFormSchema.safeParse(base).success).toBe(true);
    const issues = (v: object) => {
      const r = sourceFormSchema.safeParse({ ...base, ...v });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    expect(issues({ url: 'ftp://x.example/list' })).toEqual(['url:url']);
    expect(issues({ url: 'https://u:p@x.example/list' })).toEqual(['url:url']);
    expect(issues({ format: 'mastodon_admin_api' })).toEqual(['authType:adminApiNeedsToken']);
    expect(issues({ role: 'allow', autoApply: true })).toEqual(['autoApply:allowlistNoAuto']);
    expect(issues({ authType: 'basic' })).toEqual(['authUsername:required']);
    expect(issues({ weight: 0, refreshMinutes: 5 })).toEqual(['weight:range', 'refreshMinutes:range']);
  });
});
