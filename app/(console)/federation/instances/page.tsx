import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { INSTANCE_FILTERS, listInstances, type InstanceFilter } from '@/db/queries/instances';
import { displayDomain } from '@/lib/blocklist/domain';
import { requirePermission } from '@/lib/session';
import { Pager } from '@/components/data-table/pager';
import { InstancesTable } from '@/components/federation/instances-table';
import { ListKeys } from '@/components/federation/list-keys';
import { cn } from '@/components/ui/cn';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('federation.instances'))('title') };
}

function href(filter: InstanceFilter, q: string, cursor?: string) {
  const p = new URLSearchParams();
  if (filter !== 'all') p.set('filter', filter);
  if (q) p.set('q', q);
  if (cursor) p.set('cursor', cursor);
  const s = p.toString();
  return s ? `/federation/instances?${s}` : '/federation/instances';
}

/** Mastodon's /admin/instances: every known server, most accounts first. */
export default async function InstancesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('manage_federation');
  const t = await getTranslations('federation.instances');
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const filter = (INSTANCE_FILTERS as readonly string[]).includes(one(params.filter) ?? '') ? (one(params.filter) as InstanceFilter) : 'all';
  const q = (one(params.q) ?? '').trim().slice(0, 253);
  const cursor = one(params.cursor)?.slice(0, 512);
  const page = await listInstances({ db: (await getDatabase()).handle.replica, q: q || undefined, filter, cursor });
  return (
    <section aria-labelledby="instances-title" className="space-y-4">
      <ListKeys searchId="instance-search" />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="instances-title" className="text-lg font-semibold">
            {t('title')}
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
        </div>
        <form method="get" role="search" aria-label={t('search')} className="flex gap-2">
          {filter !== 'all' ? <input type="hidden" name="filter" value={filter} /> : null}
          <label htmlFor="instance-search" className="sr-only">
            {t('search')}
          </label>
          <input id="instance-search" type="search" name="q" defaultValue={q} placeholder={t('search')} className="rounded-md border-0 bg-white px-3 py-1.5 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700" />
        </form>
      </div>
      <nav aria-label={t('filterLabel')} className="flex flex-wrap gap-2">
        {INSTANCE_FILTERS.map((f) => (
          <Link key={f} href={href(f, q)} aria-current={f === filter ? 'page' : undefined} className={cn('rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset', f === filter ? 'bg-indigo-600 text-white ring-indigo-600 dark:bg-indigo-500' : 'ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800')}>
            {t(`filters.${f}`)}
          </Link>
        ))}
      </nav>
      <InstancesTable
        rows={page.rows.map((r) => ({ ...r, unicode: displayDomain(r.domain) }))}
        extraShortcuts={[{ keys: ['/'], label: t('search') }]}
      />
      <Pager firstHref={cursor ? href(filter, q) : null} nextHref={page.nextCursor ? href(filter, q, page.nextCursor) : null} />
    </section>
  );
}
