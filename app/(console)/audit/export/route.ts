import { NextResponse, type NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { listAuditEntries, type AuditEntry } from '@/db/queries/audit-log';
import { auditActionKey } from '@/lib/audit-actions';
import { CSV_BOM, csvLine } from '@/lib/audit-csv';
import { AUDIT_EXPORT_MAX, auditTimeBounds, parseAuditFilters, type AuditCursor } from '@/lib/audit-filters';
import { describeAuditRow, tagChanges } from '@/lib/audit-sentences';
import { env } from '@/lib/env';
import { acct } from '@/lib/format';
import { can } from '@/lib/permissions';
import { getActor } from '@/lib/session';

export const dynamic = 'force-dynamic';

const BATCH = 1_000;

/**
 * GET /audit/export?<the audit page's filters> — the filtered log as CSV, every page, newest
 * first. Every text cell is neutralised against spreadsheet formulas: identifiers come from remote
 * servers and from other moderators.
 */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return new NextResponse('Sign in first.\n', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (!can(actor.permissions, 'view_audit_log')) return new NextResponse('Your role lacks the view_audit_log permission.\n', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });

  const { filters } = parseAuditFilters(request.nextUrl.searchParams);
  const { from, until } = auditTimeBounds(filters);
  const query = { actorIds: filters.actorIds, actions: filters.actions, targetType: filters.targetType, targetDomain: filters.targetDomain, from, until, query: filters.query };

  const entries: AuditEntry[] = [];
  try {
    const db = (await getDatabase()).handle.replica;
    let cursor: AuditCursor | null = null;
    do {
      const page = await listAuditEntries({ db, filter: query, cursor, limit: BATCH });
      entries.push(...page.entries);
      cursor = page.next;
      if (entries.length >= AUDIT_EXPORT_MAX && cursor) {
        return new NextResponse(`More than ${AUDIT_EXPORT_MAX} entries match these filters. Narrow them (a date range, an actor or action types) and export again; nothing was exported.\n`, {
          status: 413,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        });
      }
    } while (cursor);
  } catch (error) {
    console.error('[palisade] audit export failed:', (error as Error).message);
    return new NextResponse('The database did not answer; nothing was exported.\n', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }

  const t = await getTranslations('audit');
  const mastodonUrl = env().MASTODON_URL ?? null;
  // Behind a reverse proxy the request's own origin is an internal address: prefer the public URL.
  const origin = env().NEXTAUTH_URL?.replace(/\/+$/, '') ?? request.nextUrl.origin;
  const lines = [
    CSV_BOM,
    csvLine(['time_utc', 'source', 'actor', 'actor_account_id', 'action_type', 'action', 'target_type', 'target_id', 'target', 'sentence', 'link']),
  ];
  for (const e of entries) {
    const sentence = describeAuditRow(e, { mastodonUrl });
    const changes = e.source === 'mastodon' && e.targetType === 'Tag' ? tagChanges(e.details) : [];
    const detail = changes.length > 0 ? changes.map((c) => t(`tag.${c.value ? c.attribute : (`not_${c.attribute}` as const)}`)).join('; ') : sentence.values.detail;
    const text = t.markup(`sentences.${sentence.message}` as 'sentences.unknown', {
      ...sentence.values,
      name: sentence.values.name || t('automatic'),
      label: sentence.deleted && !sentence.values.label ? t('deletedTarget') : sentence.values.label,
      detail,
      actor: (chunks) => chunks,
      target: (chunks) => chunks,
    });
    const link = sentence.href ? (sentence.external ? sentence.href : `${origin}${sentence.href}`) : null;
    lines.push(
      csvLine([
        e.createdAt.toISOString(),
        e.source,
        e.actorUsername ? acct(e.actorUsername, e.actorDomain) : t('automatic'),
        e.actorId,
        auditActionKey(e.source, e.targetType, e.action),
        e.action,
        e.targetType,
        e.targetId,
        e.humanIdentifier,
        text,
        link,
      ]),
    );
  }
  const stamp = new Date().toISOString().slice(0, 10);
  return new NextResponse(lines.join(''), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-log-${stamp}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
