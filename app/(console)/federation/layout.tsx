import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/permissions';
import { requirePermission } from '@/lib/session';
import { FederationTabs, type FederationTab } from '@/components/federation/federation-tabs';

/** Mastodon splits these between manage_federation (domains) and manage_blocks (sign-up blocks). */
export default async function FederationLayout({ children }: { children: ReactNode }) {
  const actor = await requirePermission('manage_federation', 'manage_blocks');
  const t = await getTranslations('federation');
  const tabs: FederationTab[] = [];
  if (can(actor.permissions, 'manage_federation')) tabs.push('blocks', 'instances', 'import', 'export', 'allows');
  if (can(actor.permissions, 'manage_blocks')) tabs.push('email', 'ip');
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('subtitle')}</p>
      </div>
      <FederationTabs tabs={tabs} />
      {children}
    </div>
  );
}
