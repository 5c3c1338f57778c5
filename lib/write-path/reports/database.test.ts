import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createReport, createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { databaseWritePath } from '../database';
import { WritePathError, type WriteActor } from '../types';

describe.each(testBackends())('database write path on %s', (backend) => {
  let t: TestDatabase;
  let moderator: WriteActor;
  let targetId: string;
  let reporterId: string;

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    const db = t.handle.db;
    await ensureDefaultRoles({ db });
    const mod = await createStaffUser({ db, username: 'wp_moderator', roleId: '1' });
    moderator = { accountId: mod.accountId, username: 'wp_moderator', permissions: 65536n | 1049884n, rolePosition: 10, accessToken: null };
    reporterId = await createAccount({ db, username: 'reporter', domain: 'reporting.example' });
    targetId = await createAccount({ db, username: 'target', domain: 'target.example' });
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  async function logsFor(reportId: string) {
    return t.handle.db
      .selectFrom('admin_action_logs')
      .selectAll()
      .where('target_type', '=', 'Report')
      .where('target_id', '=', reportId)
      .orderBy('id')
      .execute();
  }

  it('resolves a report and writes exactly Mastodon’s audit row, in one transaction', async () => {
    const reportId = await createReport({ db: t.handle.db, reporterId, targetId });
    const at = new Date('2026-11-21T10:00:00Z');
    await databaseWritePath({ db: t.handle.db, now: () => at }).resolveReport({ actor: moderator, reportId });

    const report = await t.handle.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(report.action_taken_at?.toISOString()).toBe(at.toISOString());
    expect(report.action_taken_by_account_id).toBe(moderator.accountId);
    expect(report.updated_at.toISOString()).toBe(at.toISOString());

    const logs = await logsFor(reportId);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      account_id: moderator.accountId,
      action: 'resolve',
      target_type: 'Report',
      target_id: reportId,
      human_identifier: reportId,
      route_param: null,
      permalink: null,
    });
    expect(typeof logs[0]?.id).toBe('string');
  });

  it('reopens a resolved report, clearing who resolved it', async () => {
    const reportId = await createReport({ db: t.handle.db, reporterId, targetId, resolvedBy: moderator.accountId });
    await databaseWritePath({ db: t.handle.db }).reopenReport({ actor: moderator, reportId });
    const report = await t.handle.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(report.action_taken_at).toBeNull();
    expect(report.action_taken_by_account_id).toBeNull();
    expect((await logsFor(reportId)).map((l) => l.action)).toEqual(['reopen']);
  });

  it('refuses to resolve twice and leaves no second audit row', async () => {
    const reportId = await createReport({ db: t.handle.db, reporterId, targetId });
    const writer = databaseWritePath({ db: t.handle.db });
    await writer.resolveReport({ actor: moderator, reportId });
    await expect(writer.resolveReport({ actor: moderator, reportId })).rejects.toMatchObject({ code: 'conflict' });
    expect(await logsFor(reportId)).toHaveLength(1);
  });

  it('lets exactly one of two racing moderators resolve', async () => {
    const reportId = await createReport({ db: t.handle.db, reporterId, targetId });
    const writer = databaseWritePath({ db: t.handle.db });
    const results = await Promise.allSettled([writer.resolveReport({ actor: moderator, reportId }), writer.resolveReport({ actor: moderator, reportId })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await logsFor(reportId)).toHaveLength(1);
  });

  it('assigns and unassigns with Mastodon’s audit actions', async () => {
    const reportId = await createReport({ db: t.handle.db, reporterId, targetId });
    const writer = databaseWritePath({ db: t.handle.db });
    await writer.assignReportToSelf({ actor: moderator, reportId });
    await writer.assignReportToSelf({ actor: moderator, reportId });
    await writer.unassignReport({ actor: moderator, reportId });
    expect((await logsFor(reportId)).map((l) => l.action)).toEqual(['assigned_to_self', 'unassigned']);
  });

  it('refuses a role without manage_reports and writes nothing', async () => {
    const reportId = await createReport({ db: t.handle.db, reporterId, targetId });
    const member: WriteActor = { ...moderator, permissions: 65536n };
    const attempt = databaseWritePath({ db: t.handle.db }).resolveReport({ actor: member, reportId });
    await expect(attempt).rejects.toBeInstanceOf(WritePathError);
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
    const report = await t.handle.db.selectFrom('reports').select('action_taken_at').where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(report.action_taken_at).toBeNull();
    expect(await logsFor(reportId)).toHaveLength(0);
  });

  it('answers not_found for a missing report', async () => {
    await expect(databaseWritePath({ db: t.handle.db }).resolveReport({ actor: moderator, reportId: '999999999' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('rolls back the report change when the audit row cannot be written', async () => {
    const reportId = await createReport({ db: t.handle.db, reporterId, targetId, resolvedBy: moderator.accountId });
    // Reopening does not store the actor on the report, so only the audit insert meets the
    // foreign key to accounts and fails, after the report row was already updated.
    const ghost: WriteActor = { ...moderator, accountId: '123456789012345678' };
    await expect(databaseWritePath({ db: t.handle.db }).reopenReport({ actor: ghost, reportId })).rejects.toThrow();
    const report = await t.handle.db.selectFrom('reports').select(['action_taken_at', 'action_taken_by_account_id']).where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(report.action_taken_at).not.toBeNull();
    expect(report.action_taken_by_account_id).toBe(moderator.accountId);
    expect(await logsFor(reportId)).toHaveLength(0);
  });
});
