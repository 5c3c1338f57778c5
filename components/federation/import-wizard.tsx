'use client';

import { useId, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ImportReview, ImportReviewRow } from '@/lib/domain-block-import';
import { BLOCKLIST_FORMATS, MAX_BLOCKLIST_BYTES, MAX_BLOCKLIST_ROWS } from '@/lib/blocklist/limits';
import type { ReviewStatus } from '@/lib/blocklist/review';
import { SEVERITIES } from '@/lib/blocklist/severity';
import type { ImportOperation, ImportRowOutcome } from '@/lib/write-path/federation/types';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { cn } from '@/components/ui/cn';
import { PolicyBadges } from './severity-badge';

type Step = 'choose' | 'review' | 'applying' | 'done';
type Failure = { code: string; message: string; line?: number | null };

const PAGE = 100;
/** Connected mode: one Admin API call per row; small batches keep the progress bar honest. */
const API_BATCH = 10;
const STATUS_TONE: Record<ReviewStatus, 'emerald' | 'neutral' | 'indigo' | 'amber' | 'red' | 'sky'> = {
  new: 'emerald',
  covered: 'neutral',
  escalate: 'indigo',
  downgrade: 'amber',
  invalid: 'red',
  obfuscated: 'sky',
  duplicate: 'neutral',
};
const STATUSES: ReviewStatus[] = ['new', 'escalate', 'downgrade', 'covered', 'duplicate', 'obfuscated', 'invalid'];
const control = 'mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

async function postJson<T>(url: string, body: BodyInit, contentType: string): Promise<{ ok: true; data: T } | { ok: false; failure: Failure }> {
  try {
    const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': contentType } });
    const data = (await response.json().catch(() => null)) as (T & Partial<Failure>) | null;
    if (!response.ok || !data) return { ok: false, failure: { code: data?.code ?? String(response.status), message: data?.message ?? `HTTP ${response.status}`, line: data?.line ?? null } };
    return { ok: true, data };
  } catch {
    return { ok: false, failure: { code: 'network', message: '' } };
  }
}

/**
 * Upload → review → apply. Every row says what applying it would do and why; canaries, downgrades
 * and suspensions that would sever local follows start unticked; obfuscated names are never
 * applied as written.
 */
export function ImportWizard({ apiMode }: { apiMode: boolean }) {
  const t = useTranslations('federation.import');
  const id = useId();
  const router = useRouter();
  const [step, setStep] = useState<Step>('choose');
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [format, setFormat] = useState<string>('auto');
  const [defaultSeverity, setDefaultSeverity] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [review, setReview] = useState<ImportReview | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [filter, setFilter] = useState<ReviewStatus | 'all' | 'selected'>('all');
  const [page, setPage] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [outcomes, setOutcomes] = useState<ImportRowOutcome[]>([]);
  const cancelled = useRef(false);

  const visible = useMemo(() => {
    if (!review) return [];
    if (filter === 'all') return review.rows;
    if (filter === 'selected') return review.rows.filter((r) => selected.has(r.line));
    return review.rows.filter((r) => r.status === filter);
  }, [review, filter, selected]);
  const pageRows = visible.slice(page * PAGE, (page + 1) * PAGE);
  const pages = Math.max(1, Math.ceil(visible.length / PAGE));

  async function submitReview(e: React.FormEvent) {
    e.preventDefault();
    setFailure(null);
    const body: BodyInit | null = file ?? (pasted.trim() ? pasted : null);
    if (!body) return setFailure({ code: 'empty', message: t('errors.empty') });
    if (file && file.size > MAX_BLOCKLIST_BYTES) return setFailure({ code: 'too_large', message: t('errors.tooLarge', { mb: MAX_BLOCKLIST_BYTES / 1024 / 1024 }) });
    setBusy(true);
    const params = new URLSearchParams({ format, name: file?.name ?? t('pastedName') });
    if (defaultSeverity) params.set('defaultSeverity', defaultSeverity);
    const answer = await postJson<ImportReview>(`/federation/import/review?${params}`, body, file ? 'application/octet-stream' : 'text/plain; charset=utf-8');
    setBusy(false);
    if (!answer.ok) return setFailure(answer.failure);
    setReview(answer.data);
    setSelected(new Set(answer.data.rows.filter((r) => r.selected).map((r) => r.line)));
    setFilter('all');
    setPage(0);
    setStep('review');
  }

  function toggle(row: ImportReviewRow, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(row.line);
      else next.delete(row.line);
      return next;
    });
  }

  function operations(): ImportOperation[] {
    return (review?.rows ?? [])
      .filter((r) => selected.has(r.line) && r.action !== 'none' && r.domain)
      .map((r) => ({ line: r.line, domain: r.domain!, action: r.action as 'create' | 'update', severity: r.severity, rejectMedia: r.rejectMedia, rejectReports: r.rejectReports, obfuscate: r.obfuscate, publicComment: r.publicComment, privateComment: r.privateComment }));
  }

  async function apply() {
    setConfirming(false);
    const ops = operations();
    setStep('applying');
    setFailure(null);
    cancelled.current = false;
    setProgress({ done: 0, total: ops.length });
    const results: ImportRowOutcome[] = [];
    const batches = apiMode ? Array.from({ length: Math.ceil(ops.length / API_BATCH) }, (_, i) => ops.slice(i * API_BATCH, (i + 1) * API_BATCH)) : [ops];
    for (const batch of batches) {
      if (cancelled.current) {
        results.push(...batch.map((op) => ({ line: op.line, domain: op.domain, status: 'failed' as const, reason: t('notAttempted') })));
        continue;
      }
      const answer = await postJson<{ outcomes: ImportRowOutcome[] }>('/federation/import/apply', JSON.stringify({ sourceName: review!.fileName, operations: batch }), 'application/json');
      if (!answer.ok) {
        // Standalone: the one transaction rolled back. Connected: this batch is unknown, the rest not sent.
        setFailure(answer.failure);
        results.push(...batch.map((op) => ({ line: op.line, domain: op.domain, status: 'failed' as const, reason: answer.failure.message || t('errors.network') })));
        cancelled.current = true;
      } else {
        results.push(...answer.data.outcomes);
      }
      setProgress((p) => ({ ...p, done: Math.min(p.total, results.length) }));
    }
    setOutcomes(results.sort((a, b) => a.line - b.line));
    setStep('done');
    router.refresh();
  }

  function statusText(row: ImportReviewRow): string {
    const existing = row.existing ? `${row.existing.domain} (${t(`severityWord.${row.existing.severity}`)})` : '';
    switch (row.status) {
      case 'new':
        return t('explain.new');
      case 'covered':
        if (row.coveredByLine !== null) return t('explain.coveredByLine', { line: row.coveredByLine });
        return row.viaParent ? t('explain.coveredByParent', { block: existing }) : t('explain.sameBlock', { block: existing });
      case 'escalate':
        return row.viaParent ? t('explain.stricterThanParent', { block: existing }) : t('explain.raises', { block: existing });
      case 'downgrade':
        return t('explain.downgrade', { block: existing });
      case 'duplicate':
        return t('explain.duplicate', { line: row.duplicateOfLine ?? 0 });
      case 'obfuscated':
        return row.candidates.length ? t('explain.obfuscatedCandidates', { candidates: row.candidates.join(', ') }) : t('explain.obfuscated');
      case 'invalid':
        return t(`invalid.${row.invalid?.code as 'invalid_domain'}`, { detail: row.invalid?.detail ?? '' });
    }
  }

  if (step === 'choose') {
    return (
      <Card>
        <form onSubmit={submitReview} className="space-y-4" aria-label={t('chooseLabel')}>
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <label htmlFor={`${id}-file`} className="block text-sm font-medium">
                {t('file')}
              </label>
              <input id={`${id}-file`} type="file" accept=".csv,.txt,.tsv,.json,text/csv,text/plain,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-indigo-700 dark:file:bg-indigo-950 dark:file:text-indigo-200" aria-describedby={`${id}-file-help`} />
              <p id={`${id}-file-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                {t('fileHelp', { rows: MAX_BLOCKLIST_ROWS.toLocaleString('en'), mb: MAX_BLOCKLIST_BYTES / 1024 / 1024 })}
              </p>
            </div>
            <div>
              <label htmlFor={`${id}-paste`} className="block text-sm font-medium">
                {t('paste')}
              </label>
              <textarea id={`${id}-paste`} rows={3} value={pasted} disabled={!!file} onChange={(e) => setPasted(e.target.value)} className={cn(control, 'font-mono')} placeholder="spam.example" />
            </div>
          </div>
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <label htmlFor={`${id}-format`} className="block text-sm font-medium">
                {t('format')}
              </label>
              <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value)} className={control}>
                <option value="auto">{t('formats.auto')}</option>
                {BLOCKLIST_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(`formats.${f}`)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-default`} className="block text-sm font-medium">
                {t('defaultSeverity')}
              </label>
              <select id={`${id}-default`} value={defaultSeverity} onChange={(e) => setDefaultSeverity(e.target.value)} className={control} aria-describedby={`${id}-default-help`}>
                <option value="">{t('formatDefault')}</option>
                {[...SEVERITIES].reverse().map((s) => (
                  <option key={s} value={s}>
                    {t(`severityWord.${s}`)}
                  </option>
                ))}
              </select>
              <p id={`${id}-default-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                {t('defaultSeverityHelp')}
              </p>
            </div>
          </div>
          {failure ? (
            <Alert tone="error" title={t('errors.title')}>
              {failure.code === 'network' ? t('errors.network') : failure.message}
            </Alert>
          ) : null}
          <Button type="submit" disabled={busy}>
            {busy ? t('reading') : t('review')}
          </Button>
        </form>
      </Card>
    );
  }

  if (step === 'applying') {
    return (
      <Card className="space-y-3">
        <h3 className="font-semibold">{t('applying')}</h3>
        <progress className="h-2 w-full accent-indigo-600" max={Math.max(1, progress.total)} value={progress.done} aria-label={t('progressLabel')} />
        <p className="text-sm tabular-nums" aria-live="polite">
          {apiMode ? t('progressApi', { done: progress.done, total: progress.total }) : t('progressDatabase', { total: progress.total })}
        </p>
        {apiMode ? (
          <Button variant="secondary" onClick={() => (cancelled.current = true)}>
            {t('stop')}
          </Button>
        ) : null}
      </Card>
    );
  }

  if (step === 'done') {
    const count = (s: ImportRowOutcome['status']) => outcomes.filter((o) => o.status === s).length;
    const problems = outcomes.filter((o) => o.status === 'skipped' || o.status === 'failed');
    return (
      <Card className="space-y-4">
        <Alert tone={count('failed') ? 'warning' : 'success'} title={t('doneTitle')}>
          <p data-testid="import-report">{t('doneSummary', { created: count('created'), updated: count('updated'), skipped: count('skipped'), failed: count('failed') })}</p>
          {failure ? <p className="mt-1">{failure.message}</p> : null}
        </Alert>
        {problems.length ? (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" aria-label={t('problemsLabel')}>
              <thead>
                <tr className="text-left text-xs text-zinc-600 uppercase dark:text-zinc-400">
                  <th className="py-1 pr-3">{t('columns.line')}</th>
                  <th className="py-1 pr-3">{t('columns.domain')}</th>
                  <th className="py-1 pr-3">{t('columns.outcome')}</th>
                  <th className="py-1">{t('columns.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((o) => (
                  <tr key={`${o.line}-${o.domain}`} className="border-t border-zinc-100 dark:border-zinc-800">
                    <td className="py-1 pr-3 tabular-nums">{o.line}</td>
                    <td className="py-1 pr-3 font-mono">{o.domain}</td>
                    <td className="py-1 pr-3">{t(`outcome.${o.status}`)}</td>
                    <td className="py-1">{'reason' in o ? o.reason : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <div className="flex gap-3">
          <Link href="/federation?sort=newest" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500">
            {t('seeBlocks')}
          </Link>
          <Button variant="secondary" onClick={() => { setStep('choose'); setReview(null); setFile(null); setPasted(''); setFailure(null); }}>
            {t('another')}
          </Button>
        </div>
      </Card>
    );
  }

  // Review
  const r = review!;
  const applicable = r.rows.filter((row) => row.action !== 'none');
  const selectedCount = [...selected].filter((line) => r.rows.find((row) => row.line === line)?.action !== 'none').length;
  return (
    <div className="space-y-4">
      <Card className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="font-semibold">{t('reviewTitle', { file: r.fileName })}</h3>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {t('detected', { format: t(`formats.${r.format}`), rows: r.rows.length, kb: Math.ceil(r.bytes / 1024) })}
            {r.format !== r.detectedFormat ? ` ${t('overridden', { detected: t(`formats.${r.detectedFormat}`) })}` : ''}
          </p>
        </div>
        {r.ignoredColumns.length ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('ignoredColumns', { columns: r.ignoredColumns.join(', ') })}</p> : null}
        {r.summary.canaries > 0 ? (
          <Alert tone="warning" title={t('canaryTitle', { count: r.summary.canaries })}>
            {t('canaryBody')}
          </Alert>
        ) : null}
        <div role="group" aria-label={t('filterLabel')} className="flex flex-wrap gap-2">
          {(['all', ...STATUSES, 'selected'] as const).map((s) => {
            const n = s === 'all' ? r.rows.length : s === 'selected' ? selectedCount : r.summary.byStatus[s];
            if (s !== 'all' && s !== 'selected' && n === 0) return null;
            return (
              <button
                key={s}
                type="button"
                aria-pressed={filter === s}
                onClick={() => {
                  setFilter(s);
                  setPage(0);
                }}
                className={cn('rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset', filter === s ? 'bg-indigo-600 text-white ring-indigo-600 dark:bg-indigo-500' : 'ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800')}
              >
                {t(`filters.${s}`)} · {n}
              </button>
            );
          })}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setSelected(new Set(applicable.filter((row) => row.caution === null).map((row) => row.line)))}>
            {t('selectSafe')}
          </Button>
          <Button variant="secondary" onClick={() => setSelected(new Set())}>
            {t('selectNone')}
          </Button>
        </div>
      </Card>

      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
        <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800" aria-label={t('tableLabel')}>
          <thead className="bg-zinc-50 dark:bg-zinc-800/60">
            <tr className="text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-300">
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t('columns.apply')}</span>
              </th>
              <th scope="col" className="px-3 py-2">{t('columns.line')}</th>
              <th scope="col" className="px-3 py-2">{t('columns.domain')}</th>
              <th scope="col" className="px-3 py-2">{t('columns.policy')}</th>
              <th scope="col" className="px-3 py-2">{t('columns.status')}</th>
              <th scope="col" className="px-3 py-2">{t('columns.follows')}</th>
              <th scope="col" className="px-3 py-2">{t('columns.comment')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {pageRows.map((row) => (
              <tr key={row.line} data-testid="import-row" data-status={row.status} className={cn(selected.has(row.line) && row.action !== 'none' && 'bg-indigo-50/60 dark:bg-indigo-950/40')}>
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-zinc-400"
                    disabled={row.action === 'none'}
                    checked={row.action !== 'none' && selected.has(row.line)}
                    onChange={(e) => toggle(row, e.target.checked)}
                    aria-label={t('applyRow', { domain: row.unicode, line: row.line })}
                  />
                </td>
                <td className="px-3 py-2 text-zinc-600 tabular-nums dark:text-zinc-400">{row.line}</td>
                <td className="px-3 py-2">
                  <span className="font-medium break-all">{row.unicode}</span>
                  {row.domain && row.unicode !== row.domain ? <span className="block font-mono text-xs text-zinc-500 dark:text-zinc-400">{row.domain}</span> : null}
                </td>
                <td className="px-3 py-2">
                  <PolicyBadges severity={row.severity} rejectMedia={row.rejectMedia} rejectReports={row.rejectReports} obfuscate={row.obfuscate} />
                  {row.severityDefaulted && row.status !== 'invalid' ? <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t('defaulted')}</span> : null}
                </td>
                <td className="px-3 py-2">
                  <Badge tone={STATUS_TONE[row.status]}>{t(`status.${row.status}`)}</Badge>
                  {row.caution ? (
                    <Badge tone="amber" className="ml-1">
                      {t(`caution.${row.caution}`)}
                    </Badge>
                  ) : null}
                  <span className="mt-0.5 block max-w-xs text-xs text-zinc-600 dark:text-zinc-400">{statusText(row)}</span>
                  {row.canary ? <span className="block text-xs font-medium text-amber-800 dark:text-amber-300">{t(`canary.${row.canary as 'reserved_tld'}`)}</span> : null}
                </td>
                <td className="px-3 py-2 tabular-nums">{row.follows > 0 ? <span className="font-semibold text-amber-800 dark:text-amber-300">{row.follows}</span> : '0'}</td>
                <td className="max-w-xs px-3 py-2 text-xs break-words">{row.publicComment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label={t('pagesLabel')} className="flex items-center justify-between text-sm">
          <Button variant="secondary" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            {t('previous')}
          </Button>
          <span className="tabular-nums">{t('pageOf', { page: page + 1, pages })}</span>
          <Button variant="secondary" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
            {t('next')}
          </Button>
        </nav>
      ) : null}

      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 rounded-lg bg-white/95 p-3 shadow ring-1 ring-zinc-200 dark:bg-zinc-900/95 dark:ring-zinc-800">
        <Button onClick={() => setConfirming(true)} disabled={selectedCount === 0}>
          {t('applySelected', { count: selectedCount })}
        </Button>
        <Button variant="secondary" onClick={() => setStep('choose')}>
          {t('back')}
        </Button>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">{apiMode ? t('applyApiNote') : t('applyDatabaseNote')}</span>
      </div>

      <ConfirmDialog open={confirming} title={t('confirmTitle', { count: selectedCount })} confirmLabel={t('confirm')} tone="danger" onConfirm={apply} onCancel={() => setConfirming(false)}>
        <p>{t('confirmBody', { suspend: operations().filter((o) => o.severity === 'suspend').length, follows: review!.rows.filter((row) => selected.has(row.line) && row.action !== 'none').reduce((sum, row) => sum + row.follows, 0) })}</p>
        <p>{apiMode ? t('applyApiNote') : t('applyDatabaseNote')}</p>
      </ConfirmDialog>
    </div>
  );
}
