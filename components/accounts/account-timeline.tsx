import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { reportCategoryName, type TimelineItem, utcMinute } from '@/lib/account-timeline';
import type { AuditSentence } from '@/lib/audit-sentences';
import { Badge } from '@/components/ui/badge';
import { StrikeActionLabel } from './strikes-list';


const DOT: Record<TimelineItem['kind'], string> = {
  audit: 'bg-indigo-500',
  note: 'bg-amber-500',
  strike: 'bg-red-500',
  report: 'bg-zinc-400',
  appeal: 'bg-sky-500',
};

/** An audit row in the audit log's own words (messages/en/audit.json), its target linked. */
function AuditLine({ sentence }: { sentence: AuditSentence }) {
  const t = useTranslations('audit.sentences');
  const target = (chunks: React.ReactNode) =>
    sentence.href ? (
      sentence.external ? (
        <a href={sentence.href} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" rel="noopener noreferrer" target="_blank">
          {chunks}
        </a>
      ) : (
        <Link href={sentence.href} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {chunks}
        </Link>
      )
    ) : (
      <span className="font-medium">{chunks}</span>
    );
  // The key is computed from the row (lib/audit-sentences.ts); every key it yields exists in audit.json.
  return <>{t.rich(sentence.message as Parameters<typeof t.rich>[0], { ...sentence.values, actor: (chunks) => <strong>{chunks}</strong>, target })}</>;
}

/** One chronological list of everything done about the account. */
export function AccountTimeline({ items }: { items: TimelineItem[] }) {
  const t = useTranslations('accounts.timeline');
  const tc = useTranslations('accounts.categories');
  const tEmpty = useTranslations('accounts.detail');
  if (items.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{tEmpty('timelineEmpty')}</p>;
  const who = (actor: string | null) => actor ?? t('someone');
  return (
    <ol className="relative space-y-3 border-l border-zinc-200 pl-5 dark:border-zinc-700" data-testid="account-timeline">
      {items.map((item) => (
        <li key={`${item.kind}:${item.kind === 'audit' ? item.source : ''}:${item.id}`} className="relative text-sm" data-kind={item.kind}>
          <span aria-hidden="true" className={`absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full ring-2 ring-white dark:ring-zinc-900 ${DOT[item.kind]}`} />
          <p>
            {item.kind === 'audit' ? (
              <>
                <AuditLine sentence={item.sentence} />
                {item.source === 'palisade' ? (
                  <Badge tone="neutral" className="ml-2">
                    Palisade
                  </Badge>
                ) : null}
              </>
            ) : item.kind === 'note' ? (
              <>
                {t('note', { actor: who(item.actor) })}: <span className="whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{item.content}</span>
              </>
            ) : item.kind === 'strike' ? (
              <>
                {t('strike', { actor: who(item.actor) })} <StrikeActionLabel action={item.action} />
              </>
            ) : item.kind === 'report' ? (
              <>
                <Link href={`/reports/${item.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  #{item.id}
                </Link>{' '}
                {item.side === 'against' ? t('reportAgainst', { acct: item.other, category: tc(reportCategoryName(item.category)) }) : t('reportBy', { acct: item.other, category: tc(reportCategoryName(item.category)) })}
              </>
            ) : (
              t('appeal', { strikeId: item.strikeId })
            )}
          </p>
          <time className="text-xs text-zinc-600 dark:text-zinc-400" dateTime={item.at.toISOString()}>
            {utcMinute(item.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}
