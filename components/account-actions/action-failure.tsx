'use client';

import { useTranslations } from 'next-intl';
import type { ActionFailure } from '@/lib/account-action-result';
import { Alert } from '@/components/ui/alert';

/** A failed server action, in the moderator's words: the write path's own detail when it gave one. */
export function ActionFailureMessage({ result }: { result: ActionFailure }) {
  const t = useTranslations('accountActions.errors');
  switch (result.status) {
    case 'unauthenticated':
      return <Alert tone="error">{t('unauthenticated')}</Alert>;
    case 'forbidden':
      return <Alert tone="error">{result.message ?? t('forbidden')}</Alert>;
    case 'invalid':
      return <Alert tone="error">{t('invalid', { fields: Object.entries(result.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ') })}</Alert>;
    case 'error':
      return <Alert tone="error">{result.message}</Alert>;
  }
}
