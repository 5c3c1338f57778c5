import type { MastodonDatabase } from './mastodon/types';
import type { PalisadeDatabase } from './palisade-types';

/** Mastodon's `public` tables as they are, plus Palisade's own `palisade.*` tables. */
export type Database = MastodonDatabase & PalisadeDatabase;
