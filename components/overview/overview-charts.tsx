import { getTranslations } from 'next-intl/server';
import type { OverviewMetrics } from '@/db/queries/metrics';
import { Alert } from '@/components/ui/alert';
import { auditHref, EMPTY_AUDIT_FILTERS } from '@/lib/audit-filters';
import { DURATION_BUCKETS, metricsWindow, type overviewAccess, type OverviewRange } from '@/lib/metrics';
import { DEFAULT_FILTERS, reportInstant, reportQueueHref } from '@/lib/report-filters';
import { categoryName } from '@/lib/report-priority';
import { Appeals } from './appeals';
import { ReportedDomains, ReportingDomains, type DomainLinks } from './domains';
import { OpenAges, type AgeBucketHref } from './open-ages';
import { RangeSwitch } from './range-switch';
import { ReportFlow } from './report-flow';
import { ResponseTimes } from './response-times';
import { TransparencyExport } from './transparency-export';
import { Workload } from './workload';

/**
 * The overview's charts. Every figure links to the list behind it, but only when the viewer's role
 * can open that list (a dashboard-only role sees the numbers without dead links).
 */
export async function OverviewCharts({
  metrics: pending,
  range,
  now,
  access,
  transparencyMonth,
}: {
  /** Started by the page; awaited here so the charts stream in after the headline figures. */
  metrics: Promise<OverviewMetrics | null>;
  range: OverviewRange;
  /** The moment the metrics were computed as of: links bound their lists by it. */
  now: Date;
  access: ReturnType<typeof overviewAccess>;
  transparencyMonth: { default: string; max: string };
}) {
  const t = await getTranslations('overview.charts');
  const metrics = await pending;
  if (!metrics) {
    return (
      <Alert tone="error" title={(await getTranslations('overview'))('unavailableTitle')}>
        {t('unavailable')}
      </Alert>
    );
  }
  const reports = access.reportLinks ? (changes: Parameters<typeof reportQueueHref>[1]) => reportQueueHref(DEFAULT_FILTERS, changes) : null;
  // Windowed figures count reports filed (or resolved) from the window's first UTC day on.
  const since = metricsWindow(now, range).start.toISOString().slice(0, 10);
  const domainLinks: DomainLinks | null = reports
    ? {
        reported: (domain, status) => reports({ status, targetDomain: domain, from: since }),
        reporting: (domain, status) => reports({ status, reporterDomain: domain, from: since }),
      }
    : null;
  // An age bucket [a, b) as of `now` is the reports filed in (now − b, now − a]: exact instants, so
  // the list is the figure's reports (less any resolved since) however long ago the page loaded.
  // The range's `from` is inclusive where the bucket's edge is not; only a report filed at that very
  // instant could land in the neighbouring bucket's list.
  const bucketHref: AgeBucketHref | null = reports
    ? (index, category) => {
        const bucket = DURATION_BUCKETS[index];
        const at = (seconds: number) => reportInstant(new Date(now.getTime() - seconds * 1000));
        return reports({ category, from: bucket?.to != null ? at(bucket.to) : null, to: bucket ? at(bucket.from) : null });
      }
    : null;
  return (
    <section aria-labelledby="activity-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="activity-heading" className="text-lg font-semibold tracking-tight">
          {t('sectionTitle')}
        </h2>
        <RangeSwitch range={range} />
      </div>
      <ReportFlow
        flow={metrics.flow}
        days={range}
        links={
          reports
            ? {
                opened: (day) => reports({ status: 'all', from: day, to: day }),
                resolved: (day) => reports({ status: 'resolved', dateField: 'resolved', from: day, to: day }),
                window: reports({ status: 'all', from: since }),
                backlog: reports({}),
              }
            : null
        }
      />
      <ResponseTimes
        rows={metrics.responseTimes}
        days={range}
        categoryHref={
          reports
            ? (code, kind) => {
                const category = code === null ? null : categoryName(code);
                // First action is measured on reports filed in the window; resolution on reports resolved in it.
                return kind === 'resolution' ? reports({ status: 'resolved', dateField: 'resolved', category, from: since }) : reports({ status: 'all', category, from: since });
              }
            : null
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <OpenAges rows={metrics.openAges} bucketHref={bucketHref} />
        <Appeals
          figures={metrics.appeals}
          days={range}
          appealsHref={access.appealLinks ? (status) => `/appeals?status=${status}` : null}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <ReportedDomains rows={metrics.reportedDomains} days={range} links={domainLinks} />
        <ReportingDomains rows={metrics.reportingDomains} days={range} links={domainLinks} />
      </div>
      {access.workload && metrics.workload ? <Workload rows={metrics.workload} days={range} auditHref={(accountId) => auditHref(EMPTY_AUDIT_FILTERS, { actorIds: [accountId], from: since })} /> : null}
      <TransparencyExport defaultMonth={transparencyMonth.default} maxMonth={transparencyMonth.max} />
    </section>
  );
}

/** Placeholder while the charts stream in: same place, announced politely, no layout jump for the figures above. */
export async function OverviewChartsLoading() {
  const t = await getTranslations('overview.charts');
  return (
    <section aria-busy="true" aria-live="polite" className="space-y-4" data-testid="charts-loading">
      <h2 className="text-lg font-semibold tracking-tight">{t('sectionTitle')}</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('loading')}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-72 animate-pulse rounded-lg bg-white shadow-sm ring-1 ring-zinc-200 motion-reduce:animate-none dark:bg-zinc-900 dark:ring-zinc-800" />
        ))}
      </div>
    </section>
  );
}
