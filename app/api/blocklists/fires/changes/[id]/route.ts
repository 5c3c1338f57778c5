import { serveFromRequest } from '@/lib/blocklist/sources-serve-next';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return serveFromRequest(request, { kind: 'fires', part: 'change', id: (await params).id });
}
