'use client';

import { useId, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import { CHART_PALETTE_CLASS } from './palette';

/**
 * A chart with its data as a table. Screen readers get the table (always in the accessibility
 * tree) instead of the drawing, which is hidden from them; sighted keyboard users can show the
 * table too, and its cells link to the same filtered lists as the bars.
 */
export function ChartFigure({
  title,
  description,
  chart,
  table,
  testId,
  aside,
  className,
}: {
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  testId: string;
  /** Headline figures or links shown beside the title. */
  aside?: ReactNode;
  className?: string;
}) {
  const t = useTranslations('overview.charts');
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();
  const tableId = useId();
  return (
    <figure
      aria-labelledby={titleId}
      data-testid={testId}
      className={cn('rounded-lg bg-white p-5 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800', CHART_PALETTE_CLASS, className)}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          {description ? <div className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</div> : null}
        </div>
        <div className="flex items-center gap-3">
          {aside}
          <button
            type="button"
            aria-expanded={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((v) => !v)}
            className="rounded-md px-2 py-1 text-xs font-medium text-zinc-700 ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800"
          >
            {showTable ? t('hideTable') : t('showTable')}
          </button>
        </div>
      </div>
      <div aria-hidden="true" className="mt-4 text-zinc-600 dark:text-zinc-400">
        {chart}
      </div>
      <div id={tableId} className={showTable ? 'mt-4 overflow-x-auto' : 'sr-only'}>
        {table}
      </div>
    </figure>
  );
}
