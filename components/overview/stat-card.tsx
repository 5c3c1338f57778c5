import type { ReactNode } from 'react';
import Link from 'next/link';

/** A headline figure that links to the list behind it, so every number can be acted on. */
export function StatCard({ label, value, hint, href, testId }: { label: string; value: ReactNode; hint?: ReactNode; href?: string; testId: string }) {
  const body = (
    <>
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-2 text-3xl font-semibold tracking-tight tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {hint ? <dd className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{hint}</dd> : null}
    </>
  );
  const className = 'block rounded-lg bg-white p-5 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800';
  return href ? (
    <Link href={href} className={`${className} transition hover:ring-indigo-400 dark:hover:ring-indigo-500`}>
      <dl>{body}</dl>
    </Link>
  ) : (
    <div className={className}>
      <dl>{body}</dl>
    </div>
  );
}
