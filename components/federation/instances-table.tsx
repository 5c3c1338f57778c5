'use client';

import { useMemo } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { Severity } from '@/lib/blocklist/severity';
import { DataTable, dataTableColumns } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { PolicyBadges } from './severity-badge';

export interface InstanceTableRow {
  id: string;
  domain: string;
  unicode: string;
  accountsCount: number;
  severity: Severity | null;
  rejectMedia: boolean;
  rejectReports: boolean;
  allowed: boolean;
  unavailable: boolean;
}

export function InstancesTable({ rows, extraShortcuts }: { rows: InstanceTableRow[]; extraShortcuts: Array<{ keys: string[]; label: string }> }) {
  const t = useTranslations('federation.instances');
  const columns = useMemo(() => {
    const c = dataTableColumns<InstanceTableRow>();
    return [
      c.display({
        id: 'domain',
        header: t('columns.domain'),
        cell: ({ row }) => (
          <Link href={`/federation/instances/${encodeURIComponent(row.original.domain)}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" tabIndex={-1}>
            {row.original.unicode}
          </Link>
        ),
      }),
      c.display({ id: 'accounts', header: t('columns.accounts'), cell: ({ row }) => <span className="tabular-nums">{row.original.accountsCount.toLocaleString('en')}</span> }),
      c.display({
        id: 'state',
        header: t('columns.state'),
        cell: ({ row }) => (
          <span className="inline-flex flex-wrap gap-1">
            {row.original.severity ? <PolicyBadges severity={row.original.severity} rejectMedia={row.original.rejectMedia} rejectReports={row.original.rejectReports} /> : null}
            {row.original.allowed ? <Badge tone="emerald">{t('allowed')}</Badge> : null}
            {row.original.unavailable ? <Badge>{t('unavailable')}</Badge> : null}
          </span>
        ),
      }),
    ];
  }, [t]);
  return <DataTable columns={columns} data={rows} label={t('tableLabel')} rowHref={(row) => `/federation/instances/${encodeURIComponent(row.domain)}`} empty={t('empty')} rowTestId="instance-row" extraShortcuts={extraShortcuts} />;
}
