'use client';

import { useEffect } from 'react';
import { isTypingTarget, usePageShortcuts } from '@/components/shell/page-shortcuts';

/** `n` writes a note, `a` jumps to the action form. */
export function AccountPageShortcuts({ noteLabel, actionLabel }: { noteLabel: string; actionLabel: string }) {
  usePageShortcuts([
    { keys: ['n'], label: noteLabel },
    { keys: ['a'], label: actionLabel },
  ]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      const target = e.key === 'n' ? document.querySelector<HTMLElement>('[data-note-input]') : e.key === 'a' ? document.querySelector<HTMLElement>('#account-actions input[type=radio]:not([disabled])') : null;
      if (!target) return;
      e.preventDefault();
      target.focus();
      target.scrollIntoView({ block: 'center' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return null;
}
