import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm, MastodonSignInButton } from '@/components/auth/login-form';
import { isLoginError } from '@/lib/auth/login-policy';
import { mastodonOAuthConfig } from '@/lib/mode';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { getActor } from '@/lib/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('title') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  const actor = await getActor().catch(() => null);
  if (actor) redirect(callbackPath);

  const t = await getTranslations('auth');
  const oauth = mastodonOAuthConfig();
  const error = params.error ? (isLoginError(params.error) ? params.error : 'generic') : null;

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div aria-hidden="true" className="mx-auto mb-4 flex size-12 items-center justify-center rounded-xl bg-indigo-600 text-2xl font-bold text-white">
            P
          </div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t('subtitle')}</p>
        </div>
        <div className="space-y-6 rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          {oauth ? (
            <>
              <MastodonSignInButton instance={new URL(oauth.issuer).host} callbackPath={callbackPath} />
              <div className="flex items-center gap-3 text-xs text-zinc-500 uppercase dark:text-zinc-400">
                <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-700" />
                {t('or')}
                <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-700" />
              </div>
            </>
          ) : null}
          <LoginForm callbackPath={callbackPath} initialError={error} />
        </div>
      </div>
    </main>
  );
}
