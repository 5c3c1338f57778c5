import { getDatabase } from '@/db';
import { env } from '@/lib/env';
import { servePublished, type PublishTarget } from './sources-serve';

/** Route handlers' entry: the server's database and the instance's name. */
export async function serveFromRequest(request: Request, target: PublishTarget): Promise<Response> {
  let prepared;
  try {
    prepared = await getDatabase();
  } catch (error) {
    console.error('[palisade] blocklist publishing: database unavailable:', (error as Error).message);
    return new Response(`${JSON.stringify({ error: 'Temporarily unavailable.' })}\n`, { status: 503, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '60' } });
  }
  const e = env();
  const instance = e.PALISADE_LOCAL_DOMAIN ?? (e.MASTODON_URL ? new URL(e.MASTODON_URL).host : new URL(request.url).host);
  return servePublished(request, target, { db: prepared.handle.db, kind: prepared.handle.kind, instance });
}
