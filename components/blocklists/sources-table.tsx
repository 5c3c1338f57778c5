'use client';

import { useMemo } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { Severity } from '@/lib/blocklist/severity';
import { DataTable, dataTableColumns } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';

export interface SourceView {
  id: string;
  name: string;
  url: string;
  format: string;
  resolvedFormat: string | null;
  role: 'block' | 'allow';
  weight: number;
  maxSeverity: Severity;
  autoApply: boolean;
  autoRetract: boolean;
  enabled: boolean;
  entries: number;
  lastFetchAt: string | null;
  lastError: string | null;
  nextFetchAt: string;
  recent: { added: number; changed: number; removed: number } | null;
}

const column = dataTableColumns<SourceView>();

export function SourcesTable({ rows }: { rows: SourceView[] }) {
  const t = useTranslations('blocklists.sources');
  const tf = useTranslations('blocklists.sourceForm');
  const columns = useMemo(
    () => [
      column.display({
        id: 'name',
        header: t('columns.name'),
        cell: ({ row }) => (
          <div className="max-w-xs">
            <Link href={`/blocklists/sources/${row.original.id}`} tabIndex={-1} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {row.original.name}
            </Link>
            <p className="truncate font-mono text-xs text-zinc-500 dark:text-zinc-400" title={row.original.url}>
              {row.original.url}
            </p>
          </div>
        ),
      }),
      column.display({
        id: 'kind',
        header: t('columns.kind'),
        cell: ({ row }) => (
          <div className="space-y-1 text-xs">
            <p>{tf(`formats.${(row.original.resolvedFormat ?? row.original.format) as 'auto'}`)}</p>
            <div className="flex flex-wrap gap-1">
              {row.original.role === 'allow' ? <Badge tone="emerald">{tf('roles.allow')}</Badge> : null}
              {!row.original.enabled ? <Badge>{t('disabled')}</Badge> : null}
              {row.original.autoApply ? <Badge tone="amber">{t('autoApply')}</Badge> : null}
            </div>
          </div>
        ),
      }),
      column.display({
        id: 'trust',
        header: t('columns.trust'),
        cell: ({ row }) => (
          <div className="text-xs whitespace-nowrap">
            <p>{t('weight', { weight: row.original.weight })}</p>
            {row.original.role === 'block' ? <p className="text-zinc-600 dark:text-zinc-400">{t('upTo', { severity: tf(`severities.${row.original.maxSeverity}`) })}</p> : null}
          </div>
        ),
      }),
      column.display({
        id: 'entries',
        header: t('columns.entries'),
        cell: ({ row }) => (
          <div className="text-xs whitespace-nowrap tabular-nums">
            <p>{row.original.entries.toLocaleString('en')}</p>
            {row.original.recent ? <p className="text-zinc-600 dark:text-zinc-400">{t('recent', row.original.recent)}</p> : null}
          </div>
        ),
      }),
      column.display({
        id: 'status',
        header: t('columns.status'),
        cell: ({ row }) => (
          <div className="max-w-xs text-xs">
            {row.original.lastError ? (
              <p className="text-red-800 dark:text-red-300">{row.original.lastError}</p>
            ) : row.original.lastFetchAt ? (
              <p>{t('fetchedAt', { at: row.original.lastFetchAt.slice(0, 16).replace('T', ' ') })}</p>
            ) : (
              <p className="text-zinc-600 dark:text-zinc-400">{t('neverFetched')}</p>
            )}
            {row.original.enabled ? <p className="text-zinc-600 dark:text-zinc-400">{t('nextAt', { at: row.original.nextFetchAt.slice(0, 16).replace('T', ' ') })}</p> : null}
          </div>
        ),
      }),
    ],
    [t, tf],
  );
  return <DataTable columns={columns} data={rows} label={t('tableLabel')} rowHref={(r) => `/blocklists/sources/${r.id}`} empty={t('empty')} rowTestId="source-row" extraShortcuts={[{ keys: ['n'], label: t('shortcutNew') }]} />;
}
