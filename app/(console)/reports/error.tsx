'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** A failed load of the queue or a report: a clear error and a retry, never an empty page. */
export default function ReportsError({ reset, error }: { reset: () => void; error: Error & { digest?: string } }) {
  const t = useTranslations('reports.errors');
  const tCommon = useTranslations('common');
  return (
    <div className="mx-auto max-w-xl py-10">
      <Alert tone="error" title={tCommon('errors.unexpected')}>
        <p>{t('loadFailed')}</p>
        {error.digest ? <p className="mt-1 font-mono text-xs">ref {error.digest}</p> : null}
      </Alert>
      <Button className="mt-4" onClick={reset}>
        {tCommon('retry')}
      </Button>
    </div>
  );
}
