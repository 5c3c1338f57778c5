import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { countPendingSuggestions } from '@/db/queries/blocklist-suggestions';
import { requirePermission } from '@/lib/session';
import { BlocklistTabs } from '@/components/blocklists/blocklist-tabs';

/** Subscriptions, review, publishing: Mastodon's manage_federation, like domain blocks themselves. */
export default async function BlocklistsLayout({ children }: { children: ReactNode }) {
  await requirePermission('manage_federation');
  const t = await getTranslations('blocklists');
  const counts = await countPendingSuggestions({ db: (await getDatabase()).handle.replica }).catch(() => null);
  const pending = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('subtitle')}</p>
      </div>
      <BlocklistTabs pending={pending} />
      {children}
    </div>
  );
}
