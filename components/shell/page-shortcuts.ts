'use client';

import { useEffect, useSyncExternalStore } from 'react';

export interface PageShortcut {
  /** Keys as shown, e.g. ['j'] or ['Shift', 'a']. */
  keys: string[];
  /** Already translated description. */
  label: string;
}

let current: PageShortcut[] = [];
const listeners = new Set<() => void>();

function publish(next: PageShortcut[]) {
  current = next;
  for (const listener of listeners) listener();
}

/**
 * A page lists the keys it handles so the global `?` dialog can show them; the page still
 * handles the keys itself. The list is cleared when the page unmounts.
 */
export function usePageShortcuts(shortcuts: PageShortcut[]): void {
  const signature = JSON.stringify(shortcuts);
  useEffect(() => {
    publish(JSON.parse(signature) as PageShortcut[]);
    return () => publish([]);
  }, [signature]);
}

export function useRegisteredPageShortcuts(): PageShortcut[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => current,
  );
}

/** True when a key press belongs to a text field and must not trigger shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}
