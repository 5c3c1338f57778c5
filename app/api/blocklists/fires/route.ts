import { serveFromRequest } from '@/lib/blocklist/sources-serve-next';

export const dynamic = 'force-dynamic';

/** Our list as a FIRES dataset (endpoints: snapshot, changes). */
export function GET(request: Request) {
  return serveFromRequest(request, { kind: 'fires', part: 'dataset' });
}
