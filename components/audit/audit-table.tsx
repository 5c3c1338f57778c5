'use client';

import { useEffect, useMemo } from 'react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { DataTable, dataTableColumns } from '@/components/data-table/data-table';
import { isTypingTarget } from '@/components/shell/page-shortcuts';
import { Badge } from '@/components/ui/badge';
import type { AuditSource } from '@/lib/audit-actions';
import type { AuditSentence } from '@/lib/audit-sentences';

export interface AuditRowView {
  /** `mastodon:<id>` / `palisade:<id>`. */
  id: string;
  source: AuditSource;
  createdAt: string;
  actorId: string | null;
  sentence: AuditSentence;
  /** Mastodon 4.7 Tag updates: the flags as they were set. */
  tagChanges: Array<{ attribute: 'usable' | 'trendable' | 'listable'; value: boolean }>;
}

const columns = dataTableColumns<AuditRowView>();

function Sentence({ row }: { row: AuditRowView }) {
  const t = useTranslations('audit');
  const { sentence } = row;
  const detail =
    row.tagChanges.length > 0 ? row.tagChanges.map((c) => t(`tag.${c.value ? c.attribute : (`not_${c.attribute}` as const)}`)).join('; ') : sentence.values.detail;
  const values = { ...sentence.values, name: sentence.values.name || t('automatic'), detail };
  const linkClass = 'font-medium text-indigo-700 hover:underline dark:text-indigo-300';
  const key = `sentences.${sentence.message}` as 'sentences.unknown';
  return (
    <span data-testid="audit-sentence">
      {t.rich(key, {
        ...values,
        actor: (chunks) =>
          row.actorId ? (
            <Link href={`/audit?actor=${row.actorId}`} prefetch={false} className="font-medium hover:underline">
              {chunks}
            </Link>
          ) : (
            <span className="font-medium">{chunks}</span>
          ),
        target: (chunks) => {
          if (sentence.deleted) return <span className="text-zinc-500 italic dark:text-zinc-400">{chunks || t('deletedTarget')}</span>;
          if (!sentence.href) return <span className="font-medium">{chunks}</span>;
          if (sentence.external) {
            return (
              <a href={sentence.href} className={linkClass} target="_blank" rel="noopener noreferrer nofollow">
                {chunks}
                <span className="sr-only"> {t('externalLink', { host: new URL(sentence.href).host })}</span>
              </a>
            );
          }
          return (
            <Link href={sentence.href} prefetch={false} className={linkClass}>
              {chunks}
            </Link>
          );
        },
      })}
    </span>
  );
}

export function AuditTable({ rows, filtered, searchId }: { rows: AuditRowView[]; filtered: boolean; searchId: string }) {
  const t = useTranslations('audit');
  const format = useFormatter();

  // `/` jumps to the search field, as in most consoles.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      const field = document.getElementById(searchId);
      if (field) {
        e.preventDefault();
        field.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [searchId]);

  const cols = useMemo(
    () => [
      columns.display({
        id: 'when',
        header: t('table.when'),
        cell: ({ row }) => {
          const iso = row.original.createdAt;
          const at = new Date(iso);
          return (
            <time dateTime={iso} className="whitespace-nowrap tabular-nums" title={`${iso.replace('T', ' ').slice(0, 19)} UTC`}>
              {format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })}
            </time>
          );
        },
      }),
      columns.display({
        id: 'sentence',
        header: t('table.what'),
        cell: ({ row }) => <Sentence row={row.original} />,
      }),
      columns.display({
        id: 'source',
        header: t('table.source'),
        cell: ({ row }) => (
          <Badge tone={row.original.source === 'mastodon' ? 'indigo' : 'emerald'} title={t(`sourceHint.${row.original.source}`)}>
            {t(`source.${row.original.source}`)}
          </Badge>
        ),
      }),
    ],
    [format, t],
  );

  return (
    <DataTable
      columns={cols}
      data={rows}
      label={t('table.label')}
      rowTestId="audit-row"
      rowHref={(row) => (row.sentence.href && !row.sentence.external ? row.sentence.href : row.actorId ? `/audit?actor=${row.actorId}` : '/audit')}
      empty={filtered ? t('table.empty') : t('table.emptyUnfiltered')}
      extraShortcuts={[{ keys: ['/'], label: t('filters.query') }]}
    />
  );
}
