'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';

const TABS = [
  { key: 'review', href: '/blocklists' },
  { key: 'sources', href: '/blocklists/sources' },
  { key: 'publishing', href: '/blocklists/publishing' },
  { key: 'settings', href: '/blocklists/settings' },
] as const;

export function BlocklistTabs({ pending }: { pending: number }) {
  const t = useTranslations('blocklists.tabs');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')} className="-mb-px flex flex-wrap gap-x-1 border-b border-zinc-200 dark:border-zinc-800">
      {TABS.map((tab) => {
        const current = tab.key === 'review' ? pathname === '/blocklists' : pathname === tab.href || pathname.startsWith(`${tab.href}/`);
        return (
          <Link
            key={tab.key}
            href={tab.href}
            aria-current={current ? 'page' : undefined}
            className={cn(
              'border-b-2 px-3 py-2 text-sm font-medium',
              current
                ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
            )}
          >
            {t(tab.key)}
            {tab.key === 'review' && pending > 0 ? <span className="ml-1.5 rounded-full bg-indigo-100 px-1.5 text-xs text-indigo-800 tabular-nums dark:bg-indigo-900 dark:text-indigo-200">{pending}</span> : null}
          </Link>
        );
      })}
    </nav>
  );
}
