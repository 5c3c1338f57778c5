'use client';

import type { MouseEvent } from 'react';
import { useRouter } from 'next/navigation';
import { Bar, BarChart as RechartsBarChart, CartesianGrid, Legend, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { CHART_COLORS, type ChartColor } from './palette';

export interface ChartSeries {
  key: string;
  label: string;
  color: ChartColor;
}

export interface ChartRow {
  /** Stable key (a day, a domain, a category). */
  id: string;
  /** Axis label, already translated/formatted. */
  label: string;
  values: Record<string, number | null>;
  /** Where each segment leads: the filtered list behind it. */
  hrefs?: Record<string, string | null>;
}

const HREF_SUFFIX = '__href';

function linkedBar(seriesKey: string, testId: string) {
  return function LinkedBar(props: BarShapeProps & { onNavigate: (href: string) => void }) {
    const { onNavigate, ...shape } = props;
    const payload = shape.payload as Record<string, unknown> | undefined;
    const href = typeof payload?.[`${seriesKey}${HREF_SUFFIX}`] === 'string' ? (payload[`${seriesKey}${HREF_SUFFIX}`] as string) : null;
    const rect = <Rectangle {...(shape as object)} />;
    if (!href || !shape.height) return rect;
    // The drawing is hidden from assistive technology and out of the tab order: the data table
    // below it carries the same links for keyboards and screen readers.
    return (
      <a
        href={href}
        tabIndex={-1}
        data-testid={`${testId}-bar`}
        data-series={seriesKey}
        data-label={String(payload?.label ?? '')}
        className="cursor-pointer hover:opacity-80"
        onClick={(e: MouseEvent) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          onNavigate(href);
        }}
      >
        {rect}
      </a>
    );
  };
}

/**
 * Bars over categories (days, buckets, domains, people), grouped or stacked, with each segment a
 * link to the list behind it. `horizontal` puts the categories on the vertical axis, for long
 * labels such as domains.
 */
export function BarChart({
  rows,
  series,
  stacked = false,
  horizontal = false,
  height = 260,
  unit,
  testId,
  integer = true,
}: {
  rows: ChartRow[];
  series: ChartSeries[];
  stacked?: boolean;
  horizontal?: boolean;
  height?: number;
  /** Unit shown after values in the tooltip (e.g. "h"). */
  unit?: string;
  testId: string;
  /** Counts: whole ticks only. */
  integer?: boolean;
}) {
  const router = useRouter();
  const data = rows.map((row) => {
    const entry: Record<string, string | number | null> = { id: row.id, label: row.label };
    for (const s of series) {
      entry[s.key] = row.values[s.key] ?? null;
      entry[`${s.key}${HREF_SUFFIX}`] = row.hrefs?.[s.key] ?? null;
    }
    return entry;
  });
  const labelAxis = { dataKey: 'label', tick: { fill: 'currentColor', fontSize: 12 }, stroke: 'currentColor', tickLine: false } as const;
  const valueAxis = { tick: { fill: 'currentColor', fontSize: 12 }, stroke: 'currentColor', allowDecimals: !integer, unit } as const;
  // Long labels (domains) get the room they need, within reason; the table has them in full.
  const labelWidth = Math.min(220, Math.max(60, ...rows.map((r) => r.label.length * 7 + 8)));
  const chartHeight = horizontal ? Math.max(120, rows.length * (stacked ? 28 : 20 * series.length + 8) + 60) : height;
  return (
    <div data-testid={testId} style={{ width: '100%', height: chartHeight }}>
      <RechartsBarChart responsive accessibilityLayer={false} data={data} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 4, right: 12, bottom: 4, left: horizontal ? 8 : 0 }} style={{ width: '100%', height: '100%' }}>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={horizontal} horizontal={!horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" {...valueAxis} />
            <YAxis type="category" {...labelAxis} width={labelWidth} interval={0} />
          </>
        ) : (
          <>
            <XAxis {...labelAxis} minTickGap={12} />
            <YAxis {...valueAxis} width={48} />
          </>
        )}
        <Tooltip
          cursor={{ fill: 'currentColor', fillOpacity: 0.08 }}
          contentStyle={{ background: 'var(--tooltip-bg, white)', borderRadius: 6, fontSize: 12 }}
          wrapperClassName="[--tooltip-bg:white] dark:[--tooltip-bg:#27272a] !text-zinc-900 dark:!text-zinc-100"
          formatter={(value) => (typeof value === 'number' && unit ? `${value.toLocaleString('en')} ${unit}` : value)}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={CHART_COLORS[s.color]}
            stackId={stacked ? 'stack' : undefined}
            isAnimationActive={false}
            shape={(props: BarShapeProps) => {
              const Shape = linkedBar(s.key, testId);
              return <Shape {...props} onNavigate={(href) => router.push(href)} />;
            }}
          />
        ))}
      </RechartsBarChart>
    </div>
  );
}
