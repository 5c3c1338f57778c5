import { getTranslations } from 'next-intl/server';
import { coarseDuration } from '@/lib/format';

/** Server-side "3 hours" between two dates, for sentences like "joined 3 hours ago". */
export async function durationFormatter(): Promise<(from: Date, now: Date) => string> {
  const t = await getTranslations('common.duration');
  return (from, now) => {
    const { unit, count } = coarseDuration(now.getTime() - from.getTime());
    return unit === 'justNow' ? t('justNow') : t(unit, { count });
  };
}

/** Server-side "3 hours ago", or "just now" (never "just now ago"), for "Filed 3 hours ago". */
export async function sinceFormatter(): Promise<(from: Date, now: Date) => string> {
  const t = await getTranslations('common.duration');
  return (from, now) => {
    const { unit, count } = coarseDuration(now.getTime() - from.getTime());
    return unit === 'justNow' ? t('justNow') : t('ago', { duration: t(unit, { count }) });
  };
}
