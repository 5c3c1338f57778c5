import { getTranslations } from 'next-intl/server';
import type { ResponseTimeRow } from '@/db/queries/metrics';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { FigureLink, FigureTable } from '@/components/charts/figure-table';
import { CHART_CATEGORIES, hours, readableDuration } from '@/lib/metrics';
import { CATEGORY_CODES } from '@/lib/report-priority';

type Kind = 'firstAction' | 'resolution';

export async function ResponseTimes({ rows, days, categoryHref }: { rows: ResponseTimeRow[]; days: number; categoryHref: ((category: number | null, kind: Kind) => string) | null }) {
  const t = await getTranslations('overview.charts');
  const byCategory = new Map(rows.map((r) => [r.category, r]));
  const ordered: Array<{ id: string; code: number | null; label: string }> = [
    { id: 'all', code: null, label: t('allCategories') },
    ...CHART_CATEGORIES.map((c) => ({ id: c, code: CATEGORY_CODES[c], label: t(`categories.${c}`) })),
  ];
  const empty = { count: 0, median: null, p90: null };
  const readable = (seconds: number | null) => {
    if (seconds === null) return t('none');
    const { unit, value } = readableDuration(seconds);
    return t(`duration.${unit}`, { value });
  };
  const figure = (kind: Kind) => {
    const title = t(`responseTimes.${kind}`);
    const stats = ordered.map((o) => ({ ...o, stats: byCategory.get(o.code)?.[kind] ?? empty }));
    return (
      <ChartFigure
        testId={`chart-${kind === 'firstAction' ? 'first-action' : 'resolution'}`}
        title={title}
        chart={
          <BarChart
            testId={kind === 'firstAction' ? 'first-action' : 'resolution'}
            horizontal
            integer={false}
            unit={t('responseTimes.hoursUnit')}
            rows={stats.map((s) => ({
              id: s.id,
              label: s.label,
              values: { median: hours(s.stats.median), p90: hours(s.stats.p90) },
              hrefs: categoryHref ? { median: categoryHref(s.code, kind), p90: categoryHref(s.code, kind) } : undefined,
            }))}
            series={[
              { key: 'median', label: t('responseTimes.median'), color: 'blue' },
              { key: 'p90', label: t('responseTimes.p90'), color: 'green' },
            ]}
          />
        }
        table={
          <FigureTable
            caption={title}
            columns={[
              t('responseTimes.category'),
              t('responseTimes.count'),
              t('responseTimes.median'),
              t('responseTimes.p90'),
              ...(kind === 'firstAction' ? [t('responseTimes.untouched')] : []),
            ]}
            rows={stats.map((s) => ({
              key: s.id,
              cells: [
                <FigureLink key="c" href={categoryHref ? categoryHref(s.code, kind) : null}>
                  {s.label}
                </FigureLink>,
                s.stats.count,
                readable(s.stats.median),
                readable(s.stats.p90),
                ...(kind === 'firstAction' ? [byCategory.get(s.code)?.untouched ?? 0] : []),
              ],
            }))}
          />
        }
      />
    );
  };
  return (
    <section aria-labelledby="response-times-heading" className="space-y-2">
      <div>
        <h2 id="response-times-heading" className="text-base font-semibold">
          {t('responseTimes.title')}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('responseTimes.description', { days })}</p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {figure('firstAction')}
        {figure('resolution')}
      </div>
    </section>
  );
}
