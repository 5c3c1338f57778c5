import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { can, type Permission } from '@/lib/permissions';
import { getActor, type Actor } from '@/lib/session';

/**
 * For the federation route handlers that take uploads (server actions cap bodies at 1 MB; a
 * 20 000-row blocklist is larger): the session and the role are checked like in an action, and a
 * request from another site is refused (server actions get that Origin check from Next).
 */
export async function guardRoute(request: NextRequest, permission: Permission): Promise<{ actor: Actor } | { response: NextResponse }> {
  const origin = request.headers.get('origin');
  if (origin) {
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) return { response: jsonError(403, 'cross_site', 'This request came from another site and was refused.') };
  }
  const actor = await getActor();
  if (!actor) return { response: jsonError(401, 'unauthenticated', 'Your session ended. Sign in again.') };
  if (!can(actor.permissions, permission)) return { response: jsonError(403, 'forbidden', `Your role lacks the ${permission} permission.`) };
  return { actor };
}

export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): NextResponse {
  return NextResponse.json({ code, message, ...extra }, { status });
}
