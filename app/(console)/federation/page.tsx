import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { getBlockSupport, type BlockSupport } from '@/db/queries/blocklist-suggestions';
import { countDomainBlocks, listDomainBlocks, type DomainBlockPage } from '@/db/queries/domain-blocks';
import { displayDomain } from '@/lib/blocklist/domain';
import { domainBlockFiltersHref, parseDomainBlockFilters } from '@/lib/domain-block-filters';
import { can } from '@/lib/permissions';
import { requireActor } from '@/lib/session';
import { Pager } from '@/components/data-table/pager';
import { DomainBlockFiltersForm } from '@/components/federation/domain-block-filters';
import { DomainBlocksTable } from '@/components/federation/domain-blocks-table';
import { ListKeys } from '@/components/federation/list-keys';
import { Alert } from '@/components/ui/alert';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('federation.blocks'))('title') };
}

const SEARCH_ID = 'domain-block-search';

/** "Blocked by 4 of 6 sources" for blocks applied from subscriptions, "also listed by…" for the others. */
function provenanceLabel(s: BlockSupport | undefined, tp: Awaited<ReturnType<typeof getTranslations<'blocklists.provenance'>>>): { label: string; detail: string } | null {
  if (!s) return null;
  const names = s.listedBy.map((l) => l.name).join(', ');
  if (s.applied) return { label: tp('blockedBy', { count: s.listedBy.length, total: s.totalSources }), detail: tp('applied', { date: s.applied.at.toISOString().slice(0, 10), sources: s.applied.sources.join(', ') }) };
  return { label: tp('listedBy', { count: s.listedBy.length, total: s.totalSources }), detail: names };
}

export default async function DomainBlocksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  // The layout already required one of the two; a blocks-only role starts on its own tabs.
  if (!can(actor.permissions, 'manage_federation')) redirect('/federation/email-domain-blocks');
  const t = await getTranslations('federation.blocks');
  const params = await searchParams;
  const filters = parseDomainBlockFilters(params);
  const removed = typeof params.removed === 'string' ? displayDomain(params.removed.slice(0, 300)) : null;

  let page: DomainBlockPage | null = null;
  let counts: Awaited<ReturnType<typeof countDomainBlocks>> | null = null;
  let support = new Map<string, BlockSupport>();
  const tp = await getTranslations('blocklists.provenance');
  try {
    const db = (await getDatabase()).handle.replica;
    [page, counts] = await Promise.all([listDomainBlocks({ db, filters }), countDomainBlocks({ db })]);
    // Blocklist provenance (issue #6): which subscribed sources back each block shown.
    support = await getBlockSupport({ db, blocks: page.rows });
  } catch (error) {
    console.error('[palisade] domain blocks failed:', (error as Error).message);
  }

  const filtered = Object.entries(filters).some(([k, v]) => k !== 'sort' && k !== 'cursor' && v);
  return (
    <section aria-labelledby="blocks-title" className="space-y-4">
      <ListKeys searchId={SEARCH_ID} links={[{ key: 'n', href: '/federation/domain-blocks/new', label: t('shortcutNew') }]} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="blocks-title" className="text-lg font-semibold">
            {t('title')}
          </h2>
          {counts ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="block-counts">
              {t('counts', { suspend: counts.suspend, silence: counts.silence, noop: counts.noop })}
            </p>
          ) : null}
        </div>
        <Link href="/federation/domain-blocks/new" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-xs hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400">
          {t('new')}
        </Link>
      </div>
      {removed ? (
        <Alert tone="success" title={t('removedTitle', { domain: removed })}>
          {t('removedBody')}
        </Alert>
      ) : null}
      <DomainBlockFiltersForm filters={filters} searchId={SEARCH_ID} />
      {!page ? (
        <Alert tone="error">{t('unavailable')}</Alert>
      ) : (
        <>
          <DomainBlocksTable
            rows={page.rows.map((r) => ({
              id: r.id,
              domain: r.domain,
              unicode: displayDomain(r.domain),
              severity: r.severity,
              rejectMedia: r.rejectMedia,
              rejectReports: r.rejectReports,
              obfuscate: r.obfuscate,
              publicComment: r.publicComment,
              privateComment: r.privateComment,
              accountsCount: r.accountsCount,
              createdAt: r.createdAt.toISOString(),
              provenance: provenanceLabel(support.get(r.id), tp),
            }))}
            extraShortcuts={[
              { keys: ['/'], label: t('shortcutSearch') },
              { keys: ['n'], label: t('shortcutNew') },
            ]}
          />
          {page.rows.length === 0 && filtered ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noMatch')}</p> : null}
          <Pager firstHref={filters.cursor ? domainBlockFiltersHref('/federation', filters) : null} nextHref={page.nextCursor ? domainBlockFiltersHref('/federation', filters, { cursor: page.nextCursor }) : null} />
        </>
      )}
    </section>
  );
}
