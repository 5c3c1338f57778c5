import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { getBlocklistSettings, listBlocklistExcludes } from '@/db/queries/blocklist-suggestions';
import { displayDomain } from '@/lib/blocklist/domain';
import { requirePermission } from '@/lib/session';
import { SettingsForm } from '@/components/blocklists/settings-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('blocklists.settings'))('title') };
}

export default async function BlocklistSettingsPage() {
  await requirePermission('manage_federation');
  const t = await getTranslations('blocklists.settings');
  const db = (await getDatabase()).handle.db;
  const [settings, excludes] = await Promise.all([getBlocklistSettings({ db }), listBlocklistExcludes({ db })]);
  return (
    <section aria-labelledby="settings-title" className="space-y-4">
      <div>
        <h2 id="settings-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      </div>
      <SettingsForm
        initial={{
          thresholdType: settings.thresholdType,
          thresholdValue: settings.thresholdValue,
          mergePlan: settings.mergePlan,
          maxChangesPerRun: settings.maxChangesPerRun,
          preserveRelationships: settings.preserveRelationships,
          excludes: excludes.map(displayDomain).join('\n'),
        }}
      />
    </section>
  );
}
