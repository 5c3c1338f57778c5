import { serveFromRequest } from '@/lib/blocklist/sources-serve-next';

export const dynamic = 'force-dynamic';

/** What this instance publishes and which formats the caller (anonymous or an ally's token) may read. */
export function GET(request: Request) {
  return serveFromRequest(request, { kind: 'index' });
}
