import type { Db } from '@/db/client';
import { accountAdminApiWrites } from './accounts/admin-api';
import { appealAdminApiWrites } from './appeals/admin-api';
import { federationAdminApiWrites } from './federation/admin-api';
import { reportAdminApiWrites } from './reports/admin-api';
import { WritePathError, type AdminApiClient, type HttpMethod, type WriteActor, type WritePath } from './types';

export interface AdminApiOptions {
  /** Base URL of the Mastodon instance, e.g. https://mastodon.example. */
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Mastodon's database, for what the Admin API does not cover (appeal rows). */
  db?: Db;
  now?: () => Date;
}

function errorFor(status: number, body: string, path: string): WritePathError {
  let message = body.slice(0, 300);
  let response: unknown;
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    response = parsed;
    if (typeof parsed.error === 'string') message = parsed.error;
  } catch {
    // Not JSON (a proxy's HTML error page); keep the trimmed text.
  }
  if (status === 401) return new WritePathError('unauthenticated', 'Mastodon no longer accepts your sign-in token. Sign in with Mastodon again.');
  if (status === 403) return new WritePathError('forbidden', `Mastodon refused this action for your role (${message || 'forbidden'}).`);
  if (status === 404) return new WritePathError('not_found', `Mastodon does not know ${path}.`);
  if (status === 409 || status === 422) return Object.assign(new WritePathError('invalid', `Mastodon rejected the action: ${message || 'unprocessable'}.`), { response });
  if (status === 429) return new WritePathError('unavailable', 'Mastodon is rate-limiting requests; wait a minute and retry.');
  return new WritePathError('unavailable', `Mastodon answered ${status} for ${path}.`);
}

export function adminApiClient(options: AdminApiOptions): AdminApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    baseUrl,
    async call<T>(actor: WriteActor, method: HttpMethod, path: string, body?: Record<string, unknown>): Promise<T> {
      if (!actor.accessToken) {
        throw new WritePathError('token_missing', 'This action goes through Mastodon: sign in with Mastodon (not with a password) to take it.');
      }
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${actor.accessToken}`,
            Accept: 'application/json',
            ...(body ? { 'Content-Type': 'application/json' } : {}),
          },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (error as Error).message;
        throw new WritePathError('unavailable', `Could not reach Mastodon (${reason}).`);
      }
      const text = await response.text();
      if (!response.ok) throw errorFor(response.status, text, path);
      if (text.trim() === '') return {} as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new WritePathError('unavailable', `Mastodon answered ${path} with something that is not JSON.`);
      }
    },
  };
}

/**
 * Connected mode: Mastodon's Admin REST API with the moderator's own token, so Mastodon runs its
 * side effects (webhooks, federation) and its audit log names the right person.
 */
export function adminApiWritePath(options: AdminApiOptions): WritePath {
  const api = adminApiClient(options);
  return { mode: 'api', ...reportAdminApiWrites(api, { db: options.db, now: options.now }), ...accountAdminApiWrites(api, { db: options.db }), ...appealAdminApiWrites(api, { db: options.db, now: options.now }), ...federationAdminApiWrites(api) };
}
