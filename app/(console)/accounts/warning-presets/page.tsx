import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { listWarningPresets } from '@/db/queries/warning-presets';
import { requirePermission } from '@/lib/session';
import { WarningPresetsManager } from '@/components/accounts/warning-presets-manager';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accounts.presets'))('title') };
}

/** Mastodon's /admin/warning_presets: manage_settings only. */
export default async function WarningPresetsPage() {
  await requirePermission('manage_settings');
  const t = await getTranslations('accounts.presets');
  const presets = await listWarningPresets({ db: (await getDatabase()).handle.db });
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <Link href="/accounts" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        ← {t('back')}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('subtitle')}</p>
      </div>
      <WarningPresetsManager presets={presets.map((p) => ({ id: p.id, title: p.title, text: p.text }))} />
    </div>
  );
}
