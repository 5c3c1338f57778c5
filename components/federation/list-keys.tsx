'use client';

import { useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { isTypingTarget, usePageShortcuts, type PageShortcut } from '@/components/shell/page-shortcuts';

export interface KeyLink {
  key: string;
  href: string;
  label: string;
}

/**
 * Page keys that work without a focused row: `/` focuses the search field, and single keys open
 * a page (e.g. `n` for a new block). It handles the keys only; the page lists them in the `?`
 * dialog through its data table's `extraShortcuts`, or with <RegisterShortcuts> when it has none
 * (the registry holds one list per page).
 */
export function ListKeys({ searchId, links = [] }: { searchId?: string; links?: KeyLink[] }) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === '/' && searchId) {
        const input = document.getElementById(searchId);
        if (input) {
          e.preventDefault();
          input.focus();
        }
        return;
      }
      const link = links.find((l) => l.key === e.key);
      if (link) {
        e.preventDefault();
        router.push(link.href);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [links, router, searchId]);
  return null;
}

export function RegisterShortcuts({ shortcuts }: { shortcuts: PageShortcut[] }) {
  usePageShortcuts(shortcuts);
  return null;
}
