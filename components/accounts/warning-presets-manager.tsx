'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { removePreset, savePreset } from '@/app/(console)/accounts/warning-presets/actions';
import type { ActionResult } from '@/lib/account-action-result';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

export interface PresetView {
  id: string;
  title: string;
  text: string;
}

const field = 'mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

function PresetForm({ preset, onDone, onCancel }: { preset: PresetView | null; onDone: (answer: ActionResult<{ id: string }>) => void; onCancel?: () => void }) {
  const t = useTranslations('accounts.presets');
  const id = useId();
  const [title, setTitle] = useState(preset?.title ?? '');
  const [text, setText] = useState(preset?.text ?? '');
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-3"
      aria-label={preset ? t('edit') : t('new')}
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const answer = await savePreset({ id: preset?.id ?? null, title, text });
          if (answer.status === 'success' && !preset) {
            setTitle('');
            setText('');
          }
          onDone(answer);
        });
      }}
    >
      <div>
        <label htmlFor={`${id}-title`} className="block text-sm font-medium">
          {t('titleLabel')}
        </label>
        <input id={`${id}-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} className={field} aria-describedby={`${id}-title-help`} />
        <p id={`${id}-title-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {t('titleHelp')}
        </p>
      </div>
      <div>
        <label htmlFor={`${id}-text`} className="block text-sm font-medium">
          {t('textLabel')}
        </label>
        <textarea id={`${id}-text`} value={text} maxLength={5000} rows={4} required onChange={(e) => setText(e.target.value)} className={field} aria-describedby={`${id}-text-help`} />
        <p id={`${id}-text-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {t('textHelp')}
        </p>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || text.trim() === ''}>
          {preset ? t('save') : t('add')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** List, create, edit and delete account_warning_presets (Mastodon: manage_settings). */
export function WarningPresetsManager({ presets }: { presets: PresetView[] }) {
  const t = useTranslations('accounts.presets');
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<PresetView | null>(null);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ kind: 'saved' | 'deleted'; answer: ActionResult } | null>(null);

  const done = (kind: 'saved' | 'deleted') => (answer: ActionResult) => {
    setResult({ kind, answer });
    if (answer.status === 'success') {
      setEditing(null);
      router.refresh();
    }
  };

  return (
    <div className="space-y-6">
      {result?.answer.status === 'success' ? <Alert tone="success">{t(result.kind)}</Alert> : null}
      {result && result.answer.status !== 'success' ? <ActionFailureMessage result={result.answer} /> : null}
      {presets.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('empty')}</p>
      ) : (
        <ul className="space-y-3" data-testid="warning-presets">
          {presets.map((p) => (
            <li key={p.id} className="rounded-lg bg-white p-4 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800" data-testid="warning-preset">
              {editing === p.id ? (
                <PresetForm preset={p} onDone={done('saved')} onCancel={() => setEditing(null)} />
              ) : (
                <>
                  <div className="flex items-start justify-between gap-3">
                    <h3 className="font-medium">{p.title || <span className="italic">{t('untitled')}</span>}</h3>
                    <div className="flex gap-2">
                      <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => setEditing(p.id)} aria-label={`${t('edit')}: ${p.title || t('untitled')}`}>
                        {t('edit')}
                      </Button>
                      <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setDeleting(p)} aria-label={`${t('delete')}: ${p.title || t('untitled')}`}>
                        {t('delete')}
                      </Button>
                    </div>
                  </div>
                  <p className="mt-2 text-sm whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{p.text}</p>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <section className="rounded-lg bg-white p-4 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
        <h2 className="mb-3 text-base font-semibold">{t('new')}</h2>
        <PresetForm preset={null} onDone={done('saved')} />
      </section>
      <ConfirmDialog
        open={deleting !== null}
        title={t('deleteTitle', { title: deleting?.title || t('untitled') })}
        confirmLabel={t('delete')}
        tone="danger"
        pending={pending}
        onConfirm={() =>
          deleting &&
          startTransition(async () => {
            const answer = await removePreset({ id: deleting.id });
            setDeleting(null);
            done('deleted')(answer);
          })
        }
        onCancel={() => setDeleting(null)}
      >
        <p>{t('deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
