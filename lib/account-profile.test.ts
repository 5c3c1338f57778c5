import { describe, expect, it } from 'vitest';
import { deletionDate, profileImageUrl } from './account-profile';

describe('profile images', () => {
  it('builds Paperclip paths, with cache/ for remote files on the newer storage schema', () => {
    expect(profileImageUrl({ id: '110000000000000123', domain: null }, { fileName: 'a.png', storageSchemaVersion: null }, 'avatar', '/system')).toBe('/system/accounts/avatars/110/000/000/000/000/123/original/a.png');
    expect(profileImageUrl({ id: '110000000000000123', domain: 'x.example' }, { fileName: 'h.jpg', storageSchemaVersion: 1 }, 'header', 'https://m.example/system/')).toBe('https://m.example/system/cache/accounts/headers/110/000/000/000/000/123/original/h.jpg');
  });

  it('loads nothing when the file or the storage base is unknown', () => {
    expect(profileImageUrl({ id: '1', domain: null }, { fileName: null, storageSchemaVersion: null }, 'avatar', '/system')).toBeNull();
    expect(profileImageUrl({ id: '1', domain: null }, { fileName: 'a.png', storageSchemaVersion: null }, 'avatar', null)).toBeNull();
  });

  it('dates the purge 30 days after the deletion request', () => {
    expect(deletionDate(new Date('2026-11-01T00:00:00Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});
