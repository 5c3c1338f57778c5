import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { BLOCKLIST_FORMATS, BlocklistParseError, BlocklistParser, MAX_BLOCKLIST_BYTES, type BlocklistFormat } from '@/lib/blocklist/parse';
import { isSeverity } from '@/lib/blocklist/severity';
import { buildImportReview } from '@/lib/domain-block-import';
import { guardRoute, jsonError } from '@/lib/domain-route-guard';

export const dynamic = 'force-dynamic';

/**
 * POST /federation/import/review?format=&name=&defaultSeverity= with the file as the body. The
 * body is parsed as it streams in, and refused as soon as it passes the size limit. Nothing is
 * written: the answer is the review of every row.
 */
export async function POST(request: NextRequest) {
  const guard = await guardRoute(request, 'manage_federation');
  if ('response' in guard) return guard.response;

  const params = request.nextUrl.searchParams;
  const formatParam = params.get('format') ?? 'auto';
  if (formatParam !== 'auto' && !(BLOCKLIST_FORMATS as readonly string[]).includes(formatParam)) return jsonError(400, 'bad_format', 'Unknown format.');
  const defaultSeverity = params.get('defaultSeverity');
  const fileName = (params.get('name') ?? 'pasted text').replace(/[\u0000-\u001f]/g, '').slice(0, 200) || 'pasted text';
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BLOCKLIST_BYTES) return jsonError(413, 'too_large', `The file is larger than ${MAX_BLOCKLIST_BYTES / 1024 / 1024} MB, far beyond any real blocklist.`);
  if (!request.body) return jsonError(400, 'empty', 'The file is empty.');

  const parser = new BlocklistParser({ format: formatParam as BlocklistFormat | 'auto', defaultSeverity: defaultSeverity && isSeverity(defaultSeverity) ? defaultSeverity : undefined });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = request.body.getReader();
  let parsed;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
    parsed = parser.end();
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error instanceof BlocklistParseError) return jsonError(error.code === 'too_large' ? 413 : 422, error.code, error.message, { line: error.line });
    if (error instanceof TypeError) return jsonError(422, 'not_utf8', 'The file is not UTF-8 text. Export it again as UTF-8 (CSV, TXT or JSON).');
    throw error;
  }

  try {
    const review = await buildImportReview({ db: await getDb(), parsed, fileName });
    return NextResponse.json(review);
  } catch (error) {
    console.error('[palisade] import review failed:', (error as Error).message);
    return jsonError(503, 'unavailable', 'The database did not answer; nothing was changed. Try again.');
  }
}
