'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { recomputeAction } from '@/app/(console)/blocklists/actions';
import type { ActionFailure } from '@/lib/account-action-result';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Button } from '@/components/ui/button';

/** Merges the sources again now (the worker does it after every fetch that changed something). */
export function RecomputeButton() {
  const t = useTranslations('blocklists.review');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        disabled={pending}
        aria-busy={pending}
        onClick={() =>
          startTransition(async () => {
            setFailure(null);
            const answer = await recomputeAction();
            if (answer.status === 'success') {
              setNote(answer.busy ? t('recomputeBusy') : t('recomputed'));
              router.refresh();
            } else setFailure(answer);
          })
        }
      >
        {t('recompute')}
      </Button>
      <div aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-400">
        {note}
        {failure ? <ActionFailureMessage result={failure} /> : null}
      </div>
    </div>
  );
}
