'use client';

import { useTranslations } from 'next-intl';
import type { Severity } from '@/lib/blocklist/severity';
import { Badge } from '@/components/ui/badge';

const TONE = { suspend: 'red', silence: 'amber', noop: 'neutral' } as const;

/** Mastodon's UI words: Suspend, Limit, None. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const t = useTranslations('federation.severity');
  return (
    <Badge tone={TONE[severity]} className="whitespace-nowrap">
      {t(severity)}
    </Badge>
  );
}

export function PolicyBadges({ severity, rejectMedia, rejectReports, obfuscate }: { severity: Severity; rejectMedia: boolean; rejectReports: boolean; obfuscate?: boolean }) {
  const t = useTranslations('federation.flags');
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <SeverityBadge severity={severity} />
      {rejectMedia && severity !== 'suspend' ? <Badge tone="sky">{t('rejectMedia')}</Badge> : null}
      {rejectReports && severity !== 'suspend' ? <Badge tone="sky">{t('rejectReports')}</Badge> : null}
      {obfuscate ? <Badge tone="indigo">{t('obfuscate')}</Badge> : null}
    </span>
  );
}
