import { NextResponse, type NextRequest } from 'next/server';
import { getDatabase } from '@/db';
import { listDomainBlocksForExport } from '@/db/queries/domain-blocks';
import { EXPORT_FORMATS, writeExport, type ExportFormat } from '@/lib/blocklist/export';
import { hasLimitations } from '@/lib/blocklist/severity';
import { can } from '@/lib/permissions';
import { getActor } from '@/lib/session';

export const dynamic = 'force-dynamic';

const text = (status: number, body: string) => new NextResponse(`${body}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * GET /federation/export/download?format=&scope=limited|all — this instance's domain blocks in a
 * format other tools read. Private comments never leave: the writers do not even take them.
 * `scope=limited` (the default) is what Mastodon's own export contains.
 */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return text(401, 'Sign in first.');
  if (!can(actor.permissions, 'manage_federation')) return text(403, 'Your role lacks the manage_federation permission.');
  const params = request.nextUrl.searchParams;
  const format = (params.get('format') ?? 'mastodon_csv') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) return text(400, 'Unknown export format.');
  const all = params.get('scope') === 'all';
  const comments = params.get('comments') !== 'no';

  let blocks;
  try {
    blocks = await listDomainBlocksForExport({ db: (await getDatabase()).handle.replica });
  } catch (error) {
    console.error('[palisade] domain block export failed:', (error as Error).message);
    return text(503, 'The database did not answer; nothing was exported.');
  }
  const chosen = (all ? blocks : blocks.filter(hasLimitations)).map((b) => ({ ...b, publicComment: comments ? b.publicComment : null }));
  const file = writeExport(format, chosen, { comments });
  const name = `domain_blocks${format === 'mastodon_csv' ? '' : `-${format.replace(/_/g, '-')}`}.${file.extension}`;
  return new NextResponse(file.body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
