import { getTranslations } from 'next-intl/server';
import type { OpenAgeRow } from '@/db/queries/metrics';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { FigureLink, FigureTable } from '@/components/charts/figure-table';
import type { ChartColor } from '@/components/charts/palette';
import { CHART_CATEGORIES, DURATION_BUCKETS } from '@/lib/metrics';
import { categoryName, type ReportCategory } from '@/lib/report-priority';

export const CATEGORY_COLORS: Record<ReportCategory, ChartColor> = { spam: 'orange', violation: 'blue', legal: 'pink', other: 'grey' };

/** Where a bucket's segment leads: the open reports of that category filed within the bucket's age, as of the figure's moment. */
export type AgeBucketHref = (bucket: number, category: ReportCategory) => string;

export async function OpenAges({ rows, bucketHref }: { rows: OpenAgeRow[]; bucketHref: AgeBucketHref | null }) {
  const t = await getTranslations('overview.charts');
  const counts = DURATION_BUCKETS.map(() => Object.fromEntries(CHART_CATEGORIES.map((c) => [c, 0])) as Record<ReportCategory, number>);
  for (const row of rows) {
    const bucket = counts[row.bucket];
    if (bucket) bucket[categoryName(row.category)] += row.count;
  }
  const total = rows.reduce((a, r) => a + r.count, 0);
  const hrefs = (i: number) => (bucketHref ? Object.fromEntries(CHART_CATEGORIES.map((c) => [c, bucketHref(i, c)])) : undefined);
  return (
    <ChartFigure
      testId="chart-ages"
      title={t('ages.title')}
      description={t('ages.description', { count: total })}
      chart={
        <BarChart
          testId="ages"
          stacked
          rows={DURATION_BUCKETS.map((b, i) => ({ id: b.key, label: t(`ages.buckets.${b.key}`), values: counts[i]!, hrefs: hrefs(i) }))}
          series={CHART_CATEGORIES.map((c) => ({ key: c, label: t(`categories.${c}`), color: CATEGORY_COLORS[c] }))}
        />
      }
      table={
        <FigureTable
          caption={t('ages.title')}
          testId="ages-table"
          columns={[t('ages.bucket'), ...CHART_CATEGORIES.map((c) => t(`categories.${c}`)), t('ages.total')]}
          rows={DURATION_BUCKETS.map((b, i) => ({
            key: b.key,
            cells: [
              t(`ages.buckets.${b.key}`),
              ...CHART_CATEGORIES.map((c) =>
                counts[i]![c] > 0 ? (
                  <FigureLink key={c} href={bucketHref ? bucketHref(i, c) : null} label={t('ages.link', { count: counts[i]![c], category: t(`categories.${c}`), bucket: t(`ages.buckets.${b.key}`) })}>
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
