'use client';

import { useEffect, useRef, useState } from 'react';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import type { Theme } from '@/lib/theme';
import { ThemeToggle } from './theme-toggle';

export function UserMenu({ name, username, roleName, roleColor, theme }: { name: string; username: string; roleName: string | null; roleColor: string | null; theme: Theme }) {
  const t = useTranslations('shell');
  const tAuth = useTranslations('auth');
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onClick = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const role = roleName || t('noRole');
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={t('userMenu', { name })}
        onClick={() => setOpen((v) => !v)}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100">
          {(name || username).slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden text-left sm:block">
          <span className="block leading-tight font-medium">{name || username}</span>
          <span className="flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="user-role">
            {roleColor ? <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: roleColor }} /> : null}
            {role}
          </span>
        </span>
      </button>
      {open ? (
        <div className="absolute right-0 z-30 mt-2 w-64 space-y-3 rounded-lg bg-white p-4 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700">
          <div>
            <p className="font-medium">@{username}</p>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('role', { role })}</p>
          </div>
          <ThemeToggle initial={theme} />
          <button
            type="button"
            onClick={() => void signOut({ callbackUrl: '/login' })}
            className="w-full rounded-md px-3 py-2 text-left text-sm font-medium text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950"
          >
            {tAuth('signOut')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
