'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createDomainBlock, previewDomainBlock, removeDomainBlock, updateDomainBlock, type DomainBlockPreview, type SaveResult } from '@/app/(console)/federation/actions';
import type { ActionFailure, ActionResult } from '@/lib/account-action-result';
import { SEVERITIES, type Severity } from '@/lib/blocklist/severity';
import { assessChange } from '@/lib/domain-block-impact';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ExistingBlockNotice, ImpactEffectsList, ImpactFigures } from './impact-preview';

export interface DomainBlockFormValues {
  domain: string;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  obfuscate: boolean;
  privateComment: string;
  publicComment: string;
}

const field = 'mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';
const ORDER: Severity[] = [...SEVERITIES].reverse() as Severity[];

type PreviewState = { status: 'idle' } | { status: 'ok'; preview: DomainBlockPreview } | { status: 'bad_domain'; problem: string } | { status: 'failed'; failure: ActionFailure };

/**
 * The server's figures for a domain, fetched once per domain (debounced while typing); a slow
 * answer for an old input never replaces a newer one. Severity and flags do not refetch.
 */
function usePreview(input: { domain: string; id: string | null }) {
  const [answer, setAnswer] = useState<{ key: string; value: PreviewState } | null>(null);
  const latest = useRef('');
  const key = JSON.stringify(input);
  const idle = !input.id && input.domain.trim() === '';
  useEffect(() => {
    latest.current = key;
    if (idle) return;
    const timer = setTimeout(async () => {
      const result = await previewDomainBlock(JSON.parse(key) as typeof input);
      if (latest.current !== key) return;
      const value: PreviewState =
        result.status === 'success' ? { status: 'ok', preview: result.preview } : result.status === 'bad_domain' ? { status: 'bad_domain', problem: result.problem } : { status: 'failed', failure: result };
      setAnswer({ key, value });
    }, 300);
    return () => clearTimeout(timer);
  }, [key, idle]);
  const state: PreviewState = idle || !answer ? { status: 'idle' } : answer.value;
  return { state, loading: !idle && answer?.key !== key };
}

/**
 * Create or edit a domain block with Mastodon's fields. The impact preview updates as the moderator
 * types, for every severity, and the confirmation repeats exactly what will happen.
 */
export function DomainBlockEditor({ mode, blockId, initial, apiMode, mastodonUrl }: { mode: 'create' | 'edit'; blockId: string | null; initial: DomainBlockFormValues; apiMode: boolean; mastodonUrl: string | null }) {
  const t = useTranslations('federation.editor');
  const tSeverity = useTranslations('federation.severity');
  const id = useId();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [result, setResult] = useState<SaveResult | ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof DomainBlockFormValues>(key: K, value: DomainBlockFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const preview = usePreview({ domain: mode === 'edit' ? initial.domain : values.domain, id: blockId });
  const ok = preview.state.status === 'ok' ? preview.state.preview : null;
  const next = { severity: values.severity, rejectMedia: values.rejectMedia, rejectReports: values.rejectReports };
  const assess = (policy: typeof next | null) => (ok ? assessChange({ domain: ok.domain, current: ok.current, existing: ok.existing, next: policy, figures: ok.figures }) : null);
  const assessment = assess(next);
  const removal = removing ? assess(null) : null;
  const refused = !!assessment?.conflict;
  const unchanged = mode === 'edit' && JSON.stringify(values) === JSON.stringify(initial);

  function save() {
    startTransition(async () => {
      const fields = {
        severity: values.severity,
        rejectMedia: values.rejectMedia,
        rejectReports: values.rejectReports,
        obfuscate: values.obfuscate,
        privateComment: values.privateComment,
        publicComment: values.publicComment,
      };
      const answer = mode === 'create' ? await createDomainBlock({ domain: values.domain, ...fields }) : await updateDomainBlock({ id: blockId!, ...fields });
      setConfirming(false);
      setResult(answer);
      if (answer.status === 'success') {
        router.push(`/federation/domain-blocks/${answer.id}?saved=${answer.outcome}`);
        router.refresh();
      }
    });
  }

  function remove() {
    startTransition(async () => {
      const answer = await removeDomainBlock({ id: blockId! });
      setRemoving(false);
      setResult(answer);
      if (answer.status === 'success') {
        router.push(`/federation?removed=${encodeURIComponent(initial.domain)}`);
        router.refresh();
      }
    });
  }

  const severityHelp: Record<Severity, string> = { suspend: t('severityHelp.suspend'), silence: t('severityHelp.silence'), noop: t('severityHelp.noop') };

  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
      <form
        className="space-y-5"
        aria-label={mode === 'create' ? t('createLabel') : t('editLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!refused) setConfirming(true);
        }}
      >
        <Card className="space-y-5">
          <div>
            <label htmlFor={`${id}-domain`} className="block text-sm font-medium">
              {t('domain')}
            </label>
            <input
              id={`${id}-domain`}
              value={values.domain}
              readOnly={mode === 'edit'}
              required
              autoFocus={mode === 'create'}
              autoComplete="off"
              spellCheck={false}
              maxLength={300}
              onChange={(e) => set('domain', e.target.value)}
              className={`${field} font-mono ${mode === 'edit' ? 'bg-zinc-50 dark:bg-zinc-800' : ''}`}
              aria-describedby={`${id}-domain-help`}
            />
            <p id={`${id}-domain-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              {mode === 'edit' ? t('domainReadOnly') : t('domainHelp')}
            </p>
            {ok && ok.unicode !== values.domain.trim().toLowerCase() ? (
              <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300" data-testid="normalized-domain">
                {t('normalized', { unicode: ok.unicode, ascii: ok.domain })}
              </p>
            ) : null}
            {preview.state.status === 'bad_domain' ? (
              <p className="mt-1 text-xs font-medium text-red-700 dark:text-red-300" role="alert">
                {t(`badDomain.${preview.state.problem as 'empty' | 'obfuscated' | 'invalid' | 'too_long'}`)}
              </p>
            ) : null}
          </div>

          <fieldset>
            <legend className="text-sm font-medium">{t('severity')}</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-3">
              {ORDER.map((s) => (
                <label key={s} className="flex cursor-pointer gap-2 rounded-md p-3 ring-1 ring-zinc-300 has-[:checked]:bg-indigo-50 has-[:checked]:ring-2 has-[:checked]:ring-indigo-500 dark:ring-zinc-700 dark:has-[:checked]:bg-indigo-950/50">
                  <input type="radio" name="severity" value={s} checked={values.severity === s} onChange={() => set('severity', s)} className="mt-0.5" />
                  <span>
                    <span className="block text-sm font-semibold">{tSeverity(s)}</span>
                    <span className="block text-xs text-zinc-600 dark:text-zinc-400">{severityHelp[s]}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t('options')}</legend>
            {(['rejectMedia', 'rejectReports', 'obfuscate'] as const).map((flag) => (
              <label key={flag} className="flex items-start gap-2 text-sm">
                <input type="checkbox" checked={values[flag]} onChange={(e) => set(flag, e.target.checked)} className="mt-0.5 size-4 rounded border-zinc-400" aria-describedby={`${id}-${flag}-help`} />
                <span>
                  <span className="font-medium">{t(`flags.${flag}`)}</span>
                  <span id={`${id}-${flag}-help`} className="block text-xs text-zinc-600 dark:text-zinc-400">
                    {values.severity === 'suspend' && flag !== 'obfuscate' ? t('impliedBySuspend') : t(`flagsHelp.${flag}`)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>

          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <label htmlFor={`${id}-public`} className="block text-sm font-medium">
                {t('publicComment')}
              </label>
              <textarea id={`${id}-public`} rows={3} maxLength={5000} value={values.publicComment} onChange={(e) => set('publicComment', e.target.value)} className={field} aria-describedby={`${id}-public-help`} />
              <p id={`${id}-public-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                {t('publicCommentHelp')}
              </p>
            </div>
            <div>
              <label htmlFor={`${id}-private`} className="block text-sm font-medium">
                {t('privateComment')}
              </label>
              <textarea id={`${id}-private`} rows={3} maxLength={5000} value={values.privateComment} onChange={(e) => set('privateComment', e.target.value)} className={field} aria-describedby={`${id}-private-help`} />
              <p id={`${id}-private-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                {t('privateCommentHelp')}
              </p>
            </div>
          </div>

          {result && result.status !== 'success' ? (
            result.status === 'conflict' ? (
              <Alert tone="error" title={t('refused')}>
                {result.message}
              </Alert>
            ) : (
              <ActionFailureMessage result={result} />
            )
          ) : null}

          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={pending || refused || !ok || unchanged || preview.loading}>
              {mode === 'create' ? t('reviewCreate') : t('reviewSave')}
            </Button>
            {mode === 'edit' ? (
              <Button variant="danger" onClick={() => setRemoving(true)} disabled={pending}>
                {t('remove')}
              </Button>
            ) : null}
            {apiMode ? <span className="text-xs text-zinc-600 dark:text-zinc-400">{t('apiModeNote')}</span> : null}
          </div>
        </Card>
      </form>

      <aside aria-labelledby={`${id}-impact`} className="space-y-3">
        <Card aria-busy={preview.loading}>
          <h3 id={`${id}-impact`} className="text-sm font-semibold">
            {t('impactTitle')}
          </h3>
          <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">{t('impactHelp')}</p>
          <div className="mt-3 space-y-4" aria-live="polite">
            {preview.state.status === 'idle' ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('impactIdle')}</p> : null}
            {preview.state.status === 'failed' ? <ActionFailureMessage result={preview.state.failure} /> : null}
            {ok ? (
              <>
                {assessment ? <ExistingBlockNotice preview={ok} assessment={assessment} mastodonUrl={mastodonUrl} /> : null}
                {ok.subdomainBlocks.length > 0 ? (
                  <Alert tone="info" title={t('subdomainBlocks', { count: ok.subdomainBlocks.length })}>
                    {ok.subdomainBlocks
                      .slice(0, 8)
                      .map((b) => `${b.unicode} (${tSeverity(b.severity)})`)
                      .join(', ')}
                  </Alert>
                ) : null}
                <ImpactFigures preview={ok} />
                <div>
                  <h4 className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">{mode === 'create' ? t('whatCreateDoes') : t('whatSaveDoes')}</h4>
                  <div className="mt-1">
                    <ImpactEffectsList effects={assessment?.effects ?? null} />
                  </div>
                </div>
              </>
            ) : null}
          </div>
        </Card>
      </aside>

      <ConfirmDialog
        open={confirming}
        title={mode === 'create' ? t('confirmCreateTitle', { domain: ok?.unicode ?? values.domain }) : t('confirmSaveTitle', { domain: ok?.unicode ?? values.domain })}
        confirmLabel={mode === 'create' ? (assessment?.raisesExisting ? t('confirmRaise') : t('confirmCreate')) : t('confirmSave')}
        tone={values.severity === 'suspend' ? 'danger' : 'primary'}
        pending={pending}
        onConfirm={save}
        onCancel={() => setConfirming(false)}
      >
        <ImpactEffectsList effects={assessment?.effects ?? null} />
      </ConfirmDialog>

      <ConfirmDialog open={removing} title={t('confirmRemoveTitle', { domain: ok?.unicode ?? initial.domain })} confirmLabel={t('confirmRemove')} tone="danger" pending={pending || !removal} onConfirm={remove} onCancel={() => setRemoving(false)}>
        {removal ? <ImpactEffectsList effects={removal.effects} /> : <p>{t('computing')}</p>}
        <p className="text-xs">{t('removeNote')}</p>
      </ConfirmDialog>
    </div>
  );
}
