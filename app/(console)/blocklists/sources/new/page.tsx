import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SOURCE_DEFAULTS } from '@/lib/blocklist/sources';
import { requirePermission } from '@/lib/session';
import { SourceForm } from '@/components/blocklists/source-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('blocklists.sourceForm'))('createTitle') };
}

export default async function NewBlocklistSourcePage() {
  await requirePermission('manage_federation');
  const t = await getTranslations('blocklists.sourceForm');
  return (
    <section aria-labelledby="new-source-title" className="space-y-4">
      <Link href="/blocklists/sources" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        ← {t('back')}
      </Link>
      <div>
        <h2 id="new-source-title" className="text-lg font-semibold">
          {t('createTitle')}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('createIntro')}</p>
      </div>
      <SourceForm mode="create" id={null} initial={{ ...SOURCE_DEFAULTS, name: '', url: '' }} hasSecret={false} />
    </section>
  );
}
