import { getTranslations } from 'next-intl/server';
import { coarseDuration } from '@/lib/format';

/** Server-rendered age; `now` comes from the database clock so ages agree with the data. */
export async function Duration({ from, now }: { from: Date; now: Date }) {
  const t = await getTranslations('common.duration');
  const { unit, count } = coarseDuration(now.getTime() - from.getTime());
  return <time dateTime={from.toISOString()} title={`${from.toISOString().replace('T', ' ').slice(0, 16)} UTC`}>{unit === 'justNow' ? t('justNow') : t(unit, { count })}</time>;
}
