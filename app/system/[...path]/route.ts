import { parseDemoMediaPath, renderDemoPng } from '@/lib/demo-media';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * Mastodon's local file paths (`/system/media_attachments/files/<id partition>/<style>/<file>`,
 * avatars, headers, and their `cache/` copies for remote files) for the embedded demo database,
 * whose rows have no files behind them: the picture is painted from the id. Against a real
 * instance this route does nothing, because its media lives on Mastodon's own storage.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ path: string[] }> }): Promise<Response> {
  let embedded: boolean;
  try {
    embedded = !env().DATABASE_URL;
  } catch {
    embedded = false;
  }
  if (!embedded) return notFound();
  const { path } = await ctx.params;
  const request = parseDemoMediaPath(path);
  if (!request) return notFound();
  const png = renderDemoPng({ kind: request.kind, id: request.id, style: request.style });
  return new Response(new Uint8Array(png), {
    headers: {
      'Content-Type': 'image/png',
      'Content-Length': String(png.length),
      // The bytes depend only on the path, so browsers may keep them forever.
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: `"${request.kind}-${request.id}-${request.style}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
