/** Constants shared with the browser (this module imports nothing from Node). */
export const BLOCKLIST_FORMATS = ['mastodon_csv', 'fediblockhole_csv', 'plain_text', 'mastodon_public_json', 'mastodon_admin_json'] as const;
export type BlocklistFormat = (typeof BLOCKLIST_FORMATS)[number];

/** Mastodon's ROWS_PROCESSING_LIMIT for domain-block imports. */
export const MAX_BLOCKLIST_ROWS = 20_000;
/** 20 000 rows with long comments stay far below this; anything bigger is not a blocklist. */
export const MAX_BLOCKLIST_BYTES = 8 * 1024 * 1024;
