import { EmbeddedDatabaseBusyError } from '@/db/embedded-lock';
import { NotMastodonDatabaseError, UnsupportedMastodonVersionError } from '@/db/mastodon/errors';
import { BlocklistParseError } from '@/lib/blocklist/parse';
import { SourceFetchError } from '@/lib/blocklist/fetch-error';
import { WritePathError } from '@/lib/write-path/types';

/** A failure the command explains itself (exit 1); `code` is for `--json` readers. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 'failed',
  ) {
    super(message);
    this.name = 'CliError';
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** PostgreSQL and network failures as an administrator would want to read them. */
function databaseMessage(error: NodeJS.ErrnoException & { code?: string; address?: string; port?: number }): string | null {
  switch (error.code) {
    case 'ECONNREFUSED':
      return `cannot connect to the database${error.address ? ` at ${error.address}${error.port ? `:${error.port}` : ''}` : ''}: connection refused (is PostgreSQL running, and is DATABASE_URL right?)`;
    case 'ENOTFOUND':
      return `cannot connect to the database: host not found (${error.message.replace(/^getaddrinfo ENOTFOUND /, '')}); check DATABASE_URL`;
    case 'ETIMEDOUT':
      return 'cannot connect to the database: timed out; check DATABASE_URL and the network';
    case '28P01':
    case '28000':
      return `the database refused the credentials in DATABASE_URL (${error.message})`;
    case '3D000':
      return `${error.message} (check the database name in DATABASE_URL)`;
    case '42501':
      return `the database role lacks a privilege: ${error.message} (run palisade doctor for the grants Palisade needs)`;
    default:
      return null;
  }
}

export interface DescribedError {
  code: string;
  message: string;
}

/** Any error as one clear line and a stable code. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof CliError) return { code: error.code, message: oneLine(error.message) };
  if (error instanceof EmbeddedDatabaseBusyError) return { code: 'database_busy', message: oneLine(error.message) };
  if (error instanceof NotMastodonDatabaseError) return { code: 'not_mastodon', message: oneLine(error.message) };
  if (error instanceof UnsupportedMastodonVersionError) return { code: 'mastodon_too_old', message: oneLine(error.message) };
  if (error instanceof BlocklistParseError) return { code: error.code, message: oneLine(error.message) };
  if (error instanceof SourceFetchError) return { code: `fetch_${error.code}`, message: oneLine(error.message) };
  if (error instanceof WritePathError) return { code: error.code, message: oneLine(error.detail) };
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  if (error instanceof Error) {
    const db = databaseMessage(error as NodeJS.ErrnoException);
    if (db) return { code: 'database', message: db };
    return { code: 'failed', message: oneLine(error.message || error.name) };
  }
  return { code: 'failed', message: oneLine(String(error)) };
}
