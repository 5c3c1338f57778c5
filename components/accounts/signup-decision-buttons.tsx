'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { decideSignup, refreshSignupQueue } from '@/app/(console)/accounts/pending/actions';
import type { ActionResult } from '@/lib/account-action-result';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/** Approve or reject one pending sign-up from its account page. */
export function SignupDecisionButtons({ accountId }: { accountId: string }) {
  const t = useTranslations('accounts.pending');
  const tDetail = useTranslations('accounts.detail');
  const router = useRouter();
  const [open, setOpen] = useState<'approve' | 'reject' | null>(null);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ decision: 'approve' | 'reject'; answer: ActionResult } | null>(null);

  function decide(decision: 'approve' | 'reject') {
    startTransition(async () => {
      const answer = await decideSignup({ accountId, decision });
      setOpen(null);
      setResult({ decision, answer });
      if (answer.status === 'success') {
        await refreshSignupQueue();
        if (decision === 'reject') router.push('/accounts/pending');
        else router.refresh();
      }
    });
  }

  return (
    <div className="space-y-3">
      <Alert tone="info">{tDetail('signupDecision')}</Alert>
      {result && result.answer.status !== 'success' ? <ActionFailureMessage result={result.answer} /> : null}
      <div className="flex gap-2">
        <Button onClick={() => setOpen('approve')} disabled={pending}>
          {t('approve')}
        </Button>
        <Button variant="danger" onClick={() => setOpen('reject')} disabled={pending}>
          {t('reject')}
        </Button>
      </div>
      <ConfirmDialog
        open={open !== null}
        title={open === 'reject' ? t('confirmRejectTitle', { count: 1 }) : t('confirmApproveTitle', { count: 1 })}
        confirmLabel={open === 'reject' ? t('reject') : t('approve')}
        tone={open === 'reject' ? 'danger' : 'primary'}
        pending={pending}
        onConfirm={() => open && decide(open)}
        onCancel={() => setOpen(null)}
      >
        <p>{open === 'reject' ? t('confirmRejectBody', { count: 1 }) : t('confirmApproveBody', { count: 1 })}</p>
      </ConfirmDialog>
    </div>
  );
}
