import { getTranslations } from 'next-intl/server';

const COLORS = { suspend: 'bg-red-600', silence: 'bg-amber-500', noop: 'bg-zinc-400 dark:bg-zinc-500' } as const;

/** Proportions of domain blocks by severity, strictest first (Mastodon's order: noop < silence < suspend). */
export async function SeverityBar({ counts }: { counts: { suspend: number; silence: number; noop: number } }) {
  const t = await getTranslations('overview');
  const total = counts.suspend + counts.silence + counts.noop;
  const order = ['suspend', 'silence', 'noop'] as const;
  return (
    <div>
      <div className="flex h-3 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800" role="img" aria-label={order.map((s) => `${t(`severity.${s}`)}: ${counts[s]}`).join(', ')}>
        {total > 0
          ? order.map((s) => (counts[s] > 0 ? <div key={s} className={COLORS[s]} style={{ width: `${(counts[s] / total) * 100}%` }} /> : null))
          : null}
      </div>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {order.map((s) => (
          <li key={s} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`size-2.5 rounded-sm ${COLORS[s]}`} />
            <a href={`/federation?severity=${s}`} className="hover:underline">
              {t(`severity.${s}`)}
            </a>
            <span className="font-semibold tabular-nums" data-testid={`domain-blocks-${s}`}>
              {counts[s]}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
