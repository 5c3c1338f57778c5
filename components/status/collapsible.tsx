'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';

/**
 * Folds very long post content (walls of text, endless URLs) to a screenful, so one hostile post
 * cannot bury the rest of the report; one click shows all of it.
 */
export function Collapsible({ children }: { children: ReactNode }) {
  const t = useTranslations('status');
  const box = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  const [expanded, setExpanded] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (el) setOverflowing(el.scrollHeight > el.clientHeight + 4);
  }, [children]);
  return (
    <div>
      <div ref={box} className={cn(!expanded && 'max-h-72 overflow-hidden', overflowing && !expanded && '[mask-image:linear-gradient(to_bottom,black_75%,transparent)]')}>
        {children}
      </div>
      {overflowing ? (
        <button type="button" onClick={() => setExpanded((e) => !e)} aria-expanded={expanded} className="mt-1 text-xs font-medium text-indigo-700 underline dark:text-indigo-300">
          {expanded ? t('showLess') : t('showMore')}
        </button>
      ) : null}
    </div>
  );
}
