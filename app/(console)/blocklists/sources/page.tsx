import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { countRecentChanges, listBlocklistSources } from '@/db/queries/blocklist-sources';
import { requirePermission } from '@/lib/session';
import { SourcesTable } from '@/components/blocklists/sources-table';
import { ListKeys } from '@/components/federation/list-keys';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('blocklists.sources'))('title') };
}

/** Changes of the last 24 hours: "list X added 40 domains today". */
function dayAgo(): Date {
  return new Date(Date.now() - 86_400_000);
}

export default async function BlocklistSourcesPage() {
  await requirePermission('manage_federation');
  const t = await getTranslations('blocklists.sources');
  const db = (await getDatabase()).handle.db;
  const [sources, recent] = await Promise.all([listBlocklistSources({ db }), countRecentChanges({ db, since: dayAgo() })]);
  return (
    <section aria-labelledby="sources-title" className="space-y-4">
      <ListKeys links={[{ key: 'n', href: '/blocklists/sources/new', label: t('shortcutNew') }]} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="sources-title" className="text-lg font-semibold">
            {t('title')}
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
        </div>
        <Link href="/blocklists/sources/new" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-xs hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400">
          {t('add')}
        </Link>
      </div>
      <SourcesTable
        rows={sources.map((s) => ({
          id: s.id,
          name: s.name,
          url: s.url,
          format: s.format,
          resolvedFormat: s.resolvedFormat,
          role: s.role,
          weight: s.weight,
          maxSeverity: s.maxSeverity,
          autoApply: s.autoApply,
          autoRetract: s.autoRetract,
          enabled: s.enabled,
          entries: s.entriesCount,
          lastFetchAt: s.lastFetchAt?.toISOString() ?? null,
          lastError: s.lastError,
          nextFetchAt: s.nextFetchAt.toISOString(),
          recent: recent.get(s.id) ?? null,
        }))}
      />
    </section>
  );
}
