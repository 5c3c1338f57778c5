import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { createAccount, createReport, createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { canonicalEmailHash } from '@/lib/canonical-email';
import { databaseWritePath } from '../database';
import type { WriteActor } from '../types';

describe.each(testBackends())('account actions through the database on %s', (backend) => {
  let t: TestDatabase;
  let admin: WriteActor;
  let moderator: WriteActor;
  let reportsOnly: WriteActor;
  const at = new Date('2026-11-21T09:30:00Z');
  const writer = () => databaseWritePath({ db: t.handle.db, now: () => at });

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    await ensureDefaultRoles({ db: t.handle.db });
    const a = await createStaffUser({ db: t.handle.db, username: 'aa_admin', roleId: '2' });
    const m = await createStaffUser({ db: t.handle.db, username: 'aa_mod', roleId: '1' });
    admin = { accountId: a.accountId, username: 'aa_admin', permissions: 65536n | 2031612n, rolePosition: 100, accessToken: null };
    moderator = { accountId: m.accountId, username: 'aa_mod', permissions: 65536n | 1049884n, rolePosition: 10, accessToken: null };
    reportsOnly = { ...moderator, permissions: 16n };
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  const db = () => t.handle.db;
  const logs = (since: string) =>
    db().selectFrom('admin_action_logs').select(['action', 'target_type', 'target_id', 'human_identifier', 'route_param', 'account_id']).where('id', '>', since).orderBy('id').execute();
  const lastLogId = async () => (await db().selectFrom('admin_action_logs').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? '0';

  it('limits a remote account: silenced_at, strike 3000, every open report resolved, audit rows in Mastodon’s order', async () => {
    const reporter = await createAccount({ db: db(), username: 'rep1', domain: 'a.example' });
    const target = await createAccount({ db: db(), username: 'spammer', domain: 'spam.example' });
    const r1 = await createReport({ db: db(), reporterId: reporter, targetId: target, category: 1000 });
    const r2 = await createReport({ db: db(), reporterId: reporter, targetId: target, category: 1000 });
    const resolvedEarlier = await createReport({ db: db(), reporterId: reporter, targetId: target, resolvedBy: admin.accountId });
    await db().updateTable('reports').set({ status_ids: ['110000000000000001', '110000000000000002'] }).where('id', '=', r1).execute();
    const before = await lastLogId();

    const result = await writer().takeAccountAction({ actor: moderator, accountId: target, type: 'silence', reportId: r1, text: 'Spam links' });

    const account = await db().selectFrom('accounts').select(['silenced_at', 'suspended_at']).where('id', '=', target).executeTakeFirstOrThrow();
    expect(account.silenced_at?.toISOString()).toBe(at.toISOString());
    expect(account.suspended_at).toBeNull();
    const strike = await db().selectFrom('account_warnings').selectAll().where('id', '=', result.strikeId!).executeTakeFirstOrThrow();
    expect(strike).toMatchObject({ account_id: moderator.accountId, target_account_id: target, action: 3000, text: 'Spam links', report_id: r1, status_ids: ['110000000000000001', '110000000000000002'] });
    expect(result.resolvedReportIds).toEqual([r1, r2]);
    const reports = await db().selectFrom('reports').select(['id', 'action_taken_by_account_id']).where('id', 'in', [r1, r2]).execute();
    expect(reports.every((r) => r.action_taken_by_account_id === moderator.accountId)).toBe(true);
    expect(await logs(before)).toEqual([
      { action: 'silence', target_type: 'Account', target_id: target, human_identifier: 'spammer@spam.example', route_param: null, account_id: moderator.accountId },
      { action: 'resolve', target_type: 'Report', target_id: r1, human_identifier: r1, route_param: null, account_id: moderator.accountId },
      { action: 'resolve', target_type: 'Report', target_id: r2, human_identifier: r2, route_param: null, account_id: moderator.accountId },
    ]);
    const untouched = await db().selectFrom('reports').select('action_taken_by_account_id').where('id', '=', resolvedEarlier).executeTakeFirstOrThrow();
    expect(untouched.action_taken_by_account_id).toBe(admin.accountId);
  });

  it('warns a local user from one report: only that report is resolved, and the text is logged', async () => {
    const reporter = await createAccount({ db: db(), username: 'rep2', domain: 'b.example' });
    const local = await createStaffUser({ db: db(), username: 'warned', roleId: null });
    const r1 = await createReport({ db: db(), reporterId: reporter, targetId: local.accountId });
    const r2 = await createReport({ db: db(), reporterId: reporter, targetId: local.accountId });
    const preset = await db().insertInto('account_warning_presets').values({ title: 'Be kind', text: 'Please be kind.', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    const before = await lastLogId();

    const result = await writer().takeAccountAction({ actor: moderator, accountId: local.accountId, type: 'none', reportId: r1, warningPresetId: preset.id, text: 'Second time.', includeStatuses: false });

    const strike = await db().selectFrom('account_warnings').selectAll().where('id', '=', result.strikeId!).executeTakeFirstOrThrow();
    expect(strike).toMatchObject({ action: 0, text: 'Please be kind.\n\nSecond time.', status_ids: null, report_id: r1 });
    expect(result.resolvedReportIds).toEqual([r1]);
    const open = await db().selectFrom('reports').select('action_taken_at').where('id', '=', r2).executeTakeFirstOrThrow();
    expect(open.action_taken_at).toBeNull();
    expect((await logs(before)).map((l) => `${l.action} ${l.target_type}`)).toEqual(['create AccountWarning', 'resolve Report']);
  });

  it('a warning without text writes a strike but no audit row', async () => {
    const local = await createStaffUser({ db: db(), username: 'quietwarn', roleId: null });
    const before = await lastLogId();
    await writer().takeAccountAction({ actor: moderator, accountId: local.accountId, type: 'none' });
    expect(await logs(before)).toEqual([]);
    expect(await db().selectFrom('account_warnings').select('action').where('target_account_id', '=', local.accountId).execute()).toEqual([{ action: 0 }]);
  });

  it('suspends a local user: deletion request, canonical e-mail block, origin local; unsuspend reverses all three', async () => {
    const local = await createStaffUser({ db: db(), username: 'suspendme', roleId: null, email: 'Suspend.Me+x@mail.example' });
    await writer().takeAccountAction({ actor: admin, accountId: local.accountId, type: 'suspend' });
    const account = await db().selectFrom('accounts').select(['suspended_at', 'suspension_origin']).where('id', '=', local.accountId).executeTakeFirstOrThrow();
    expect(account).toEqual({ suspended_at: at, suspension_origin: 0 });
    expect(await db().selectFrom('account_deletion_requests').select('account_id').where('account_id', '=', local.accountId).execute()).toHaveLength(1);
    const block = await db().selectFrom('canonical_email_blocks').select(['canonical_email_hash', 'reference_account_id']).where('reference_account_id', '=', local.accountId).executeTakeFirstOrThrow();
    expect(block.canonical_email_hash).toBe(canonicalEmailHash('suspend.me+x@mail.example'));

    await expect(writer().takeAccountAction({ actor: admin, accountId: local.accountId, type: 'suspend' })).rejects.toMatchObject({ code: 'conflict' });

    const before = await lastLogId();
    await writer().undoAccountAction({ actor: admin, accountId: local.accountId, undo: 'unsuspend' });
    expect(await db().selectFrom('accounts').select(['suspended_at', 'suspension_origin']).where('id', '=', local.accountId).executeTakeFirstOrThrow()).toEqual({ suspended_at: null, suspension_origin: null });
    expect(await db().selectFrom('account_deletion_requests').select('id').where('account_id', '=', local.accountId).execute()).toHaveLength(0);
    expect(await db().selectFrom('canonical_email_blocks').select('id').where('reference_account_id', '=', local.accountId).execute()).toHaveLength(0);
    expect((await logs(before)).map((l) => l.action)).toEqual(['unsuspend']);
  });

  it('freezes and unfreezes through the User target with its route param, and needs manage_users', async () => {
    const local = await createStaffUser({ db: db(), username: 'freezeme', roleId: null });
    await expect(writer().takeAccountAction({ actor: reportsOnly, accountId: local.accountId, type: 'disable' })).rejects.toMatchObject({ code: 'forbidden' });
    const before = await lastLogId();
    await writer().takeAccountAction({ actor: moderator, accountId: local.accountId, type: 'disable' });
    expect((await db().selectFrom('users').select('disabled').where('id', '=', local.userId).executeTakeFirstOrThrow()).disabled).toBe(true);
    await writer().undoAccountAction({ actor: moderator, accountId: local.accountId, undo: 'enable' });
    expect((await db().selectFrom('users').select('disabled').where('id', '=', local.userId).executeTakeFirstOrThrow()).disabled).toBe(false);
    expect(await logs(before)).toEqual([
      { action: 'disable', target_type: 'User', target_id: local.userId, human_identifier: 'freezeme', route_param: local.accountId, account_id: moderator.accountId },
      { action: 'enable', target_type: 'User', target_id: local.userId, human_identifier: 'freezeme', route_param: local.accountId, account_id: moderator.accountId },
    ]);
  });

  it('refuses to act on a user whose role is not outranked', async () => {
    const peer = await createStaffUser({ db: db(), username: 'peer_mod', roleId: '1' });
    await expect(writer().takeAccountAction({ actor: moderator, accountId: peer.accountId, type: 'silence' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await db().selectFrom('accounts').select('silenced_at').where('id', '=', peer.accountId).executeTakeFirstOrThrow()).silenced_at).toBeNull();
  });

  it('approves one pending sign-up and rejects another (deleting it)', async () => {
    const pending = await createStaffUser({ db: db(), username: 'newbie', roleId: null, overrides: { approved: false } });
    const spam = await createStaffUser({ db: db(), username: 'spambot', roleId: null, overrides: { approved: false } });
    const before = await lastLogId();
    await writer().approveUser({ actor: moderator, accountId: pending.accountId });
    await writer().rejectUser({ actor: moderator, accountId: spam.accountId });
    expect((await db().selectFrom('users').select('approved').where('id', '=', pending.userId).executeTakeFirstOrThrow()).approved).toBe(true);
    expect(await db().selectFrom('accounts').select('id').where('id', '=', spam.accountId).execute()).toHaveLength(0);
    expect(await db().selectFrom('users').select('id').where('id', '=', spam.userId).execute()).toHaveLength(0);
    expect((await logs(before)).map((l) => `${l.action} ${l.target_type} ${l.human_identifier}`)).toEqual(['approve User newbie', 'reject User spambot']);
    await expect(writer().approveUser({ actor: moderator, accountId: pending.accountId })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('marks a local user sensitive (strike 2000) and unsensitive clears sensitized_at, each with its Account audit row', async () => {
    const local = await createStaffUser({ db: db(), username: 'nsfwposter', roleId: null });
    const reporter = await createAccount({ db: db(), username: 'rep3', domain: 'c.example' });
    const report = await createReport({ db: db(), reporterId: reporter, targetId: local.accountId });
    const before = await lastLogId();

    const result = await writer().takeAccountAction({ actor: moderator, accountId: local.accountId, type: 'sensitive', text: 'Mark your media.' });

    expect(await db().selectFrom('accounts').select(['sensitized_at', 'silenced_at', 'suspended_at', 'updated_at']).where('id', '=', local.accountId).executeTakeFirstOrThrow()).toEqual({
      sensitized_at: at,
      silenced_at: null,
      suspended_at: null,
      updated_at: at,
    });
    expect(await db().selectFrom('account_warnings').selectAll().where('target_account_id', '=', local.accountId).execute()).toEqual([
      {
        id: result.strikeId,
        account_id: moderator.accountId,
        target_account_id: local.accountId,
        action: 2000,
        text: 'Mark your media.',
        report_id: null,
        status_ids: null,
        overruled_at: null,
        created_at: at,
        updated_at: at,
      },
    ]);
    // Any action but a warning resolves every open report against the account, as Mastodon does.
    expect(result.resolvedReportIds).toEqual([report]);

    const later = new Date('2026-11-22T10:00:00Z');
    await databaseWritePath({ db: db(), now: () => later }).undoAccountAction({ actor: moderator, accountId: local.accountId, undo: 'unsensitive' });

    expect(await db().selectFrom('accounts').select(['sensitized_at', 'updated_at']).where('id', '=', local.accountId).executeTakeFirstOrThrow()).toEqual({ sensitized_at: null, updated_at: later });
    // Undo leaves the strike in place (only an approved appeal overrules it).
    expect(await db().selectFrom('account_warnings').select(['action', 'overruled_at']).where('target_account_id', '=', local.accountId).execute()).toEqual([{ action: 2000, overruled_at: null }]);
    expect(await logs(before)).toEqual([
      { action: 'sensitive', target_type: 'Account', target_id: local.accountId, human_identifier: 'nsfwposter', route_param: null, account_id: moderator.accountId },
      { action: 'resolve', target_type: 'Report', target_id: report, human_identifier: report, route_param: null, account_id: moderator.accountId },
      { action: 'unsensitive', target_type: 'Account', target_id: local.accountId, human_identifier: 'nsfwposter', route_param: null, account_id: moderator.accountId },
    ]);
    const afterUndo = await lastLogId();
    await expect(writer().undoAccountAction({ actor: moderator, accountId: local.accountId, undo: 'unsensitive' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await logs(afterUndo)).toEqual([]);
  });

  it('limits then unlimits a remote account: silenced_at set then cleared, strike 3000 kept, silence and unsilence audit rows', async () => {
    const target = await createAccount({ db: db(), username: 'loud', domain: 'loud.example' });
    const before = await lastLogId();

    const result = await writer().takeAccountAction({ actor: admin, accountId: target, type: 'silence' });

    expect(await db().selectFrom('accounts').select(['silenced_at', 'sensitized_at', 'suspended_at']).where('id', '=', target).executeTakeFirstOrThrow()).toEqual({ silenced_at: at, sensitized_at: null, suspended_at: null });
    expect(await db().selectFrom('account_warnings').selectAll().where('target_account_id', '=', target).execute()).toEqual([
      { id: result.strikeId, account_id: admin.accountId, target_account_id: target, action: 3000, text: '', report_id: null, status_ids: null, overruled_at: null, created_at: at, updated_at: at },
    ]);
    expect(result.resolvedReportIds).toEqual([]);
    // Mastodon offers no second limit on a limited account.
    await expect(writer().takeAccountAction({ actor: admin, accountId: target, type: 'silence' })).rejects.toMatchObject({ code: 'conflict' });

    await writer().undoAccountAction({ actor: admin, accountId: target, undo: 'unsilence' });

    expect(await db().selectFrom('accounts').select(['silenced_at', 'sensitized_at', 'suspended_at']).where('id', '=', target).executeTakeFirstOrThrow()).toEqual({ silenced_at: null, sensitized_at: null, suspended_at: null });
    expect(await db().selectFrom('account_warnings').select(['action', 'overruled_at']).where('target_account_id', '=', target).execute()).toEqual([{ action: 3000, overruled_at: null }]);
    expect(await logs(before)).toEqual([
      { action: 'silence', target_type: 'Account', target_id: target, human_identifier: 'loud@loud.example', route_param: null, account_id: admin.accountId },
      { action: 'unsilence', target_type: 'Account', target_id: target, human_identifier: 'loud@loud.example', route_param: null, account_id: admin.accountId },
    ]);
    await expect(writer().undoAccountAction({ actor: admin, accountId: target, undo: 'unsilence' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('undoing a limit or force-sensitive needs manage_users, so a reports-only role is refused and nothing changes', async () => {
    const target = await createAccount({ db: db(), username: 'stuck', domain: 'stuck.example' });
    await writer().takeAccountAction({ actor: moderator, accountId: target, type: 'silence' });
    await writer().takeAccountAction({ actor: moderator, accountId: target, type: 'sensitive' });
    const before = await lastLogId();
    await expect(writer().undoAccountAction({ actor: reportsOnly, accountId: target, undo: 'unsilence' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(writer().undoAccountAction({ actor: reportsOnly, accountId: target, undo: 'unsensitive' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db().selectFrom('accounts').select(['silenced_at', 'sensitized_at']).where('id', '=', target).executeTakeFirstOrThrow()).toEqual({ silenced_at: at, sensitized_at: at });
    expect(await logs(before)).toEqual([]);
  });

  it('rolls everything back when a step fails', async () => {
    const target = await createAccount({ db: db(), username: 'rollback', domain: 'rb.example' });
    const before = await lastLogId();
    await expect(writer().takeAccountAction({ actor: moderator, accountId: target, type: 'silence', warningPresetId: '987654' })).rejects.toMatchObject({ code: 'invalid' });
    expect((await db().selectFrom('accounts').select('silenced_at').where('id', '=', target).executeTakeFirstOrThrow()).silenced_at).toBeNull();
    expect(await logs(before)).toEqual([]);
  });
});
