import { revalidatePath } from 'next/cache';
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { applyImportSchema, MAX_APPLY_BYTES } from '@/lib/domain-block-import';
import { guardRoute, jsonError } from '@/lib/domain-route-guard';
import { getWritePath, WritePathError } from '@/lib/write-path';

export const dynamic = 'force-dynamic';

/**
 * POST /federation/import/apply with `{ sourceName, operations }`: the reviewed, ticked rows.
 * Standalone mode applies them all in one transaction; connected mode makes one Admin API call per
 * row, so the browser sends small batches and shows progress. Outcomes come back per row.
 */
export async function POST(request: NextRequest) {
  const guard = await guardRoute(request, 'manage_federation');
  if ('response' in guard) return guard.response;
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) return jsonError(415, 'bad_type', 'Send JSON.');
  if (Number(request.headers.get('content-length') ?? '0') > MAX_APPLY_BYTES) return jsonError(413, 'too_large', 'Too many rows at once.');

  let body: unknown;
  try {
    const text = await request.text();
    if (text.length > MAX_APPLY_BYTES) return jsonError(413, 'too_large', 'Too many rows at once.');
    body = JSON.parse(text);
  } catch {
    return jsonError(400, 'bad_json', 'The request is not valid JSON.');
  }
  const parsed = applyImportSchema.safeParse(body);
  if (!parsed.success) return jsonError(422, 'invalid', 'Some rows are not valid domain blocks; nothing was changed.', { issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) });

  const writePath = await getWritePath();
  try {
    const outcomes = await writePath.importDomainBlocks({ actor: guard.actor, operations: parsed.data.operations, sourceName: parsed.data.sourceName });
    revalidatePath('/federation');
    return NextResponse.json({ mode: writePath.mode, outcomes });
  } catch (error) {
    if (error instanceof WritePathError) return jsonError(error.code === 'forbidden' ? 403 : 409, error.code, error.detail);
    console.error('[palisade] import apply failed:', (error as Error).message);
    return jsonError(500, 'failed', 'The import failed and was rolled back: nothing was changed. Try again, and tell an administrator if it keeps failing.');
  }
}
