import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { writeMode } from '@/lib/mode';
import { requirePermission } from '@/lib/session';
import { ImportWizard } from '@/components/federation/import-wizard';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('federation.import'))('title') };
}

/** Mastodon's domain-block import, with a review that explains every row. */
export default async function ImportPage() {
  await requirePermission('manage_federation');
  const t = await getTranslations('federation.import');
  return (
    <section aria-labelledby="import-title" className="space-y-4">
      <div>
        <h2 id="import-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      </div>
      <ImportWizard apiMode={writeMode() === 'api'} />
    </section>
  );
}
