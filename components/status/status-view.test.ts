import { describe, expect, it } from 'vitest';
import type { ModerationStatuses, ModerationStatusRow } from '@/db/queries/report-statuses';
import { avatarUrl, mediaBaseUrl, toStatusViews } from './status-view';

const base: ModerationStatusRow = {
  id: '115000000000000001',
  uri: 'https://xss.example/users/h/statuses/1',
  url: 'https://xss.example/@h/1',
  text: '<p>hey mods <script>alert(1)</script><a href="javascript:alert(2)">x</a></p>',
  spoilerText: '',
  sensitive: false,
  visibility: 0,
  language: 'en',
  local: false,
  reply: false,
  inReplyToAccountId: null,
  inReplyToAcct: null,
  reblogOfId: null,
  orderedMediaAttachmentIds: null,
  createdAt: new Date('2026-11-01T10:00:00Z'),
  editedAt: null,
  deletedAt: null,
  accountId: '115000000000000099',
  accountUsername: 'h',
  accountDomain: 'xss.example',
  accountDisplayName: '\u202enimdA ecivreS',
};

function rows(partial: Partial<ModerationStatuses>): ModerationStatuses {
  return { statuses: [base], media: [], edits: [], ...partial };
}

describe('toStatusViews', () => {
  it('sanitises remote HTML and reveals hidden controls in names', () => {
    const [view] = toStatusViews(rows({}), { mediaBaseUrl: '/system' });
    expect(view?.html).toBe('<p>hey mods <span>x</span></p>');
    expect(view?.author).toEqual({ id: base.accountId, acct: 'h@xss.example', displayName: '⟦U+202E⟧nimdA ecivreS' });
    expect(view?.visibility).toBe('public');
  });

  it('formats local plain text instead of trusting it as HTML', () => {
    const [view] = toStatusViews(rows({ statuses: [{ ...base, local: true, accountDomain: null, text: '<b>hi</b>\nthere' }] }), { mediaBaseUrl: '/system' });
    expect(view?.html).toBe('<p>&lt;b&gt;hi&lt;/b&gt;<br />there</p>');
  });

  it('orders media as the post does and builds instance URLs; remote origins are only links', () => {
    const media = (id: string, extra: Partial<ModerationStatuses['media'][number]> = {}) => ({
      id,
      statusId: base.id,
      type: 0,
      fileFileName: `${id}.png`,
      fileContentType: 'image/png',
      fileMeta: { small: { width: 200, height: 150 } },
      fileStorageSchemaVersion: 1,
      remoteUrl: `https://xss.example/media/${id}.png`,
      description: 'a cat',
      blurhash: null,
      ...extra,
    });
    const [view] = toStatusViews(
      rows({
        statuses: [{ ...base, orderedMediaAttachmentIds: ['115000000000000012', '115000000000000011'] }],
        media: [media('115000000000000011'), media('115000000000000012', { fileFileName: null, remoteUrl: 'javascript:alert(1)' }), media('115000000000000013')],
      }),
      { mediaBaseUrl: 'https://mastodon.example/system/' },
    );
    expect(view?.media.map((m) => m.id)).toEqual(['115000000000000012', '115000000000000011']);
    expect(view?.media[0]).toMatchObject({ previewUrl: null, url: null, remoteUrl: null });
    expect(view?.media[1]).toMatchObject({
      kind: 'image',
      previewUrl: 'https://mastodon.example/system/cache/media_attachments/files/115/000/000/000/000/011/small/115000000000000011.png',
      url: 'https://mastodon.example/system/cache/media_attachments/files/115/000/000/000/000/011/original/115000000000000011.png',
      remoteUrl: 'https://xss.example/media/115000000000000011.png',
      width: 200,
      height: 150,
    });
  });

  it('keeps the edit history and flags revisions made by someone else', () => {
    const edit = (id: string, accountId: string | null, text: string, at: string) => ({ id, statusId: base.id, accountId, text, spoilerText: '', sensitive: id === '2', mediaDescriptions: null, createdAt: new Date(at) });
    const [view] = toStatusViews(
      rows({ statuses: [{ ...base, editedAt: new Date('2026-11-02T00:00:00Z') }], edits: [edit('1', base.accountId, '<p>first<script>x</script></p>', '2026-11-01T10:00:00Z'), edit('2', '-99', '<p>first</p>', '2026-11-02T00:00:00Z')] }),
      { mediaBaseUrl: null },
    );
    expect(view?.edits).toEqual([
      { id: '1', createdAt: '2026-11-01T10:00:00.000Z', html: '<p>first</p>', spoilerText: '', sensitive: false, mediaDescriptions: [], byOther: false },
      { id: '2', createdAt: '2026-11-02T00:00:00.000Z', html: '<p>first</p>', spoilerText: '', sensitive: true, mediaDescriptions: [], byOther: true },
    ]);
  });

  it('never offers a non-http link to the post itself', () => {
    const [view] = toStatusViews(rows({ statuses: [{ ...base, url: 'javascript:alert(1)' }] }), { mediaBaseUrl: null });
    expect(view?.url).toBeNull();
  });
});

describe('mediaBaseUrl', () => {
  it('serves the embedded demo itself, a real instance from its /system path, and admits when it cannot know', () => {
    expect(mediaBaseUrl({ embedded: true, mastodonUrl: 'https://x.example' })).toBe('/system');
    expect(mediaBaseUrl({ embedded: false, mastodonUrl: 'https://x.example/' })).toBe('https://x.example/system');
    expect(mediaBaseUrl({ embedded: false, mastodonUrl: undefined })).toBeNull();
  });
});

describe('avatarUrl', () => {
  it('builds Paperclip paths, cache/ for stored remote avatars, nothing when there is no file', () => {
    expect(avatarUrl({ id: '115000000000000001', fileName: 'a.png', storageSchemaVersion: 1, local: false, mediaBaseUrl: '/system' })).toBe('/system/cache/accounts/avatars/115/000/000/000/000/001/original/a.png');
    expect(avatarUrl({ id: '7', fileName: 'b.png', storageSchemaVersion: null, local: true, mediaBaseUrl: '/system/' })).toBe('/system/accounts/avatars/000/000/007/original/b.png');
    expect(avatarUrl({ id: '7', fileName: null, storageSchemaVersion: null, local: true, mediaBaseUrl: '/system' })).toBeNull();
    expect(avatarUrl({ id: '-99', fileName: 'x.png', storageSchemaVersion: null, local: true, mediaBaseUrl: '/system' })).toBeNull();
  });
});
