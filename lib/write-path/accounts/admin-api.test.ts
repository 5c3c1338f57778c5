import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createReport, createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { openTestDatabase } from '@/db/testing';
import { startFakeMastodon } from '@/lib/testing/fake-mastodon';
import { adminApiWritePath } from '../admin-api';
import type { WriteActor } from '../types';

describe('account actions through the Admin API', () => {
  let fake: Awaited<ReturnType<typeof startFakeMastodon>>;
  const actor: WriteActor = { accountId: '109000000000000001', username: 'mod', permissions: 65536n | 1049884n, rolePosition: 10, accessToken: 'tok' };
  const target = '113000000000000042';

  beforeAll(async () => {
    fake = await startFakeMastodon({ tokens: { tok: actor.accountId }, reports: [], accounts: [target] });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('posts the documented action parameters', async () => {
    const api = adminApiWritePath({ baseUrl: fake.url });
    const result = await api.takeAccountAction({ actor, accountId: target, type: 'silence', reportId: '77', warningPresetId: '3', text: 'Spam', sendEmailNotification: false });
    expect(result).toEqual({ strikeId: null, resolvedReportIds: [] });
    const call = fake.requests.at(-1)!;
    expect(`${call.method} ${call.path}`).toBe(`POST /api/v1/admin/accounts/${target}/action`);
    expect(call.contentType).toBe('application/json');
    expect(JSON.parse(call.body)).toEqual({ type: 'silence', report_id: '77', warning_preset_id: '3', text: 'Spam', send_email_notification: false });
  });

  it('undoes and decides sign-ups through their endpoints', async () => {
    const api = adminApiWritePath({ baseUrl: fake.url });
    await api.undoAccountAction({ actor, accountId: target, undo: 'unsilence' });
    await api.undoAccountAction({ actor, accountId: target, undo: 'enable' });
    await api.approveUser({ actor, accountId: target });
    await api.rejectUser({ actor, accountId: target });
    expect(fake.accounts.get(target)).toEqual(['action', 'unsilence', 'enable', 'approve', 'reject']);
  });

  it('refuses forged ids and missing permissions before calling Mastodon', async () => {
    const api = adminApiWritePath({ baseUrl: fake.url });
    const before = fake.requests.length;
    await expect(api.takeAccountAction({ actor, accountId: '1/../../x', type: 'suspend' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(api.undoAccountAction({ actor: { ...actor, permissions: 16n }, accountId: target, undo: 'unsuspend' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(fake.requests.length).toBe(before);
  });

  it('reads back from the database which of the target’s reports Mastodon resolved', async () => {
    const t = await openTestDatabase('pglite');
    try {
      const db = t.handle.db;
      await ensureDefaultRoles({ db });
      const mod = await createStaffUser({ db, username: 'api_mod', roleId: '1' });
      const reporter = await createAccount({ db, username: 'rep' });
      const spammer = await createAccount({ db, username: 'spam', domain: 'bad.example' });
      const bystander = await createAccount({ db, username: 'other', domain: 'bad.example' });
      const against = [await createReport({ db, reporterId: reporter, targetId: spammer }), await createReport({ db, reporterId: reporter, targetId: spammer })];
      const elsewhere = await createReport({ db, reporterId: reporter, targetId: bystander });
      // Mastodon resolves every open report against the target when it takes the action.
      const mastodon = await startFakeMastodon({ tokens: { tok: mod.accountId }, reports: [], accounts: [spammer] });
      const resolvingFetch: typeof fetch = async (input, init) => {
        if (init?.method === 'POST' && String(input).endsWith(`/accounts/${spammer}/action`)) {
          await db.updateTable('reports').set({ action_taken_at: new Date(), action_taken_by_account_id: mod.accountId }).where('target_account_id', '=', spammer).where('action_taken_at', 'is', null).execute();
        }
        return fetch(input, init);
      };
      try {
        const api = adminApiWritePath({ baseUrl: mastodon.url, db, fetch: resolvingFetch });
        const result = await api.takeAccountAction({ actor: { ...actor, accountId: mod.accountId }, accountId: spammer, type: 'suspend', reportId: against[0]! });
        expect(result).toEqual({ strikeId: null, resolvedReportIds: [...against].sort() });
        expect(result.resolvedReportIds).not.toContain(elsewhere);
      } finally {
        await mastodon.close();
      }
    } finally {
      await t.cleanup();
    }
  });
});
