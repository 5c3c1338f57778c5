import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { AccountReportRow } from '@/db/queries/accounts';
import { reportCategoryName } from '@/lib/account-timeline';
import { acct } from '@/lib/format';
import { Badge } from '@/components/ui/badge';

/** Reports against or by the account, newest first; each links to its report page. */
export function AccountReports({ reports, side }: { reports: AccountReportRow[]; side: 'against' | 'by' }) {
  const t = useTranslations('accounts.detail');
  const tc = useTranslations('accounts.categories');
  if (reports.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noReports')}</p>;
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid={`reports-${side}`}>
      {reports.map((r) => {
        const other = acct(r.otherUsername, r.otherDomain);
        return (
          <li key={r.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2 text-sm">
            <Link href={`/reports/${r.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              #{r.id}
            </Link>
            <Badge tone={r.actionTakenAt ? 'neutral' : 'amber'}>{r.actionTakenAt ? t('reportResolved') : t('reportOpen')}</Badge>
            <span>{tc(reportCategoryName(r.category))}</span>
            <span className="text-zinc-600 dark:text-zinc-400">{side === 'against' ? t('reportFrom', { acct: other }) : t('reportAbout', { acct: other })}</span>
            <span className="text-zinc-600 dark:text-zinc-400">{t('reportPosts', { count: r.statusCount })}</span>
            <time className="text-xs text-zinc-600 dark:text-zinc-400" dateTime={r.createdAt.toISOString()}>
              {r.createdAt.toISOString().slice(0, 10)}
            </time>
            {r.comment ? <p className="w-full truncate text-xs text-zinc-600 dark:text-zinc-400">{r.comment}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
