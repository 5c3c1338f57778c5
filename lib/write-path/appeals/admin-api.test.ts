import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@/db/testing';
import { createAccount, createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { startFakeMastodon } from '@/lib/testing/fake-mastodon';
import { adminApiWritePath } from '../admin-api';
import type { WriteActor } from '../types';
import { strikeWithAppeal } from './fixtures';

describe('appeal decisions in connected mode', () => {
  let t: TestDatabase;
  let fake: Awaited<ReturnType<typeof startFakeMastodon>>;
  let admin: WriteActor;
  let limited: string;
  let photographer: string;
  const struck = new Date('2026-11-10T08:00:00Z');
  const at = new Date('2026-11-21T09:30:00Z');
  const api = () => adminApiWritePath({ baseUrl: fake.url, db: t.handle.db, now: () => at });
  const db = () => t.handle.db;

  beforeAll(async () => {
    t = await openTestDatabase('pglite');
    await ensureDefaultRoles({ db: db() });
    const a = await createStaffUser({ db: db(), username: 'api_admin', roleId: '2' });
    admin = { accountId: a.accountId, username: 'api_admin', permissions: 65536n | 2031612n, rolePosition: 100, accessToken: 'tok' };
    limited = await createAccount({ db: db(), username: 'limited', domain: 'far.example' });
    await db().updateTable('accounts').set({ silenced_at: struck }).where('id', '=', limited).execute();
    photographer = (await createStaffUser({ db: db(), username: 'photographer', roleId: null })).accountId;
    fake = await startFakeMastodon({ tokens: { tok: admin.accountId }, reports: [], accounts: [limited, photographer] });
  });

  afterAll(async () => {
    await fake?.close();
    await t?.cleanup();
  });

  it('lifts the limit through the Admin API, then writes the appeal row as Mastodon does', async () => {
    const { strikeId, appealId } = await strikeWithAppeal(db(), { target: limited, issuer: admin.accountId, action: 'silence', at: struck });
    const result = await api().approveAppeal({ actor: admin, appealId, reply: 'Fair point.' });
    expect(result).toEqual({ undo: 'unsilence', restoredStatusIds: [] });
    expect(fake.accounts.get(limited)).toEqual(['unsilence']);
    expect(fake.requests.at(-1)?.authorization).toBe('Bearer tok');
    // Mastodon changed the account; Palisade wrote only the appeal's own rows.
    expect((await db().selectFrom('accounts').select('silenced_at').where('id', '=', limited).executeTakeFirstOrThrow()).silenced_at).toEqual(struck);
    expect(await db().selectFrom('appeals').select(['approved_at', 'approved_by_account_id']).where('id', '=', appealId).executeTakeFirstOrThrow()).toEqual({ approved_at: at, approved_by_account_id: admin.accountId });
    expect((await db().selectFrom('account_warnings').select('overruled_at').where('id', '=', strikeId).executeTakeFirstOrThrow()).overruled_at).toEqual(at);
    const log = await db().selectFrom('admin_action_logs').select(['action', 'target_type', 'target_id', 'route_param']).where('target_type', '=', 'Appeal').where('target_id', '=', appealId).execute();
    expect(log).toEqual([{ action: 'approve', target_type: 'Appeal', target_id: appealId, route_param: strikeId }]);
  });

  it('sends people to Mastodon when posts must be restored (no API), and calls nothing', async () => {
    await db().insertInto('statuses').values({ id: '115300000000000001', account_id: photographer, sensitive: true, local: true, created_at: struck, updated_at: struck }).execute();
    await db().insertInto('media_attachments').values({ id: '115300000000000011', status_id: '115300000000000001', account_id: photographer, type: 0, created_at: struck, updated_at: struck, remote_url: '' }).execute();
    const { strikeId, appealId } = await strikeWithAppeal(db(), { target: photographer, issuer: admin.accountId, action: 'mark_statuses_as_sensitive', statusIds: ['115300000000000001'], at: struck });
    const calls = fake.requests.length;
    await expect(api().approveAppeal({ actor: admin, appealId })).rejects.toMatchObject({ code: 'unavailable', detail: expect.stringContaining(`${fake.url}/admin/disputes/strikes/${strikeId}`) });
    expect(fake.requests.length).toBe(calls);
    expect((await db().selectFrom('appeals').select('approved_at').where('id', '=', appealId).executeTakeFirstOrThrow()).approved_at).toBeNull();
  });

  it('needs manage_users for the API call, and rejects without calling Mastodon', async () => {
    const appealsOnly: WriteActor = { ...admin, permissions: 512n };
    const { appealId } = await strikeWithAppeal(db(), { target: limited, issuer: admin.accountId, action: 'silence', at: struck });
    const calls = fake.requests.length;
    await expect(api().approveAppeal({ actor: appealsOnly, appealId })).rejects.toMatchObject({ code: 'forbidden' });
    await api().rejectAppeal({ actor: appealsOnly, appealId });
    expect(fake.requests.length).toBe(calls);
    expect((await db().selectFrom('appeals').select('rejected_by_account_id').where('id', '=', appealId).executeTakeFirstOrThrow()).rejected_by_account_id).toBe(admin.accountId);
  });

  it('reports Mastodon’s refusal and writes nothing', async () => {
    const unknown = await createAccount({ db: db(), username: 'unknown_to_fake', domain: 'far.example' });
    await db().updateTable('accounts').set({ sensitized_at: struck }).where('id', '=', unknown).execute();
    const { appealId } = await strikeWithAppeal(db(), { target: unknown, issuer: admin.accountId, action: 'sensitive', at: struck });
    await expect(api().approveAppeal({ actor: admin, appealId })).rejects.toMatchObject({ code: 'not_found' });
    expect((await db().selectFrom('appeals').select('approved_at').where('id', '=', appealId).executeTakeFirstOrThrow()).approved_at).toBeNull();
  });
});
