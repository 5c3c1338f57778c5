import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { createAccount, createReport, createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { databaseWritePath } from '../database';
import type { WriteActor } from '../types';
import { strikeWithAppeal } from './fixtures';

describe.each(testBackends())('appeal decisions through the database on %s', (backend) => {
  let t: TestDatabase;
  let admin: WriteActor;
  let moderator: WriteActor;
  const struck = new Date('2026-11-10T08:00:00Z');
  const at = new Date('2026-11-21T09:30:00Z');
  const writer = () => databaseWritePath({ db: t.handle.db, now: () => at });
  const db = () => t.handle.db;

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    await ensureDefaultRoles({ db: db() });
    const a = await createStaffUser({ db: db(), username: 'ap_admin', roleId: '2' });
    const m = await createStaffUser({ db: db(), username: 'ap_mod', roleId: '1' });
    admin = { accountId: a.accountId, username: 'ap_admin', permissions: 65536n | 2031612n, rolePosition: 100, accessToken: null };
    // The default Moderator role has no manage_appeals.
    moderator = { accountId: m.accountId, username: 'ap_mod', permissions: 65536n | 1049884n, rolePosition: 10, accessToken: null };
    await db()
      .insertInto('accounts')
      .values({ id: '-99', username: 'mastodon.internal', domain: null, actor_type: 'Application', locked: true, created_at: struck, updated_at: struck })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  const lastLogId = async () => (await db().selectFrom('admin_action_logs').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? '0';
  const logsSince = (id: string) =>
    db().selectFrom('admin_action_logs').select(['account_id', 'action', 'target_type', 'target_id', 'human_identifier', 'route_param', 'created_at']).where('id', '>', id).orderBy('id').execute();
  const appealRow = (id: string) => db().selectFrom('appeals').select(['approved_at', 'approved_by_account_id', 'rejected_at', 'rejected_by_account_id', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const strikeRow = (id: string) => db().selectFrom('account_warnings').select(['overruled_at', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();

  it('approving an appeal against a suspension unsuspends: the rows of Account#unsuspend!, the decision, the overruled strike, one audit row', async () => {
    const user = await createStaffUser({ db: db(), username: 'suspended_one', roleId: null, email: 'suspended.one@mail.example' });
    await writer().takeAccountAction({ actor: admin, accountId: user.accountId, type: 'suspend' });
    const { strikeId, appealId } = await strikeWithAppeal(db(), { target: user.accountId, issuer: admin.accountId, action: 'suspend', at: struck });
    expect(await db().selectFrom('canonical_email_blocks').select('id').where('reference_account_id', '=', user.accountId).execute()).toHaveLength(1);
    const before = await lastLogId();

    const result = await writer().approveAppeal({ actor: admin, appealId, reply: '  We got this wrong, sorry.  ' });

    expect(result).toEqual({ undo: 'unsuspend', restoredStatusIds: [] });
    expect(await db().selectFrom('accounts').select(['suspended_at', 'suspension_origin']).where('id', '=', user.accountId).executeTakeFirstOrThrow()).toEqual({ suspended_at: null, suspension_origin: null });
    expect(await db().selectFrom('account_deletion_requests').select('id').where('account_id', '=', user.accountId).execute()).toHaveLength(0);
    expect(await db().selectFrom('canonical_email_blocks').select('id').where('reference_account_id', '=', user.accountId).execute()).toHaveLength(0);
    expect(await appealRow(appealId)).toEqual({ approved_at: at, approved_by_account_id: admin.accountId, rejected_at: null, rejected_by_account_id: null, updated_at: at });
    expect(await strikeRow(strikeId)).toEqual({ overruled_at: at, updated_at: at });
    // Only the controller's log_action: the service's unsuspend! writes no audit row of its own.
    expect(await logsSince(before)).toEqual([
      { account_id: admin.accountId, action: 'approve', target_type: 'Appeal', target_id: appealId, human_identifier: 'suspended_one', route_param: strikeId, created_at: at },
    ]);
    const reply = await db().selectFrom('palisade.appeal_replies').selectAll().where('appeal_id', '=', appealId).executeTakeFirstOrThrow();
    expect(reply).toMatchObject({ account_warning_id: strikeId, decision: 'approved', account_id: admin.accountId, text: 'We got this wrong, sorry.' });
    const events = await db().selectFrom('palisade.events').select(['account_id', 'action', 'target_type', 'target_id', 'route_param', 'data']).where('target_type', '=', 'Appeal').where('target_id', '=', appealId).execute();
    expect(events).toEqual([{ account_id: admin.accountId, action: 'reply', target_type: 'Appeal', target_id: appealId, route_param: strikeId, data: { decision: 'approved' } }]);
  });

  it('lifts a limit, a freeze and a forced sensitive flag, each by the strike that set it', async () => {
    const remote = await createAccount({ db: db(), username: 'limited', domain: 'far.example' });
    await writer().takeAccountAction({ actor: admin, accountId: remote, type: 'silence' });
    await writer().takeAccountAction({ actor: admin, accountId: remote, type: 'sensitive' });
    const silence = await strikeWithAppeal(db(), { target: remote, issuer: admin.accountId, action: 'silence', at: struck });
    await writer().approveAppeal({ actor: admin, appealId: silence.appealId });
    // Only the limit is lifted; the sensitive flag belongs to another strike.
    expect(await db().selectFrom('accounts').select(['silenced_at', 'sensitized_at']).where('id', '=', remote).executeTakeFirstOrThrow()).toEqual({ silenced_at: null, sensitized_at: at });

    const sensitive = await strikeWithAppeal(db(), { target: remote, issuer: admin.accountId, action: 'sensitive', at: struck });
    await writer().approveAppeal({ actor: admin, appealId: sensitive.appealId });
    expect((await db().selectFrom('accounts').select('sensitized_at').where('id', '=', remote).executeTakeFirstOrThrow()).sensitized_at).toBeNull();

    const frozen = await createStaffUser({ db: db(), username: 'frozen_one', roleId: null });
    await writer().takeAccountAction({ actor: admin, accountId: frozen.accountId, type: 'disable' });
    const disable = await strikeWithAppeal(db(), { target: frozen.accountId, issuer: admin.accountId, action: 'disable', at: struck });
    const result = await writer().approveAppeal({ actor: admin, appealId: disable.appealId });
    expect(result.undo).toBe('enable');
    expect((await db().selectFrom('users').select('disabled').where('id', '=', frozen.userId).executeTakeFirstOrThrow()).disabled).toBe(false);
  });

  it('restores posts marked sensitive where possible: still there, with media; deleted ones stay', async () => {
    const author = await createStaffUser({ db: db(), username: 'photographer', roleId: null });
    const report = await createReport({ db: db(), reporterId: admin.accountId, targetId: author.accountId });
    const post = async (id: string, { media, deleted = false }: { media: boolean; deleted?: boolean }) => {
      await db()
        .insertInto('statuses')
        .values({ id, account_id: author.accountId, text: `post ${id}`, sensitive: true, local: true, created_at: struck, updated_at: struck, deleted_at: deleted ? at : null })
        .execute();
      if (media) {
        await db()
          .insertInto('media_attachments')
          .values({ id: `${id}1`, status_id: id, account_id: author.accountId, type: 0, description: 'a photo', created_at: struck, updated_at: struck, remote_url: '' })
          .execute();
      }
    };
    await post('115100000000000001', { media: true });
    await post('115100000000000002', { media: false });
    await post('115100000000000003', { media: true, deleted: true });
    const ids = ['115100000000000001', '115100000000000002', '115100000000000003', '115100000000000009'];
    const { strikeId, appealId } = await strikeWithAppeal(db(), { target: author.accountId, issuer: admin.accountId, action: 'mark_statuses_as_sensitive', statusIds: ids, reportId: report, at: struck });

    const result = await writer().approveAppeal({ actor: admin, appealId });

    expect(result.restoredStatusIds).toEqual(['115100000000000001']);
    const statuses = await db().selectFrom('statuses').select(['id', 'sensitive', 'edited_at']).where('id', 'in', ids).orderBy('id').execute();
    expect(statuses).toEqual([
      { id: '115100000000000001', sensitive: false, edited_at: at },
      { id: '115100000000000002', sensitive: true, edited_at: null },
      { id: '115100000000000003', sensitive: true, edited_at: null },
    ]);
    // UpdateStatusService: a snapshot of the original (by its author, at its creation) and of the edit (by the instance actor).
    const edits = await db().selectFrom('status_edits').select(['account_id', 'sensitive', 'created_at', 'ordered_media_attachment_ids', 'media_descriptions']).where('status_id', '=', '115100000000000001').orderBy('id').execute();
    expect(edits).toEqual([
      { account_id: author.accountId, sensitive: true, created_at: struck, ordered_media_attachment_ids: ['1151000000000000011'], media_descriptions: ['a photo'] },
      { account_id: '-99', sensitive: false, created_at: at, ordered_media_attachment_ids: ['1151000000000000011'], media_descriptions: ['a photo'] },
    ]);
    expect((await strikeRow(strikeId)).overruled_at).toEqual(at);
  });

  it('approving against deleted posts changes nothing but still records the decision', async () => {
    const author = await createAccount({ db: db(), username: 'deleted_posts', domain: 'posts.example' });
    const { strikeId, appealId } = await strikeWithAppeal(db(), { target: author, issuer: admin.accountId, action: 'delete_statuses', statusIds: ['115200000000000001'], at: struck });
    const before = await lastLogId();
    const result = await writer().approveAppeal({ actor: admin, appealId });
    expect(result).toEqual({ undo: null, restoredStatusIds: [] });
    expect((await appealRow(appealId)).approved_by_account_id).toBe(admin.accountId);
    expect((await strikeRow(strikeId)).overruled_at).toEqual(at);
    expect((await logsSince(before)).map((l) => `${l.action} ${l.target_type}`)).toEqual(['approve Appeal']);
  });

  it('rejects: the rejected fields and the audit row, the strike and the account untouched', async () => {
    const remote = await createAccount({ db: db(), username: 'still_limited', domain: 'far.example' });
    await writer().takeAccountAction({ actor: admin, accountId: remote, type: 'silence' });
    const { strikeId, appealId } = await strikeWithAppeal(db(), { target: remote, issuer: admin.accountId, action: 'silence', at: struck });
    const before = await lastLogId();
    await writer().rejectAppeal({ actor: admin, appealId, reply: 'The spam links were real.' });
    expect(await appealRow(appealId)).toEqual({ approved_at: null, approved_by_account_id: null, rejected_at: at, rejected_by_account_id: admin.accountId, updated_at: at });
    expect(await strikeRow(strikeId)).toEqual({ overruled_at: null, updated_at: struck });
    expect((await db().selectFrom('accounts').select('silenced_at').where('id', '=', remote).executeTakeFirstOrThrow()).silenced_at).toEqual(at);
    expect(await logsSince(before)).toEqual([
      { account_id: admin.accountId, action: 'reject', target_type: 'Appeal', target_id: appealId, human_identifier: 'still_limited@far.example', route_param: strikeId, created_at: at },
    ]);
    expect((await db().selectFrom('palisade.appeal_replies').select('decision').where('appeal_id', '=', appealId).executeTakeFirstOrThrow()).decision).toBe('rejected');
  });

  it('refuses: without manage_appeals, twice, unknown or forged ids, an over-long reply', async () => {
    const remote = await createAccount({ db: db(), username: 'refusals', domain: 'far.example' });
    const { appealId } = await strikeWithAppeal(db(), { target: remote, issuer: admin.accountId, action: 'none', at: struck });
    const before = await lastLogId();
    await expect(writer().approveAppeal({ actor: moderator, appealId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(writer().rejectAppeal({ actor: moderator, appealId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(writer().approveAppeal({ actor: admin, appealId: '1 OR 1=1' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(writer().approveAppeal({ actor: admin, appealId: '999999999' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(writer().approveAppeal({ actor: admin, appealId, reply: 'x'.repeat(2001) })).rejects.toMatchObject({ code: 'invalid' });
    expect(await logsSince(before)).toEqual([]);
    await writer().rejectAppeal({ actor: admin, appealId });
    await expect(writer().approveAppeal({ actor: admin, appealId })).rejects.toMatchObject({ code: 'conflict' });
    expect(await db().selectFrom('palisade.appeal_replies').select('appeal_id').where('appeal_id', '=', appealId).execute()).toEqual([]);
  });

  it('rolls everything back when the reversal fails', async () => {
    // A freeze strike whose user row is gone: the audit row is written first, then the undo fails.
    const orphan = await createAccount({ db: db(), username: 'no_user_left' });
    const { strikeId, appealId } = await strikeWithAppeal(db(), { target: orphan, issuer: admin.accountId, action: 'disable', at: struck });
    const before = await lastLogId();
    await expect(writer().approveAppeal({ actor: admin, appealId, reply: 'ok' })).rejects.toMatchObject({ code: 'invalid' });
    expect(await logsSince(before)).toEqual([]);
    expect((await appealRow(appealId)).approved_at).toBeNull();
    expect((await strikeRow(strikeId)).overruled_at).toBeNull();
    expect(await db().selectFrom('palisade.appeal_replies').select('appeal_id').where('appeal_id', '=', appealId).execute()).toEqual([]);
    expect(await db().selectFrom('palisade.events').select('id').where('target_type', '=', 'Appeal').where('target_id', '=', appealId).execute()).toEqual([]);
  });
});
