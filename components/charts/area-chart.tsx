'use client';

import { Area, AreaChart as RechartsAreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_COLORS, type ChartColor } from './palette';

/** One series over time (e.g. the open backlog at the end of each day). */
export function AreaChart({ points, label, color, testId, height = 200 }: { points: Array<{ label: string; value: number }>; label: string; color: ChartColor; testId: string; height?: number }) {
  return (
    <div data-testid={testId} style={{ width: '100%', height }}>
      <RechartsAreaChart responsive accessibilityLayer={false} data={points} margin={{ top: 4, right: 12, bottom: 4, left: 0 }} style={{ width: '100%', height: '100%' }}>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
        <XAxis dataKey="label" tick={{ fill: 'currentColor', fontSize: 12 }} stroke="currentColor" tickLine={false} minTickGap={12} />
        <YAxis tick={{ fill: 'currentColor', fontSize: 12 }} stroke="currentColor" allowDecimals={false} width={48} />
        <Tooltip
          contentStyle={{ background: 'var(--tooltip-bg, white)', borderRadius: 6, fontSize: 12 }}
          wrapperClassName="[--tooltip-bg:white] dark:[--tooltip-bg:#27272a] !text-zinc-900 dark:!text-zinc-100"
        />
        <Area type="monotone" dataKey="value" name={label} stroke={CHART_COLORS[color]} fill={CHART_COLORS[color]} fillOpacity={0.2} strokeWidth={2} isAnimationActive={false} />
      </RechartsAreaChart>
    </div>
  );
}
