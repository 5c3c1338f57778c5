'use client';

import { useEffect, useRef } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Kbd } from '@/components/ui/kbd';
import type { NavKey } from '@/lib/navigation';
import { isTypingTarget, useRegisteredPageShortcuts } from './page-shortcuts';

const NAV_LABEL = {
  overview: 'goOverview',
  reports: 'goReports',
  accounts: 'goAccounts',
  appeals: 'goAppeals',
  federation: 'goFederation',
  rules: 'goRules',
  blocklists: 'goBlocklists',
  audit: 'goAudit',
} as const satisfies Record<NavKey, string>;

/**
 * Global keys: `?` lists shortcuts, `g` + letter jumps between sections (Gmail/GitHub style).
 * Pages register their own keys (j/k, x…) and list them here through `extra`.
 */
export function KeyboardShortcuts({ items }: { items: Array<{ key: NavKey; href: string; shortcut: string }> }) {
  const t = useTranslations('shell.shortcuts');
  const tCommon = useTranslations('common');
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  // A ref, not state: the listener stays registered once, so the key after `g` never reaches
  // a page's own single-key shortcuts (`g a` must not assign a report).
  const pendingG = useRef(false);
  const pageShortcuts = useRegisteredPageShortcuts();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === '?') {
        e.preventDefault();
        dialog.current?.showModal();
        return;
      }
      if (pendingG.current) {
        pendingG.current = false;
        if (timer) clearTimeout(timer);
        // Swallowed whether or not it names a section: it was meant as navigation.
        e.preventDefault();
        e.stopImmediatePropagation();
        const item = items.find((i) => i.shortcut === e.key);
        if (item) router.push(item.href);
        return;
      }
      if (e.key === 'g') {
        pendingG.current = true;
        timer = setTimeout(() => (pendingG.current = false), 1500);
      }
    };
    // Capture phase: runs before the pages' key handlers (React's and window listeners).
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (timer) clearTimeout(timer);
    };
  }, [items, router]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      className="m-auto w-full max-w-md rounded-xl bg-white p-6 text-zinc-900 shadow-xl ring-1 ring-zinc-200 backdrop:bg-zinc-950/50 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700"
      onClick={(e) => {
        if (e.target === dialog.current) dialog.current?.close();
      }}
    >
      <h2 id="shortcuts-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      {pageShortcuts.length > 0 ? (
        <dl className="mt-4 space-y-2 border-b border-zinc-200 pb-4 text-sm dark:border-zinc-700" data-testid="page-shortcuts">
          {pageShortcuts.map((shortcut) => (
            <div key={shortcut.keys.join('+') + shortcut.label} className="flex items-center justify-between gap-4">
              <dt>{shortcut.label}</dt>
              <dd className="flex items-center gap-1">
                {shortcut.keys.map((key) => (
                  <Kbd key={key}>{key}</Kbd>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <dl className="mt-4 space-y-2 text-sm">
        <div className="flex items-center justify-between gap-4">
          <dt>{t('help')}</dt>
          <dd>
            <Kbd>?</Kbd>
          </dd>
        </div>
        {items.map((item) => (
          <div key={item.key} className="flex items-center justify-between gap-4">
            <dt>{t(NAV_LABEL[item.key])}</dt>
            <dd className="flex items-center gap-1">
              <Kbd>g</Kbd>
              <span className="text-xs text-zinc-500">{t('then')}</span>
              <Kbd>{item.shortcut}</Kbd>
            </dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-6 text-right">
        <button className="rounded-md bg-zinc-100 px-3 py-1.5 text-sm font-medium hover:bg-zinc-200 dark:bg-zinc-800 dark:hover:bg-zinc-700">{tCommon('close')}</button>
      </form>
    </dialog>
  );
}
