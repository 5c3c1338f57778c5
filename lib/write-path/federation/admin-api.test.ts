import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMastodon } from '@/lib/testing/fake-mastodon';
import { adminApiWritePath } from '../admin-api';
import type { WriteActor } from '../types';
import { DomainBlockConflictError } from './types';

const TOKEN = 'admin-token';
const STALE = 'stale-token';
const ADMIN = 65536n | 2031612n;

describe('federation through the Admin API', () => {
  let fake: Awaited<ReturnType<typeof startFakeMastodon>>;
  const actor: WriteActor = { accountId: '109000000000000001', username: 'admin', permissions: ADMIN, rolePosition: 100, accessToken: TOKEN };
  const stale: WriteActor = { ...actor, accessToken: STALE };
  const api = () => adminApiWritePath({ baseUrl: fake.url });
  const fields = { rejectMedia: false, rejectReports: false, privateComment: null, publicComment: null, obfuscate: false };
  const blockNamed = (domain: string) => [...fake.federation.domainBlocks.values()].find((b) => b.domain === domain);

  beforeAll(async () => {
    fake = await startFakeMastodon({
      tokens: { [TOKEN]: '109000000000000001', [STALE]: '109000000000000002' },
      forbiddenTokens: [STALE],
      reports: [],
      domainBlocks: [
        { domain: 'limited.example', severity: 'silence' },
        { domain: 'gone.example', severity: 'suspend' },
      ],
    });
  });

  afterAll(async () => {
    await fake.close();
  });

  it('creates a block with Mastodon’s parameters and never writes SQL', async () => {
    const { block, outcome } = await api().createDomainBlock({ actor, domain: 'Bücher.Example', severity: 'suspend', ...fields, publicComment: 'hate', obfuscate: true });
    expect(outcome).toBe('created');
    expect(block).toMatchObject({ domain: 'xn--bcher-kva.example', severity: 'suspend', obfuscate: true, publicComment: 'hate' });
    const call = fake.requests.at(-1)!;
    expect(`${call.method} ${call.path}`).toBe('POST /api/v1/admin/domain_blocks');
    expect(call.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(call.body)).toEqual({ domain: 'xn--bcher-kva.example', severity: 'suspend', reject_media: false, reject_reports: false, private_comment: '', public_comment: 'hate', obfuscate: true });
  });

  it('raises a weaker block on the same domain with PUT after Mastodon’s 422, as the web form does', async () => {
    const id = blockNamed('limited.example')!.id;
    const { block, outcome } = await api().createDomainBlock({ actor, domain: 'limited.example', severity: 'suspend', ...fields });
    expect(outcome).toBe('updated');
    expect(block).toMatchObject({ id, severity: 'suspend' });
    expect(fake.requests.slice(-2).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/admin/domain_blocks', `PUT /api/v1/admin/domain_blocks/${id}`]);
  });

  it('reads the 422 existing_domain_block: a weaker block and a subdomain under a parent are refused with the winner named', async () => {
    await expect(api().createDomainBlock({ actor, domain: 'gone.example', severity: 'silence', ...fields })).rejects.toMatchObject({ reason: 'same_domain_not_stricter', existing: { domain: 'gone.example', severity: 'suspend' } });
    const sub = api().createDomainBlock({ actor, domain: 'www.gone.example', severity: 'noop', ...fields, rejectMedia: true });
    await expect(sub).rejects.toBeInstanceOf(DomainBlockConflictError);
    await expect(sub).rejects.toMatchObject({ code: 'conflict', reason: 'parent_not_stricter', existing: { domain: 'gone.example' } });
    // Stricter under a parent: Mastodon's API accepts it (422 only when the parent is at least as strict).
    fake.federation.domainBlocks.set('900', { ...blockNamed('gone.example')!, id: '900', domain: 'soft.example', severity: 'noop' });
    await expect(api().createDomainBlock({ actor, domain: 'a.soft.example', severity: 'suspend', ...fields })).resolves.toMatchObject({ outcome: 'created', block: { domain: 'a.soft.example', severity: 'suspend' } });
  });

  it('updates and removes by id', async () => {
    const id = blockNamed('xn--bcher-kva.example')!.id;
    await api().updateDomainBlock({ actor, id, severity: 'silence', ...fields, rejectMedia: true });
    expect(blockNamed('xn--bcher-kva.example')).toMatchObject({ severity: 'silence', reject_media: true });
    await api().removeDomainBlock({ actor, id });
    expect(blockNamed('xn--bcher-kva.example')).toBeUndefined();
    await expect(api().removeDomainBlock({ actor, id: '../accounts' })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('imports one call per row and reports each outcome; an auth failure stops the rest', async () => {
    const outcomes = await api().importDomainBlocks({
      actor,
      sourceName: 'fence.csv',
      operations: [
        { line: 2, domain: 'new1.example', action: 'create', severity: 'suspend', ...fields, privateComment: 'ally list' },
        { line: 3, domain: 'gone.example', action: 'create', severity: 'silence', ...fields },
        { line: 4, domain: 'not valid', action: 'create', severity: 'silence', ...fields },
      ],
    });
    expect(outcomes.map((o) => [o.line, o.status])).toEqual([
      [2, 'created'],
      [3, 'skipped'],
      [4, 'failed'],
    ]);
    expect(blockNamed('new1.example')?.private_comment).toMatch(/^ally list\nImported from fence\.csv on \d{4}-\d{2}-\d{2}$/);

    const refused = await api().importDomainBlocks({
      actor: stale,
      sourceName: 'x.csv',
      operations: [
        { line: 2, domain: 'a1.example', action: 'create', severity: 'silence', ...fields },
        { line: 3, domain: 'a2.example', action: 'create', severity: 'silence', ...fields },
      ],
    });
    expect(refused.map((o) => o.status)).toEqual(['failed', 'failed']);
    expect(refused[1]).toMatchObject({ reason: expect.stringMatching(/^not attempted/) });
    expect(fake.requests.filter((r) => r.authorization === `Bearer ${STALE}`)).toHaveLength(1);
  });

  it('domain allows, e-mail domain blocks and IP rules go to their endpoints', async () => {
    const allow = await api().createDomainAllow({ actor, domain: 'Friends.Example' });
    expect(allow.domain).toBe('friends.example');
    await api().removeDomainAllow({ actor, id: allow.id });

    const email = await api().createEmailDomainBlock({ actor, domain: 'x@Throwaway.Example', allowWithApproval: true, otherDomains: ['mx.throwaway.example'] });
    expect(email.children).toEqual(['mx.throwaway.example']);
    expect([...fake.federation.emailDomainBlocks.values()].map((b) => [b.domain, b.allow_with_approval])).toEqual([
      ['throwaway.example', true],
      ['mx.throwaway.example', true],
    ]);
    await api().removeEmailDomainBlock({ actor, id: email.id });

    const ip = await api().createIpBlock({ actor, ip: '203.0.113.9/24', severity: 'no_access', comment: 'scraper', expiresIn: 3600 });
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({ ip: '203.0.113.0/24', severity: 'no_access', comment: 'scraper', expires_in: 3600 });
    await api().removeIpBlock({ actor, id: ip.id });
    expect(fake.federation.ipBlocks.size).toBe(0);
  });

  it('checks the role before calling Mastodon', async () => {
    const before = fake.requests.length;
    const moderator: WriteActor = { ...actor, permissions: 16n };
    await expect(api().createDomainBlock({ actor: moderator, domain: 'x.example', severity: 'suspend', ...fields })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(api().createIpBlock({ actor: moderator, ip: '192.0.2.1', severity: 'no_access', comment: '', expiresIn: null })).rejects.toMatchObject({ code: 'forbidden' });
    expect(fake.requests.length).toBe(before);
  });
});
