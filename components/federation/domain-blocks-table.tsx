'use client';

import { useMemo } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { Severity } from '@/lib/blocklist/severity';
import { DataTable, dataTableColumns } from '@/components/data-table/data-table';
import { PolicyBadges } from './severity-badge';

export interface DomainBlockTableRow {
  id: string;
  domain: string;
  /** IDN decoded; equal to domain for ASCII names. */
  unicode: string;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  obfuscate: boolean;
  publicComment: string | null;
  privateComment: string | null;
  accountsCount: number;
  createdAt: string;
  /** Blocklist subscriptions backing the block (blocklists issue), when any. */
  provenance?: { label: string; detail: string } | null;
}

const column = dataTableColumns<DomainBlockTableRow>();

export function DomainBlocksTable({ rows, extraShortcuts = [] }: { rows: DomainBlockTableRow[]; extraShortcuts?: Array<{ keys: string[]; label: string }> }) {
  const t = useTranslations('federation.blocks');
  const columns = useMemo(
    () => [
      column.display({
        id: 'domain',
        header: t('columns.domain'),
        cell: ({ row }) => (
          <div>
            <Link href={`/federation/domain-blocks/${row.original.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" tabIndex={-1}>
              <bdi>{row.original.unicode}</bdi>
            </Link>
            {row.original.unicode !== row.original.domain ? <div className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{row.original.domain}</div> : null}
            {row.original.provenance ? (
              <div className="text-xs text-zinc-600 dark:text-zinc-400" title={row.original.provenance.detail} data-testid="block-provenance">
                {row.original.provenance.label}
              </div>
            ) : null}
          </div>
        ),
      }),
      column.display({
        id: 'policy',
        header: t('columns.policy'),
        cell: ({ row }) => <PolicyBadges severity={row.original.severity} rejectMedia={row.original.rejectMedia} rejectReports={row.original.rejectReports} obfuscate={row.original.obfuscate} />,
      }),
      column.display({
        id: 'comments',
        header: t('columns.comments'),
        cell: ({ row }) => (
          <div className="max-w-md space-y-0.5 text-xs">
            {row.original.publicComment ? <p className="line-clamp-2 break-words">{row.original.publicComment}</p> : null}
            {row.original.privateComment ? (
              <p className="line-clamp-2 break-words text-zinc-600 italic dark:text-zinc-400">
                <span className="sr-only">{t('privateComment')}: </span>
                {row.original.privateComment}
              </p>
            ) : null}
          </div>
        ),
      }),
      column.display({
        id: 'accounts',
        header: t('columns.accounts'),
        cell: ({ row }) => <span className="tabular-nums">{row.original.accountsCount.toLocaleString('en')}</span>,
      }),
      column.display({
        id: 'created',
        header: t('columns.created'),
        cell: ({ row }) => (
          <time dateTime={row.original.createdAt} className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
            {row.original.createdAt.slice(0, 10)}
          </time>
        ),
      }),
    ],
    [t],
  );
  return (
    <DataTable
      columns={columns}
      data={rows}
      label={t('tableLabel')}
      rowHref={(row) => `/federation/domain-blocks/${row.id}`}
      empty={t('empty')}
      rowTestId="domain-block-row"
      extraShortcuts={extraShortcuts}
    />
  );
}
