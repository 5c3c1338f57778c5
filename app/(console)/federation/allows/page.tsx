import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { listDomainAllows } from '@/db/queries/domain-allows';
import { displayDomain } from '@/lib/blocklist/domain';
import { requirePermission } from '@/lib/session';
import { DomainAllowsManager } from '@/components/federation/domain-allows-manager';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('federation.allows'))('title') };
}

export default async function DomainAllowsPage() {
  await requirePermission('manage_federation');
  const t = await getTranslations('federation.allows');
  const allows = await listDomainAllows({ db: (await getDatabase()).handle.replica });
  return (
    <section aria-labelledby="allows-title" className="space-y-4">
      <div>
        <h2 id="allows-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      </div>
      <DomainAllowsManager allows={allows.map((a) => ({ id: a.id, domain: a.domain, unicode: displayDomain(a.domain), createdAt: a.createdAt.toISOString(), accountsCount: a.accountsCount }))} />
    </section>
  );
}
