'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { deleteSourceAction, refreshSourceAction } from '@/app/(console)/blocklists/actions';
import type { ActionFailure } from '@/lib/account-action-result';
import type { RefreshOutcome } from '@/lib/blocklist/sources-sync';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

export function RefreshOutcomeMessage({ outcome }: { outcome: RefreshOutcome }) {
  const t = useTranslations('blocklists.refresh');
  switch (outcome.status) {
    case 'ok':
      return <Alert tone="success">{t('ok', { entries: outcome.entries, added: outcome.added, changed: outcome.changed, removed: outcome.removed })}</Alert>;
    case 'unchanged':
    case 'not_modified':
      return <Alert tone="info">{t(outcome.status, { entries: outcome.entries })}</Alert>;
    case 'busy':
      return <Alert tone="info">{t('busy')}</Alert>;
    case 'not_found':
      return <Alert tone="error">{t('notFound')}</Alert>;
    case 'error':
      return (
        <Alert tone="error" title={t('error')}>
          {outcome.error}
        </Alert>
      );
  }
}

/** Refresh now (the same locked fetch the worker runs) and unsubscribe. */
export function SourceActions({ id, name }: { id: string; name: string }) {
  const t = useTranslations('blocklists.source');
  const router = useRouter();
  const [outcome, setOutcome] = useState<RefreshOutcome | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [removing, setRemoving] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          disabled={pending}
          aria-busy={pending}
          onClick={() =>
            startTransition(async () => {
              setFailure(null);
              setOutcome(null);
              const answer = await refreshSourceAction({ id });
              if (answer.status === 'success') {
                setOutcome(answer.refresh);
                router.refresh();
              } else setFailure(answer);
            })
          }
        >
          {t('refreshNow')}
        </Button>
        <Button variant="danger" onClick={() => setRemoving(true)} disabled={pending}>
          {t('remove')}
        </Button>
      </div>
      <div aria-live="polite">
        {outcome ? <RefreshOutcomeMessage outcome={outcome} /> : null}
        {failure ? <ActionFailureMessage result={failure} /> : null}
      </div>
      <ConfirmDialog
        open={removing}
        title={t('removeTitle', { name })}
        confirmLabel={t('removeConfirm')}
        tone="danger"
        pending={pending}
        onCancel={() => setRemoving(false)}
        onConfirm={() =>
          startTransition(async () => {
            const answer = await deleteSourceAction({ id });
            setRemoving(false);
            if (answer.status === 'success') router.push('/blocklists/sources');
            else setFailure(answer);
          })
        }
      >
        <p>{t('removeBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
