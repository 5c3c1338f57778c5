import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cn } from '@/components/ui/cn';
import { OVERVIEW_RANGES, type OverviewRange } from '@/lib/metrics';

export async function RangeSwitch({ range }: { range: OverviewRange }) {
  const t = await getTranslations('overview.charts');
  return (
    <nav aria-label={t('range')} className="inline-flex rounded-md ring-1 ring-zinc-300 ring-inset dark:ring-zinc-700">
      {OVERVIEW_RANGES.map((r) => (
        <Link
          key={r}
          href={r === 30 ? '/' : `/?range=${r}`}
          aria-current={r === range ? 'page' : undefined}
          scroll={false}
          className={cn(
            'px-3 py-1.5 text-sm font-medium first:rounded-l-md last:rounded-r-md',
            r === range ? 'bg-indigo-600 text-white dark:bg-indigo-500' : 'hover:bg-zinc-50 dark:hover:bg-zinc-800',
          )}
        >
          {t('rangeDays', { count: r })}
        </Link>
      ))}
    </nav>
  );
}
