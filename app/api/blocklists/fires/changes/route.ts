import { serveFromRequest } from '@/lib/blocklist/sources-serve-next';

export const dynamic = 'force-dynamic';

/** The change feed: `?since=<change id>` pages through it in order. */
export function GET(request: Request) {
  return serveFromRequest(request, { kind: 'fires', part: 'changes' });
}
