import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { listIpBlocks } from '@/db/queries/ip-blocks';
import { ipSeverityFromDb } from '@/lib/domain-access-blocks';
import { requirePermission } from '@/lib/session';
import { IpBlocksManager } from '@/components/federation/ip-blocks-manager';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('federation.ip'))('title') };
}

export default async function IpBlocksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('manage_blocks');
  const t = await getTranslations('federation.ip');
  const q = (await searchParams).q;
  const query = typeof q === 'string' ? q.trim().slice(0, 200) : '';
  const blocks = await listIpBlocks({ db: (await getDatabase()).handle.replica, q: query || undefined });
  return (
    <section aria-labelledby="ip-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="ip-title" className="text-lg font-semibold">
            {t('title')}
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
        </div>
        <form method="get" role="search" aria-label={t('search')}>
          <label htmlFor="ip-search" className="sr-only">
            {t('search')}
          </label>
          <input id="ip-search" type="search" name="q" defaultValue={query} placeholder={t('searchPlaceholder')} className="rounded-md border-0 bg-white px-3 py-1.5 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700" />
        </form>
      </div>
      <IpBlocksManager blocks={blocks.map((b) => ({ id: b.id, ip: b.ip, severity: ipSeverityFromDb(b.severity), comment: b.comment, createdAt: b.createdAt.toISOString(), expiresAt: b.expiresAt?.toISOString() ?? null, expired: b.expired }))} />
    </section>
  );
}
