import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { listBlocklistSources } from '@/db/queries/blocklist-sources';
import { countPendingSuggestions, getBlocklistSettings, listDecidedSuggestions, listPendingSuggestionIds, listPendingSuggestions } from '@/db/queries/blocklist-suggestions';
import { displayDomain } from '@/lib/blocklist/domain';
import { parseSuggestionFilters, suggestionFiltersHref } from '@/lib/blocklist/merge-filters';
import type { RunSummary } from '@/lib/blocklist/sources-sync';
import { writeMode } from '@/lib/mode';
import { requirePermission } from '@/lib/session';
import { HeldBackList } from '@/components/blocklists/held-back-list';
import { RecomputeButton } from '@/components/blocklists/recompute-button';
import { SuggestionsTable, type SuggestionView } from '@/components/blocklists/suggestions-table';
import { Pager } from '@/components/data-table/pager';
import { Alert } from '@/components/ui/alert';
import { cn } from '@/components/ui/cn';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('blocklists.review'))('title') };
}

/** The review queue: what the subscribed lists, merged by consensus, suggest for Mastodon's blocks. */
export default async function BlocklistReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('manage_federation');
  const t = await getTranslations('blocklists.review');
  const filters = parseSuggestionFilters(await searchParams);
  const db = (await getDatabase()).handle.db;
  const [page, counts, settings, sources, decided] = await Promise.all([
    listPendingSuggestions({ db, filters }),
    countPendingSuggestions({ db }),
    getBlocklistSettings({ db }),
    listBlocklistSources({ db }),
    listDecidedSuggestions({ db, limit: 10 }),
  ]);
  const run = settings.lastRun as RunSummary | null;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const matching = filters.q ? (await listPendingSuggestionIds({ db, filters: { action: filters.action, q: filters.q } })).length : filters.action ? counts[filters.action] : total;
  const threshold = settings.thresholdType === 'percent' ? t('thresholdPercent', { value: settings.thresholdValue }) : t('thresholdCount', { value: settings.thresholdValue });

  const rows: SuggestionView[] = page.rows.map((s) => ({
    id: s.id,
    domain: s.domain,
    unicode: displayDomain(s.domain),
    action: s.action,
    reason: s.reason,
    severity: s.severity,
    rejectMedia: s.rejectMedia,
    rejectReports: s.rejectReports,
    obfuscate: s.obfuscate,
    heldSeverity: s.heldSeverity,
    heldIsNoop: s.heldIsNoop,
    existing: s.existing ? { severity: s.existing.severity, rejectMedia: s.existing.rejectMedia, rejectReports: s.existing.rejectReports } : null,
    parent: s.parent ? { domain: displayDomain(s.parent.domain), severity: s.parent.severity } : null,
    backing: s.backing.map((b) => ({ name: b.sourceName, severity: b.severity, via: b.via, listedAs: b.listedAs, cappedFrom: b.cappedFrom, comment: b.publicComment })),
    backingCount: s.backingCount,
    totalSources: s.totalSources,
    percent: s.backingPercent,
    publicComment: s.publicComment,
    labels: s.labels,
    accounts: s.accounts,
    localFollows: s.localFollows,
    autoBlocker: s.autoBlocker,
    outcome: s.outcome,
  }));

  const tabs = [{ key: undefined, label: t('filterAll', { count: total }) }, ...(['add', 'escalate', 'downgrade', 'retract'] as const).map((a) => ({ key: a, label: t(`filter.${a}`, { count: counts[a] }) }))];

  return (
    <section aria-labelledby="review-title" className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="review-title" className="text-lg font-semibold">
            {t('title')}
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {t('intro', { sources: sources.filter((s) => s.enabled && s.role === 'block').length, threshold, plan: settings.mergePlan })}{' '}
            {run ? t('lastRun', { at: run.at.slice(0, 16).replace('T', ' ') }) : t('neverRun')}
          </p>
        </div>
        <RecomputeButton />
      </div>

      {sources.length === 0 ? (
        <Alert tone="info" title={t('noSources')}>
          <Link href="/blocklists/sources/new" className="font-medium underline">
            {t('addFirst')}
          </Link>
        </Alert>
      ) : null}
      {run?.auto.overLimit ? <Alert tone="warning" title={t('overLimitTitle', { eligible: run.auto.eligible, limit: run.auto.limit })}>{t('overLimit')}</Alert> : null}
      {run?.auto.skipped ? <Alert tone="warning">{t(`autoSkipped.${run.auto.skipped as 'no_write_path'}`)}</Alert> : null}

      <nav aria-label={t('filterLabel')} className="flex flex-wrap gap-2">
        {tabs.map((tab) => (
          <Link
            key={tab.key ?? 'all'}
            href={suggestionFiltersHref({ ...filters, action: tab.key })}
            aria-current={filters.action === tab.key ? 'page' : undefined}
            className={cn(
              'rounded-full px-3 py-1 text-sm ring-1 ring-inset',
              filters.action === tab.key ? 'bg-indigo-600 text-white ring-indigo-600 dark:bg-indigo-500' : 'bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-200 dark:ring-zinc-700',
            )}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <form method="get" action="/blocklists" className="flex flex-wrap items-end gap-2" role="search">
        {filters.action ? <input type="hidden" name="action" value={filters.action} /> : null}
        <div>
          <label htmlFor="suggestion-search" className="block text-sm font-medium">
            {t('search')}
          </label>
          <input id="suggestion-search" name="q" defaultValue={filters.q ?? ''} className="mt-1 block w-64 rounded-md border-0 bg-white px-3 py-1.5 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700" />
        </div>
        <button type="submit" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 dark:bg-zinc-900 dark:ring-zinc-700 dark:hover:bg-zinc-800">
          {t('searchButton')}
        </button>
      </form>

      <SuggestionsTable rows={rows} apiMode={writeMode() === 'api'} filters={{ action: filters.action, q: filters.q }} matching={matching} />
      <Pager firstHref={filters.cursor ? suggestionFiltersHref(filters) : null} nextHref={page.nextCursor ? suggestionFiltersHref(filters, { cursor: page.nextCursor }) : null} />

      {run && run.heldBackTotal > 0 ? <HeldBackList items={run.heldBack} total={run.heldBackTotal} /> : null}

      {decided.length ? (
        <div>
          <h3 className="text-sm font-semibold">{t('recent')}</h3>
          <ul className="mt-2 divide-y divide-zinc-100 rounded-lg bg-white text-sm shadow-sm ring-1 ring-zinc-200 dark:divide-zinc-800 dark:bg-zinc-900 dark:ring-zinc-800" data-testid="recent-decisions">
            {decided.map((d) => (
              <li key={d.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                <span>{t(`decided.${d.state === 'applied' ? 'applied' : 'dismissed'}`, { action: t(`actions.${d.action}`), domain: displayDomain(d.domain) })}</span>
                <time dateTime={d.decidedAt?.toISOString()} className="text-xs text-zinc-600 dark:text-zinc-400">
                  {d.decidedAt?.toISOString().slice(0, 16).replace('T', ' ')}
                  {d.decidedBy ? '' : ` · ${t('automatic')}`}
                </time>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
