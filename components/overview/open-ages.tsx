import { getTranslations } from 'next-intl/server';
import type { OpenAgeRow } from '@/db/queries/metrics';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { FigureLink, FigureTable } from '@/components/charts/figure-table';
import type { ChartColor } from '@/components/charts/palette';
import { CHART_CATEGORIES, DURATION_BUCKETS } from '@/lib/metrics';
import { categoryName, type ReportCategory } from '@/lib/report-priority';

export const CATEGORY_COLORS: Record<ReportCategory, ChartColor> = { spam: 'orange', violation: 'blue', legal: 'pink', other: 'grey' };

export async function OpenAges({ rows, categoryHref }: { rows: OpenAgeRow[]; categoryHref: ((category: ReportCategory) => string) | null }) {
  const t = await getTranslations('overview.charts');
  const counts = DURATION_BUCKETS.map(() => Object.fromEntries(CHART_CATEGORIES.map((c) => [c, 0])) as Record<ReportCategory, number>);
  for (const row of rows) {
    const bucket = counts[row.bucket];
    if (bucket) bucket[categoryName(row.category)] += row.count;
  }
  const total = rows.reduce((a, r) => a + r.count, 0);
  const hrefs = categoryHref ? Object.fromEntries(CHART_CATEGORIES.map((c) => [c, categoryHref(c)])) : undefined;
  return (
    <ChartFigure
      testId="chart-ages"
      title={t('ages.title')}
      description={t('ages.description', { count: total })}
      chart={
        <BarChart
          testId="ages"
          stacked
          rows={DURATION_BUCKETS.map((b, i) => ({ id: b.key, label: t(`ages.buckets.${b.key}`), values: counts[i]!, hrefs }))}
          series={CHART_CATEGORIES.map((c) => ({ key: c, label: t(`categories.${c}`), color: CATEGORY_COLORS[c] }))}
        />
      }
      table={
        <FigureTable
          caption={t('ages.title')}
          columns={[t('ages.bucket'), ...CHART_CATEGORIES.map((c) => t(`categories.${c}`)), t('ages.total')]}
          rows={DURATION_BUCKETS.map((b, i) => ({
            key: b.key,
            cells: [
              t(`ages.buckets.${b.key}`),
              ...CHART_CATEGORIES.map((c) =>
                counts[i]![c] > 0 ? (
                  <FigureLink key={c} href={hrefs?.[c] ?? null}>
                    {counts[i]![c]}
                  </FigureLink>
                ) : (
                  0
                ),
              ),
              CHART_CATEGORIES.reduce((a, c) => a + counts[i]![c], 0),
            ],
          }))}
        />
      }
    />
  );
}
