'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { savePublishingAction } from '@/app/(console)/blocklists/actions';
import type { ActionFailure } from '@/lib/account-action-result';
import { PUBLISH_FORMATS, VISIBILITIES, type PublishingForm as PublishingValues } from '@/lib/blocklist/sources';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

const field = 'block rounded-md border-0 bg-white px-2 py-1.5 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

/** Who may read each format of our list. Off answers 404, like Mastodon's disabled endpoint. */
export function PublishingForm({ initial, urls }: { initial: PublishingValues; urls: Record<(typeof PUBLISH_FORMATS)[number], string> }) {
  const t = useTranslations('blocklists.publishing');
  const id = useId();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <Card>
      <form
        aria-label={t('formLabel')}
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            setSaved(false);
            setFailure(null);
            const answer = await savePublishingAction(values);
            if (answer.status === 'success') {
              setSaved(true);
              router.refresh();
            } else setFailure(answer);
          });
        }}
      >
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t('formatsCaption')}</caption>
          <thead className="text-left text-xs text-zinc-600 uppercase dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 pr-3">
                {t('format')}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t('visibility')}
              </th>
              <th scope="col" className="py-1">
                {t('address')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {PUBLISH_FORMATS.map((f) => (
              <tr key={f}>
                <th scope="row" className="py-2 pr-3 text-left font-medium">
                  <label htmlFor={`${id}-${f}`}>{t(`formats.${f}`)}</label>
                </th>
                <td className="py-2 pr-3">
                  <select id={`${id}-${f}`} value={values.visibility[f]} onChange={(e) => setValues((v) => ({ ...v, visibility: { ...v.visibility, [f]: e.target.value } }))} className={field}>
                    {VISIBILITIES.map((v) => (
                      <option key={v} value={v}>
                        {t(`visibilities.${v}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="py-2 font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{values.visibility[f] === 'off' ? '—' : urls[f]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <label htmlFor={`${id}-comments`} className="block text-sm font-medium">
            {t('comments')}
          </label>
          <select id={`${id}-comments`} value={values.commentVisibility} onChange={(e) => setValues((v) => ({ ...v, commentVisibility: e.target.value as PublishingValues['commentVisibility'] }))} className={`mt-1 ${field}`} aria-describedby={`${id}-comments-hint`}>
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {t(`commentVisibilities.${v}`)}
              </option>
            ))}
          </select>
          <p id={`${id}-comments-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            {t('commentsHint')}
          </p>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" checked={values.publishSubscribed} onChange={(e) => setValues((v) => ({ ...v, publishSubscribed: e.target.checked }))} className="mt-0.5 size-4 rounded border-zinc-400" />
          <span>
            {t('publishSubscribed')}
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">{t('publishSubscribedHint')}</span>
          </span>
        </label>
        <div className="flex items-center gap-3" aria-live="polite">
          <Button type="submit" disabled={pending}>
            {t('save')}
          </Button>
          {saved ? <span className="text-sm text-emerald-800 dark:text-emerald-300">{t('saved')}</span> : null}
          {failure ? <ActionFailureMessage result={failure} /> : null}
        </div>
      </form>
    </Card>
  );
}
