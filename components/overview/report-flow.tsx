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

export interface ReportFlowLinks {
  /** Reports filed on the UTC day. */
  opened: (day: string) => string;
  /** Reports resolved on the UTC day. */
  resolved: (day: string) => string;
  /** Reports filed in the window. */
  window: string;
  /** The open backlog now (past days' backlogs are not a list anyone can open). */
  backlog: string;
}

export async function ReportFlow({ flow, days, links }: { flow: ReportFlowDay[]; days: number; links: ReportFlowLinks | null }) {
  const t = await getTranslations('overview.charts');
  const opened = flow.reduce((a, d) => a + d.opened, 0);
  const resolved = flow.reduce((a, d) => a + d.resolved, 0);
  const today = flow.at(-1)?.backlog ?? 0;
  const rows = flow.map((d) => ({
    id: d.day,
    label: shortDay(d.day),
    values: { opened: d.opened, resolved: d.resolved },
    hrefs: links ? { opened: links.opened(d.day), resolved: links.resolved(d.day) } : undefined,
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
            testId="flow-table"
            rows={flow.map((d) => ({
              key: d.day,
              cells: [
                d.day,
                <FigureLink key="o" href={links && d.opened > 0 ? links.opened(d.day) : null} label={t('flow.openedLink', { count: d.opened, day: d.day })}>
                  {d.opened}
                </FigureLink>,
                <FigureLink key="r" href={links && d.resolved > 0 ? links.resolved(d.day) : null} label={t('flow.resolvedLink', { count: d.resolved, day: d.day })}>
                  {d.resolved}
                </FigureLink>,
                d.backlog,
              ],
            }))}
          />
        }
        aside={links ? <FigureLink href={links.window}>{t('flow.link', { days })}</FigureLink> : null}
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
        aside={links ? <FigureLink href={links.backlog}>{t('backlog.link')}</FigureLink> : null}
      />
    </div>
  );
}
