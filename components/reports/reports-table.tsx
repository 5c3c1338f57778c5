'use client';

import { useId, useMemo, useState, useTransition, type ReactNode } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { assignReportsAction, resolveReportsAction, type BulkOutcome } from '@/app/(console)/reports/actions';
import { DataTable, dataTableColumns, type DataTableColumn } from '@/components/data-table/data-table';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { AccountAvatar } from './account-avatar';
import { CategoryBadge } from './category-badge';
import type { ReportRowView } from './queue-rows';
import { useRelativeAge, utcTitle } from './relative-age';

const columns = dataTableColumns<ReportRowView>();

export interface ReportsTableProps {
  rows: ReportRowView[];
  /** When the page was computed (ages are relative to it). */
  asOf: string;
  actorAccountId: string;
  showPriority: boolean;
  blurAvatars: boolean;
  /** The queue's query string (without cursor), carried to the report page for “next”. */
  fromQuery: string;
  teammates: Array<{ accountId: string; username: string; displayName: string }>;
  mode: 'api' | 'database';
  empty: ReactNode;
}

export function reportHref(id: string, fromQuery: string): string {
  return fromQuery ? `/reports/${id}?from=${encodeURIComponent(fromQuery)}` : `/reports/${id}`;
}

/**
 * The queue: server-sorted and paged rows (TanStack in manual mode through DataTable), j/k/x/Enter
 * from the shared table, `a` to assign the focused report to me, and bulk actions on a selection.
 */
export function ReportsTable({ rows, asOf, actorAccountId, showPriority, blurAvatars, fromQuery, teammates, mode, empty }: ReportsTableProps) {
  const t = useTranslations('reports');
  const age = useRelativeAge();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ result: BulkOutcome; note?: string } | null>(null);

  const cols = useMemo(() => {
    const list: DataTableColumn<ReportRowView>[] = [
      columns.display({
        id: 'waiting',
        header: t('columns.waiting'),
        cell: ({ row }) => {
          const r = row.original;
          return (
            <Link href={reportHref(r.id, fromQuery)} className="font-medium whitespace-nowrap text-indigo-700 hover:underline dark:text-indigo-300" aria-label={t('cells.openReport', { id: r.id })}>
              <span title={utcTitle(r.createdAt)}>{r.resolvedAt ? t('cells.resolved') : t('cells.waiting', { duration: age(r.createdAt, asOf) })}</span>
              <span className="block text-xs font-normal text-zinc-500 dark:text-zinc-400">#{r.id}</span>
            </Link>
          );
        },
      }),
      columns.display({
        id: 'category',
        header: t('columns.category'),
        cell: ({ row }) => (
          <span className="flex flex-col items-start gap-1">
            <CategoryBadge category={row.original.category} />
            {row.original.ruleCount > 0 ? <span className="text-xs text-zinc-600 dark:text-zinc-400">{t('cells.rules', { count: row.original.ruleCount })}</span> : null}
          </span>
        ),
      }),
      columns.display({
        id: 'target',
        header: t('columns.target'),
        cell: ({ row }) => {
          const target = row.original.target;
          return (
            <div className="flex min-w-48 items-start gap-2">
              <AccountAvatar url={target.avatarUrl} blur={blurAvatars} />
              <div className="min-w-0">
                <bdi className="block max-w-56 truncate font-medium" dir="auto">
                  {target.displayName}
                </bdi>
                <span className="block max-w-56 truncate text-xs text-zinc-600 dark:text-zinc-400">@{target.acct}</span>
                <span className="mt-0.5 flex flex-wrap gap-1 text-xs text-zinc-600 dark:text-zinc-400">
                  <span title={utcTitle(target.createdAt)}>{t('cells.joined', { duration: age(target.createdAt, asOf) })}</span>
                  {target.strikes > 0 ? <Badge tone="amber">{t('cells.strikes', { count: target.strikes })}</Badge> : null}
                  {target.suspended ? <Badge tone="red">{t('cells.suspended')}</Badge> : target.silenced ? <Badge tone="amber">{t('cells.silenced')}</Badge> : null}
                  {row.original.otherReports > 0 ? <span>{t('cells.otherReports', { count: row.original.otherReports })}</span> : null}
                </span>
              </div>
            </div>
          );
        },
      }),
      columns.display({
        id: 'reporter',
        header: t('columns.reporter'),
        cell: ({ row }) => {
          const reporter = row.original.reporter;
          return (
            <span className="block max-w-40 truncate text-sm" title={reporter.acct}>
              {reporter.server && reporter.domain ? t('cells.instanceActor', { domain: reporter.domain }) : `@${reporter.acct}`}
            </span>
          );
        },
      }),
      columns.display({
        id: 'comment',
        header: t('columns.comment'),
        cell: ({ row }) =>
          row.original.comment ? (
            <p className="line-clamp-2 max-w-72 text-sm [overflow-wrap:anywhere] whitespace-pre-line" dir="auto" title={row.original.comment}>
              {row.original.comment}
              {row.original.commentTruncated ? <span className="text-zinc-500"> {t('cells.commentTruncated')}</span> : null}
            </p>
          ) : (
            <span className="text-sm text-zinc-500 italic dark:text-zinc-400">{t('cells.noComment')}</span>
          ),
      }),
      columns.display({
        id: 'posts',
        header: t('columns.posts'),
        cell: ({ row }) => <span className="tabular-nums">{row.original.statusCount}</span>,
      }),
      columns.display({
        id: 'assignee',
        header: t('columns.assignee'),
        cell: ({ row }) => {
          const assignee = row.original.assignee;
          if (!assignee) return <span className="text-zinc-500">{t('cells.nobody')}</span>;
          return assignee.id === actorAccountId ? <Badge tone="indigo">{t('cells.you')}</Badge> : <span className="text-sm">@{assignee.acct}</span>;
        },
      }),
    ];
    if (showPriority) {
      list.push(
        columns.display({
          id: 'priority',
          header: t('columns.priority'),
          cell: ({ row }) => <span className="font-mono text-sm tabular-nums">{row.original.priority.toLocaleString('en')}</span>,
        }),
      );
    }
    return list;
  }, [actorAccountId, age, asOf, blurAvatars, fromQuery, showPriority, t]);

  function run(action: () => Promise<BulkOutcome>, clear?: () => void) {
    setOutcome(null);
    startTransition(async () => {
      const result = await action();
      setOutcome({ result });
      if (result.status === 'success') {
        clear?.();
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-3">
      {outcome ? <BulkOutcomeMessage result={outcome.result} /> : null}
      <DataTable
        columns={cols}
        data={rows}
        label={t('queue.tableLabel')}
        rowTestId="report-row"
        rowHref={(row) => reportHref(row.id, fromQuery)}
        empty={empty}
        onRowKey={(key, row) => {
          if (key !== 'a' || pending) return false;
          run(() => assignReportsAction({ reportIds: [row.id], assigneeAccountId: 'me' }));
          return true;
        }}
        extraShortcuts={[{ keys: ['a'], label: t('queue.shortcutAssign') }]}
        selectionBar={(selectedIds, clear) => <BulkBar selectedIds={selectedIds} clear={clear} pending={pending} run={run} teammates={teammates} actorAccountId={actorAccountId} mode={mode} />}
      />
    </div>
  );
}

function BulkOutcomeMessage({ result }: { result: BulkOutcome }) {
  const t = useTranslations('reports.queue');
  if (result.status !== 'success') return <ActionFailureMessage result={result} />;
  return (
    <div className="space-y-2" data-testid="bulk-outcome">
      <Alert tone="success">{t('bulkDone', { done: result.done.length, unchanged: result.unchanged.length })}</Alert>
      {result.failed.length > 0 ? <Alert tone="error">{t('bulkFailed', { count: result.failed.length, details: result.failed.map((f) => `#${f.reportId}: ${f.message}`).join(' ') })}</Alert> : null}
    </div>
  );
}

function BulkBar({
  selectedIds,
  clear,
  pending,
  run,
  teammates,
  actorAccountId,
  mode,
}: {
  selectedIds: string[];
  clear: () => void;
  pending: boolean;
  run: (action: () => Promise<BulkOutcome>, clear?: () => void) => void;
  teammates: ReportsTableProps['teammates'];
  actorAccountId: string;
  mode: 'api' | 'database';
}) {
  const t = useTranslations('reports.bulk');
  const id = useId();
  const [teammate, setTeammate] = useState('');
  const [resolving, setResolving] = useState(false);
  const others = teammates.filter((m) => m.accountId !== actorAccountId);
  return (
    <>
      <Button variant="secondary" disabled={pending} onClick={() => run(() => assignReportsAction({ reportIds: selectedIds, assigneeAccountId: 'me' }), clear)}>
        {t('assignToMe')}
      </Button>
      {mode === 'database' ? (
        <span className="flex items-center gap-1">
          <label htmlFor={`${id}-teammate`} className="sr-only">
            {t('assignToLabel')}
          </label>
          <select
            id={`${id}-teammate`}
            value={teammate}
            onChange={(e) => setTeammate(e.target.value)}
            className="rounded-md border-0 bg-white py-1.5 pr-8 pl-2 text-sm ring-1 ring-zinc-300 ring-inset dark:bg-zinc-900 dark:ring-zinc-700"
          >
            <option value="">{t('chooseTeammate')}</option>
            {others.map((m) => (
              <option key={m.accountId} value={m.accountId}>
                @{m.username}
              </option>
            ))}
          </select>
          <Button variant="secondary" disabled={pending || teammate === ''} onClick={() => run(() => assignReportsAction({ reportIds: selectedIds, assigneeAccountId: teammate }), clear)}>
            {t('assign')}
          </Button>
        </span>
      ) : (
        <span className="text-xs text-zinc-600 dark:text-zinc-400">{t('teammateApi')}</span>
      )}
      <Button variant="ghost" disabled={pending} onClick={() => run(() => assignReportsAction({ reportIds: selectedIds, assigneeAccountId: null }), clear)}>
        {t('unassign')}
      </Button>
      <Button disabled={pending} onClick={() => setResolving(true)}>
        {t('resolve')}
      </Button>
      <Button variant="ghost" onClick={clear}>
        {t('clear')}
      </Button>
      <BulkResolveDialog
        open={resolving}
        count={selectedIds.length}
        mode={mode}
        pending={pending}
        onCancel={() => setResolving(false)}
        onConfirm={(note) =>
          run(
            () => resolveReportsAction({ reportIds: selectedIds, note }),
            () => {
              setResolving(false);
              clear();
            },
          )
        }
      />
    </>
  );
}

function BulkResolveDialog({ open, count, mode, pending, onCancel, onConfirm }: { open: boolean; count: number; mode: 'api' | 'database'; pending: boolean; onCancel: () => void; onConfirm: (note: string) => void }) {
  const t = useTranslations('reports.bulk');
  const tCommon = useTranslations('common');
  const id = useId();
  const [note, setNote] = useState('');
  return (
    <ModalDialog open={open} labelledBy={`${id}-title`} onCancel={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(note);
        }}
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {t('resolveTitle', { count })}
        </h2>
        <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">{t('resolveBody')}</p>
        {mode === 'api' ? <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{t('resolveApi')}</p> : null}
        <label htmlFor={`${id}-note`} className="mt-4 block text-sm font-medium">
          {t('noteLabel')}
        </label>
        <textarea
          id={`${id}-note`}
          value={note}
          maxLength={2000}
          rows={4}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('notePlaceholder')}
          aria-describedby={`${id}-help`}
          className="mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700"
        />
        <p id={`${id}-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {t('noteHelp')}
        </p>
        <div className="mt-6 flex justify-end gap-3">
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {tCommon('cancel')}
          </Button>
          <Button type="submit" disabled={pending} aria-busy={pending}>
            {t('confirmResolve', { count })}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** A native modal dialog: focus is trapped and Escape cancels. */
export function ModalDialog({ open, labelledBy, onCancel, children, wide = false }: { open: boolean; labelledBy: string; onCancel: () => void; children: ReactNode; wide?: boolean }) {
  return (
    <dialog
      ref={(dialog) => {
        if (!dialog) return;
        if (open && !dialog.open) dialog.showModal();
        if (!open && dialog.open) dialog.close();
      }}
      aria-labelledby={labelledBy}
      onClose={onCancel}
      className={cn(
        'm-auto w-full rounded-xl bg-white p-6 text-zinc-900 shadow-xl ring-1 ring-zinc-200 backdrop:bg-zinc-950/50 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700',
        wide ? 'max-w-2xl' : 'max-w-lg',
      )}
    >
      {children}
    </dialog>
  );
}
