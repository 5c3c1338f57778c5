import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { listAccounts, listRoles } from '@/db/queries/accounts';
import { accountSearchHref, parseAccountSearch } from '@/lib/account-filters';
import { decodeCursor, encodeCursor, splitPage } from '@/lib/keyset';
import { can } from '@/lib/permissions';
import { requirePermission } from '@/lib/session';
import { AccountsSearchForm } from '@/components/accounts/accounts-search-form';
import { AccountsTable } from '@/components/accounts/accounts-table';
import { Pager } from '@/components/data-table/pager';
import { Alert } from '@/components/ui/alert';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accounts'))('title') };
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('manage_users');
  const t = await getTranslations('accounts');
  const search = parseAccountSearch(await searchParams);
  const cursor = decodeCursor(search.after, 1)?.[0];
  const before = typeof cursor === 'string' && /^-?\d{1,19}$/.test(cursor) ? cursor : null;
  // Mastodon shows IPs (and searches by them) to roles with manage_users, which this page needs anyway.
  const showIps = can(actor.permissions, 'manage_users');
  const db = (await getDatabase()).handle.replica;
  const [found, roles] = await Promise.all([
    listAccounts({ db, filters: search.filters, before, limit: PAGE_SIZE + 1, withIps: showIps }),
    listRoles({ db }),
  ]);
  const { rows, hasMore } = splitPage(found, PAGE_SIZE);
  const last = rows.at(-1);

  return (
    <div className="mx-auto max-w-7xl space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('subtitle')}</p>
        </div>
        <nav className="flex gap-4 text-sm font-medium">
          <Link href="/accounts/pending" className="text-indigo-700 hover:underline dark:text-indigo-300">
            {t('pendingLink')}
          </Link>
          {can(actor.permissions, 'manage_settings') ? (
            <Link href="/accounts/warning-presets" className="text-indigo-700 hover:underline dark:text-indigo-300">
              {t('presetsLink')}
            </Link>
          ) : null}
        </nav>
      </div>
      <AccountsSearchForm form={search.form} roles={roles} showIp={showIps} />
      {search.invalid.map((field) => (
        <Alert key={field} tone="warning">
          {t(`search.invalid.${field}`)}
        </Alert>
      ))}
      <AccountsTable rows={rows} showIps={showIps} />
      <Pager
        firstHref={before ? accountSearchHref('/accounts', search.form, null) : null}
        nextHref={hasMore && last ? accountSearchHref('/accounts', search.form, encodeCursor([last.id])) : null}
      />
    </div>
  );
}
