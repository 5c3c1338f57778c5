import { getTranslations } from 'next-intl/server';
import type { ReportFlowDay } from '@/db/queries/metrics';
import { AreaChart } from '@/components/charts/area-chart';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { FigureLink, FigureTable } from '@/components/charts/figure-table';

/** "Nov 3": short enough for 90 ticks; the table keeps the full ISO day. */
function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

export async function ReportFlow({ flow, days, reportsHref }: { flow: ReportFlowDay[]; days: number; reportsHref: { open: string; resolved: string } | null }) {
  const t = await getTranslations('overview.charts');
  const opened = flow.reduce((a, d) => a + d.opened, 0);
  const resolved = flow.reduce((a, d) => a + d.resolved, 0);
  const today = flow.at(-1)?.backlog ?? 0;
  const rows = flow.map((d) => ({
    id: d.day,
    label: shortDay(d.day),
    values: { opened: d.opened, resolved: d.resolved },
    hrefs: reportsHref ? { opened: reportsHref.open, resolved: reportsHref.resolved } : undefined,
  }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartFigure
        testId="chart-flow"
        title={t('flow.title')}
        description={t('flow.description', { days, opened, resolved })}
        chart={
          <BarChart
            testId="flow"
            rows={rows}
            series={[
              { key: 'opened', label: t('flow.opened'), color: 'orange' },
              { key: 'resolved', label: t('flow.resolved'), color: 'blue' },
            ]}
          />
        }
        table={
          <FigureTable
            caption={t('flow.title')}
            columns={[t('flow.day'), t('flow.opened'), t('flow.resolved'), t('backlog.value')]}
            rows={flow.map((d) => ({ key: d.day, cells: [d.day, d.opened, d.resolved, d.backlog] }))}
          />
        }
        aside={reportsHref ? <FigureLink href={reportsHref.open}>{t('flow.link')}</FigureLink> : null}
      />
      <ChartFigure
        testId="chart-backlog"
        title={t('backlog.title')}
        description={
          <>
            {t('backlog.description', { count: today })} <span className="block text-xs">{t('backlog.note')}</span>
          </>
        }
        chart={<AreaChart testId="backlog" label={t('backlog.value')} color="purple" points={flow.map((d) => ({ label: shortDay(d.day), value: d.backlog }))} />}
        table={
          <FigureTable
            caption={t('backlog.title')}
            columns={[t('flow.day'), t('backlog.value')]}
            rows={flow.map((d) => ({ key: d.day, cells: [d.day, d.backlog] }))}
          />
        }
      />
    </div>
  );
}
