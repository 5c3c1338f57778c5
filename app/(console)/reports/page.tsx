import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { getAccountIdentity } from '@/db/queries/report-moderation';
import { getModeratorMediaPreference } from '@/db/queries/report-preferences';
import { listActiveRules, listReportQueue, listReportQueueGroups, listReportTeammates } from '@/db/queries/reports';
import { Pager } from '@/components/data-table/pager';
import { PriorityHelp } from '@/components/reports/priority-help';
import { QueueFilters, type QueueFilterValues } from '@/components/reports/queue-filters';
import { toGroupRowView, toReportRowView, type GroupRowView, type ReportRowView } from '@/components/reports/queue-rows';
import { ReportGroupsTable } from '@/components/reports/report-groups-table';
import { ReportsTable } from '@/components/reports/reports-table';
import { mediaBaseUrl } from '@/components/status/status-view';
import { Alert } from '@/components/ui/alert';
import { env } from '@/lib/env';
import { displayAcct } from '@/lib/report-display';
import { writeMode } from '@/lib/mode';
import { decodeQueueCursor, encodeQueueCursor, hasNarrowingFilters, parseReportFilters, reportFiltersToSearchParams, reportQueueHref, type QueueCursor, type ReportQueueFilters } from '@/lib/report-filters';
import { requirePermission } from '@/lib/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reports'))('title') };
}

function filterValues(f: ReportQueueFilters): QueueFilterValues {
  return {
    status: f.status,
    category: f.category ?? '',
    rule: f.ruleId ?? '',
    origin: f.targetOrigin ?? '',
    domain: f.targetDomain ?? '',
    reporter_domain: f.reporterDomain ?? '',
    target: f.targetAccountId ?? '',
    assigned: f.assigned ?? '',
    forwarded: f.forwarded === null ? '' : f.forwarded ? 'yes' : 'no',
    q: f.query ?? '',
    from: f.from ?? '',
    to: f.to ?? '',
    date: f.dateField,
    sort: f.sort,
    group: f.group,
  };
}

function groupHref(filters: ReportQueueFilters, group: GroupRowView): string {
  if (group.kind === 'account') return reportQueueHref(filters, { group: 'none', targetAccountId: group.target?.id ?? null });
  if (group.domain === null) return reportQueueHref(filters, { group: 'none', targetOrigin: 'local', targetDomain: null });
  return reportQueueHref(filters, { group: 'none', targetOrigin: null, targetDomain: group.domain });
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('manage_reports');
  const t = await getTranslations('reports');
  const { filters, ignored } = parseReportFilters(await searchParams);
  const cursor = decodeQueueCursor(filters.cursor, filters.sort);
  // Priorities grow with time: a later page continues the ordering of the first.
  const asOf = cursor?.sort === 'priority' ? new Date(cursor.asOf) : new Date();
  const prepared = await getDatabase();
  const read = prepared.handle.replica;
  const base = mediaBaseUrl({ embedded: prepared.embedded, mastodonUrl: env().MASTODON_URL });

  let loaded: {
    rows: ReportRowView[];
    groups: GroupRowView[];
    nextCursor: QueueCursor | null;
    teammates: Awaited<ReturnType<typeof listReportTeammates>>;
    rules: Awaited<ReturnType<typeof listActiveRules>>;
    blurAvatars: boolean;
    targetAcct: string | null;
  } | null = null;
  try {
    // The queue reads the primary: after a bulk action it must not show rows a lagging replica still has open.
    const query = { db: prepared.handle.db, filters, cursor, actorAccountId: actor.accountId, asOf };
    const grouped = filters.group !== 'none';
    const [page, teammates, rules, preference, target] = await Promise.all([
      grouped ? listReportQueueGroups(query) : listReportQueue(query),
      listReportTeammates({ db: read }),
      listActiveRules({ db: read }),
      getModeratorMediaPreference({ db: prepared.handle.db, accountId: actor.accountId }),
      filters.targetAccountId ? getAccountIdentity({ db: read, accountId: filters.targetAccountId }) : Promise.resolve(undefined),
    ]);
    loaded = {
      rows: grouped ? [] : (page.rows as Awaited<ReturnType<typeof listReportQueue>>['rows']).map((r) => toReportRowView(r, { mediaBaseUrl: base })),
      groups: grouped ? (page.rows as Awaited<ReturnType<typeof listReportQueueGroups>>['rows']).map((g) => toGroupRowView(g, { mediaBaseUrl: base })) : [],
      nextCursor: page.nextCursor,
      teammates,
      rules,
      blurAvatars: preference.blur,
      targetAcct: target ? displayAcct(target.username, target.domain) : null,
    };
  } catch (error) {
    // Never an empty queue for an outage: moderators would think the work is done.
    console.error('[palisade] report queue failed:', (error as Error).message);
  }

  const fromQuery = reportFiltersToSearchParams({ ...filters, group: 'none' }).toString();
  const narrowed = hasNarrowingFilters(filters) || filters.status !== 'open';
  const empty = (
    <span>
      {narrowed ? t('queue.emptyFiltered') : t('queue.empty')}{' '}
      {narrowed ? (
        <Link href="/reports" className="font-medium text-indigo-700 underline dark:text-indigo-300">
          {t('queue.clearFilters')}
        </Link>
      ) : null}
    </span>
  );

  return (
    <div className="mx-auto max-w-7xl space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('queue.heading')}</h1>
          {loaded ? (
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400" data-testid="queue-count">
              {filters.group === 'none' ? t('queue.subtitle', { count: loaded.rows.length }) : t('queue.subtitleGroups', { count: loaded.groups.length })}
            </p>
          ) : null}
        </div>
      </div>

      {ignored.length > 0 ? <Alert tone="warning">{t('queue.ignored', { params: ignored.join(', ') })}</Alert> : null}

      <QueueFilters key={JSON.stringify(filterValues(filters))} values={filterValues(filters)} rules={loaded?.rules ?? []} targetAcct={loaded?.targetAcct ?? null} />
      {filters.sort === 'priority' ? <PriorityHelp open={!cursor} grouped={filters.group !== 'none'} /> : <PriorityHelp grouped={filters.group !== 'none'} />}

      {!loaded ? (
        <Alert tone="error" title={t('queue.loadFailedTitle')}>
          {t('queue.loadFailed')}
        </Alert>
      ) : filters.group === 'none' ? (
        <ReportsTable
          rows={loaded.rows}
          asOf={asOf.toISOString()}
          actorAccountId={actor.accountId}
          showPriority={filters.sort === 'priority'}
          blurAvatars={loaded.blurAvatars}
          fromQuery={fromQuery}
          teammates={loaded.teammates}
          mode={writeMode()}
          empty={empty}
        />
      ) : (
        <ReportGroupsTable
          rows={loaded.groups}
          asOf={asOf.toISOString()}
          hrefFor={Object.fromEntries(loaded.groups.map((g) => [g.id, groupHref(filters, g)]))}
          blurAvatars={loaded.blurAvatars}
          showPriority={filters.sort === 'priority'}
          empty={empty}
        />
      )}

      {loaded ? <Pager firstHref={cursor ? reportQueueHref(filters, { cursor: null }) : null} nextHref={loaded.nextCursor ? reportQueueHref(filters, { cursor: encodeQueueCursor(loaded.nextCursor) }) : null} /> : null}
    </div>
  );
}
