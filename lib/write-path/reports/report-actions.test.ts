import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createAccount, createReport, createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { databaseWritePath } from '../database';
import type { WriteActor } from '../types';

/**
 * Standalone mode writes what Mastodon's controllers and services write; each test compares the
 * rows with Mastodon's (ReportNotesController, ReportsController, Admin::ModerationAction).
 */
describe.each(testBackends())('report actions in the database write path on %s', (backend) => {
  let t: TestDatabase;
  let db: Db;
  let moderator: WriteActor;
  let moderator2: WriteActor;
  let admin: WriteActor;
  let memberAccountId: string;
  let reporterId: string;
  let remoteTargetId: string;
  let localTargetId: string;
  // After the fixtures' own timestamps (they use the real clock), so "later" is always later.
  let clock = new Date('2030-01-01T10:00:00Z');
  const tick = () => (clock = new Date(clock.getTime() + 60_000));
  const writer = () => databaseWritePath({ db, now: () => tick() });

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    db = t.handle.db;
    await ensureDefaultRoles({ db });
    const mod = await createStaffUser({ db, username: 'ra_moderator', roleId: '1' });
    const mod2 = await createStaffUser({ db, username: 'ra_moderator2', roleId: '1' });
    const adm = await createStaffUser({ db, username: 'ra_admin', roleId: '2' });
    memberAccountId = (await createStaffUser({ db, username: 'ra_member', roleId: null })).accountId;
    moderator = { accountId: mod.accountId, username: 'ra_moderator', permissions: 65536n | 1049884n, rolePosition: 10, accessToken: null };
    moderator2 = { accountId: mod2.accountId, username: 'ra_moderator2', permissions: 65536n | 1049884n, rolePosition: 10, accessToken: null };
    admin = { accountId: adm.accountId, username: 'ra_admin', permissions: 65536n | 2031612n, rolePosition: 100, accessToken: null };
    reporterId = await createAccount({ db, username: 'reporter', domain: null });
    remoteTargetId = await createAccount({ db, username: 'troll', domain: 'bad.example' });
    localTargetId = (await createStaffUser({ db, username: 'localtarget', roleId: null })).accountId;
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  async function report(targetId = remoteTargetId, extra: { statusIds?: string[]; resolvedBy?: string | null } = {}) {
    const id = await createReport({ db, reporterId, targetId, resolvedBy: extra.resolvedBy ?? null });
    if (extra.statusIds) await db.updateTable('reports').set({ status_ids: extra.statusIds }).where('id', '=', id).execute();
    return id;
  }

  async function post(accountId: string, opts: { remote: boolean; media?: number; sensitive?: boolean; deletedAt?: Date | null } = { remote: true }) {
    const at = new Date('2026-11-01T08:00:00Z');
    const row = await db
      .insertInto('statuses')
      .values({
        account_id: accountId,
        text: opts.remote ? '<p>bad post</p>' : 'bad post',
        spoiler_text: '',
        sensitive: opts.sensitive ?? false,
        local: !opts.remote,
        uri: `https://${opts.remote ? 'bad.example' : 'palisade.test'}/statuses/${Math.random().toString(36).slice(2)}`,
        created_at: at,
        updated_at: at,
        deleted_at: opts.deletedAt ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mediaIds: string[] = [];
    for (let i = 0; i < (opts.media ?? 0); i++) {
      const m = await db.insertInto('media_attachments').values({ status_id: row.id, account_id: accountId, type: 0, file_file_name: `${i}.png`, description: i === 0 ? 'first' : null, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
      mediaIds.push(m.id);
    }
    if (mediaIds.length > 0) await db.updateTable('statuses').set({ ordered_media_attachment_ids: mediaIds }).where('id', '=', row.id).execute();
    return { id: row.id, mediaIds };
  }

  async function reportRow(id: string) {
    return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  async function logs(targetType: string, targetIds: string[]) {
    if (targetIds.length === 0) return [];
    return db.selectFrom('admin_action_logs').selectAll().where('target_type', '=', targetType).where('target_id', 'in', targetIds).orderBy('id').execute();
  }

  async function events(reportId: string) {
    return db.selectFrom('palisade.events').selectAll().where('target_type', '=', 'Report').where('target_id', '=', reportId).orderBy('id').execute();
  }

  describe('notes', () => {
    it('stores a note, touches the report and writes no Mastodon audit row (Mastodon logs none)', async () => {
      const id = await report();
      const before = await reportRow(id);
      const result = await writer().addReportNote({ actor: moderator, reportId: id, content: '  Looked at it.  ' });
      expect(result.followUp).toEqual({ status: 'none' });
      const notes = await db.selectFrom('report_notes').selectAll().where('report_id', '=', id).execute();
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ id: result.noteId, account_id: moderator.accountId, content: 'Looked at it.' });
      const after = await reportRow(id);
      expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
      expect(after.updated_at.toISOString()).toBe(notes[0]?.created_at.toISOString());
      expect(after.action_taken_at).toBeNull();
      expect(await logs('Report', [id])).toHaveLength(0);
      expect((await events(id)).map((e) => e.action)).toEqual(['note_created']);
    });

    it('"note and resolve" stores both in one transaction, with Mastodon’s resolve row', async () => {
      const id = await report();
      const result = await writer().addReportNote({ actor: moderator, reportId: id, content: 'Closing: no violation.', then: 'resolve' });
      expect(result.followUp).toEqual({ status: 'done' });
      const row = await reportRow(id);
      expect(row.action_taken_by_account_id).toBe(moderator.accountId);
      const [log] = await logs('Report', [id]);
      expect(log).toMatchObject({ action: 'resolve', account_id: moderator.accountId, human_identifier: id });
      expect(log?.created_at.toISOString()).toBe(row.action_taken_at?.toISOString());
    });

    it('keeps the note when someone else resolved the report first, and says so', async () => {
      const id = await report(remoteTargetId, { resolvedBy: moderator2.accountId });
      const result = await writer().addReportNote({ actor: moderator, reportId: id, content: 'Late thought.', then: 'resolve' });
      expect(result.followUp).toEqual({ status: 'skipped', reason: 'already_resolved' });
      expect(await db.selectFrom('report_notes').select('content').where('report_id', '=', id).execute()).toEqual([{ content: 'Late thought.' }]);
      expect((await reportRow(id)).action_taken_by_account_id).toBe(moderator2.accountId);
      expect(await logs('Report', [id])).toHaveLength(0);
    });

    it('"note and reopen" reopens a resolved report', async () => {
      const id = await report(remoteTargetId, { resolvedBy: moderator2.accountId });
      const result = await writer().addReportNote({ actor: moderator, reportId: id, content: 'New evidence.', then: 'reopen' });
      expect(result.followUp).toEqual({ status: 'done' });
      expect((await reportRow(id)).action_taken_at).toBeNull();
      expect((await logs('Report', [id])).map((l) => l.action)).toEqual(['reopen']);
    });

    it('refuses an empty or too long note and stores nothing', async () => {
      const id = await report();
      await expect(writer().addReportNote({ actor: moderator, reportId: id, content: '   ' })).rejects.toMatchObject({ code: 'invalid' });
      await expect(writer().addReportNote({ actor: moderator, reportId: id, content: 'x'.repeat(2001), then: 'resolve' })).rejects.toMatchObject({ code: 'invalid' });
      expect(await db.selectFrom('report_notes').select('id').where('report_id', '=', id).execute()).toHaveLength(0);
      expect((await reportRow(id)).action_taken_at).toBeNull();
    });

    it('lets the author delete a note, a higher role too, but not a peer', async () => {
      const id = await report();
      const own = await writer().addReportNote({ actor: moderator, reportId: id, content: 'mine' });
      const peer = await writer().addReportNote({ actor: moderator2, reportId: id, content: 'theirs' });
      await expect(writer().deleteReportNote({ actor: moderator, noteId: peer.noteId })).rejects.toMatchObject({ code: 'forbidden' });
      await writer().deleteReportNote({ actor: moderator, noteId: own.noteId });
      await writer().deleteReportNote({ actor: admin, noteId: peer.noteId });
      expect(await db.selectFrom('report_notes').select('id').where('report_id', '=', id).execute()).toHaveLength(0);
      await expect(writer().deleteReportNote({ actor: admin, noteId: peer.noteId })).rejects.toMatchObject({ code: 'not_found' });
      expect((await events(id)).map((e) => e.action)).toEqual(['note_created', 'note_created', 'note_deleted', 'note_deleted']);
    });

    it('refuses a role without manage_reports', async () => {
      const id = await report();
      const member: WriteActor = { ...moderator, accountId: memberAccountId, permissions: 65536n, rolePosition: -1 };
      await expect(writer().addReportNote({ actor: member, reportId: id, content: 'hi' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(writer().resolveReports({ actor: member, reportIds: [id] })).rejects.toMatchObject({ code: 'forbidden' });
    });
  });

  describe('two moderators at once', () => {
    it('applies the first action and refuses the second made on the same (now stale) view', async () => {
      const id = await report();
      const seen = (await reportRow(id)).updated_at;
      const results = await Promise.allSettled([
        writer().resolveReport({ actor: moderator, reportId: id, expectedUpdatedAt: seen }),
        writer().takeAccountAction({ actor: moderator2, accountId: remoteTargetId, type: 'silence', reportId: id, expectedReportUpdatedAt: seen }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: 'conflict' });
      // Exactly one of the two happened: either one resolve, or one limit (whose resolve rows include this report).
      const reportLogs = await logs('Report', [id]);
      expect(reportLogs).toHaveLength(1);
      const silenced = (await db.selectFrom('accounts').select('silenced_at').where('id', '=', remoteTargetId).executeTakeFirstOrThrow()).silenced_at;
      expect(silenced === null).toBe(reportLogs[0]?.account_id === moderator.accountId);
      if (silenced) await db.updateTable('accounts').set({ silenced_at: null }).where('id', '=', remoteTargetId).execute();
    });

    it('refuses an action on a report someone annotated meanwhile, but never a note', async () => {
      const id = await report();
      const seen = (await reportRow(id)).updated_at;
      await writer().addReportNote({ actor: moderator2, reportId: id, content: 'I am on it' });
      await expect(writer().resolveReport({ actor: moderator, reportId: id, expectedUpdatedAt: seen })).rejects.toMatchObject({ code: 'conflict' });
      await expect(writer().deleteReportedStatuses({ actor: moderator, reportId: id, expectedUpdatedAt: seen })).rejects.toMatchObject({ code: 'conflict' });
      expect((await writer().addReportNote({ actor: moderator, reportId: id, content: 'me too' })).followUp.status).toBe('none');
      expect((await reportRow(id)).action_taken_at).toBeNull();
    });
  });

  describe('bulk', () => {
    it('assigns to the actor with one assigned_to_self row per changed report, in one transaction', async () => {
      const a = await report();
      const b = await report();
      await writer().assignReportToSelf({ actor: moderator, reportId: b });
      const result = await writer().assignReports({ actor: moderator, reportIds: [b, a, a], assigneeAccountId: moderator.accountId });
      expect(result).toEqual({ done: [a], unchanged: [b], failed: [] });
      expect((await logs('Report', [a])).map((l) => [l.action, l.account_id])).toEqual([['assigned_to_self', moderator.accountId]]);
      expect((await logs('Report', [b])).map((l) => l.action)).toEqual(['assigned_to_self']);
    });

    it('assigns to a teammate: Mastodon has no such action, so Palisade’s event log records it', async () => {
      const a = await report();
      const b = await report();
      const result = await writer().assignReports({ actor: moderator, reportIds: [a, b], assigneeAccountId: moderator2.accountId });
      expect(result.done.sort()).toEqual([a, b].sort());
      const rows = await db.selectFrom('reports').select(['id', 'assigned_account_id']).where('id', 'in', [a, b]).execute();
      expect(rows.every((r) => r.assigned_account_id === moderator2.accountId)).toBe(true);
      expect(await logs('Report', [a, b])).toHaveLength(0);
      const [event] = await events(a);
      expect(event).toMatchObject({ action: 'assigned', account_id: moderator.accountId, human_identifier: a, data: { assignee: 'ra_moderator2', assignee_id: moderator2.accountId } });
    });

    it('refuses to assign to someone whose role cannot handle reports', async () => {
      const a = await report();
      await expect(writer().assignReports({ actor: moderator, reportIds: [a], assigneeAccountId: memberAccountId })).rejects.toMatchObject({ code: 'invalid' });
      expect((await reportRow(a)).assigned_account_id).toBeNull();
    });

    it('changes nothing when one of the reports does not exist', async () => {
      const a = await report();
      await expect(writer().resolveReports({ actor: moderator, reportIds: [a, '999999999'], note: 'bulk' })).rejects.toMatchObject({ code: 'not_found' });
      expect((await reportRow(a)).action_taken_at).toBeNull();
      expect(await db.selectFrom('report_notes').select('id').where('report_id', '=', a).execute()).toHaveLength(0);
      await expect(writer().resolveReports({ actor: moderator, reportIds: ['1; DROP TABLE reports'] })).rejects.toMatchObject({ code: 'invalid' });
      await expect(writer().resolveReports({ actor: moderator, reportIds: [] })).rejects.toMatchObject({ code: 'invalid' });
      await expect(writer().resolveReports({ actor: moderator, reportIds: Array.from({ length: 101 }, (_, i) => String(i + 1)) })).rejects.toMatchObject({ code: 'invalid' });
    });

    it('resolves with one shared note: the note on every report, one resolve row per report it resolved', async () => {
      const a = await report();
      const b = await report();
      const c = await report(remoteTargetId, { resolvedBy: moderator2.accountId });
      const result = await writer().resolveReports({ actor: moderator, reportIds: [a, b, c], note: 'Spam wave, all handled.' });
      expect(result.done.sort()).toEqual([a, b].sort());
      expect(result.unchanged).toEqual([c]);
      const notes = await db.selectFrom('report_notes').select(['report_id', 'content', 'account_id']).where('report_id', 'in', [a, b, c]).orderBy('report_id').execute();
      expect(notes).toEqual([a, b, c].sort((x, y) => Number(BigInt(x) - BigInt(y))).map((report_id) => ({ report_id, content: 'Spam wave, all handled.', account_id: moderator.accountId })));
      const resolveLogs = await logs('Report', [a, b, c]);
      expect(resolveLogs.map((l) => [l.target_id, l.action]).sort()).toEqual([[a, 'resolve'], [b, 'resolve']].sort());
      expect((await reportRow(c)).action_taken_by_account_id).toBe(moderator2.accountId);
    });

    it('rolls everything back when a write fails midway', async () => {
      const a = await report();
      const b = await report();
      const ghost: WriteActor = { ...moderator, accountId: '123456789012345678' };
      await expect(writer().resolveReports({ actor: ghost, reportIds: [a, b], note: 'x' })).rejects.toThrow();
      expect((await reportRow(a)).action_taken_at).toBeNull();
      expect(await db.selectFrom('report_notes').select('id').where('report_id', 'in', [a, b]).execute()).toHaveLength(0);
    });
  });

  describe('deleting reported posts (Admin::ModerationAction delete)', () => {
    it('remote author: posts and their boosts discarded, tombstones, destroy rows with permalinks, resolve, strike 1500', async () => {
      const p1 = await post(remoteTargetId, { remote: true, media: 1 });
      const p2 = await post(remoteTargetId, { remote: true });
      const booster = await createAccount({ db, username: 'booster', domain: 'other.example' });
      const boost = await db.insertInto('statuses').values({ account_id: booster, reblog_of_id: p1.id, created_at: clock, updated_at: clock, text: '' }).returning('id').executeTakeFirstOrThrow();
      const id = await report(remoteTargetId, { statusIds: [p1.id, p2.id] });
      const result = await writer().deleteReportedStatuses({ actor: moderator, reportId: id, text: 'Harassment.' });
      expect(result.statusIds.sort()).toEqual([p1.id, p2.id].sort());
      expect(result.resolvedReport).toBe(true);

      const statuses = await db.selectFrom('statuses').select(['id', 'deleted_at', 'uri', 'updated_at']).where('id', 'in', [p1.id, p2.id, boost.id]).execute();
      expect(statuses.every((s) => s.deleted_at !== null)).toBe(true);
      const deletedAt = statuses.find((s) => s.id === p1.id)?.deleted_at;
      expect(statuses.find((s) => s.id === boost.id)?.deleted_at?.toISOString()).toBe(deletedAt?.toISOString());

      const tombstones = await db.selectFrom('tombstones').selectAll().where('account_id', '=', remoteTargetId).execute();
      expect(tombstones.map((ts) => ts.uri).sort()).toEqual(statuses.filter((s) => s.id !== boost.id).map((s) => s.uri).sort());
      expect(tombstones.every((ts) => ts.by_moderator === true)).toBe(true);

      const statusLogs = await logs('Status', [p1.id, p2.id]);
      expect(statusLogs.map((l) => ({ action: l.action, human: l.human_identifier, permalink: l.permalink }))).toEqual(
        [p1.id, p2.id].sort((x, y) => Number(BigInt(x) - BigInt(y))).map((sid) => ({ action: 'destroy', human: 'troll@bad.example', permalink: statuses.find((s) => s.id === sid)?.uri })),
      );
      expect((await logs('Report', [id])).map((l) => l.action)).toEqual(['resolve']);
      const strike = await db.selectFrom('account_warnings').selectAll().where('report_id', '=', id).executeTakeFirstOrThrow();
      expect(strike).toMatchObject({ id: result.strikeId, action: 1500, account_id: moderator.accountId, target_account_id: remoteTargetId, text: 'Harassment.' });
      expect([...(strike.status_ids ?? [])].sort()).toEqual([p1.id, p2.id].sort());
      expect((await reportRow(id)).action_taken_by_account_id).toBe(moderator.accountId);
    });

    it('local author: posts soft-deleted, no tombstone; a second action does not resolve again', async () => {
      const p = await post(localTargetId, { remote: false, media: 1 });
      const id = await report(localTargetId, { statusIds: [p.id] });
      await writer().takeAccountAction({ actor: moderator, accountId: localTargetId, type: 'none', reportId: id, text: 'first warning' });
      const result = await writer().deleteReportedStatuses({ actor: moderator, reportId: id });
      expect(result.resolvedReport).toBe(false);
      expect(await db.selectFrom('tombstones').select('id').where('account_id', '=', localTargetId).execute()).toHaveLength(0);
      expect((await logs('Report', [id])).map((l) => l.action)).toEqual(['resolve']);
      expect((await db.selectFrom('account_warnings').select('action').where('report_id', '=', id).orderBy('id').execute()).map((w) => w.action)).toEqual([0, 1500]);
    });

    it('refuses a report that names no posts', async () => {
      const id = await report();
      await expect(writer().deleteReportedStatuses({ actor: moderator, reportId: id })).rejects.toMatchObject({ code: 'invalid' });
      expect(await db.selectFrom('account_warnings').select('id').where('report_id', '=', id).execute()).toHaveLength(0);
    });
  });

  describe('marking reported posts sensitive (Admin::ModerationAction mark_as_sensitive)', () => {
    it('local author: edited by the instance actor with the original kept as first revision; posts without media untouched', async () => {
      const withMedia = await post(localTargetId, { remote: false, media: 2 });
      const already = await post(localTargetId, { remote: false, media: 1, sensitive: true });
      const textOnly = await post(localTargetId, { remote: false });
      const id = await report(localTargetId, { statusIds: [withMedia.id, already.id, textOnly.id] });
      const result = await writer().markReportedStatusesSensitive({ actor: moderator, reportId: id, warningPresetId: null, text: 'Please use CWs.' });
      expect(result.statusIds.sort()).toEqual([withMedia.id, already.id].sort());

      const edits = await db.selectFrom('status_edits').selectAll().where('status_id', '=', withMedia.id).orderBy('id').execute();
      expect(edits).toHaveLength(2);
      expect(edits[0]).toMatchObject({ account_id: localTargetId, sensitive: false, text: 'bad post', media_descriptions: ['first', null] });
      expect(edits[0]?.ordered_media_attachment_ids).toEqual(withMedia.mediaIds);
      expect(edits[0]?.created_at.toISOString()).toBe('2026-11-01T08:00:00.000Z');
      expect(edits[1]).toMatchObject({ account_id: '-99', sensitive: true });
      const status = await db.selectFrom('statuses').select(['sensitive', 'edited_at']).where('id', '=', withMedia.id).executeTakeFirstOrThrow();
      expect(status.sensitive).toBe(true);
      expect(status.edited_at?.toISOString()).toBe(edits[1]?.created_at.toISOString());
      // Already sensitive: UpdateStatusService finds no change and writes nothing (but the action is still logged).
      expect(await db.selectFrom('status_edits').select('id').where('status_id', '=', already.id).execute()).toHaveLength(0);
      expect((await db.selectFrom('statuses').select('sensitive').where('id', '=', textOnly.id).executeTakeFirstOrThrow()).sensitive).toBe(false);

      expect((await logs('Status', [withMedia.id, already.id, textOnly.id])).map((l) => [l.target_id, l.action]).sort()).toEqual([[withMedia.id, 'update'], [already.id, 'update']].sort());
      const strike = await db.selectFrom('account_warnings').selectAll().where('report_id', '=', id).executeTakeFirstOrThrow();
      expect(strike).toMatchObject({ action: 1250, text: 'Please use CWs.' });
      expect(strike.status_ids).toHaveLength(3);
      expect((await logs('Report', [id])).map((l) => l.action)).toEqual(['resolve']);
    });

    it('remote author: the column only, no revision', async () => {
      const p = await post(remoteTargetId, { remote: true, media: 1 });
      const id = await report(remoteTargetId, { statusIds: [p.id] });
      await writer().markReportedStatusesSensitive({ actor: moderator, reportId: id });
      expect((await db.selectFrom('statuses').select(['sensitive', 'edited_at']).where('id', '=', p.id).executeTakeFirstOrThrow())).toEqual({ sensitive: true, edited_at: null });
      expect(await db.selectFrom('status_edits').select('id').where('status_id', '=', p.id).execute()).toHaveLength(0);
    });

    it('refuses when no reported post has media left, writing nothing', async () => {
      const gone = await post(remoteTargetId, { remote: true, media: 1, deletedAt: new Date('2026-11-05T00:00:00Z') });
      const id = await report(remoteTargetId, { statusIds: [gone.id] });
      await expect(writer().markReportedStatusesSensitive({ actor: moderator, reportId: id })).rejects.toMatchObject({ code: 'invalid' });
      expect((await reportRow(id)).action_taken_at).toBeNull();
      expect(await db.selectFrom('account_warnings').select('id').where('report_id', '=', id).execute()).toHaveLength(0);
    });
  });
});
