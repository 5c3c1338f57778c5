'use client';

import { useCallback, useMemo, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { applySuggestionsAction, dismissSuggestionsAction, pendingIdsAction } from '@/app/(console)/blocklists/actions';
import type { ActionFailure } from '@/lib/account-action-result';
import type { SuggestionAction } from '@/lib/blocklist/merge-suggestions';
import type { Severity } from '@/lib/blocklist/severity';
import type { ApplyOutcome } from '@/lib/blocklist/sources-apply';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { DataTable, dataTableColumns } from '@/components/data-table/data-table';
import { PolicyBadges } from '@/components/federation/severity-badge';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

export interface SuggestionView {
  id: string;
  domain: string;
  unicode: string;
  action: SuggestionAction;
  reason: string;
  severity: Severity | null;
  rejectMedia: boolean;
  rejectReports: boolean;
  obfuscate: boolean;
  heldSeverity: Severity | null;
  heldIsNoop: boolean;
  existing: { severity: Severity; rejectMedia: boolean; rejectReports: boolean } | null;
  parent: { domain: string; severity: Severity } | null;
  backing: Array<{ name: string; severity: Severity; via: 'listed' | 'parent' | 'digest'; listedAs: string; cappedFrom: Severity | null; comment: string | null }>;
  backingCount: number;
  totalSources: number;
  percent: number;
  publicComment: string | null;
  labels: string[];
  accounts: number | null;
  localFollows: number | null;
  autoBlocker: string | null;
  outcome: string | null;
}

const ACTION_TONE = { add: 'red', escalate: 'amber', downgrade: 'sky', retract: 'emerald' } as const;
const column = dataTableColumns<SuggestionView>();

type Pending = { ids: string[]; all: boolean } | null;

/**
 * The review queue: select (x, or the header box), then apply or dismiss. Applying states what
 * will happen (adds, raises, lowers, lifts; who keeps a limit because of local follows) before it
 * runs, then sends batches so the progress bar is honest, and reports every row that did not go
 * through.
 */
export function SuggestionsTable({ rows, apiMode, filters, matching }: { rows: SuggestionView[]; apiMode: boolean; filters: { action?: SuggestionAction; q?: string }; matching: number }) {
  const t = useTranslations('blocklists.review');
  const tf = useTranslations('blocklists.review.columns');
  const router = useRouter();
  const [confirm, setConfirm] = useState<Pending>(null);
  const [override, setOverride] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<{ outcomes: ApplyOutcome[]; failure: ActionFailure | null } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [busy, startTransition] = useTransition();
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);

  const dismiss = useCallback(
    (ids: string[], clear?: () => void) => {
      startTransition(async () => {
        setFailure(null);
        const answer = await dismissSuggestionsAction({ ids });
        if (answer.status === 'success') {
          setMessage(t('dismissed', { count: answer.dismissed.length }));
          clear?.();
          router.refresh();
        } else setFailure(answer);
      });
    },
    [router, t],
  );

  const openApplyAll = () => {
    startTransition(async () => {
      setFailure(null);
      const answer = await pendingIdsAction(filters);
      if (answer.status === 'success') {
        setOverride(false);
        setConfirm({ ids: answer.ids, all: true });
      } else setFailure(answer);
    });
  };

  const apply = (ids: string[]) => {
    const overrides = override ? ids : [];
    setConfirm(null);
    setReport(null);
    setMessage(null);
    startTransition(async () => {
      const size = apiMode ? 10 : 100;
      const outcomes: ApplyOutcome[] = [];
      let stop: ActionFailure | null = null;
      setProgress({ done: 0, total: ids.length });
      for (let i = 0; i < ids.length; i += size) {
        const batch = ids.slice(i, i + size);
        const answer = await applySuggestionsAction({ ids: batch, overrides: overrides.filter((id) => batch.includes(id)) });
        if (answer.status !== 'success') {
          stop = answer;
          break;
        }
        outcomes.push(...answer.outcomes);
        setProgress({ done: Math.min(ids.length, i + batch.length), total: ids.length });
      }
      setProgress(null);
      setReport({ outcomes, failure: stop });
      router.refresh();
    });
  };

  const columns = useMemo(
    () => [
      column.display({
        id: 'domain',
        header: tf('domain'),
        cell: ({ row }) => {
          const s = row.original;
          return (
            <div className="min-w-40">
              <div className="flex flex-wrap items-center gap-1.5">
                <Badge tone={ACTION_TONE[s.action]}>{t(`actions.${s.action}`)}</Badge>
                <span className="font-medium break-all" data-testid="suggestion-domain">{s.unicode}</span>
              </div>
              {s.unicode !== s.domain ? <div className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{s.domain}</div> : null}
              {s.action === 'retract' ? <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">{t(`reasons.${s.reason as 'retracted' | 'unbacked' | 'excluded'}`)}</p> : null}
            </div>
          );
        },
      }),
      column.display({
        id: 'proposal',
        header: tf('proposal'),
        cell: ({ row }) => {
          const s = row.original;
          return (
            <div className="space-y-1 text-xs">
              {s.existing ? (
                <div className="flex flex-wrap items-center gap-1">
                  <span className="text-zinc-600 dark:text-zinc-400">{t('now')}</span>
                  <PolicyBadges severity={s.existing.severity} rejectMedia={s.existing.rejectMedia} rejectReports={s.existing.rejectReports} />
                </div>
              ) : null}
              {s.severity ? (
                <div className="flex flex-wrap items-center gap-1">
                  <span className="text-zinc-600 dark:text-zinc-400">{s.existing ? t('becomes') : t('new')}</span>
                  <PolicyBadges severity={s.heldSeverity ?? s.severity} rejectMedia={s.rejectMedia} rejectReports={s.rejectReports} obfuscate={s.obfuscate} />
                </div>
              ) : (
                <p className="font-medium text-emerald-800 dark:text-emerald-300">{t('lift')}</p>
              )}
              {s.heldSeverity ? <p className="text-amber-800 dark:text-amber-300">{t('held', { follows: s.localFollows ?? 0 })}</p> : null}
              {s.parent ? <p className="text-zinc-600 dark:text-zinc-400">{t('parent', { domain: s.parent.domain, severity: s.parent.severity })}</p> : null}
            </div>
          );
        },
      }),
      column.display({
        id: 'support',
        header: tf('support'),
        cell: ({ row }) => {
          const s = row.original;
          return (
            <div className="min-w-36 text-xs">
              <p className="font-medium whitespace-nowrap" data-testid="support">
                {t('support', { count: s.backingCount, total: s.totalSources })}
              </p>
              <ul className="mt-0.5 space-y-0.5 text-zinc-600 dark:text-zinc-400">
                {s.backing.map((b) => (
                  <li key={`${b.name}-${b.listedAs}`}>
                    {b.name}
                    {b.via === 'parent' ? ` ${t('viaParent', { domain: b.listedAs })}` : b.via === 'digest' ? ` ${t('viaDigest', { pattern: b.listedAs })}` : ''}
                    {b.cappedFrom ? ` ${t('capped', { from: b.cappedFrom, to: b.severity })}` : ''}
                    {/* Each source's own reason: sources often disagree on why, and that matters to the decision. */}
                    {b.comment ? (
                      <span className="block break-words text-zinc-500 italic dark:text-zinc-400" data-testid="backing-comment">
                        “{b.comment}”
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          );
        },
      }),
      column.display({
        id: 'reasons',
        header: tf('reasons'),
        cell: ({ row }) => {
          const s = row.original;
          return (
            <div className="max-w-xs space-y-1 text-xs">
              {s.publicComment ? <p className="line-clamp-3 break-words">{s.publicComment}</p> : null}
              {s.labels.length && !s.publicComment ? (
                <div className="flex flex-wrap gap-1">
                  {s.labels.slice(0, 6).map((l) => (
                    <Badge key={l}>{l}</Badge>
                  ))}
                </div>
              ) : null}
            </div>
          );
        },
      }),
      column.display({
        id: 'impact',
        header: tf('impact'),
        cell: ({ row }) => {
          const s = row.original;
          return (
            <div className="text-xs whitespace-nowrap tabular-nums">
              <p>{t('accounts', { count: s.accounts ?? 0 })}</p>
              <p className={(s.localFollows ?? 0) > 0 ? 'font-medium text-amber-800 dark:text-amber-300' : 'text-zinc-600 dark:text-zinc-400'}>{t('follows', { count: s.localFollows ?? 0 })}</p>
            </div>
          );
        },
      }),
      column.display({
        id: 'notes',
        header: tf('notes'),
        cell: ({ row }) => {
          const s = row.original;
          return (
            <div className="max-w-48 space-y-1 text-xs">
              {s.outcome ? <p className="text-red-800 dark:text-red-300">{t('lastAttempt', { reason: s.outcome })}</p> : null}
              {s.autoBlocker && s.autoBlocker !== 'no_auto_source' ? <p className="text-zinc-600 dark:text-zinc-400">{t(`autoBlockers.${s.autoBlocker as 'follows'}`)}</p> : null}
            </div>
          );
        },
      }),
    ],
    [t, tf],
  );

  const target = confirm ? confirm.ids.map((id) => byId.get(id)).filter((r): r is SuggestionView => !!r) : [];
  const counts = { add: 0, escalate: 0, downgrade: 0, retract: 0 } as Record<SuggestionAction, number>;
  for (const r of target) counts[r.action] += 1;
  const held = target.filter((r) => r.heldSeverity);
  const retracts = target.filter((r) => r.action === 'retract');
  const failed = report?.outcomes.filter((o) => o.status !== 'applied') ?? [];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('matching', { count: matching })}</p>
        {matching > 0 ? (
          <Button variant="secondary" onClick={openApplyAll} disabled={busy}>
            {t('applyAll', { count: matching })}
          </Button>
        ) : null}
      </div>
      <div aria-live="polite" className="space-y-2">
        {progress ? (
          <div>
            <progress className="h-2 w-full accent-indigo-600" max={Math.max(1, progress.total)} value={progress.done} aria-label={t('progressLabel')} />
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{t('progress', { done: progress.done, total: progress.total })}</p>
          </div>
        ) : null}
        {report ? (
          <Alert tone={failed.length || report.failure ? 'warning' : 'success'} title={<span data-testid="apply-report">{t('report', { applied: report.outcomes.length - failed.length, other: failed.length })}</span>}>
            {failed.length ? (
              <ul className="list-disc pl-5">
                {failed.map((o) => (
                  <li key={o.id}>
                    {o.domain}: {o.reason}
                  </li>
                ))}
              </ul>
            ) : null}
            {report.failure ? <ActionFailureMessage result={report.failure} /> : null}
          </Alert>
        ) : null}
        {message ? <Alert tone="success">{message}</Alert> : null}
        {failure ? <ActionFailureMessage result={failure} /> : null}
      </div>
      <DataTable
        columns={columns}
        data={rows}
        label={t('tableLabel')}
        empty={t('empty')}
        rowTestId="suggestion-row"
        selectionBar={(ids, clear) => (
          <>
            <Button
              onClick={() => {
                setOverride(false);
                setConfirm({ ids, all: false });
              }}
              disabled={busy}
            >
              {t('applySelected', { count: ids.length })}
            </Button>
            <Button variant="secondary" onClick={() => dismiss(ids, clear)} disabled={busy}>
              {t('dismissSelected', { count: ids.length })}
            </Button>
          </>
        )}
        onRowKey={(key, row) => {
          if (key === 'a') {
            setOverride(false);
            setConfirm({ ids: [row.id], all: false });
            return true;
          }
          if (key === 'd') {
            dismiss([row.id]);
            return true;
          }
          return false;
        }}
        extraShortcuts={[
          { keys: ['a'], label: t('shortcutApply') },
          { keys: ['d'], label: t('shortcutDismiss') },
        ]}
      />
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.all ? t('confirmAllTitle', { count: confirm.ids.length }) : t('confirmTitle', { count: confirm?.ids.length ?? 0 })}
        confirmLabel={t('confirmApply')}
        tone={retracts.length ? 'danger' : 'primary'}
        pending={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => confirm && apply(confirm.ids)}
      >
        {confirm?.all ? (
          <p>{t('confirmAllBody', { count: confirm.ids.length })}</p>
        ) : (
          <ul className="list-disc pl-5" data-testid="apply-summary">
            {(['add', 'escalate', 'downgrade', 'retract'] as const).map((a) => (counts[a] ? <li key={a}>{t(`confirmCounts.${a}`, { count: counts[a] })}</li> : null))}
          </ul>
        )}
        {retracts.length ? <p>{t('confirmRetracts', { domains: retracts.map((r) => r.unicode).join(', ') })}</p> : null}
        {held.length || confirm?.all ? (
          <div className="rounded-md bg-amber-50 p-3 text-amber-900 ring-1 ring-amber-200 dark:bg-amber-950/60 dark:text-amber-100 dark:ring-amber-900">
            {held.length ? <p>{t('confirmHeld', { count: held.length, domains: held.map((r) => r.unicode).join(', ') })}</p> : <p>{t('confirmHeldAll')}</p>}
            <label className="mt-2 flex items-center gap-2">
              <input type="checkbox" className="size-4 rounded border-zinc-400" checked={override} onChange={(e) => setOverride(e.target.checked)} />
              {t('override')}
            </label>
          </div>
        ) : null}
        {apiMode ? <p className="text-xs">{t('confirmApi')}</p> : null}
      </ConfirmDialog>
    </div>
  );
}

