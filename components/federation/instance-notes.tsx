'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { addInstanceNote, deleteInstanceNoteAction } from '@/app/(console)/federation/instances/[domain]/actions';
import type { ActionResult } from '@/lib/account-action-result';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Button } from '@/components/ui/button';
import { RemoveButton } from './remove-button';

export interface InstanceNoteView {
  id: string;
  content: string;
  author: string;
  createdAt: string;
  deletable: boolean;
}

/** instance_moderation_notes: what moderators should know about a server, kept with it. */
export function InstanceNotes({ domain, notes }: { domain: string; notes: InstanceNoteView[] }) {
  const t = useTranslations('federation.instance.notes');
  const id = useId();
  const router = useRouter();
  const [content, setContent] = useState('');
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      {notes.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('empty')}</p> : null}
      <ul className="space-y-2">
        {notes.map((n) => (
          <li key={n.id} className="rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-800/60" data-testid="instance-note">
            <p className="break-words whitespace-pre-wrap">{n.content}</p>
            <div className="mt-1 flex items-center justify-between text-xs text-zinc-600 dark:text-zinc-400">
              <span>{t('by', { author: n.author, date: n.createdAt.slice(0, 16).replace('T', ' ') })}</span>
              {n.deletable ? (
                <RemoveButton label={t('deleteLabel')} title={t('deleteTitle')} action={() => deleteInstanceNoteAction({ id: n.id })}>
                  <p>{t('deleteBody')}</p>
                </RemoveButton>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const answer = await addInstanceNote({ domain, content });
            setResult(answer);
            if (answer.status === 'success') {
              setContent('');
              router.refresh();
            }
          });
        }}
      >
        <label htmlFor={`${id}-note`} className="block text-sm font-medium">
          {t('add')}
        </label>
        <textarea id={`${id}-note`} rows={3} maxLength={2000} value={content} onChange={(e) => setContent(e.target.value)} className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700" />
        <Button type="submit" disabled={pending || content.trim() === ''}>
          {t('save')}
        </Button>
        {result && result.status !== 'success' ? <ActionFailureMessage result={result} /> : null}
      </form>
    </div>
  );
}
