import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('common.errors');
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-xl flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">{t('notFoundBody')}</p>
      <Link href="/" className="mt-6 text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-300">
        {t('backToOverview')}
      </Link>
    </main>
  );
}
