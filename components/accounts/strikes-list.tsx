import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { StrikeRow } from '@/db/queries/accounts';
import { strikeActionName } from '@/lib/account-actions';
import { utcMinute } from '@/lib/account-timeline';
import { Badge } from '@/components/ui/badge';


/** A strike's label in Mastodon's wording (admin.strikes / user strikes). */
export function StrikeActionLabel({ action }: { action: number }) {
  const t = useTranslations('accounts.strikeActions');
  const name = strikeActionName(action);
  return <>{name ? t(name) : t('unknown', { value: action })}</>;
}

/** Strikes with their appeals, newest first, as on Mastodon's account page. */
export function StrikesList({ strikes, canOpenAppeals }: { strikes: StrikeRow[]; canOpenAppeals: boolean }) {
  const t = useTranslations('accounts.detail');
  if (strikes.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noStrikes')}</p>;
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="strikes">
      {strikes.map((s) => (
        <li key={s.id} className="py-3" data-testid="strike" data-strike-id={s.id}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">
              <StrikeActionLabel action={s.action} />
            </span>
            {s.overruledAt ? <Badge tone="emerald">{t('overruled')}</Badge> : null}
            {s.appealId ? (
              <Badge tone={s.appealApprovedAt ? 'emerald' : s.appealRejectedAt ? 'red' : 'sky'}>{s.appealApprovedAt ? t('appealApproved') : s.appealRejectedAt ? t('appealRejected') : t('appealPending')}</Badge>
            ) : null}
            <span className="text-xs text-zinc-600 dark:text-zinc-400">
              <time dateTime={s.createdAt.toISOString()}>{utcMinute(s.createdAt)}</time>
              {s.issuerUsername ? ` · ${t('strikeBy', { name: s.issuerUsername })}` : ''}
              {s.statusCount > 0 ? ` · ${t('strikePosts', { count: s.statusCount })}` : ''}
            </span>
            {s.reportId ? (
              <Link href={`/reports/${s.reportId}`} className="text-xs text-indigo-700 hover:underline dark:text-indigo-300">
                {t('strikeFromReport', { id: s.reportId })}
              </Link>
            ) : null}
            {s.appealId && canOpenAppeals ? (
              <Link href={`/appeals/${s.appealId}`} className="text-xs font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                {t('openAppeal')}
              </Link>
            ) : null}
          </div>
          <p className="mt-1 text-sm whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{s.text || <span className="italic">{t('noText')}</span>}</p>
        </li>
      ))}
    </ul>
  );
}
