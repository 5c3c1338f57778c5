/**
 * The errors a database that is not (or not yet) a supported Mastodon database raises. Kept apart
 * from version.ts so that the CLI can describe them without loading the query builder.
 */
export const MINIMUM_SERIES = '4.3';

export class NotMastodonDatabaseError extends Error {
  constructor(missing: string) {
    super(`This database is not a Mastodon database: ${missing} is missing. Point DATABASE_URL at your Mastodon instance's PostgreSQL database.`);
    this.name = 'NotMastodonDatabaseError';
  }
}

export class UnsupportedMastodonVersionError extends Error {
  constructor(schemaVersion: string) {
    super(`This Mastodon database (schema ${schemaVersion}) is older than Mastodon ${MINIMUM_SERIES}. Palisade needs ${MINIMUM_SERIES} or newer; upgrade Mastodon first.`);
    this.name = 'UnsupportedMastodonVersionError';
  }
}
