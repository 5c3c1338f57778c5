import { demoMediaPath } from './demo-media';

/**
 * Where the instance serves an account's avatar or header (Paperclip: `accounts/avatars/<id
 * partition>/original/<file>`, under `cache/` for remote accounts on storage schema ≥ 1).
 * Null when the file is not stored or the storage base is unknown: then nothing is loaded.
 */
export function profileImageUrl(
  account: { id: string; domain: string | null },
  image: { fileName: string | null; storageSchemaVersion: number | null },
  kind: 'avatar' | 'header',
  mediaBaseUrl: string | null,
): string | null {
  if (!image.fileName || !mediaBaseUrl || !/^\d+$/.test(account.id)) return null;
  const cached = account.domain !== null && (image.storageSchemaVersion ?? 0) >= 1;
  return `${mediaBaseUrl.replace(/\/+$/, '')}/${demoMediaPath({ kind, id: account.id, style: 'original', fileName: image.fileName, cached })}`;
}

/** 30 days after the deletion request (Mastodon's suspension grace period). */
export function deletionDate(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + 30 * 24 * 60 * 60 * 1000);
}
