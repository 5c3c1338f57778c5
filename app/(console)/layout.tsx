import type { ReactNode } from 'react';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { NotMastodonDatabaseError, UnsupportedMastodonVersionError } from '@/db/mastodon/version';
import { getInstanceInfo } from '@/db/queries/overview';
import { DatabaseUnavailable } from '@/components/shell/database-unavailable';
import { KeyboardShortcuts } from '@/components/shell/keyboard-shortcuts';
import { ModeBadge } from '@/components/shell/mode-badge';
import { SidebarNav } from '@/components/shell/sidebar-nav';
import { UserMenu } from '@/components/shell/user-menu';
import { env } from '@/lib/env';
import { writeMode } from '@/lib/mode';
import { visibleNavItems } from '@/lib/navigation';
import { requireActor } from '@/lib/session';
import { parseTheme, THEME_COOKIE } from '@/lib/theme';

export const dynamic = 'force-dynamic';

function configuredDomain(): string | null {
  const e = env();
  if (e.PALISADE_LOCAL_DOMAIN) return e.PALISADE_LOCAL_DOMAIN;
  return e.MASTODON_URL ? new URL(e.MASTODON_URL).host : null;
}

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  // Probed before the session, because the session itself lives in the database; a redirect
  // thrown by requireActor must stay outside this try.
  let prepared;
  try {
    prepared = await getDatabase();
  } catch (error) {
    console.error('[palisade] database unavailable:', (error as Error).message);
    const explained = error instanceof NotMastodonDatabaseError || error instanceof UnsupportedMastodonVersionError;
    return <DatabaseUnavailable reason={explained ? error.message : undefined} />;
  }
  const actor = await requireActor();
  const instance = await getInstanceInfo({ db: prepared.handle.db, configuredDomain: configuredDomain() });
  const t = await getTranslations('shell');
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const items = visibleNavItems(actor.permissions).map(({ key, href, shortcut }) => ({ key, href, shortcut }));

  return (
    <div className="flex min-h-dvh">
      <a href="#main" className="sr-only z-50 rounded bg-indigo-600 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
        {t('skipToContent')}
      </a>
      <aside className="hidden w-60 shrink-0 border-r border-zinc-200 bg-white px-3 py-4 md:block dark:border-zinc-800 dark:bg-zinc-900">
        <Link href="/" className="mb-6 flex items-center gap-2 px-3">
          <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-lg bg-indigo-600 font-bold text-white">
            P
          </span>
          <span className="leading-tight">
            <span className="block font-semibold">Palisade</span>
            <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400" data-testid="instance-domain">
              {instance.domain}
            </span>
          </span>
        </Link>
        <SidebarNav items={items} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-20 flex items-center justify-between gap-4 border-b border-zinc-200 bg-white/90 px-4 py-2 backdrop-blur sm:px-6 dark:border-zinc-800 dark:bg-zinc-900/90">
          <div className="flex min-w-0 items-center gap-3">
            <span className="truncate text-sm font-medium text-zinc-700 md:hidden dark:text-zinc-300">Palisade · {instance.domain}</span>
            <ModeBadge mode={writeMode()} embedded={prepared.embedded} />
          </div>
          <UserMenu name={actor.displayName} username={actor.username} roleName={actor.roleName} roleColor={actor.roleColor} theme={theme} />
        </header>
        <div className="border-b border-zinc-200 bg-white px-2 py-1 md:hidden dark:border-zinc-800 dark:bg-zinc-900">
          <SidebarNav items={items} />
        </div>
        <main id="main" className="flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
      <KeyboardShortcuts items={items} />
    </div>
  );
}
