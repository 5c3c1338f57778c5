'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { submitUndo } from '@/app/(console)/accounts/actions';
import type { ActionResult } from '@/lib/account-action-result';
import type { ActionRefusal, UndoAction } from '@/lib/account-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ActionFailureMessage } from './action-failure';

/**
 * One button per undo the account's state calls for (from applicableUndos()), each confirmed first.
 * Once the last undo is done the buttons go, but what was done stays said: the page refreshes the
 * account's state under it, and the confirmation must not vanish with the button that caused it.
 */
export function UndoButtons({ accountId, acct, undos }: { accountId: string; acct: string; undos: Array<{ undo: UndoAction; refusal: ActionRefusal | null }> }) {
  const t = useTranslations('accountActions');
  const router = useRouter();
  const [open, setOpen] = useState<UndoAction | null>(null);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ undo: UndoAction; answer: ActionResult } | null>(null);
  if (undos.length === 0 && result === null) return null;

  function confirm(undo: UndoAction) {
    startTransition(async () => {
      const answer = await submitUndo({ accountId, undo });
      setOpen(null);
      setResult({ undo, answer });
      if (answer.status === 'success') router.refresh();
    });
  }

  return (
    <div className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      {undos.length > 0 ? <h3 className="text-sm font-semibold">{t('undo.title')}</h3> : null}
      {result?.answer.status === 'success' ? <Alert tone="success">{t(`undo.${result.undo}.done`, { acct })}</Alert> : null}
      {result && result.answer.status !== 'success' ? <ActionFailureMessage result={result.answer} /> : null}
      {undos.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {undos.map(({ undo, refusal }) => (
            <Button key={undo} variant="secondary" disabled={refusal !== null || pending} title={refusal ? t(`refusal.${refusal}`) : undefined} onClick={() => setOpen(undo)}>
              {t(`undo.${undo}.label`)}
            </Button>
          ))}
        </div>
      ) : null}
      {open ? (
        <ConfirmDialog open title={t(`undo.${open}.confirm`, { acct })} confirmLabel={t(`undo.${open}.confirm`, { acct })} pending={pending} onConfirm={() => confirm(open)} onCancel={() => setOpen(null)}>
          <p>{t(`undo.${open}.body`, { acct })}</p>
          <p>{t('undo.auditNote')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
