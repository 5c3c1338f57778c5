import { formatForFile } from '@/lib/blocklist/sources-publish';
import { serveFromRequest } from '@/lib/blocklist/sources-serve-next';

export const dynamic = 'force-dynamic';

/** Our list as mastodon.csv, fediblockhole.csv, domains.txt or domain_blocks.json (visibility per format). */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const format = formatForFile((await params).file);
  if (!format) return new Response(`${JSON.stringify({ error: 'No such list format.' })}\n`, { status: 404, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  return serveFromRequest(request, { kind: 'file', format });
}
