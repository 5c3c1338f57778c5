import type { ReactNode } from 'react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ModerationNoteSummary, StrikeSummary, TargetReportSummary, TimelineEntry } from '@/db/queries/reports';
import { Badge } from '@/components/ui/badge';
import { describeAuditRow } from '@/lib/audit-sentences';
import { categoryName } from '@/lib/report-priority';
import { revealHiddenControls } from '@/lib/sanitize-html';
import { durationFormatter, sinceFormatter } from './duration-text';

function Section({ id, title, children, aside }: { id: string; title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-4 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={id} className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
          {title}
        </h2>
        {aside}
      </div>
      <div className="mt-2">{children}</div>
    </section>
  );
}

const STRIKE_KEYS = ['0', '1000', '1250', '1500', '2000', '3000', '4000'] as const;
type StrikeKey = (typeof STRIKE_KEYS)[number];
const strikeKey = (action: number): StrikeKey => (STRIKE_KEYS.find((k) => k === String(action)) ?? '0');

/** Other reports against the same account, with what came of them. */
export async function PreviousReports({ reports, counts, targetAccountId, from, now }: { reports: TargetReportSummary[]; counts: { open: number; resolved: number }; targetAccountId: string; from: string; now: Date }) {
  const t = await getTranslations('reports');
  const since = await sinceFormatter();
  return (
    <Section
      id="previous-reports"
      title={t('history.previousReports')}
      aside={<span className="text-xs text-zinc-600 dark:text-zinc-400">{t('history.previousCounts', counts)}</span>}
    >
      {reports.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('history.noPrevious')}</p>
      ) : (
        <ul className="space-y-2 text-sm" data-testid="previous-reports">
          {reports.map((r) => (
            <li key={r.id}>
              <Link href={`/reports/${r.id}${from ? `?from=${encodeURIComponent(from)}` : ''}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                #{r.id}
              </Link>{' '}
              <Badge>{t(`categories.${categoryName(r.category)}`)}</Badge>{' '}
              <span className="text-xs text-zinc-600 dark:text-zinc-400" title={r.createdAt.toISOString()}>
                {t('report.filed', { duration: since(r.createdAt, now) })}
              </span>
              <span className="block text-xs text-zinc-700 dark:text-zinc-300">
                {r.resolvedAt === null
                  ? t('history.outcomeOpen')
                  : r.strikeActions.length > 0
                    ? r.strikeActions.map((a) => t(`strike.${strikeKey(a)}`)).join(', ')
                    : t('history.outcomeNone')}
                {r.resolvedBy ? ` · ${t('history.strikeBy', { acct: `@${r.resolvedBy}` })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Link href={`/reports?status=all&target=${targetAccountId}`} className="mt-2 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        {t('history.moreReports')}
      </Link>
    </Section>
  );
}

export async function StrikeList({ strikes, now }: { strikes: StrikeSummary[]; now: Date }) {
  const t = await getTranslations('reports');
  const ago = await durationFormatter();
  return (
    <Section id="strikes" title={t('history.strikes')}>
      {strikes.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('history.noStrikes')}</p>
      ) : (
        <ul className="space-y-2 text-sm" data-testid="strikes">
          {strikes.map((s) => (
            <li key={s.id} className={s.overruledAt ? 'opacity-70' : undefined}>
              <span className="font-medium">{t(`strike.${strikeKey(s.action)}`)}</span>{' '}
              <span className="text-xs text-zinc-600 dark:text-zinc-400" title={s.createdAt.toISOString()}>
                {ago(s.createdAt, now)}
                {s.byAcct ? ` · ${t('history.strikeBy', { acct: `@${s.byAcct}` })}` : ''}
                {s.reportId ? ` · ${t('history.fromReport', { id: s.reportId })}` : ''}
              </span>
              {s.overruledAt ? (
                <Badge tone="emerald" className="ml-1">
                  {t('history.overruled')}
                </Badge>
              ) : null}
              {s.appeal && !s.overruledAt ? (
                <Badge tone="sky" className="ml-1">
                  {t('history.appeal', { state: t(`history.appealState.${s.appeal}`) })}
                </Badge>
              ) : null}
              {s.text ? (
                <p className="mt-0.5 line-clamp-3 text-xs [overflow-wrap:anywhere] whitespace-pre-wrap text-zinc-700 dark:text-zinc-300" dir="auto">
                  {s.text}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export async function ModerationNotes({ notes, now }: { notes: ModerationNoteSummary[]; now: Date }) {
  const t = await getTranslations('reports');
  const ago = await durationFormatter();
  return (
    <Section id="moderation-notes" title={t('history.notes')}>
      {notes.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('history.noNotes')}</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {notes.map((n) => (
            <li key={n.id}>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                @{n.authorAcct} · {ago(n.createdAt, now)}
              </span>
              <p className="[overflow-wrap:anywhere] whitespace-pre-wrap" dir="auto">
                {revealHiddenControls(n.content)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Everything moderators did to the account, newest first, in the audit log's own sentences. */
export async function ModerationTimeline({ entries, now, mastodonUrl }: { entries: TimelineEntry[]; now: Date; mastodonUrl: string | null }) {
  const t = await getTranslations('reports');
  const tAudit = await getTranslations('audit');
  const ago = await durationFormatter();
  return (
    <Section id="timeline" title={t('history.timeline')}>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('history.noTimeline')}</p>
      ) : (
        <ol className="space-y-2 border-l-2 border-zinc-200 pl-3 text-sm dark:border-zinc-700" data-testid="moderation-timeline">
          {entries.map((e) => (
            <li key={`${e.kind}:${e.id}`}>
              <time className="block text-xs text-zinc-600 dark:text-zinc-400" dateTime={e.at.toISOString()} title={e.at.toISOString()}>
                {ago(e.at, now)}
              </time>
              {e.kind === 'log' ? (
                <TimelineSentence entry={e} mastodonUrl={mastodonUrl} t={tAudit} />
              ) : (
                <>
                  <span>{e.kind === 'account_note' ? t('history.accountNote', { acct: `@${e.actorAcct ?? '?'}` }) : t('history.reportNote', { acct: `@${e.actorAcct ?? '?'}`, id: e.targetId ?? '' })}</span>
                  <p className="line-clamp-3 text-xs [overflow-wrap:anywhere] whitespace-pre-wrap text-zinc-700 dark:text-zinc-300" dir="auto">
                    {revealHiddenControls(e.content ?? '')}
                  </p>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function TimelineSentence({ entry, mastodonUrl, t }: { entry: TimelineEntry; mastodonUrl: string | null; t: Awaited<ReturnType<typeof getTranslations<'audit'>>> }) {
  const sentence = describeAuditRow(
    {
      source: 'mastodon',
      action: entry.action ?? '',
      targetType: entry.targetType,
      targetId: entry.targetId,
      humanIdentifier: entry.humanIdentifier,
      routeParam: null,
      permalink: null,
      targetAccountId: null,
      details: null,
      actorUsername: entry.actorAcct,
      actorDomain: null,
    },
    { mastodonUrl },
  );
  const key = `sentences.${sentence.message}` as 'sentences.unknown';
  return (
    <span>
      {t.rich(key, {
        ...sentence.values,
        actor: (chunks) => <span className="font-medium">{chunks}</span>,
        target: (chunks) =>
          sentence.href && !sentence.external ? (
            <Link href={sentence.href} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {chunks}
            </Link>
          ) : (
            <span className="font-medium">{chunks}</span>
          ),
      })}
    </span>
  );
}
