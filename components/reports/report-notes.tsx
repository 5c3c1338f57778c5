'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { addNoteAction, deleteNoteAction, type NoteActionResult } from '@/app/(console)/reports/[id]/actions';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useRelativeAge, utcTitle } from './relative-age';

export interface NoteView {
  id: string;
  content: string;
  createdAt: string;
  authorAcct: string;
  /** ReportNotePolicy#destroy?, decided on the server. */
  deletable: boolean;
  own: boolean;
}

const MAX = 2000;

/**
 * The report's notes thread and Mastodon's three buttons: add, add & resolve (open report), add &
 * reopen (resolved report). A note is stored even when the resolve/reopen that follows is not
 * possible; the message says what happened to each part.
 */
export function ReportNotes({ reportId, notes, open, mode, asOf }: { reportId: string; notes: NoteView[]; open: boolean; mode: 'api' | 'database'; asOf: string }) {
  const t = useTranslations('reports.notes');
  const age = useRelativeAge();
  const router = useRouter();
  const id = useId();
  const [content, setContent] = useState('');
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ then: 'resolve' | 'reopen' | null; answer: NoteActionResult } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  function add(then: 'resolve' | 'reopen' | null) {
    setResult(null);
    startTransition(async () => {
      const answer = await addNoteAction({ reportId, content, then });
      setResult({ then, answer });
      if (answer.status === 'success') setContent('');
      router.refresh();
    });
  }

  function confirmDelete() {
    const noteId = deleting;
    if (!noteId) return;
    startTransition(async () => {
      const answer = await deleteNoteAction({ noteId });
      setDeleting(null);
      setDeleteError(answer.status === 'success' ? null : answer.status === 'error' ? answer.message : answer.status === 'forbidden' ? (answer.message ?? t('delete')) : t('delete'));
      router.refresh();
    });
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4" id="notes">
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {t('heading')}
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      </div>

      {notes.length === 0 ? (
        <p className="text-sm text-zinc-600 italic dark:text-zinc-400">{t('empty')}</p>
      ) : (
        <ol className="space-y-3" data-testid="report-notes">
          {notes.map((note) => (
            <li key={note.id} className="rounded-md bg-zinc-50 p-3 ring-1 ring-zinc-200 dark:bg-zinc-800/50 dark:ring-zinc-700" data-testid="report-note">
              <div className="flex items-center justify-between gap-2 text-xs text-zinc-600 dark:text-zinc-400">
                <span>
                  <span className="font-medium text-zinc-800 dark:text-zinc-200">{note.own ? t('you') : `@${note.authorAcct}`}</span> ·{' '}
                  <time dateTime={note.createdAt} title={utcTitle(note.createdAt)}>
                    {age(note.createdAt, asOf)}
                  </time>
                </span>
                {note.deletable ? (
                  <button type="button" className="font-medium text-red-700 hover:underline dark:text-red-300" onClick={() => setDeleting(note.id)}>
                    {t('delete')}
                  </button>
                ) : null}
              </div>
              <p className="mt-1 text-sm [overflow-wrap:anywhere] whitespace-pre-wrap" dir="auto">
                {note.content}
              </p>
            </li>
          ))}
        </ol>
      )}

      {deleteError ? <Alert tone="error">{deleteError}</Alert> : null}
      {result ? <NoteOutcome then={result.then} answer={result.answer} /> : null}

      <form
        onSubmit={(e) => {
          e.preventDefault();
          add(null);
        }}
        className="space-y-2"
      >
        <label htmlFor="report-note-content" className="block text-sm font-medium">
          {t('label')}
        </label>
        <textarea
          id="report-note-content"
          value={content}
          onChange={(e) => setContent(e.target.value)}
          maxLength={MAX}
          rows={4}
          placeholder={t('placeholder')}
          aria-describedby={`${id}-count`}
          className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700"
        />
        <p id={`${id}-count`} className="flex justify-between gap-4 text-xs text-zinc-600 dark:text-zinc-400">
          <span>{mode === 'api' ? t('apiExplained') : null}</span>
          <span className="tabular-nums">{t('count', { count: content.length, max: MAX })}</span>
        </p>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" disabled={pending || content.trim() === ''} onClick={() => add(open ? 'resolve' : 'reopen')}>
            {open ? t('addResolve') : t('addReopen')}
          </Button>
          <Button type="submit" disabled={pending || content.trim() === ''}>
            {t('add')}
          </Button>
        </div>
      </form>

      <ConfirmDialog open={deleting !== null} title={t('deleteConfirmTitle')} confirmLabel={t('delete')} tone="danger" pending={pending} onConfirm={confirmDelete} onCancel={() => setDeleting(null)}>
        <p>{t('deleteConfirm')}</p>
      </ConfirmDialog>
    </section>
  );
}

function NoteOutcome({ then, answer }: { then: 'resolve' | 'reopen' | null; answer: NoteActionResult }) {
  const t = useTranslations('reports.notes');
  if (answer.status !== 'success') return <ActionFailureMessage result={answer} />;
  const followUp = answer.followUp;
  if (followUp.status === 'failed') return <Alert tone="warning">{t('followUpFailed', { action: then ?? 'resolve', message: followUp.message })}</Alert>;
  if (followUp.status === 'skipped') return <Alert tone="info">{followUp.reason === 'already_resolved' ? t('alreadyResolved') : t('alreadyOpen')}</Alert>;
  if (followUp.status === 'done') return <Alert tone="success">{then === 'reopen' ? t('addedReopened') : t('addedResolved')}</Alert>;
  return <Alert tone="success">{t('added')}</Alert>;
}
