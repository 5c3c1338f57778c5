'use client';

import { useCallback, useMemo, useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { decideSignup, refreshSignupQueue } from '@/app/(console)/accounts/pending/actions';
import { bulkProgress, type BulkRowState, type SignupSignals } from '@/lib/account-signups';
import { DataTable, dataTableColumns } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Elapsed } from './elapsed';

export interface SignupRowView {
  id: string;
  username: string;
  displayName: string;
  createdAt: Date;
  email: string;
  signUpIp: string | null;
  inviteRequest: string | null;
  inviterAccountId: string | null;
  inviterUsername: string | null;
  /** Milliseconds waited, measured on the database clock. */
  waitedMs: number;
  signals: SignupSignals;
}

type Decision = 'approve' | 'reject';

/**
 * The sign-up queue with Mastodon's signals and bulk approve/reject: one write-path call per
 * account, in order, with a progress bar and a result per row; a failure does not stop the run.
 */
export function SignupsTable({ rows }: { rows: SignupRowView[] }) {
  const t = useTranslations('accounts.pending');
  const tErrors = useTranslations('accountActions.errors');
  const router = useRouter();
  const [confirm, setConfirm] = useState<{ decision: Decision; ids: string[] } | null>(null);
  const [run, setRun] = useState<{ decision: Decision; ids: string[]; states: Record<string, BulkRowState>; names: Record<string, string>; finished: boolean } | null>(null);
  const names = useMemo(() => Object.fromEntries(rows.map((r) => [r.id, r.username])), [rows]);
  const running = run !== null && !run.finished;

  const start = useCallback(
    async (decision: Decision, ids: string[]) => {
      setConfirm(null);
      const states: Record<string, BulkRowState> = Object.fromEntries(ids.map((id) => [id, { state: 'queued' } as BulkRowState]));
      setRun({ decision, ids, states, names, finished: false });
      const set = (id: string, state: BulkRowState) => setRun((r) => (r ? { ...r, states: { ...r.states, [id]: state } } : r));
      for (const id of ids) {
        set(id, { state: 'running' });
        try {
          const answer = await decideSignup({ accountId: id, decision });
          if (answer.status === 'success') set(id, { state: 'done' });
          else if (answer.status === 'error') set(id, { state: 'failed', message: answer.message });
          else if (answer.status === 'forbidden') set(id, { state: 'failed', message: answer.message ?? tErrors('forbidden') });
          else if (answer.status === 'unauthenticated') set(id, { state: 'failed', message: tErrors('unauthenticated') });
          else set(id, { state: 'failed', message: tErrors('invalid', { fields: Object.keys(answer.fieldErrors).join(', ') }) });
        } catch {
          set(id, { state: 'failed', message: t('networkError') });
        }
      }
      setRun((r) => (r ? { ...r, finished: true } : r));
      await refreshSignupQueue();
      router.refresh();
    },
    [names, router, t, tErrors],
  );

  const columns = useMemo(() => {
    const c = dataTableColumns<SignupRowView>();
    return [
      c.display({
        id: 'person',
        header: t('person'),
        cell: ({ row }) => (
          <div className="min-w-0">
            <Link href={`/accounts/${row.original.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" tabIndex={-1}>
              @{row.original.username}
            </Link>
            {row.original.displayName.trim() ? (
              <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">
                <bdi>{row.original.displayName}</bdi>
              </p>
            ) : null}
            <p className="mt-1">
              <Badge tone={row.original.signals.confirmed ? 'emerald' : 'neutral'}>{row.original.signals.confirmed ? t('confirmed') : t('unconfirmed')}</Badge>
            </p>
          </div>
        ),
      }),
      c.display({
        id: 'reason',
        header: t('reason'),
        cell: ({ row }) =>
          row.original.inviteRequest?.trim() ? (
            <p className="max-w-md text-sm whitespace-pre-wrap">{row.original.inviteRequest}</p>
          ) : (
            <span className="text-sm text-zinc-600 italic dark:text-zinc-400">{t('noReason')}</span>
          ),
      }),
      c.display({
        id: 'email',
        header: t('email'),
        cell: ({ row }) => {
          const s = row.original.signals;
          return (
            <div className="space-y-1">
              <p className="text-sm [overflow-wrap:anywhere]">{row.original.email}</p>
              <p className="flex flex-wrap gap-1">
                {s.emailDomainBlock === 'block' ? <Badge tone="red">{t('emailBlocked')}</Badge> : s.emailDomainBlock === 'approval' ? <Badge tone="amber">{t('emailApproval')}</Badge> : null}
                {s.emailDomainNew ? <Badge tone="sky">{t('emailNew')}</Badge> : <Badge tone="neutral">{t('emailKnown', { count: s.othersOnDomain })}</Badge>}
              </p>
            </div>
          );
        },
      }),
      c.display({
        id: 'ip',
        header: t('ip'),
        cell: ({ row }) => {
          const s = row.original.signals;
          return (
            <div className="space-y-1">
              {row.original.signUpIp ? (
                <Link href={`/accounts?ip=${encodeURIComponent(row.original.signUpIp)}`} className="font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300" tabIndex={-1}>
                  {row.original.signUpIp}
                </Link>
              ) : (
                <span className="text-xs">—</span>
              )}
              <p className="flex flex-wrap gap-1">
                {s.othersOnIp > 0 ? <Badge tone="amber">{t('ipShared', { count: s.othersOnIp })}</Badge> : null}
                {s.ipRule ? <Badge tone={s.ipRule === 'sign_up_requires_approval' ? 'amber' : 'red'}>{t(`ipRule.${s.ipRule}`)}</Badge> : null}
              </p>
            </div>
          );
        },
      }),
      c.display({
        id: 'invite',
        header: t('invite'),
        cell: ({ row }) =>
          row.original.inviterUsername ? (
            <Link href={`/accounts/${row.original.inviterAccountId}`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300" tabIndex={-1}>
              {t('invitedBy', { acct: `@${row.original.inviterUsername}` })}
            </Link>
          ) : (
            <span className="text-sm">{t('notInvited')}</span>
          ),
      }),
      c.display({
        id: 'waiting',
        header: t('waiting'),
        cell: ({ row }) => (
          <span className="text-sm">
            <Elapsed from={row.original.createdAt} ms={row.original.waitedMs} />
          </span>
        ),
      }),
      c.display({
        id: 'actions',
        header: () => <span className="sr-only">{t('approve')}</span>,
        cell: ({ row }) => (
          <div className="flex gap-2">
            <Button className="px-2 py-1 text-xs" disabled={running} onClick={() => setConfirm({ decision: 'approve', ids: [row.original.id] })} aria-label={`${t('approve')} @${row.original.username}`}>
              {t('approve')}
            </Button>
            <Button variant="secondary" className="px-2 py-1 text-xs" disabled={running} onClick={() => setConfirm({ decision: 'reject', ids: [row.original.id] })} aria-label={`${t('reject')} @${row.original.username}`}>
              {t('reject')}
            </Button>
          </div>
        ),
      }),
    ];
  }, [t, running]);

  const progress = run ? bulkProgress(run.ids.map((id) => run.states[id]!)) : null;

  return (
    <div className="space-y-4">
      {run && progress ? (
        <section aria-label={t('results')} className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800" data-testid="bulk-run">
          <div>
            <div className="flex justify-between text-sm">
              <span id="bulk-progress-label" className="font-medium">
                {t('progressLabel')}
              </span>
              <span data-testid="bulk-progress-text">{t('progress', { finished: progress.finished, total: progress.total, failed: progress.failed })}</span>
            </div>
            <div
              role="progressbar"
              aria-labelledby="bulk-progress-label"
              aria-valuemin={0}
              aria-valuemax={progress.total}
              aria-valuenow={progress.finished}
              className="mt-1 h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
            >
              <div className={progress.failed > 0 ? 'h-full bg-amber-500' : 'h-full bg-indigo-600 dark:bg-indigo-400'} style={{ width: `${progress.percent}%` }} />
            </div>
          </div>
          {run.finished ? (
            <p role="status" className="text-sm font-medium">
              {t('runDone', { ok: progress.finished - progress.failed, failed: progress.failed, decision: run.decision })}
            </p>
          ) : null}
          <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="bulk-results">
            {run.ids.map((id) => {
              const s = run.states[id]!;
              return (
                <li key={id} className="flex justify-between gap-3 py-1.5" data-testid="bulk-result" data-state={s.state}>
                  <span>@{run.names[id] ?? id}</span>
                  <span className={s.state === 'failed' ? 'text-red-700 dark:text-red-300' : s.state === 'done' ? 'text-emerald-700 dark:text-emerald-300' : 'text-zinc-600 dark:text-zinc-400'}>
                    {t(`rowState.${s.state}`)}
                    {s.state === 'failed' ? `: ${s.message}` : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <DataTable
        columns={columns}
        data={rows}
        label={t('tableLabel')}
        rowHref={(row) => `/accounts/${row.id}`}
        empty={t('empty')}
        rowTestId="signup-row"
        selectionBar={(ids, clear) => (
          <>
            <Button
              disabled={running}
              onClick={() => {
                setConfirm({ decision: 'approve', ids });
                clear();
              }}
            >
              {t('approveSelected', { count: ids.length })}
            </Button>
            <Button
              variant="danger"
              disabled={running}
              onClick={() => {
                setConfirm({ decision: 'reject', ids });
                clear();
              }}
            >
              {t('rejectSelected', { count: ids.length })}
            </Button>
          </>
        )}
        onRowKey={(key, row) => {
          if (running || (key !== 'a' && key !== 'r')) return false;
          setConfirm({ decision: key === 'a' ? 'approve' : 'reject', ids: [row.id] });
          return true;
        }}
        extraShortcuts={[
          { keys: ['a'], label: t('approve') },
          { keys: ['r'], label: t('reject') },
        ]}
      />

      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.decision === 'reject' ? t('confirmRejectTitle', { count: confirm.ids.length }) : t('confirmApproveTitle', { count: confirm?.ids.length ?? 0 })}
        confirmLabel={confirm?.decision === 'reject' ? t('rejectSelected', { count: confirm.ids.length }) : t('approveSelected', { count: confirm?.ids.length ?? 0 })}
        tone={confirm?.decision === 'reject' ? 'danger' : 'primary'}
        onConfirm={() => confirm && void start(confirm.decision, confirm.ids)}
        onCancel={() => setConfirm(null)}
      >
        <p>{confirm?.decision === 'reject' ? t('confirmRejectBody', { count: confirm.ids.length }) : t('confirmApproveBody', { count: confirm?.ids.length ?? 0 })}</p>
        <ul className="list-disc pl-5">
          {confirm?.ids.map((id) => (
            <li key={id}>@{names[id] ?? id}</li>
          ))}
        </ul>
      </ConfirmDialog>
    </div>
  );
}
