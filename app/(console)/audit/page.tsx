import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { listAuditActors, listAuditEntries } from '@/db/queries/audit-log';
import { AuditFiltersForm } from '@/components/audit/audit-filters';
import { AuditTable, type AuditRowView } from '@/components/audit/audit-table';
import { Pager } from '@/components/data-table/pager';
import { Alert } from '@/components/ui/alert';
import { AUDIT_EXPORT_MAX, auditHref, auditTimeBounds, AUDIT_PAGE_SIZE, decodeAuditCursor, encodeAuditCursor, hasAuditFilters, parseAuditFilters } from '@/lib/audit-filters';
import { describeAuditRow, tagChanges } from '@/lib/audit-sentences';
import { env } from '@/lib/env';
import { requirePermission } from '@/lib/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

const SEARCH_ID = 'audit-q';

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('view_audit_log');
  const t = await getTranslations('audit');
  const { filters, ignored } = parseAuditFilters(await searchParams);
  const prepared = await getDatabase();
  const db = prepared.handle.replica;
  const { from, until } = auditTimeBounds(filters);
  const [page, actors] = await Promise.all([
    listAuditEntries({
      db,
      filter: { actorIds: filters.actorIds, actions: filters.actions, targetType: filters.targetType, targetDomain: filters.targetDomain, from, until, query: filters.query },
      cursor: decodeAuditCursor(filters.cursor),
      limit: AUDIT_PAGE_SIZE,
    }),
    listAuditActors({ db }),
  ]);
  const mastodonUrl = env().MASTODON_URL ?? null;
  const rows: AuditRowView[] = page.entries.map((e) => ({
    id: e.key,
    source: e.source,
    createdAt: e.createdAt.toISOString(),
    actorId: e.actorId,
    sentence: describeAuditRow(e, { mastodonUrl }),
    tagChanges: e.source === 'mastodon' && e.targetType === 'Tag' ? tagChanges(e.details) : [],
  }));

  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{t('description')}</p>
        </div>
        <a
          href={auditHref(filters, {}, '/audit/export')}
          download
          title={t('exportHint', { max: AUDIT_EXPORT_MAX })}
          className="rounded-md px-3 py-2 text-sm font-semibold ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800"
        >
          {t('export')}
        </a>
      </div>
      {ignored.length > 0 ? <Alert tone="warning">{t('filters.ignored', { params: ignored.join(', ') })}</Alert> : null}
      <AuditFiltersForm filters={filters} actors={actors} searchId={SEARCH_ID} />
      <AuditTable rows={rows} filtered={hasAuditFilters(filters)} searchId={SEARCH_ID} />
      <Pager firstHref={filters.cursor ? auditHref(filters) : null} nextHref={page.next ? auditHref(filters, { cursor: encodeAuditCursor(page.next) }) : null} />
    </div>
  );
}
