import type { ModerationMediaRow, ModerationStatuses } from '@/db/queries/report-statuses';
import { demoMediaPath } from '@/lib/demo-media';
import { displayAcct } from '@/lib/report-display';
import { revealHiddenControls, safeHref, statusHtml } from '@/lib/sanitize-html';
import type { MediaKind, StatusMediaView, StatusView } from './types';

// Server side only (sanitize-html needs Node); not marked 'server-only' so unit tests can import it.

const VISIBILITIES = ['public', 'unlisted', 'private', 'direct', 'limited'] as const;
const MEDIA_KINDS: Record<number, MediaKind> = { 0: 'image', 1: 'gifv', 2: 'video', 3: 'unknown', 4: 'audio' };

function dimensions(meta: unknown, style: 'small' | 'original'): { width: number | null; height: number | null } {
  const entry = meta && typeof meta === 'object' ? (meta as Record<string, unknown>)[style] : null;
  if (!entry || typeof entry !== 'object') return { width: null, height: null };
  const { width, height } = entry as { width?: unknown; height?: unknown };
  return typeof width === 'number' && typeof height === 'number' && width > 0 && height > 0 ? { width, height } : { width: null, height: null };
}

/**
 * Files the instance stores: `<base>/[cache/]media_attachments/files/<id partition>/<style>/<file>`
 * (Paperclip's layout; `cache/` for remote media with storage schema ≥ 1). `mediaBaseUrl` is where
 * the instance serves them (`/system` for the embedded demo, `<MASTODON_URL>/system` otherwise);
 * null when unknown, and then only the remote origin is offered.
 */
export function toMediaView(row: ModerationMediaRow, { local, mediaBaseUrl }: { local: boolean; mediaBaseUrl: string | null }): StatusMediaView {
  const kind = MEDIA_KINDS[row.type] ?? 'unknown';
  const stored = Boolean(row.fileFileName) && mediaBaseUrl !== null && /^\d+$/.test(row.id);
  const path = (style: 'small' | 'original') =>
    stored
      ? `${mediaBaseUrl!.replace(/\/+$/, '')}/${demoMediaPath({ kind: 'media', id: row.id, style, fileName: row.fileFileName!, cached: !local && (row.fileStorageSchemaVersion ?? 0) >= 1 })}`
      : null;
  const remote = !local && row.remoteUrl ? safeHref(row.remoteUrl)?.href ?? null : null;
  return {
    id: row.id,
    kind,
    previewUrl: kind === 'audio' ? null : path('small'),
    url: path('original'),
    remoteUrl: remote,
    description: row.description ? revealHiddenControls(row.description) : null,
    ...dimensions(row.fileMeta, 'small'),
  };
}

/** Sanitised, serialisable views of `getStatusesForModeration`'s rows, in the same order. */
export function toStatusViews(rows: ModerationStatuses, { mediaBaseUrl }: { mediaBaseUrl: string | null }): StatusView[] {
  const mediaByStatus = new Map<string, ModerationMediaRow[]>();
  for (const m of rows.media) mediaByStatus.set(m.statusId, [...(mediaByStatus.get(m.statusId) ?? []), m]);
  return rows.statuses.map((s) => {
    let media = mediaByStatus.get(s.id) ?? [];
    if (s.orderedMediaAttachmentIds) {
      const position = new Map(s.orderedMediaAttachmentIds.map((id, i) => [id, i]));
      media = media.filter((m) => position.has(m.id)).sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    }
    return {
      id: s.id,
      uri: s.uri,
      url: safeHref(s.url ?? undefined)?.href ?? null,
      html: statusHtml({ text: s.text, local: s.local }),
      spoilerText: revealHiddenControls(s.spoilerText),
      sensitive: s.sensitive,
      visibility: VISIBILITIES[s.visibility] ?? 'public',
      language: s.language,
      local: s.local,
      inReplyToAcct: s.inReplyToAcct,
      reblog: s.reblogOfId !== null,
      createdAt: s.createdAt.toISOString(),
      editedAt: s.editedAt?.toISOString() ?? null,
      deletedAt: s.deletedAt?.toISOString() ?? null,
      author: { id: s.accountId, acct: displayAcct(s.accountUsername, s.accountDomain), displayName: revealHiddenControls(s.accountDisplayName) },
      media: media.map((m) => toMediaView(m, { local: s.local, mediaBaseUrl })),
      edits: rows.edits
        .filter((e) => e.statusId === s.id)
        .map((e) => ({
          id: e.id,
          createdAt: e.createdAt.toISOString(),
          html: statusHtml({ text: e.text, local: s.local }),
          spoilerText: revealHiddenControls(e.spoilerText),
          sensitive: e.sensitive,
          mediaDescriptions: (e.mediaDescriptions ?? []).map((d) => revealHiddenControls(d ?? '')),
          byOther: e.accountId !== null && e.accountId !== s.accountId,
        })),
    };
  });
}

/**
 * Where the instance serves its files: the embedded demo serves them itself at /system; a real
 * instance at `<MASTODON_URL>/system` (local file storage). Null when Palisade cannot know (no
 * MASTODON_URL): media then shows its description and remote origin only.
 */
export function mediaBaseUrl({ embedded, mastodonUrl }: { embedded: boolean; mastodonUrl: string | undefined }): string | null {
  if (embedded) return '/system';
  return mastodonUrl ? `${mastodonUrl.replace(/\/+$/, '')}/system` : null;
}

/**
 * An account's avatar as the instance serves it (Paperclip: `accounts/avatars/<partition>/original/<file>`,
 * under `cache/` for remote accounts with storage schema ≥ 1); null when there is none to show.
 */
export function avatarUrl({ id, fileName, storageSchemaVersion, local, mediaBaseUrl: base }: { id: string; fileName: string | null; storageSchemaVersion: number | null; local: boolean; mediaBaseUrl: string | null }): string | null {
  if (!fileName || base === null || !/^\d+$/.test(id)) return null;
  return `${base.replace(/\/+$/, '')}/${demoMediaPath({ kind: 'avatar', id, style: 'original', fileName, cached: !local && (storageSchemaVersion ?? 0) >= 1 })}`;
}
