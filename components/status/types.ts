/**
 * What the status components render: plain, serialisable data (dates as ISO strings) so server
 * pages can hand it to client components. Build it with `toStatusViews` (status-view.ts), which
 * sanitises the HTML; never put unsanitised text in `html`.
 */

export type MediaKind = 'image' | 'gifv' | 'video' | 'audio' | 'unknown';

export interface StatusMediaView {
  id: string;
  kind: MediaKind;
  /** Small still (image thumbnail or video frame) served by the instance; null when not stored locally. */
  previewUrl: string | null;
  /** The full file served by the instance; null when not stored locally. */
  url: string | null;
  /** Origin of remote media: shown as a link, never loaded automatically (it would reveal the moderator's IP). */
  remoteUrl: string | null;
  description: string | null;
  width: number | null;
  height: number | null;
}

export interface StatusEditView {
  id: string;
  createdAt: string;
  html: string;
  spoilerText: string;
  sensitive: boolean | null;
  mediaDescriptions: string[];
  /** The revision was made by someone else than the author (a moderator marking it sensitive). */
  byOther: boolean;
}

export interface StatusView {
  id: string;
  uri: string | null;
  /** Public web page of the post; external. */
  url: string | null;
  /** Sanitised HTML. */
  html: string;
  /** Content warning, plain text (hidden controls made visible). */
  spoilerText: string;
  sensitive: boolean;
  visibility: 'public' | 'unlisted' | 'private' | 'direct' | 'limited';
  language: string | null;
  local: boolean;
  inReplyToAcct: string | null;
  reblog: boolean;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  author: { id: string; acct: string; displayName: string };
  media: StatusMediaView[];
  /** Oldest first; empty when never edited. */
  edits: StatusEditView[];
}

/** How media first appears to this moderator; a click reveals it either way. */
export interface MediaPreference {
  blur: boolean;
  greyscale: boolean;
}

export const DEFAULT_MEDIA_PREFERENCE: MediaPreference = { blur: true, greyscale: true };
