'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { saveSettingsAction } from '@/app/(console)/blocklists/actions';
import type { ActionFailure } from '@/lib/account-action-result';
import type { SettingsForm as SettingsValues } from '@/lib/blocklist/sources';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

const field = 'mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

/** How the sources are merged, the automation cap, and the domains never to suggest. Saving merges again. */
export function SettingsForm({ initial }: { initial: SettingsValues }) {
  const t = useTranslations('blocklists.settings');
  const id = useId();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof SettingsValues>(key: K, value: SettingsValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors = failure?.status === 'invalid' ? failure.fieldErrors : {};
  return (
    <Card>
      <form
        aria-label={t('formLabel')}
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            setSaved(null);
            setFailure(null);
            const answer = await saveSettingsAction(values);
            if (answer.status === 'success') {
              setSaved(t('saved', { added: answer.excludesAdded, removed: answer.excludesRemoved }));
              router.refresh();
            } else setFailure(answer);
          });
        }}
      >
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium">{t('threshold')}</legend>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('thresholdHint')}</p>
          <div className="mt-2 flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor={`${id}-value`} className="block text-sm">
                {t('thresholdValue')}
              </label>
              <input id={`${id}-value`} type="number" min={0} max={values.thresholdType === 'percent' ? 100 : 1000} step={values.thresholdType === 'percent' ? 0.5 : 1} value={values.thresholdValue} onChange={(e) => set('thresholdValue', Number(e.target.value))} className={`${field} w-28`} aria-invalid={!!errors.thresholdValue} />
            </div>
            {(['count', 'percent'] as const).map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm">
                <input type="radio" name={`${id}-type`} checked={values.thresholdType === type} onChange={() => set('thresholdType', type)} className="size-4" />
                {t(`thresholdTypes.${type}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor={`${id}-plan`} className="block text-sm font-medium">
            {t('plan')}
          </label>
          <select id={`${id}-plan`} value={values.mergePlan} onChange={(e) => set('mergePlan', e.target.value as SettingsValues['mergePlan'])} className={field} aria-describedby={`${id}-plan-hint`}>
            <option value="max">{t('plans.max')}</option>
            <option value="min">{t('plans.min')}</option>
          </select>
          <p id={`${id}-plan-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            {t('planHint')}
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-cap`} className="block text-sm font-medium">
            {t('maxChanges')}
          </label>
          <input id={`${id}-cap`} type="number" min={1} max={100000} value={values.maxChangesPerRun} onChange={(e) => set('maxChangesPerRun', Number(e.target.value))} className={field} aria-describedby={`${id}-cap-hint`} />
          <p id={`${id}-cap-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            {t('maxChangesHint')}
          </p>
        </div>
        <label className="flex items-start gap-2 text-sm sm:col-span-2">
          <input type="checkbox" checked={values.preserveRelationships} onChange={(e) => set('preserveRelationships', e.target.checked)} className="mt-0.5 size-4 rounded border-zinc-400" />
          <span>
            {t('preserve')}
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">{t('preserveHint')}</span>
          </span>
        </label>
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-excludes`} className="block text-sm font-medium">
            {t('excludes')}
          </label>
          <textarea id={`${id}-excludes`} rows={6} value={values.excludes} onChange={(e) => set('excludes', e.target.value)} className={`${field} font-mono`} aria-describedby={`${id}-excludes-hint`} />
          <p id={`${id}-excludes-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            {t('excludesHint')}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2" aria-live="polite">
          <Button type="submit" disabled={pending} aria-busy={pending}>
            {t('save')}
          </Button>
          {saved ? <span className="text-sm text-emerald-800 dark:text-emerald-300">{saved}</span> : null}
          {failure ? <ActionFailureMessage result={failure} /> : null}
        </div>
      </form>
    </Card>
  );
}
