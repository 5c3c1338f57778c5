import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { decode } from 'next-auth/jwt';
import { getDb } from '@/db';
import { findSessionActor } from '@/db/queries/auth';
import { authSecret } from '@/lib/auth/secret';
import { openToken } from '@/lib/auth/token-crypto';
import { permissionsOf, refusalFor } from '@/lib/auth/login-policy';
import { can, canAny, permissionList, type Permission } from '@/lib/permissions';

export interface Actor {
  sessionId: string;
  userId: string;
  accountId: string;
  username: string;
  displayName: string;
  email: string;
  roleName: string | null;
  roleColor: string | null;
  rolePosition: number;
  permissions: bigint;
  provider: 'password' | 'mastodon';
  /** The moderator's own Mastodon token (connected mode); never sent to the browser. */
  accessToken: string | null;
}

/** What client components may know about the signed-in moderator. */
export interface ActorView {
  accountId: string;
  username: string;
  displayName: string;
  roleName: string | null;
  roleColor: string | null;
  permissions: Permission[];
  provider: 'password' | 'mastodon';
}

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

async function sessionIdFromCookie(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (!value) continue;
    const token = await decode({ token: value, secret: authSecret() }).catch(() => null);
    if (token && typeof token.sid === 'string') return token.sid;
  }
  return null;
}

/**
 * The signed-in moderator, re-read from Mastodon's tables on every request: a frozen user, a
 * suspended account or a role that lost its permissions loses access at once, not at token expiry.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const sessionId = await sessionIdFromCookie();
  if (!sessionId) return null;
  const db = await getDb();
  const row = await findSessionActor({ db, sessionId });
  if (!row || refusalFor(row, row.provider)) return null;
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    accountId: row.accountId,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    roleName: row.roleName,
    roleColor: row.roleColor,
    rolePosition: row.rolePosition ?? -1,
    permissions: permissionsOf(row),
    provider: row.provider,
    accessToken: row.accessTokenCiphertext ? openToken(row.accessTokenCiphertext, authSecret()) : null,
  };
});

export function toActorView(actor: Actor): ActorView {
  return {
    accountId: actor.accountId,
    username: actor.username,
    displayName: actor.displayName,
    roleName: actor.roleName,
    roleColor: actor.roleColor,
    permissions: permissionList(actor.permissions),
    provider: actor.provider,
  };
}

/** For pages and layouts: sends a signed-out visitor to /login. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  return actor;
}

/** For pages: renders the 403 page when the role lacks every one of the permissions. */
export async function requirePermission(...wanted: Permission[]): Promise<Actor> {
  const actor = await requireActor();
  if (!canAny(actor.permissions, wanted)) forbidden();
  return actor;
}

export type AuthorizationFailure = { status: 'unauthenticated' } | { status: 'forbidden'; permission: Permission };

/** For server actions, which answer with a typed result instead of redirecting. */
export async function authorizeAction(permission: Permission): Promise<{ actor: Actor } | AuthorizationFailure> {
  const actor = await getActor();
  if (!actor) return { status: 'unauthenticated' };
  if (!can(actor.permissions, permission)) return { status: 'forbidden', permission };
  return { actor };
}
