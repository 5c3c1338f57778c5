import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { listEmailDomainBlocks } from '@/db/queries/email-domain-blocks';
import { displayDomain } from '@/lib/blocklist/domain';
import { requirePermission } from '@/lib/session';
import { EmailDomainBlocksManager } from '@/components/federation/email-domain-blocks-manager';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('federation.email'))('title') };
}

export default async function EmailDomainBlocksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('manage_blocks');
  const t = await getTranslations('federation.email');
  const q = (await searchParams).q;
  const query = typeof q === 'string' ? q.trim().slice(0, 200) : '';
  const blocks = await listEmailDomainBlocks({ db: (await getDatabase()).handle.replica, q: query || undefined });
  return (
    <section aria-labelledby="email-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="email-title" className="text-lg font-semibold">
            {t('title')}
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
        </div>
        <form method="get" role="search" aria-label={t('search')}>
          <label htmlFor="email-search" className="sr-only">
            {t('search')}
          </label>
          <input id="email-search" type="search" name="q" defaultValue={query} placeholder={t('search')} className="rounded-md border-0 bg-white px-3 py-1.5 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700" />
        </form>
      </div>
      <EmailDomainBlocksManager blocks={blocks.map((b) => ({ id: b.id, domain: b.domain, unicode: displayDomain(b.domain), allowWithApproval: b.allowWithApproval, createdAt: b.createdAt.toISOString(), children: b.children }))} />
    </section>
  );
}
