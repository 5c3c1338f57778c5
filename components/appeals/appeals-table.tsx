'use client';

import { useMemo } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { AppealState } from '@/lib/appeal-decision';
import { Elapsed } from '@/components/accounts/elapsed';
import { DataTable, dataTableColumns } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';

export interface AppealRowView {
  id: string;
  acct: string;
  accountId: string;
  state: AppealState;
  deciderUsername: string | null;
  text: string;
  /** Key under accounts.strikeActions. */
  strikeAction: string;
  strikeText: string;
  reportId: string | null;
  /** Key under accounts.categories. */
  reportCategory: string | null;
  createdAt: Date;
  ageMs: number;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The appeal queue: what was struck, why, from which report, what they answered, and how long they have waited. */
export function AppealsTable({ rows }: { rows: AppealRowView[] }) {
  const t = useTranslations('appeals.table');
  const tState = useTranslations('appeals.state');
  const tStrike = useTranslations('accounts.strikeActions');
  const tCategory = useTranslations('accounts.categories');
  const columns = useMemo(() => {
    const c = dataTableColumns<AppealRowView>();
    return [
      c.display({
        id: 'account',
        header: t('account'),
        cell: ({ row }) => (
          <Link href={`/appeals/${row.original.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" tabIndex={-1}>
            @{row.original.acct}
          </Link>
        ),
      }),
      c.display({
        id: 'strike',
        header: t('strike'),
        cell: ({ row }) => (
          <div className="max-w-xs">
            <p className="font-medium">{tStrike(row.original.strikeAction as Parameters<typeof tStrike>[0])}</p>
            {row.original.strikeText ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{clip(row.original.strikeText, 140)}</p> : null}
          </div>
        ),
      }),
      c.display({
        id: 'report',
        header: t('report'),
        cell: ({ row }) =>
          row.original.reportId ? (
            <Link href={`/reports/${row.original.reportId}`} className="text-indigo-700 hover:underline dark:text-indigo-300" tabIndex={-1}>
              {t('reportLink', { id: row.original.reportId, category: tCategory((row.original.reportCategory ?? 'other') as Parameters<typeof tCategory>[0]) })}
            </Link>
          ) : (
            <span>{t('noReport')}</span>
          ),
      }),
      c.display({ id: 'appeal', header: t('appeal'), cell: ({ row }) => <p className="max-w-md text-sm whitespace-pre-wrap">{clip(row.original.text, 280)}</p> }),
      c.display({
        id: 'age',
        header: t('age'),
        cell: ({ row }) => <Elapsed from={row.original.createdAt} ms={row.original.ageMs} testId="appeal-age" />,
      }),
      c.display({
        id: 'state',
        header: t('state'),
        cell: ({ row }) => (
          <span className="flex flex-col items-start gap-1">
            <Badge tone={row.original.state === 'approved' ? 'emerald' : row.original.state === 'rejected' ? 'red' : 'sky'}>{tState(row.original.state)}</Badge>
            {row.original.deciderUsername ? <span className="text-xs text-zinc-600 dark:text-zinc-400">{t('decidedBy', { name: row.original.deciderUsername })}</span> : null}
          </span>
        ),
      }),
    ];
  }, [t, tState, tStrike, tCategory]);
  return <DataTable columns={columns} data={rows} label={t('label')} rowHref={(row) => `/appeals/${row.id}`} empty={t('empty')} rowTestId="appeal-row" />;
}
