'use client';

import { useMemo, type ReactNode } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { DataTable, dataTableColumns } from '@/components/data-table/data-table';
import { AccountAvatar } from './account-avatar';
import { CategoryBadge } from './category-badge';
import type { GroupRowView } from './queue-rows';
import { useRelativeAge, utcTitle } from './relative-age';

const columns = dataTableColumns<GroupRowView>();

/** The queue grouped by reported account or by server; a row opens the reports behind it. */
export function ReportGroupsTable({ rows, asOf, hrefFor, blurAvatars, showPriority, empty }: { rows: GroupRowView[]; asOf: string; hrefFor: Record<string, string>; blurAvatars: boolean; showPriority: boolean; empty: ReactNode }) {
  const t = useTranslations('reports');
  const age = useRelativeAge();
  const cols = useMemo(
    () => [
      columns.display({
        id: 'group',
        header: rows[0]?.kind === 'domain' ? t('columns.server') : t('columns.target'),
        cell: ({ row }) => {
          const g = row.original;
          const name = g.target ? g.target.displayName : (g.domain ?? t('cells.thisServer'));
          return (
            <Link href={hrefFor[g.id] ?? '/reports'} className="flex items-center gap-2 hover:underline" aria-label={t('cells.openGroup', { name: g.target ? `@${g.target.acct}` : name })}>
              {g.target ? <AccountAvatar url={g.target.avatarUrl} blur={blurAvatars} /> : null}
              <span className="min-w-0">
                <bdi className="block max-w-64 truncate font-medium" dir="auto">
                  {name}
                </bdi>
                {g.target ? <span className="block max-w-64 truncate text-xs text-zinc-600 dark:text-zinc-400">@{g.target.acct}</span> : null}
              </span>
            </Link>
          );
        },
      }),
      columns.display({ id: 'reports', header: t('columns.reports'), cell: ({ row }) => <span className="font-semibold tabular-nums">{row.original.reports}</span> }),
      columns.display({ id: 'reporters', header: t('columns.reporters'), cell: ({ row }) => <span className="tabular-nums">{row.original.reporters}</span> }),
      ...(rows[0]?.kind === 'domain' ? [columns.display({ id: 'accounts', header: t('columns.accounts'), cell: ({ row }) => <span className="tabular-nums">{row.original.accounts}</span> })] : []),
      columns.display({
        id: 'oldest',
        header: t('columns.oldest'),
        cell: ({ row }) => <span title={utcTitle(row.original.oldestAt)}>{t('cells.waiting', { duration: age(row.original.oldestAt, asOf) })}</span>,
      }),
      columns.display({
        id: 'categories',
        header: t('columns.category'),
        cell: ({ row }) => (
          <span className="flex flex-wrap gap-1">
            {row.original.categories.map((c) => (
              <CategoryBadge key={c} category={c} />
            ))}
          </span>
        ),
      }),
      ...(showPriority ? [columns.display({ id: 'priority', header: t('columns.priority'), cell: ({ row }) => <span className="font-mono tabular-nums">{row.original.priority.toLocaleString('en')}</span> })] : []),
    ],
    [age, asOf, blurAvatars, hrefFor, rows, showPriority, t],
  );
  return <DataTable columns={cols} data={rows} label={t('queue.groupsTableLabel')} rowTestId="report-group-row" rowHref={(row) => hrefFor[row.id] ?? '/reports'} empty={empty} />;
}
