import { NextResponse, type NextRequest } from 'next/server';
import { getDatabase } from '@/db';
import { getTransparencyReport } from '@/db/queries/metrics';
import { getInstanceInfo } from '@/db/queries/overview';
import { CSV_BOM } from '@/lib/audit-csv';
import { env } from '@/lib/env';
import { monthBounds } from '@/lib/metrics';
import { transparencyCsv, transparencyDocument } from '@/lib/metrics-export';
import { can } from '@/lib/permissions';
import { getActor } from '@/lib/session';

export const dynamic = 'force-dynamic';

/**
 * GET /overview/transparency?month=YYYY-MM&format=csv|json — the month's aggregate figures as a
 * download. Aggregates only (no names, no accounts), but still staff-only: `view_dashboard`.
 */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: 'Sign in first.' }, { status: 401 });
  if (!can(actor.permissions, 'view_dashboard')) return NextResponse.json({ error: 'Your role lacks the view_dashboard permission.' }, { status: 403 });

  const month = request.nextUrl.searchParams.get('month') ?? '';
  const format = request.nextUrl.searchParams.get('format') ?? 'csv';
  const bounds = monthBounds(month);
  if (!bounds) return NextResponse.json({ error: 'month must be a month such as 2026-10.' }, { status: 400 });
  if (format !== 'csv' && format !== 'json') return NextResponse.json({ error: 'format must be csv or json.' }, { status: 400 });

  let body: string;
  try {
    const prepared = await getDatabase();
    const e = env();
    const configured = e.PALISADE_LOCAL_DOMAIN ?? (e.MASTODON_URL ? new URL(e.MASTODON_URL).host : null);
    const [report, instance] = await Promise.all([
      getTransparencyReport({ db: prepared.handle.replica, month, ...bounds }),
      getInstanceInfo({ db: prepared.handle.db, configuredDomain: configured }),
    ]);
    const doc = transparencyDocument(report, { instance: instance.domain, generatedAt: new Date() });
    body = format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : CSV_BOM + transparencyCsv(doc);
  } catch (error) {
    console.error('[palisade] transparency export failed:', (error as Error).message);
    return NextResponse.json({ error: 'The database did not answer; nothing was exported.' }, { status: 503 });
  }
  return new NextResponse(body, {
    headers: {
      'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="transparency-${month}.${format}"`,
      'cache-control': 'no-store',
    },
  });
}
