import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { createAccount, createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { deleteAccountNote, insertAccountNote, listAccountNotes, lockAccountNote } from './account-notes';

describe.each(testBackends())('account moderation note queries on %s', (backend) => {
  let t: TestDatabase;
  const db = () => t.handle.db;
  let moderator: string;
  let admin: string;
  let noRole: string;
  let target: string;
  let otherTarget: string;
  const t1 = new Date('2026-11-01T08:00:00Z');
  const t2 = new Date('2026-11-01T09:00:00Z');
  const t3 = new Date('2026-11-02T07:30:00Z');

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    await ensureDefaultRoles({ db: db() });
    moderator = (await createStaffUser({ db: db(), username: 'note_mod', roleId: '1' })).accountId;
    admin = (await createStaffUser({ db: db(), username: 'note_admin', roleId: '2' })).accountId;
    noRole = (await createStaffUser({ db: db(), username: 'note_plain', roleId: null })).accountId;
    target = await createAccount({ db: db(), username: 'noted', domain: 'noted.example' });
    otherTarget = await createAccount({ db: db(), username: 'elsewhere', domain: 'noted.example' });
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  it('adds a note as the row Mastodon writes', async () => {
    const id = await insertAccountNote({ db: db(), authorAccountId: moderator, targetAccountId: otherTarget, content: 'Known ban evader.', at: t1 });
    expect(typeof id).toBe('string');
    expect(await db().selectFrom('account_moderation_notes').selectAll().where('id', '=', id).execute()).toEqual([
      { id, account_id: moderator, target_account_id: otherTarget, content: 'Known ban evader.', created_at: t1, updated_at: t1 },
    ]);
  });

  it('lists one account’s notes oldest first (ties by id) with each author’s acct and role position', async () => {
    // Inserted out of order: the list follows created_at, not insertion.
    const latest = await insertAccountNote({ db: db(), authorAccountId: admin, targetAccountId: target, content: 'Third', at: t3 });
    const first = await insertAccountNote({ db: db(), authorAccountId: moderator, targetAccountId: target, content: 'First', at: t1 });
    const sameTimeA = await insertAccountNote({ db: db(), authorAccountId: noRole, targetAccountId: target, content: 'Second (a)', at: t2 });
    const sameTimeB = await insertAccountNote({ db: db(), authorAccountId: moderator, targetAccountId: target, content: 'Second (b)', at: t2 });

    expect(await listAccountNotes({ db: db(), targetAccountId: target })).toEqual([
      { id: first, content: 'First', createdAt: t1, authorAccountId: moderator, authorUsername: 'note_mod', authorDomain: null, authorRolePosition: 10 },
      { id: sameTimeA, content: 'Second (a)', createdAt: t2, authorAccountId: noRole, authorUsername: 'note_plain', authorDomain: null, authorRolePosition: -1 },
      { id: sameTimeB, content: 'Second (b)', createdAt: t2, authorAccountId: moderator, authorUsername: 'note_mod', authorDomain: null, authorRolePosition: 10 },
      { id: latest, content: 'Third', createdAt: t3, authorAccountId: admin, authorUsername: 'note_admin', authorDomain: null, authorRolePosition: 100 },
    ]);
    expect((await listAccountNotes({ db: db(), targetAccountId: otherTarget })).map((n) => n.content)).toEqual(['Known ban evader.']);
    expect(await listAccountNotes({ db: db(), targetAccountId: moderator })).toEqual([]);
  });

  it('locks a note with its author’s role position, and deletes only that note', async () => {
    const byAdmin = await insertAccountNote({ db: db(), authorAccountId: admin, targetAccountId: otherTarget, content: 'Admin note', at: t2 });
    const byPlain = await insertAccountNote({ db: db(), authorAccountId: noRole, targetAccountId: otherTarget, content: 'Plain note', at: t3 });

    const locked = await db().transaction().execute(async (trx) => ({
      admin: await lockAccountNote({ db: trx, noteId: byAdmin }),
      plain: await lockAccountNote({ db: trx, noteId: byPlain }),
      missing: await lockAccountNote({ db: trx, noteId: '987654321987654321' }),
    }));
    expect(locked).toEqual({
      admin: { id: byAdmin, authorAccountId: admin, targetAccountId: otherTarget, authorRolePosition: 100 },
      plain: { id: byPlain, authorAccountId: noRole, targetAccountId: otherTarget, authorRolePosition: -1 },
      missing: undefined,
    });

    expect(await deleteAccountNote({ db: db(), noteId: byAdmin })).toBe(true);

    expect((await listAccountNotes({ db: db(), targetAccountId: otherTarget })).map((n) => n.content)).toEqual(['Known ban evader.', 'Plain note']);
    expect(await db().selectFrom('account_moderation_notes').select('id').where('id', '=', byAdmin).execute()).toEqual([]);
    expect(await deleteAccountNote({ db: db(), noteId: byAdmin })).toBe(false);
    expect(await deleteAccountNote({ db: db(), noteId: '987654321987654321' })).toBe(false);
    expect(await listAccountNotes({ db: db(), targetAccountId: target })).toHaveLength(4);
  });
});
