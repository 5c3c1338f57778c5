import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { createAccount, createStaffUser } from '@/db/testing-fixtures';
import { domainDigest, publicDomain } from '@/lib/blocklist/obfuscation';
import { parseBlocklist } from '@/lib/blocklist/parse';
import { buildImportReview } from '@/lib/domain-block-import';
import { parseDomainBlockFilters } from '@/lib/domain-block-filters';
import { countDomainBlocks, insertDomainBlock, listDomainAndSubdomains, listDomainBlocks, listDomainBlocksForExport } from './domain-blocks';
import { listInstanceAccounts, listInstanceFollows, listInstances } from './instances';

describe.each(testBackends())('domain-block queries on %s', (backend) => {
  let t: TestDatabase;
  const db = () => t.handle.db;
  const at = new Date('2026-11-01T00:00:00Z');
  const block = (domain: string, severity: 'silence' | 'suspend' | 'noop', extra: Partial<{ rejectMedia: boolean; rejectReports: boolean; obfuscate: boolean; privateComment: string | null; publicComment: string | null }> = {}, offset = 0) =>
    insertDomainBlock({ db: db(), values: { domain, severity, rejectMedia: false, rejectReports: false, obfuscate: false, privateComment: null, publicComment: null, ...extra }, at: new Date(at.getTime() + offset) });

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    await block('aaa.example', 'suspend', { publicComment: 'hate' }, 1);
    await block('bbb.example', 'silence', { rejectMedia: true, privateComment: 'internal note' }, 2);
    await block('ccc.example', 'noop', { rejectReports: true }, 3);
    await block('xn--bcher-kva.example', 'silence', { obfuscate: true }, 4);
    await block('a_b.example', 'suspend', {}, 5);
    const local = await createStaffUser({ db: db(), username: 'reader', roleId: null });
    const remote = await createAccount({ db: db(), username: 'writer', domain: 'sub.bbb.example' });
    const other = await createAccount({ db: db(), username: 'x', domain: 'bbb.example' });
    await db().insertInto('follows').values({ account_id: local.accountId, target_account_id: remote, created_at: at, updated_at: at }).execute();
    await db().insertInto('follows').values({ account_id: other, target_account_id: local.accountId, created_at: at, updated_at: at }).execute();
    await sql`REFRESH MATERIALIZED VIEW instances`.execute(db());
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  it('filters by severity, flags, private comment and search (IDN typed in Unicode)', async () => {
    const list = async (params: Record<string, string>) => (await listDomainBlocks({ db: db(), filters: parseDomainBlockFilters(params) })).rows.map((r) => r.domain);
    expect(await list({ severity: 'silence', sort: 'domain' })).toEqual(['bbb.example', 'xn--bcher-kva.example']);
    expect(await list({ reject_media: 'yes' })).toEqual(['bbb.example']);
    expect(await list({ reject_reports: 'yes' })).toEqual(['ccc.example']);
    expect(await list({ obfuscate: 'yes' })).toEqual(['xn--bcher-kva.example']);
    expect(await list({ private_comment: 'yes' })).toEqual(['bbb.example']);
    expect(await list({ q: 'bücher' })).toEqual(['xn--bcher-kva.example']);
    expect(await list({ q: 'HATE' })).toEqual(['aaa.example']);
    // LIKE wildcards in the search are literal.
    expect(await list({ q: 'a_b' })).toEqual(['a_b.example']);
  });

  it('pages by keyset in every sort order without gaps or repeats', async () => {
    for (const sort of ['newest', 'oldest', 'domain', 'severity'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listDomainBlocks({ db: db(), filters: parseDomainBlockFilters({ sort, ...(cursor ? { cursor } : {}) }), limit: 2 });
        seen.push(...page.rows.map((r) => r.domain));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size).toBe(5);
      expect(seen).toHaveLength(5);
      if (sort === 'severity') expect(seen.slice(0, 2).sort()).toEqual(['a_b.example', 'aaa.example']);
      if (sort === 'severity') expect(seen.at(-1)).toBe('ccc.example');
      if (sort === 'oldest') expect(seen[0]).toBe('aaa.example');
    }
  });

  it('counts by severity and exports without private comments, oldest first', async () => {
    expect(await countDomainBlocks({ db: db() })).toEqual({ suspend: 2, silence: 2, noop: 1 });
    const exported = await listDomainBlocksForExport({ db: db() });
    expect(exported.map((b) => b.domain)).toEqual(['aaa.example', 'bbb.example', 'ccc.example', 'xn--bcher-kva.example', 'a_b.example']);
    expect(exported.every((b) => !('privateComment' in b))).toBe(true);
  });

  it('finds subdomains through the instances view, not look-alikes', async () => {
    await createAccount({ db: db(), username: 'y', domain: 'notbbb.example' });
    await sql`REFRESH MATERIALIZED VIEW instances`.execute(db());
    expect(await listDomainAndSubdomains({ db: db(), domain: 'bbb.example' })).toEqual(['bbb.example', 'sub.bbb.example']);
  });

  it('reviews a file against the blocks in force, with local follows of subdomains counted', async () => {
    const parsed = parseBlocklist('#domain,#severity,#reject_media\nbbb.example,suspend,false\nsub.aaa.example,silence,false\nnew.example,suspend,false\nccc.example,noop,false\nz*****.example,suspend,false\n');
    const review = await buildImportReview({ db: db(), parsed, fileName: 'x.csv' });
    expect(review.rows.map((r) => [r.domain ?? r.input, r.status, r.action, r.follows, r.selected, r.caution])).toEqual([
      ['bbb.example', 'escalate', 'update', 2, false, 'follows'],
      ['sub.aaa.example', 'covered', 'none', 0, false, null],
      ['new.example', 'new', 'create', 0, true, null],
      ['ccc.example', 'downgrade', 'update', 0, false, 'downgrade'],
      ['z*****.example', 'obfuscated', 'none', 0, false, null],
    ]);
    expect(review.rows[1]!.existing).toMatchObject({ domain: 'aaa.example', severity: 'suspend' });
    expect(review.summary).toMatchObject({ total: 5, selected: 1 });
  });

  it('suggests known instances behind an obfuscated name', async () => {
    const pattern = publicDomain('sub.bbb.example');
    expect(pattern).toBe('sub.***.****ple');
    const parsed = parseBlocklist(JSON.stringify([{ domain: pattern, digest: domainDigest('sub.bbb.example'), severity: 'suspend', comment: null }]));
    const review = await buildImportReview({ db: db(), parsed, fileName: 'public.json' });
    expect(review.rows[0]).toMatchObject({ status: 'obfuscated', candidates: ['sub.bbb.example'] });
  });

  it('lists instances by accounts with their block state, and their accounts and follows', async () => {
    const page = await listInstances({ db: db(), filter: 'limited' });
    expect(page.rows.map((r) => [r.domain, r.severity])).toContainEqual(['bbb.example', 'silence']);
    expect(page.rows[0]!.accountsCount).toBeGreaterThanOrEqual(page.rows.at(-1)!.accountsCount);
    const accounts = await listInstanceAccounts({ db: db(), domain: 'sub.bbb.example' });
    expect(accounts).toMatchObject([{ username: 'writer', localFollowers: 1 }]);
    expect((await listInstanceFollows({ db: db(), domain: 'sub.bbb.example', direction: 'local_follows_remote' })).map((f) => [f.localUsername, f.remoteUsername])).toEqual([['reader', 'writer']]);
    expect((await listInstanceFollows({ db: db(), domain: 'bbb.example', direction: 'remote_follows_local' })).map((f) => [f.remoteUsername, f.localUsername])).toEqual([['x', 'reader']]);
  });

  it('reviews a 20 000-row list in one pass', async () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, '../../lib/blocklist/fixtures/oliphant-_unified_tier0_blocklist.csv'), 'utf8');
    const rows = text.trimEnd().split(/\r?\n/);
    const big = [rows[0], ...Array.from({ length: 20_000 }, (_, i) => `host-${i}.bulk.example,suspend,False,False,,False`)].join('\n');
    const review = await buildImportReview({ db: db(), parsed: parseBlocklist(big), fileName: 'big.csv' });
    expect(review.rows).toHaveLength(20_000);
    expect(review.summary.byStatus.new).toBe(20_000);
  });
});
