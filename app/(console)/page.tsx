import { Suspense } from 'react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { getOverviewMetrics, type OverviewMetrics } from '@/db/queries/metrics';
import { getOverviewFigures, type OverviewFigures } from '@/db/queries/overview';
import { OverviewCharts, OverviewChartsLoading } from '@/components/overview/overview-charts';
import { SeverityBar } from '@/components/overview/severity-bar';
import { StatCard } from '@/components/overview/stat-card';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Duration } from '@/components/ui/duration';
import { overviewAccess, parseOverviewRange, previousMonth } from '@/lib/metrics';
import { canAny } from '@/lib/permissions';
import { requireActor } from '@/lib/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('overview'))('title') };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const range = parseOverviewRange((await searchParams).range);
  const t = await getTranslations('overview');
  const tAppeals = await getTranslations('appeals.overview');
  const tErrors = await getTranslations('common.errors');
  const prepared = await getDatabase();

  let figures: OverviewFigures | null = null;
  try {
    figures = await getOverviewFigures({ db: prepared.handle.replica });
  } catch (error) {
    // Never fall back to zeros: an empty queue that is really an outage would send moderators home.
    console.error('[palisade] overview figures failed:', (error as Error).message);
  }

  // The charts stream in behind the headline figures: they read far more rows, and nothing
  // waits on them (the promise is started here, awaited inside the Suspense boundary).
  const access = overviewAccess(actor.permissions);
  const metrics: Promise<OverviewMetrics | null> | null =
    figures && access.charts
      ? getOverviewMetrics({ db: prepared.handle.replica, now: figures.measuredAt, days: range, includeWorkload: access.workload }).catch((error: Error) => {
          console.error('[palisade] overview charts failed:', error.message);
          return null;
        })
      : null;

  const sees = (...permissions: Parameters<typeof canAny>[1]) => canAny(actor.permissions, ['view_dashboard', ...permissions]);

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Mastodon {prepared.mastodon.series} · schema {prepared.mastodon.schemaVersion}</p>
      </div>

      {!figures ? (
        <Alert tone="error" title={t('unavailableTitle')}>
          {tErrors('databaseUnavailable')}
        </Alert>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {sees('manage_reports') ? (
              <>
                <StatCard testId="open-reports" label={t('openReports')} value={figures.openReports} hint={t('openReportsHint')} href="/reports?status=open" />
                <StatCard
                  testId="oldest-open-report"
                  label={t('oldestOpenReport')}
                  value={figures.oldestOpenReportAt ? <Duration from={figures.oldestOpenReportAt} now={figures.measuredAt} /> : t('oldestOpenReportNone')}
                  href="/reports?status=open&sort=oldest"
                />
              </>
            ) : null}
            {sees('manage_appeals') ? (
              <StatCard
                testId="pending-appeals"
                label={t('pendingAppeals')}
                value={figures.pendingAppeals}
                hint={
                  figures.oldestPendingAppealAt ? (
                    <span data-testid="oldest-pending-appeal">{tAppeals.rich('oldestWaiting', { duration: () => <Duration from={figures!.oldestPendingAppealAt!} now={figures!.measuredAt} /> })}</span>
                  ) : (
                    t('pendingAppealsHint')
                  )
                }
                href="/appeals?status=pending"
              />
            ) : null}
            {sees('manage_users') ? (
              <StatCard testId="pending-signups" label={t('pendingSignups')} value={figures.pendingSignups} hint={t('pendingSignupsHint')} href="/accounts/pending" />
            ) : null}
          </div>
          {sees('manage_federation') ? (
            <Card>
              <h2 className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{t('domainBlocks')}</h2>
              <p className="mt-2 text-lg font-semibold" data-testid="domain-blocks-total">
                {t('domainBlocksTotal', { count: figures.domainBlocks.suspend + figures.domainBlocks.silence + figures.domainBlocks.noop })}
              </p>
              <div className="mt-4">
                <SeverityBar counts={figures.domainBlocks} />
              </div>
            </Card>
          ) : null}
          {metrics ? (
            <Suspense key={range} fallback={<OverviewChartsLoading />}>
              <OverviewCharts
                metrics={metrics}
                range={range}
                now={figures.measuredAt}
                access={access}
                transparencyMonth={{ default: previousMonth(figures.measuredAt), max: figures.measuredAt.toISOString().slice(0, 7) }}
              />
            </Suspense>
          ) : null}
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('updatedAt', { time: figures.measuredAt.toISOString().slice(0, 16).replace('T', ' ') })}</p>
        </>
      )}
    </div>
  );
}
