import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';

/** `reason` is shown only for errors written for humans (wrong database, Mastodon too old). */
export async function DatabaseUnavailable({ reason }: { reason?: string }) {
  const t = await getTranslations('common.errors');
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl items-center px-4">
      <Alert tone="error" title={t('databaseUnavailable')} className="w-full">
        <p>{reason ?? t('databaseUnavailableHint')}</p>
      </Alert>
    </main>
  );
}
