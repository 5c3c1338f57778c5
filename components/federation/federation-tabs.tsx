'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';

export type FederationTab = 'blocks' | 'instances' | 'import' | 'export' | 'allows' | 'email' | 'ip';

const HREF: Record<FederationTab, string> = {
  blocks: '/federation',
  instances: '/federation/instances',
  import: '/federation/import',
  export: '/federation/export',
  allows: '/federation/allows',
  email: '/federation/email-domain-blocks',
  ip: '/federation/ip-blocks',
};

function active(tab: FederationTab, pathname: string): boolean {
  if (tab === 'blocks') return pathname === '/federation' || pathname.startsWith('/federation/domain-blocks');
  return pathname === HREF[tab] || pathname.startsWith(`${HREF[tab]}/`);
}

/** The federation section's sub-navigation; tabs the role cannot open are not offered. */
export function FederationTabs({ tabs }: { tabs: FederationTab[] }) {
  const t = useTranslations('federation.tabs');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')} className="-mb-px flex flex-wrap gap-x-1 border-b border-zinc-200 dark:border-zinc-800">
      {tabs.map((tab) => {
        const current = active(tab, pathname);
        return (
          <Link
            key={tab}
            href={HREF[tab]}
            aria-current={current ? 'page' : undefined}
            className={cn(
              'border-b-2 px-3 py-2 text-sm font-medium',
              current
                ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
            )}
          >
            {t(tab)}
          </Link>
        );
      })}
    </nav>
  );
}
