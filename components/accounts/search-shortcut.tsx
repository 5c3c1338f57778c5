'use client';

import { useEffect } from 'react';
import { isTypingTarget } from '@/components/shell/page-shortcuts';

/**
 * `/` focuses the given field, as in Mastodon's web UI. The page's table lists the key in the `?`
 * dialog (one registry per page), so this only handles it.
 */
export function SearchShortcut({ inputId }: { inputId: string }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      const el = document.getElementById(inputId);
      if (!el) return;
      e.preventDefault();
      el.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [inputId]);
  return null;
}
