import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMastodon } from '@/lib/testing/fake-mastodon';
import { adminApiWritePath } from '../admin-api';
import type { WriteActor } from '../types';

const MODERATOR_TOKEN = 'moderator-token';
const STALE_ROLE_TOKEN = 'stale-role-token';

describe('Admin API write path', () => {
  let fake: Awaited<ReturnType<typeof startFakeMastodon>>;
  const actor: WriteActor = { accountId: '109000000000000001', username: 'mod', permissions: 16n, rolePosition: 10, accessToken: MODERATOR_TOKEN };

  beforeAll(async () => {
    fake = await startFakeMastodon({
      tokens: { [MODERATOR_TOKEN]: '109000000000000001', [STALE_ROLE_TOKEN]: '109000000000000002' },
      forbiddenTokens: [STALE_ROLE_TOKEN],
      reports: ['42', '43'],
    });
  });

  afterAll(async () => {
    await fake.close();
  });

  it('resolves and reopens through Mastodon with the moderator’s own token', async () => {
    const api = adminApiWritePath({ baseUrl: `${fake.url}/` });
    await api.resolveReport({ actor, reportId: '42' });
    expect(fake.reports.get('42')?.action_taken_at).not.toBeNull();
    await api.reopenReport({ actor, reportId: '42' });
    expect(fake.reports.get('42')?.action_taken_at).toBeNull();

    const calls = fake.requests.slice(-2);
    expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/admin/reports/42/resolve', 'POST /api/v1/admin/reports/42/reopen']);
    for (const call of calls) {
      expect(call.authorization).toBe(`Bearer ${MODERATOR_TOKEN}`);
      expect(call.body).toBe('');
    }
  });

  it('assigns to self and unassigns', async () => {
    const api = adminApiWritePath({ baseUrl: fake.url });
    await api.assignReportToSelf({ actor, reportId: '43' });
    expect(fake.reports.get('43')?.assigned_account_id).toBe('109000000000000001');
    await api.unassignReport({ actor, reportId: '43' });
    expect(fake.reports.get('43')?.assigned_account_id).toBeNull();
  });

  it('maps Mastodon’s errors to ones a moderator can act on', async () => {
    const api = adminApiWritePath({ baseUrl: fake.url });
    await expect(api.resolveReport({ actor, reportId: '999' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.resolveReport({ actor: { ...actor, accessToken: 'revoked' }, reportId: '42' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(api.resolveReport({ actor: { ...actor, accessToken: STALE_ROLE_TOKEN }, reportId: '42' })).rejects.toMatchObject({
      code: 'forbidden',
      detail: expect.stringContaining('This action is not allowed'),
    });
  });

  it('refuses before calling Mastodon when there is no token or no permission', async () => {
    const before = fake.requests.length;
    const api = adminApiWritePath({ baseUrl: fake.url });
    await expect(api.resolveReport({ actor: { ...actor, accessToken: null }, reportId: '42' })).rejects.toMatchObject({ code: 'token_missing' });
    await expect(api.resolveReport({ actor: { ...actor, permissions: 65536n }, reportId: '42' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(api.resolveReport({ actor, reportId: '42/../../accounts/1' })).rejects.toMatchObject({ code: 'invalid' });
    expect(fake.requests.length).toBe(before);
  });

  it('reports an unreachable or slow Mastodon as unavailable', async () => {
    const dead = adminApiWritePath({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    await expect(dead.resolveReport({ actor, reportId: '42' })).rejects.toMatchObject({ code: 'unavailable' });
    const hanging = adminApiWritePath({
      baseUrl: fake.url,
      timeoutMs: 50,
      fetch: (_input, init) =>
        new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(Object.assign(new Error('timeout'), { name: 'TimeoutError' })))),
    });
    await expect(hanging.resolveReport({ actor, reportId: '42' })).rejects.toMatchObject({ code: 'unavailable', detail: expect.stringContaining('no answer') });
  });
});
