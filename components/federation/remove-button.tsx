'use client';

import { useState, useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/account-action-result';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/** A remove button that states what will happen, then runs the action and refreshes the list. */
export function RemoveButton({ label, title, children, action }: { label: string; title: string; children: ReactNode; action: () => Promise<ActionResult> }) {
  const t = useTranslations('federation.common');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button variant="ghost" className="text-red-700! dark:text-red-300!" onClick={() => setOpen(true)} aria-label={label}>
        {t('remove')}
      </Button>
      {result && result.status !== 'success' ? <ActionFailureMessage result={result} /> : null}
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={t('remove')}
        tone="danger"
        pending={pending}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          startTransition(async () => {
            const answer = await action();
            setOpen(false);
            setResult(answer);
            if (answer.status === 'success') router.refresh();
          })
        }
      >
        {children}
      </ConfirmDialog>
    </>
  );
}
