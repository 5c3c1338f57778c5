import { getTranslations } from 'next-intl/server';
import type { Severity } from '@/lib/blocklist/severity';
import { Badge } from '@/components/ui/badge';

const TONE = { suspend: 'red', silence: 'amber', noop: 'neutral' } as const;

/** Server-rendered twin of <PolicyBadges>. */
export async function PolicyBadgesServer({ severity, rejectMedia, rejectReports, obfuscate }: { severity: Severity; rejectMedia: boolean; rejectReports: boolean; obfuscate?: boolean }) {
  const t = await getTranslations('federation');
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={TONE[severity]}>{t(`severity.${severity}`)}</Badge>
      {rejectMedia && severity !== 'suspend' ? <Badge tone="sky">{t('flags.rejectMedia')}</Badge> : null}
      {rejectReports && severity !== 'suspend' ? <Badge tone="sky">{t('flags.rejectReports')}</Badge> : null}
      {obfuscate ? <Badge tone="indigo">{t('flags.obfuscate')}</Badge> : null}
    </span>
  );
}
