'use client';

import { useMemo } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { AccountListRow } from '@/db/queries/accounts';
import { DataTable, dataTableColumns } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { AccountStateBadges } from './account-state-badges';

function day(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

function lastActive(row: AccountListRow): Date | null {
  const times = [row.currentSignInAt, row.lastStatusAt].filter((d): d is Date => d !== null);
  return times.length === 0 ? null : new Date(Math.max(...times.map((d) => d.getTime())));
}

/** The account list: one row per account, Enter opens it. Columns follow Mastodon's admin list. */
export function AccountsTable({ rows, showIps }: { rows: AccountListRow[]; showIps: boolean }) {
  const t = useTranslations('accounts.table');
  const tSearch = useTranslations('accounts.search');
  const columns = useMemo(() => {
    const c = dataTableColumns<AccountListRow>();
    return [
      c.display({
        id: 'account',
        header: t('account'),
        cell: ({ row }) => {
          const a = row.original;
          const handle = a.domain ? `${a.username}@${a.domain}` : a.username;
          return (
            <div className="min-w-0">
              <Link href={`/accounts/${a.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" tabIndex={-1}>
                <bdi>{a.displayName.trim() || a.username}</bdi>
              </Link>
              <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">@{handle}</p>
            </div>
          );
        },
      }),
      c.display({ id: 'state', header: t('state'), cell: ({ row }) => <AccountStateBadges account={row.original} showOrigin /> }),
      c.display({
        id: 'role',
        header: t('role'),
        cell: ({ row }) =>
          row.original.roleName ? (
            <Badge tone="indigo">
              <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: /^#[0-9a-f]{3,8}$/i.test(row.original.roleColor ?? '') ? row.original.roleColor! : 'currentColor' }} />
              {row.original.roleName}
            </Badge>
          ) : null,
      }),
      c.display({ id: 'email', header: t('email'), cell: ({ row }) => <span className="[overflow-wrap:anywhere]">{row.original.email ?? ''}</span> }),
      ...(showIps ? [c.display({ id: 'ip', header: t('lastIp'), cell: ({ row }) => <span className="font-mono text-xs">{row.original.lastIp ?? ''}</span> })] : []),
      c.display({
        id: 'active',
        header: t('lastActive'),
        cell: ({ row }) => <span className="whitespace-nowrap">{day(lastActive(row.original)) ?? <span className="text-zinc-600 dark:text-zinc-400">{t('never')}</span>}</span>,
      }),
      c.display({ id: 'joined', header: t('joined'), cell: ({ row }) => <span className="whitespace-nowrap">{day(row.original.createdAt)}</span> }),
      c.display({ id: 'posts', header: t('posts'), cell: ({ row }) => <span className="tabular-nums">{row.original.statusesCount}</span> }),
    ];
  }, [t, showIps]);

  return <DataTable columns={columns} data={rows} label={t('label')} rowHref={(row) => `/accounts/${row.id}`} empty={t('empty')} rowTestId="account-row" extraShortcuts={[{ keys: ['/'], label: tSearch('shortcutFocus') }]} />;
}
