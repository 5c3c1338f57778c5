'use client';

import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { ReportCategory } from '@/lib/report-priority';

const TONES = { legal: 'red', violation: 'amber', spam: 'sky', other: 'neutral' } as const;

export function CategoryBadge({ category }: { category: ReportCategory }) {
  const t = useTranslations('reports.categories');
  return (
    <Badge tone={TONES[category]} className="whitespace-nowrap">
      {t(category)}
    </Badge>
  );
}
