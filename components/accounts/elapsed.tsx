'use client';

import { useTranslations } from 'next-intl';
import { coarseDuration } from '@/lib/format';
import { utcMinute } from '@/lib/account-timeline';

/**
 * How long something has waited, for client tables (the server's Duration needs the server).
 * `ms` is measured by the page on the database clock, so every row agrees with the data.
 */
export function Elapsed({ from, ms, testId }: { from: Date; ms: number; testId?: string }) {
  const t = useTranslations('common.duration');
  const { unit, count } = coarseDuration(ms);
  return (
    <time dateTime={from.toISOString()} title={utcMinute(from)} className="whitespace-nowrap" data-testid={testId}>
      {unit === 'justNow' ? t('justNow') : t(unit, { count })}
    </time>
  );
}
