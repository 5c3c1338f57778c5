'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { isLoginError, type LoginError } from '@/lib/auth/login-policy';

export function LoginForm({ callbackPath, initialError }: { callbackPath: string; initialError: LoginError | 'generic' | null }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const [error, setError] = useState<LoginError | 'generic' | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(callbackPath);
        router.refresh();
        return;
      }
      setError(isLoginError(result?.error) ? result.error : 'generic');
    } catch {
      setError('generic');
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {error ? (
        <Alert tone="error" className="text-left">
          {t(`errors.${error}`)}
        </Alert>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {t('email')}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          className="mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-zinc-900 ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-indigo-600 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {t('password')}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-zinc-900 ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-600 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700"
        />
      </div>
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}

export function MastodonSignInButton({ instance, callbackPath }: { instance: string; callbackPath: string }) {
  const t = useTranslations('auth');
  return (
    <Button variant="secondary" className="w-full" onClick={() => void signIn('mastodon', { callbackUrl: callbackPath })}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 fill-current">
        <path d="M21.3 13.9c-.3 1.6-2.8 3.3-5.6 3.6-1.5.2-2.9.3-4.5.3-2.5-.1-4.5-.6-4.5-.6v.7c.3 2.3 2.3 2.5 4.2 2.6 1.9.1 3.6-.5 3.6-.5l.1 1.7s-1.3.7-3.7.9c-1.3.1-2.9 0-4.8-.5C2 21.1 1.3 17 1.2 12.8V9.4c0-4.3 2.8-5.5 2.8-5.5C5.4 3.2 7.8 3 10.3 3h.1c2.5 0 4.9.2 6.3.9 0 0 2.8 1.2 2.8 5.5 0 0 0 3.2-.4 5.4zm-2.9-5c0-1.1-.3-1.9-.8-2.5-.6-.6-1.3-.9-2.2-.9-1.1 0-1.9.4-2.4 1.2l-.5.9-.5-.9c-.6-.8-1.4-1.2-2.4-1.2-.9 0-1.6.3-2.2.9-.5.6-.8 1.4-.8 2.5v5h2V9.1c0-1 .4-1.6 1.3-1.6.9 0 1.4.6 1.4 1.8v2.6h2V9.3c0-1.2.5-1.8 1.4-1.8.8 0 1.3.5 1.3 1.6v4.9h2V8.9z" />
      </svg>
      {t('withMastodon', { instance })}
    </Button>
  );
}
