import { serveFromRequest } from '@/lib/blocklist/sources-serve-next';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return serveFromRequest(request, { kind: 'fires', part: 'snapshot' });
}
