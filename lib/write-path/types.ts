import type { Db } from '@/db/client';
import type { WriteMode } from '@/lib/mode';
import type { Permission } from '@/lib/permissions';
import type { AccountWrites } from './accounts/types';
import type { AppealWrites } from './appeals/types';
import type { FederationWrites } from './federation/types';
import type { ReportWrites } from './reports/types';

/** Who acts. Structurally satisfied by the session's Actor. */
export interface WriteActor {
  accountId: string;
  username: string;
  permissions: bigint;
  /** user_roles.position of the actor's role; actions on users need to outrank their role. */
  rolePosition: number;
  accessToken: string | null;
}

/** `unsupported`: Mastodon has no Admin API for the action; in connected mode the UI links to Mastodon's own page instead. */
export type WritePathErrorCode = 'forbidden' | 'unauthenticated' | 'not_found' | 'conflict' | 'invalid' | 'unavailable' | 'token_missing' | 'unsupported';

/** A failure the UI can explain; `detail` is safe to show a moderator. */
export class WritePathError extends Error {
  constructor(
    readonly code: WritePathErrorCode,
    readonly detail: string,
    readonly permission?: Permission,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'WritePathError';
  }

  /** Mastodon's parsed JSON answer to a refused call (e.g. a 422's `existing_domain_block`). */
  response?: unknown;
}

/**
 * Every action that has side effects in Mastodon goes through this interface. The Admin API
 * adapter lets Mastodon do the work (and attribute it to the moderator's token); the database
 * adapter writes exactly the rows Mastodon's services write, including `admin_action_logs`.
 * Each area defines its part in lib/write-path/<area>/ and both adapters compose them.
 */
export type WritePath = { readonly mode: WriteMode } & ReportWrites & AccountWrites & AppealWrites & FederationWrites;

export interface DatabaseAdapterContext {
  db: Db;
  now: () => Date;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Authenticated calls to Mastodon's REST API as the acting moderator. */
export interface AdminApiClient {
  readonly baseUrl: string;
  call<T>(actor: WriteActor, method: HttpMethod, path: string, body?: Record<string, unknown>): Promise<T>;
}
