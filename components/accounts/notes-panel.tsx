'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { addAccountNote, deleteAccountNoteAction } from '@/app/(console)/accounts/[id]/actions';
import type { ActionResult } from '@/lib/account-action-result';
import { NOTE_MAX } from '@/lib/account-notes';
import { utcMinute } from '@/lib/account-timeline';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

export interface NoteView {
  id: string;
  content: string;
  createdAt: Date;
  author: string;
  canDelete: boolean;
}

/** Account moderation notes: read, add (manage_reports), delete (own, or outranked authors'). */
export function NotesPanel({ accountId, notes, canAdd }: { accountId: string; notes: NoteView[]; canAdd: boolean }) {
  const t = useTranslations('accounts.notes');
  const router = useRouter();
  const id = useId();
  const [content, setContent] = useState('');
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ kind: 'added' | 'deleted'; answer: ActionResult } | null>(null);
  const [deleting, setDeleting] = useState<NoteView | null>(null);

  function add() {
    startTransition(async () => {
      const answer = await addAccountNote({ accountId, content });
      setResult({ kind: 'added', answer });
      if (answer.status === 'success') {
        setContent('');
        router.refresh();
      }
    });
  }

  function remove(note: NoteView) {
    startTransition(async () => {
      const answer = await deleteAccountNoteAction({ accountId, noteId: note.id });
      setDeleting(null);
      setResult({ kind: 'deleted', answer });
      if (answer.status === 'success') router.refresh();
    });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <div>
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {t('title')}
        </h2>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('help')}</p>
      </div>
      {result?.answer.status === 'success' ? <Alert tone="success">{t(result.kind)}</Alert> : null}
      {result && result.answer.status !== 'success' ? <ActionFailureMessage result={result.answer} /> : null}
      {notes.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('empty')}</p>
      ) : (
        <ul className="space-y-2" data-testid="account-notes">
          {notes.map((note) => (
            <li key={note.id} className="rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200 dark:bg-amber-950/40 dark:ring-amber-900" data-testid="account-note">
              <p className="whitespace-pre-wrap">{note.content}</p>
              <div className="mt-2 flex items-center justify-between gap-2 text-xs text-zinc-600 dark:text-zinc-400">
                <span>
                  {t('by', { author: note.author })} · <time dateTime={note.createdAt.toISOString()}>{utcMinute(note.createdAt)}</time>
                </span>
                {note.canDelete ? (
                  <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setDeleting(note)} disabled={pending}>
                    {t('delete')}
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canAdd ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (content.trim()) add();
          }}
          className="space-y-2"
        >
          <label htmlFor={`${id}-content`} className="block text-sm font-medium">
            {t('label')}
          </label>
          <textarea
            id={`${id}-content`}
            data-note-input
            value={content}
            maxLength={NOTE_MAX}
            rows={3}
            onChange={(e) => setContent(e.target.value)}
            className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700"
          />
          <div className="flex items-center justify-between">
            <span className="text-xs text-zinc-600 dark:text-zinc-400">{t('count', { count: content.length, max: NOTE_MAX })}</span>
            <Button type="submit" disabled={pending || content.trim() === ''}>
              {t('add')}
            </Button>
          </div>
        </form>
      ) : (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('cannotAdd')}</p>
      )}
      <ConfirmDialog open={deleting !== null} title={t('deleteTitle')} confirmLabel={t('delete')} tone="danger" pending={pending} onConfirm={() => deleting && remove(deleting)} onCancel={() => setDeleting(null)}>
        <p>{t('deleteBody', { author: deleting?.author ?? '' })}</p>
        {deleting ? <blockquote className="border-l-2 border-zinc-300 pl-3 whitespace-pre-wrap dark:border-zinc-600">{deleting.content}</blockquote> : null}
      </ConfirmDialog>
    </section>
  );
}
