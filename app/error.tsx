'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export default function ErrorBoundary({ reset, error }: { reset: () => void; error: Error & { digest?: string } }) {
  const t = useTranslations('common');
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <Alert tone="error" title={t('errors.unexpected')}>
        {error.digest ? <p className="font-mono text-xs">ref {error.digest}</p> : null}
      </Alert>
      <Button className="mt-4" onClick={reset}>
        {t('retry')}
      </Button>
    </main>
  );
}
