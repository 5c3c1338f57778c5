import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { createAccount, createReport } from '@/db/testing-fixtures';
import { getModeratorMediaPreference, setModeratorMediaPreference } from './report-preferences';
import { clearReportView, listReportViewers, PRESENCE_WINDOW_SECONDS, touchReportView } from './report-presence';

describe.each(testBackends())('report media preference and presence queries on %s', (backend) => {
  let t: TestDatabase;
  const db = () => t.handle.db;
  let alice: string;
  let bob: string;
  let carol: string;
  let dave: string;
  let report: string;
  let otherReport: string;

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    alice = await createAccount({ db: db(), username: 'alice' });
    bob = await createAccount({ db: db(), username: 'bob' });
    carol = await createAccount({ db: db(), username: 'carol' });
    dave = await createAccount({ db: db(), username: 'dave' });
    await db().updateTable('accounts').set({ display_name: 'Bob B.' }).where('id', '=', bob).execute();
    const reporter = await createAccount({ db: db(), username: 'reporter', domain: 'r.example' });
    const target = await createAccount({ db: db(), username: 'target', domain: 't.example' });
    report = await createReport({ db: db(), reporterId: reporter, targetId: target });
    otherReport = await createReport({ db: db(), reporterId: reporter, targetId: target });
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  describe('media preference', () => {
    const at = new Date('2026-11-03T10:00:00Z');
    const later = new Date('2026-11-04T11:30:00Z');
    const rows = () => db().selectFrom('palisade.moderator_preferences').selectAll().orderBy('account_id').execute();

    it('is blurred and greyscale for a moderator who never chose, without writing a row', async () => {
      expect(await getModeratorMediaPreference({ db: db(), accountId: alice })).toEqual({ blur: true, greyscale: true });
      expect(await rows()).toEqual([]);
    });

    it('saves a choice as one row per moderator and overwrites it on the next save', async () => {
      await setModeratorMediaPreference({ db: db(), accountId: alice, preference: { blur: false, greyscale: true }, at });
      expect(await rows()).toEqual([{ account_id: alice, media_blur: false, media_greyscale: true, updated_at: at }]);
      expect(await getModeratorMediaPreference({ db: db(), accountId: alice })).toEqual({ blur: false, greyscale: true });

      await setModeratorMediaPreference({ db: db(), accountId: alice, preference: { blur: true, greyscale: false }, at: later });
      expect(await rows()).toEqual([{ account_id: alice, media_blur: true, media_greyscale: false, updated_at: later }]);
      expect(await getModeratorMediaPreference({ db: db(), accountId: alice })).toEqual({ blur: true, greyscale: false });

      // Another moderator still gets the default.
      expect(await getModeratorMediaPreference({ db: db(), accountId: bob })).toEqual({ blur: true, greyscale: true });
      await setModeratorMediaPreference({ db: db(), accountId: bob, preference: { blur: false, greyscale: false }, at });
      expect(await getModeratorMediaPreference({ db: db(), accountId: bob })).toEqual({ blur: false, greyscale: false });
      expect(await getModeratorMediaPreference({ db: db(), accountId: alice })).toEqual({ blur: true, greyscale: false });
      expect(await rows()).toHaveLength(2);
    });
  });

  describe('presence', () => {
    /** A view row as of `secondsAgo` on the database's clock, the one the window is measured against. */
    const seenAgo = (reportId: string, accountId: string, secondsAgo: number) =>
      db()
        .insertInto('palisade.report_views')
        .values({ report_id: reportId, account_id: accountId, seen_at: sql<Date>`(now() AT TIME ZONE 'UTC') - make_interval(secs => ${secondsAgo})` })
        .onConflict((oc) => oc.columns(['report_id', 'account_id']).doUpdateSet({ seen_at: sql<Date>`(now() AT TIME ZONE 'UTC') - make_interval(secs => ${secondsAgo})` }))
        .execute();
    const viewRows = async () => (await db().selectFrom('palisade.report_views').select(['report_id', 'account_id']).execute()).map((r) => `${r.report_id}:${r.account_id}`).sort();

    it('touch records the moderator and returns only the others seen within the window, most recent first', async () => {
      expect(PRESENCE_WINDOW_SECONDS).toBe(90);
      await seenAgo(report, bob, 10);
      await seenAgo(report, carol, 60);
      // Outside the 90 s window: kept (not a day old yet) but not shown.
      await seenAgo(report, dave, PRESENCE_WINDOW_SECONDS + 60);
      await seenAgo(otherReport, dave, 5);

      const viewers = await touchReportView({ db: db(), reportId: report, accountId: alice });

      expect(viewers).toEqual([
        { accountId: bob, username: 'bob', displayName: 'Bob B.', seenAt: expect.any(Date) },
        { accountId: carol, username: 'carol', displayName: '', seenAt: expect.any(Date) },
      ]);
      expect(viewers[0]!.seenAt.getTime()).toBeGreaterThan(viewers[1]!.seenAt.getTime());
      expect(await viewRows()).toEqual([`${report}:${alice}`, `${report}:${bob}`, `${report}:${carol}`, `${report}:${dave}`, `${otherReport}:${dave}`].sort());
      // Alice is now visible to the others on this report, and to no one on the other report.
      expect((await listReportViewers({ db: db(), reportId: report, exceptAccountId: bob })).map((v) => v.accountId)).toEqual([alice, carol]);
      expect((await listReportViewers({ db: db(), reportId: otherReport, exceptAccountId: bob })).map((v) => v.accountId)).toEqual([dave]);
    });

    it('touch refreshes a stale row of the same moderator instead of adding a second one', async () => {
      await seenAgo(report, dave, PRESENCE_WINDOW_SECONDS + 60);
      expect((await listReportViewers({ db: db(), reportId: report, exceptAccountId: alice })).map((v) => v.accountId)).not.toContain(dave);

      await touchReportView({ db: db(), reportId: report, accountId: dave });

      expect((await listReportViewers({ db: db(), reportId: report, exceptAccountId: alice })).map((v) => v.accountId)).toContain(dave);
      expect(await db().selectFrom('palisade.report_views').select('account_id').where('report_id', '=', report).where('account_id', '=', dave).execute()).toHaveLength(1);
    });

    it('touch prunes rows a day old on any report', async () => {
      await seenAgo(otherReport, carol, 24 * 60 * 60 + 60);
      await seenAgo(otherReport, bob, 23 * 60 * 60);

      await touchReportView({ db: db(), reportId: report, accountId: alice });

      const onOther = await db().selectFrom('palisade.report_views').select('account_id').where('report_id', '=', otherReport).orderBy('account_id').execute();
      expect(onOther.map((r) => r.account_id).sort()).toEqual([bob, dave].sort());
    });

    it('clear removes only that moderator on that report', async () => {
      await seenAgo(otherReport, alice, 5);

      await clearReportView({ db: db(), reportId: report, accountId: alice });

      expect((await listReportViewers({ db: db(), reportId: report, exceptAccountId: bob })).map((v) => v.accountId)).not.toContain(alice);
      expect(await db().selectFrom('palisade.report_views').select('report_id').where('account_id', '=', alice).execute()).toEqual([{ report_id: otherReport }]);
      // Clearing a view that does not exist is a no-op.
      await clearReportView({ db: db(), reportId: report, accountId: alice });
      expect((await listReportViewers({ db: db(), reportId: otherReport, exceptAccountId: bob })).map((v) => v.accountId)).toContain(alice);
    });
  });
});
