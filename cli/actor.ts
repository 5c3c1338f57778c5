import type { Db } from '@/db/client';
import { findLoginCandidateByAccountId, findLoginCandidateByEmail } from '@/db/queries/auth';
import { findLocalAccountByUsername, getRolePosition } from '@/db/queries/cli-actor';
import { permissionsOf, refusalFor } from '@/lib/auth/login-policy';
import { can, type Permission } from '@/lib/permissions';
import { adminApiWritePath } from '@/lib/write-path/admin-api';
import { databaseWritePath } from '@/lib/write-path/database';
import type { WriteActor, WritePath } from '@/lib/write-path/types';
import type { CliContext } from './context';
import { CliError } from './errors';

/**
 * The command line acts as a named staff member, with the same checks as the console: the write
 * path re-checks the permission, and Mastodon's audit log names that person.
 *
 * Standalone mode: `--as USERNAME|EMAIL` (or PALISADE_ACTOR), a local account whose role has the
 * permission. Connected mode (MASTODON_URL): PALISADE_ACCESS_TOKEN, a token of that person with
 * the admin scopes; Mastodon attributes the actions to the token's owner, so the actor is the
 * owner (`--as`, if given, must name the same person).
 */
export function isConnected(ctx: CliContext): boolean {
  return Boolean(ctx.env.MASTODON_URL && ((ctx.env.MASTODON_CLIENT_ID && ctx.env.MASTODON_CLIENT_SECRET) || ctx.vars.PALISADE_ACCESS_TOKEN));
}

const REFUSALS: Record<string, string> = {
  Suspended: 'the account is suspended or deleted',
  Disabled: 'the account is disabled (frozen)',
  Unconfirmed: 'the account has not confirmed its e-mail',
  Pending: 'the account is awaiting approval',
  NoPermission: 'the account has no moderation role',
};

async function accountIdFromToken(ctx: CliContext, token: string): Promise<string> {
  const base = ctx.env.MASTODON_URL!.replace(/\/+$/, '');
  let response: Response;
  try {
    response = await ctx.fetch(`${base}/api/v1/accounts/verify_credentials`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, signal: AbortSignal.timeout(15_000), redirect: 'error' });
  } catch (error) {
    throw new CliError(`cannot reach ${base} to check PALISADE_ACCESS_TOKEN (${(error as Error).message})`, 'unavailable');
  }
  if (response.status === 401 || response.status === 403) throw new CliError(`${base} does not accept PALISADE_ACCESS_TOKEN (HTTP ${response.status}); create a new token with the admin scopes`, 'unauthenticated');
  if (!response.ok) throw new CliError(`${base} answered HTTP ${response.status} when checking PALISADE_ACCESS_TOKEN`, 'unavailable');
  const body = (await response.json()) as { id?: unknown };
  if (typeof body.id !== 'string' && typeof body.id !== 'number') throw new CliError(`${base} did not say whose PALISADE_ACCESS_TOKEN this is`, 'unavailable');
  return String(body.id);
}

export async function resolveActor(ctx: CliContext, db: Db, options: { as: string | undefined; permission: Permission }): Promise<WriteActor> {
  const named = options.as ?? ctx.vars.PALISADE_ACTOR;
  const token = ctx.vars.PALISADE_ACCESS_TOKEN || null;
  let accountId: string | undefined;
  if (isConnected(ctx)) {
    if (!token) throw new CliError('connected mode (MASTODON_URL is set): set PALISADE_ACCESS_TOKEN to an access token of a staff member with the admin:read and admin:write scopes; actions go through Mastodon’s Admin API as that person', 'token_missing');
    accountId = await accountIdFromToken(ctx, token);
  }
  let candidate;
  if (named) {
    const byName = named.includes('@') && !named.startsWith('@') ? await findLoginCandidateByEmail({ db, email: named }) : undefined;
    const account = byName ? undefined : await findLocalAccountByUsername({ db, username: named });
    candidate = byName ?? (account ? await findLoginCandidateByAccountId({ db, accountId: account.accountId }) : undefined);
    if (!candidate) throw new CliError(`no local account ${named} (give --as a username or e-mail of a staff member)`, 'not_found');
    if (accountId && candidate.accountId !== accountId) throw new CliError(`--as ${named} is not the owner of PALISADE_ACCESS_TOKEN; Mastodon would record the actions under the token’s owner`, 'invalid');
  } else if (accountId) {
    candidate = await findLoginCandidateByAccountId({ db, accountId });
    if (!candidate) throw new CliError(`the owner of PALISADE_ACCESS_TOKEN (account ${accountId}) is not a local user of this database; is DATABASE_URL this instance's?`, 'not_found');
  } else {
    throw new CliError('say who acts: --as USERNAME (or PALISADE_ACTOR), a local staff account whose role may do this; Mastodon’s audit log will name them', 'actor_missing');
  }
  // A token holder signed in through Mastodon already; two-factor does not stop the command line.
  const refusal = refusalFor(candidate, 'mastodon');
  if (refusal) throw new CliError(`${candidate.username} cannot act: ${REFUSALS[refusal] ?? refusal}`, 'forbidden');
  const permissions = permissionsOf(candidate);
  if (!can(permissions, options.permission)) throw new CliError(`${candidate.username}’s role lacks the ${options.permission} permission`, 'forbidden');
  return {
    accountId: candidate.accountId,
    username: candidate.username,
    permissions,
    rolePosition: (await getRolePosition({ db, accountId: candidate.accountId })) ?? -1,
    accessToken: accountId ? token : null,
  };
}

/** The write path the console would use: Mastodon's Admin API when connected, else the database. */
export function writePathFor(ctx: CliContext, db: Db): WritePath {
  if (isConnected(ctx)) return adminApiWritePath({ baseUrl: ctx.env.MASTODON_URL!, db, fetch: ctx.fetch });
  return databaseWritePath({ db });
}
