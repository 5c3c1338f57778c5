import { getTranslations } from 'next-intl/server';
import type { HeldBack } from '@/lib/blocklist/merge';

/**
 * Entries no suggestion comes from: canary rows (never applied) and obfuscated names no digest
 * matched (never applied as literal blocks). Known domains that fit a pattern are shown so a
 * moderator can check by hand.
 */
export async function HeldBackList({ items, total }: { items: HeldBack[]; total: number }) {
  const t = await getTranslations('blocklists.held');
  const canaries = items.filter((h) => h.kind === 'canary');
  const obfuscated = items.filter((h) => h.kind === 'obfuscated');
  return (
    <details className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800" data-testid="held-back">
      <summary className="cursor-pointer text-sm font-semibold">{t('summary', { total, canaries: canaries.length, obfuscated: obfuscated.length })}</summary>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      <table className="mt-3 min-w-full text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead>
          <tr className="text-left text-xs text-zinc-600 uppercase dark:text-zinc-400">
            <th scope="col" className="py-1 pr-3">
              {t('name')}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t('source')}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t('why')}
            </th>
            <th scope="col" className="py-1">
              {t('candidates')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {items.map((h) => (
            <tr key={`${h.sourceId}-${h.name}`}>
              <td className="py-1 pr-3 font-mono text-xs break-all">{h.name}</td>
              <td className="py-1 pr-3">{h.sourceName}</td>
              <td className="py-1 pr-3">{t(`reasons.${h.reason}`)}</td>
              <td className="py-1 font-mono text-xs">{h.candidates.join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > items.length ? <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{t('more', { count: total - items.length })}</p> : null}
    </details>
  );
}
