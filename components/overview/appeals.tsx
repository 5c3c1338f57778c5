import { getTranslations } from 'next-intl/server';
import type { AppealFigures } from '@/db/queries/metrics';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { FigureLink, FigureTable } from '@/components/charts/figure-table';
import { share } from '@/lib/metrics';

function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

export async function Appeals({ figures, days, appealsHref }: { figures: AppealFigures; days: number; appealsHref: ((status: 'pending' | 'approved' | 'rejected' | 'all') => string) | null }) {
  const t = await getTranslations('overview.charts');
  const decided = figures.approved + figures.rejected;
  const rate = share(figures.approved, decided);
  const hrefs = appealsHref ? { filed: appealsHref('all'), approved: appealsHref('approved'), rejected: appealsHref('rejected') } : undefined;
  return (
    <ChartFigure
      testId="chart-appeals"
      title={t('appeals.title')}
      description={t('appeals.description', { days })}
      aside={
        <dl className="text-right text-sm">
          <dt className="sr-only">{t('appeals.overturnRate')}</dt>
          <dd data-testid="overturn-rate" className="font-medium">
            {rate === null ? t('appeals.overturnRateNone') : `${t('appeals.overturnRate')}: ${t('appeals.overturnRateValue', { rate, decided })}`}
          </dd>
          <dd>
            <FigureLink href={appealsHref ? appealsHref('pending') : null}>{t('appeals.pending', { count: figures.pending })}</FigureLink>
          </dd>
        </dl>
      }
      chart={
        <BarChart
          testId="appeals"
          rows={figures.weeks.map((w) => ({ id: w.week, label: shortDay(w.week), values: { filed: w.filed, approved: w.approved, rejected: w.rejected }, hrefs }))}
          series={[
            { key: 'filed', label: t('appeals.filed'), color: 'grey' },
            { key: 'approved', label: t('appeals.approved'), color: 'green' },
            { key: 'rejected', label: t('appeals.rejected'), color: 'red' },
          ]}
          height={200}
        />
      }
      table={
        <FigureTable
          caption={t('appeals.title')}
          columns={[t('appeals.week'), t('appeals.filed'), t('appeals.approved'), t('appeals.rejected')]}
          rows={figures.weeks.map((w) => ({ key: w.week, cells: [w.week, w.filed, w.approved, w.rejected] }))}
        />
      }
    />
  );
}
