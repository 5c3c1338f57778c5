/** A subscribed or named list could not be fetched (apart from sources-fetch.ts, so that describing it loads no network code). */
export type FetchErrorCode = 'bad_url' | 'refused_address' | 'timeout' | 'too_large' | 'http_error' | 'unauthorized' | 'not_found' | 'network' | 'too_many_redirects';

export class SourceFetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
    this.name = 'SourceFetchError';
  }
}
