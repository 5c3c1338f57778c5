import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '@/db/testing-fixtures';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { getStatusesForModeration } from './report-statuses';

describe.each(testBackends())('getStatusesForModeration on %s', (backend) => {
  let t: TestDatabase;
  let authorId: string;
  let otherId: string;
  const ids = { plain: '', deleted: '', withMedia: '', legacyLocal: '' };

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    const db = t.handle.db;
    authorId = await createAccount({ db, username: 'author', domain: 'remote.example' });
    otherId = await createAccount({ db, username: 'replied', domain: null });
    const at = new Date('2026-11-01T10:00:00Z');
    const insert = async (values: Record<string, unknown>) =>
      (
        await db
          .insertInto('statuses')
          .values({ account_id: authorId, created_at: at, updated_at: at, text: '<p>x</p>', uri: `https://remote.example/s/${Math.random()}`, local: false, ...values })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    ids.plain = await insert({ in_reply_to_account_id: otherId, reply: true, spoiler_text: 'cw' });
    ids.deleted = await insert({ deleted_at: new Date('2026-11-02T00:00:00Z') });
    ids.withMedia = await insert({ edited_at: new Date('2026-11-03T00:00:00Z') });
    ids.legacyLocal = await insert({ local: null, uri: null, text: 'plain' });
    const m1 = await db.insertInto('media_attachments').values({ status_id: ids.withMedia, account_id: authorId, type: 0, file_file_name: 'a.png', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    const m2 = await db.insertInto('media_attachments').values({ status_id: ids.withMedia, account_id: authorId, type: 2, file_file_name: 'b.mp4', file_meta: { small: { width: 10, height: 10 } }, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await db.updateTable('statuses').set({ ordered_media_attachment_ids: [m2.id, m1.id] }).where('id', '=', ids.withMedia).execute();
    await db
      .insertInto('status_edits')
      .values([
        { status_id: ids.withMedia, account_id: authorId, text: '<p>v1</p>', created_at: at, updated_at: at },
        { status_id: ids.withMedia, account_id: authorId, text: '<p>v2</p>', sensitive: true, media_descriptions: ['d1', 'd2'], created_at: new Date('2026-11-03T00:00:00Z'), updated_at: at },
      ])
      .execute();
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  it('returns posts in the asked order, deleted ones included, unknown and malformed ids skipped', async () => {
    const result = await getStatusesForModeration({ db: t.handle.db, ids: [ids.withMedia, '999999999999', 'x; DROP TABLE statuses', ids.deleted, ids.plain, ids.withMedia] });
    expect(result.statuses.map((s) => s.id)).toEqual([ids.withMedia, ids.deleted, ids.plain]);
    const deleted = result.statuses.find((s) => s.id === ids.deleted);
    expect(deleted?.deletedAt?.toISOString()).toBe('2026-11-02T00:00:00.000Z');
    const plain = result.statuses.find((s) => s.id === ids.plain);
    expect(plain).toMatchObject({ inReplyToAcct: 'replied', spoilerText: 'cw', accountUsername: 'author', accountDomain: 'remote.example', local: false });
  });

  it('loads media and edit history with the posts, ids as strings', async () => {
    const result = await getStatusesForModeration({ db: t.handle.db, ids: [ids.withMedia] });
    expect(result.media).toHaveLength(2);
    expect(result.media.every((m) => typeof m.id === 'string' && m.statusId === ids.withMedia)).toBe(true);
    expect(result.media.find((m) => m.type === 2)?.fileMeta).toEqual({ small: { width: 10, height: 10 } });
    expect(result.statuses[0]?.orderedMediaAttachmentIds).toHaveLength(2);
    expect(result.edits.map((e) => [e.text, e.sensitive, e.mediaDescriptions])).toEqual([
      ['<p>v1</p>', null, null],
      ['<p>v2</p>', true, ['d1', 'd2']],
    ]);
  });

  it('treats a post with neither `local` nor `uri` as local, as Mastodon does', async () => {
    const result = await getStatusesForModeration({ db: t.handle.db, ids: [ids.legacyLocal] });
    expect(result.statuses[0]?.local).toBe(true);
  });

  it('answers nothing for no ids without querying', async () => {
    expect(await getStatusesForModeration({ db: t.handle.db, ids: [] })).toEqual({ statuses: [], media: [], edits: [] });
  });
});
