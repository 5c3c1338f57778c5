import { getTranslations } from 'next-intl/server';
import type { OverviewMetrics } from '@/db/queries/metrics';
import { Alert } from '@/components/ui/alert';
import { auditHref, EMPTY_AUDIT_FILTERS } from '@/lib/audit-filters';
import type { overviewAccess, OverviewRange } from '@/lib/metrics';
import { DEFAULT_FILTERS, reportQueueHref } from '@/lib/report-filters';
import { categoryName } from '@/lib/report-priority';
import { Appeals } from './appeals';
import { ReportedDomains, ReportingDomains, type DomainLinks } from './domains';
import { OpenAges } from './open-ages';
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
  access,
  transparencyMonth,
}: {
  /** Started by the page; awaited here so the charts stream in after the headline figures. */
  metrics: Promise<OverviewMetrics | null>;
  range: OverviewRange;
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
  const domainLinks: DomainLinks | null = reports
    ? {
        reported: (domain, status) => reports({ status, targetDomain: domain }),
        reporting: (domain, status) => reports({ status, reporterDomain: domain }),
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
      <ReportFlow flow={metrics.flow} days={range} reportsHref={reports ? { open: reports({}), resolved: reports({ status: 'resolved' }) } : null} />
      <ResponseTimes
        rows={metrics.responseTimes}
        days={range}
        categoryHref={
          reports ? (code, kind) => reports({ status: kind === 'resolution' ? 'resolved' : 'all', category: code === null ? null : categoryName(code) }) : null
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <OpenAges rows={metrics.openAges} categoryHref={reports ? (category) => reports({ category }) : null} />
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
      {access.workload && metrics.workload ? <Workload rows={metrics.workload} days={range} auditHref={(accountId) => auditHref(EMPTY_AUDIT_FILTERS, { actorIds: [accountId] })} /> : null}
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
