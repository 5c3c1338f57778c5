import type { ReactNode } from 'react';
import Link from 'next/link';

/** The data behind a chart, as a plain table: the accessible alternative (and what a keyboard follows). */
export function FigureTable({ caption, columns, rows, testId }: { caption: string; columns: string[]; rows: Array<{ key: string; cells: ReactNode[] }>; testId?: string }) {
  return (
    <table className="min-w-full text-left text-sm" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-zinc-200 dark:border-zinc-800">
          {columns.map((c, i) => (
            <th key={c} scope="col" className={`py-1.5 pr-4 font-medium text-zinc-600 dark:text-zinc-400 ${i > 0 ? 'text-right' : ''}`}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800/60">
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="py-1.5 pr-4 font-normal">
                  {cell}
                </th>
              ) : (
                <td key={i} className="py-1.5 pr-4 text-right tabular-nums">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A figure that links to its list when the viewer may open that list. */
export function FigureLink({ href, children, label }: { href: string | null; children: ReactNode; label?: string }) {
  if (!href) return <>{children}</>;
  return (
    <Link href={href} prefetch={false} aria-label={label} className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
      {children}
    </Link>
  );
}
