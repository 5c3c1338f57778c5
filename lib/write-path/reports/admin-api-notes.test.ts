import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createAccount, createReport, createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { openTestDatabase, type TestDatabase } from '@/db/testing';
import { startFakeMastodon } from '@/lib/testing/fake-mastodon';
import { adminApiWritePath } from '../admin-api';
import type { WriteActor } from '../types';
import { NoAdminApiError } from './types';

const TOKEN = 'moderator-token';
const REFUSED = 'refused-token';

/**
 * Connected mode: notes go to report_notes (Mastodon has no API for them and writes them
 * directly itself), state changes go through the Admin API, and what has no API is refused with
 * a link to Mastodon's own page. The database side runs on PGlite; the behaviour under test is
 * the split between the two, not SQL.
 */
describe('Admin API write path: notes, bulk actions, actions without an API', () => {
  let t: TestDatabase;
  let db: Db;
  let fake: Awaited<ReturnType<typeof startFakeMastodon>>;
  let actor: WriteActor;
  let teammateId: string;
  const reports: string[] = [];

  beforeAll(async () => {
    t = await openTestDatabase('pglite');
    db = t.handle.db;
    await ensureDefaultRoles({ db });
    const mod = await createStaffUser({ db, username: 'api_mod', roleId: '1' });
    teammateId = (await createStaffUser({ db, username: 'api_mod2', roleId: '1' })).accountId;
    actor = { accountId: mod.accountId, username: 'api_mod', permissions: 1049884n, rolePosition: 10, accessToken: TOKEN };
    const reporter = await createAccount({ db, username: 'rep' });
    const target = await createAccount({ db, username: 'tgt', domain: 'bad.example' });
    for (let i = 0; i < 5; i++) reports.push(await createReport({ db, reporterId: reporter, targetId: target }));
    fake = await startFakeMastodon({ tokens: { [TOKEN]: mod.accountId, [REFUSED]: mod.accountId }, forbiddenTokens: [REFUSED], reports });
  });

  afterAll(async () => {
    await fake?.close();
    await t?.cleanup();
  });

  const api = () => adminApiWritePath({ baseUrl: fake.url, db });
  const notesOf = (reportId: string) => db.selectFrom('report_notes').select(['content', 'account_id']).where('report_id', '=', reportId).execute();

  it('stores the note in the database and resolves through Mastodon', async () => {
    const id = reports[0]!;
    const result = await api().addReportNote({ actor, reportId: id, content: 'Done here.', then: 'resolve' });
    expect(result.followUp).toEqual({ status: 'done' });
    expect(await notesOf(id)).toEqual([{ content: 'Done here.', account_id: actor.accountId }]);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', path: `/api/v1/admin/reports/${id}/resolve`, authorization: `Bearer ${TOKEN}` });
    // Mastodon writes its own audit row for the resolve; Palisade adds none to admin_action_logs.
    expect(await db.selectFrom('admin_action_logs').select('id').execute()).toHaveLength(0);
  });

  it('keeps the note when Mastodon refuses the resolve, and reports the refusal', async () => {
    const id = reports[1]!;
    const result = await api().addReportNote({ actor: { ...actor, accessToken: REFUSED }, reportId: id, content: 'Kept anyway.', then: 'resolve' });
    expect(result.followUp.status).toBe('failed');
    expect(result.followUp.status === 'failed' && result.followUp.error.code).toBe('forbidden');
    expect(await notesOf(id)).toEqual([{ content: 'Kept anyway.', account_id: actor.accountId }]);
    expect(fake.reports.get(id)?.action_taken_at).toBeNull();
  });

  it('bulk-resolves: notes first in one transaction, then one call per open report, failures listed', async () => {
    const ids = [reports[2]!, reports[3]!];
    await db.updateTable('reports').set({ action_taken_at: new Date(), action_taken_by_account_id: teammateId }).where('id', '=', reports[3]!).execute();
    const before = fake.requests.length;
    const result = await api().resolveReports({ actor, reportIds: ids, note: 'Wave handled.' });
    expect(result).toEqual({ done: [reports[2]], unchanged: [reports[3]], failed: [] });
    expect(fake.requests.slice(before).map((r) => r.path)).toEqual([`/api/v1/admin/reports/${reports[2]}/resolve`]);
    for (const id of ids) expect(await notesOf(id)).toEqual([{ content: 'Wave handled.', account_id: actor.accountId }]);

    const refused = await api().resolveReports({ actor: { ...actor, accessToken: REFUSED }, reportIds: [reports[4]!], note: null });
    expect(refused.done).toEqual([]);
    expect(refused.failed.map((f) => [f.reportId, f.error.code])).toEqual([[reports[4], 'forbidden']]);
  });

  it('assigns to self through Mastodon but refuses a teammate (no API), pointing at Mastodon', async () => {
    const result = await api().assignReports({ actor, reportIds: [reports[4]!], assigneeAccountId: actor.accountId });
    expect(result.done).toEqual([reports[4]]);
    expect(fake.reports.get(reports[4]!)?.assigned_account_id).toBe(actor.accountId);
    const attempt = api().assignReports({ actor, reportIds: [reports[4]!], assigneeAccountId: teammateId });
    await expect(attempt).rejects.toBeInstanceOf(NoAdminApiError);
    await expect(attempt).rejects.toMatchObject({ code: 'unsupported', href: `${fake.url}/admin/reports` });
  });

  it('refuses to delete or mark reported posts, with the deep link to the instance’s report page, calling nothing', async () => {
    const before = fake.requests.length;
    await expect(api().deleteReportedStatuses({ actor, reportId: reports[0]! })).rejects.toMatchObject({ code: 'unsupported', href: `${fake.url}/admin/reports/${reports[0]}` });
    await expect(api().markReportedStatusesSensitive({ actor, reportId: reports[0]! })).rejects.toMatchObject({ code: 'unsupported', href: `${fake.url}/admin/reports/${reports[0]}` });
    expect(fake.requests.length).toBe(before);
  });

  it('refuses a stale view before calling Mastodon', async () => {
    const id = reports[4]!;
    const seen = new Date('2020-01-01T00:00:00Z');
    const before = fake.requests.length;
    await expect(api().reopenReport({ actor, reportId: id, expectedUpdatedAt: seen })).rejects.toMatchObject({ code: 'conflict' });
    expect(fake.requests.length).toBe(before);
  });
});
