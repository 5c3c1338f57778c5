'use client';

import { useCallback } from 'react';
import { useTranslations } from 'next-intl';
import { coarseDuration } from '@/lib/format';

/** "3 hours" between two instants (ISO strings), in the moderator's language. */
export function useRelativeAge(): (from: string, to: string) => string {
  const t = useTranslations('common.duration');
  return useCallback(
    (from: string, to: string) => {
      const { unit, count } = coarseDuration(new Date(to).getTime() - new Date(from).getTime());
      return unit === 'justNow' ? t('justNow') : t(unit, { count });
    },
    [t],
  );
}

export function utcTitle(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
