'use client';

import { useId, useState, useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createSourceAction, updateSourceAction } from '@/app/(console)/blocklists/actions';
import type { ActionFailure } from '@/lib/account-action-result';
import { SEVERITIES } from '@/lib/blocklist/severity';
import { AUTH_TYPES, SOURCE_FORMATS, SOURCE_ROLES, type SourceForm as SourceFormValues } from '@/lib/blocklist/sources';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

const field = 'mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

/** A subscription's settings. On edit, a blank secret keeps the stored one (it is never sent back to the browser). */
export function SourceForm({ mode, id: sourceId, initial, hasSecret }: { mode: 'create' | 'edit'; id: string | null; initial: SourceFormValues; hasSecret: boolean }) {
  const t = useTranslations('blocklists.sourceForm');
  const id = useId();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof SourceFormValues>(key: K, value: SourceFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors = failure?.status === 'invalid' ? failure.fieldErrors : {};
  const error = (key: string) =>
    errors[key]?.length ? (
      <p id={`${id}-${key}-error`} className="mt-1 text-xs text-red-700 dark:text-red-300">
        {t(`errors.${errors[key]![0] as 'required'}`)}
      </p>
    ) : null;
  const describedBy = (key: string, hint = false) => [hint ? `${id}-${key}-hint` : null, errors[key]?.length ? `${id}-${key}-error` : null].filter(Boolean).join(' ') || undefined;

  const submit = () =>
    startTransition(async () => {
      setFailure(null);
      setSaved(false);
      if (mode === 'create') {
        const answer = await createSourceAction(values);
        if (answer.status === 'success') router.push(`/blocklists/sources/${answer.id}?created=${answer.refresh.status}`);
        else setFailure(answer);
      } else {
        const answer = await updateSourceAction({ ...values, id: sourceId });
        if (answer.status === 'success') {
          setSaved(true);
          set('authSecret', '');
          router.refresh();
        } else setFailure(answer);
      }
    });

  const row = (key: keyof SourceFormValues, label: string, control: ReactNode, hint?: string) => (
    <div>
      <label htmlFor={`${id}-${key}`} className="block text-sm font-medium">
        {label}
      </label>
      {control}
      {hint ? (
        <p id={`${id}-${key}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {error(key)}
    </div>
  );

  return (
    <Card>
      <form
        aria-label={mode === 'create' ? t('createLabel') : t('editLabel')}
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {row('name', t('name'), <input id={`${id}-name`} value={values.name} onChange={(e) => set('name', e.target.value)} required maxLength={100} className={field} aria-describedby={describedBy('name')} />)}
        {row(
          'url',
          t('url'),
          <input id={`${id}-url`} type="url" value={values.url} onChange={(e) => set('url', e.target.value)} required maxLength={2000} className={`${field} font-mono`} aria-describedby={describedBy('url', true)} />,
          t('urlHint'),
        )}
        {row(
          'format',
          t('format'),
          <select id={`${id}-format`} value={values.format} onChange={(e) => set('format', e.target.value as SourceFormValues['format'])} className={field} aria-describedby={describedBy('format', true)}>
            {SOURCE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`formats.${f}`)}
              </option>
            ))}
          </select>,
          t(`formatHints.${values.format}`),
        )}
        {row(
          'role',
          t('role'),
          <select
            id={`${id}-role`}
            value={values.role}
            onChange={(e) => {
              const role = e.target.value as SourceFormValues['role'];
              // An allowlist only keeps domains out: nothing about it is applied or retracted.
              setValues((v) => ({ ...v, role, ...(role === 'allow' ? { autoApply: false, autoRetract: false } : {}) }));
            }}
            className={field}
          >
            {SOURCE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>,
        )}
        {row(
          'weight',
          t('weight'),
          <input id={`${id}-weight`} type="number" min={0.1} max={10} step={0.1} value={values.weight} onChange={(e) => set('weight', Number(e.target.value))} className={field} aria-describedby={describedBy('weight', true)} />,
          t('weightHint'),
        )}
        {row(
          'priority',
          t('priority'),
          <input id={`${id}-priority`} type="number" min={0} max={255} step={1} value={values.priority} onChange={(e) => set('priority', Number(e.target.value))} className={field} aria-describedby={describedBy('priority', true)} />,
          t('priorityHint'),
        )}
        {row(
          'maxSeverity',
          t('maxSeverity'),
          <select id={`${id}-maxSeverity`} value={values.maxSeverity} onChange={(e) => set('maxSeverity', e.target.value as SourceFormValues['maxSeverity'])} className={field} aria-describedby={describedBy('maxSeverity', true)}>
            {[...SEVERITIES].reverse().map((s) => (
              <option key={s} value={s}>
                {t(`severities.${s}`)}
              </option>
            ))}
          </select>,
          t('maxSeverityHint'),
        )}
        {row(
          'refreshMinutes',
          t('refresh'),
          <select id={`${id}-refreshMinutes`} value={values.refreshMinutes} onChange={(e) => set('refreshMinutes', Number(e.target.value))} className={field}>
            {[15, 60, 360, 720, 1440, 10080].map((m) => (
              <option key={m} value={m}>
                {t(`refreshEvery.${m as 15}`)}
              </option>
            ))}
          </select>,
        )}
        <fieldset className="space-y-3 sm:col-span-2">
          <legend className="text-sm font-medium">{t('auth')}</legend>
          <div className="flex flex-wrap gap-4">
            {AUTH_TYPES.map((a) => (
              <label key={a} className="flex items-center gap-2 text-sm">
                <input type="radio" name={`${id}-auth`} value={a} checked={values.authType === a} onChange={() => set('authType', a)} className="size-4" />
                {t(`authTypes.${a}`)}
              </label>
            ))}
          </div>
          {error('authType')}
          {values.authType !== 'none' ? (
            <div className="grid gap-4 sm:grid-cols-2">
              {values.authType === 'basic'
                ? row('authUsername', t('authUsername'), <input id={`${id}-authUsername`} value={values.authUsername} onChange={(e) => set('authUsername', e.target.value)} maxLength={200} autoComplete="off" className={field} aria-describedby={describedBy('authUsername')} />)
                : null}
              {row(
                'authSecret',
                values.authType === 'bearer' ? t('authToken') : t('authPassword'),
                <input id={`${id}-authSecret`} type="password" value={values.authSecret} onChange={(e) => set('authSecret', e.target.value)} autoComplete="new-password" maxLength={4000} className={field} aria-describedby={describedBy('authSecret', true)} />,
                mode === 'edit' && hasSecret ? t('secretKept') : t('secretHint'),
              )}
            </div>
          ) : null}
        </fieldset>
        <fieldset className="space-y-2 sm:col-span-2">
          <legend className="text-sm font-medium">{t('automation')}</legend>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={values.autoApply} onChange={(e) => set('autoApply', e.target.checked)} className="mt-0.5 size-4 rounded border-zinc-400" disabled={values.role === 'allow'} />
            <span>
              {t('autoApply')}
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">{t('autoApplyHint')}</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={values.autoRetract} onChange={(e) => set('autoRetract', e.target.checked)} className="mt-0.5 size-4 rounded border-zinc-400" disabled={values.role === 'allow'} />
            <span>
              {t('autoRetract')}
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">{t('autoRetractHint')}</span>
            </span>
          </label>
          {error('autoApply')}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={values.enabled} onChange={(e) => set('enabled', e.target.checked)} className="size-4 rounded border-zinc-400" />
            {t('enabled')}
          </label>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2" aria-live="polite">
          <Button type="submit" disabled={pending} aria-busy={pending}>
            {mode === 'create' ? (pending ? t('subscribing') : t('subscribe')) : t('save')}
          </Button>
          {saved ? <span className="text-sm text-emerald-800 dark:text-emerald-300">{t('saved')}</span> : null}
          {failure && failure.status !== 'invalid' ? <ActionFailureMessage result={failure} /> : null}
        </div>
      </form>
    </Card>
  );
}
