import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DOMAIN_BLOCK_SORTS, type DomainBlockFilters } from '@/lib/domain-block-filters';
import { SEVERITIES } from '@/lib/blocklist/severity';

const control = 'rounded-md border-0 bg-white px-2.5 py-1.5 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

/** A plain GET form: filters work without JavaScript and live in the URL. */
export async function DomainBlockFiltersForm({ filters, searchId }: { filters: DomainBlockFilters; searchId: string }) {
  const t = await getTranslations('federation.blocks.filters');
  const tSeverity = await getTranslations('federation.severity');
  const yesNo = (name: 'reject_media' | 'reject_reports' | 'obfuscate' | 'private_comment', label: string) => (
    <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
      {label}
      <select name={name} defaultValue={filters[name] ?? ''} className={control}>
        <option value="">{t('any')}</option>
        <option value="yes">{t('yes')}</option>
        <option value="no">{t('no')}</option>
      </select>
    </label>
  );
  return (
    <form method="get" action="/federation" role="search" aria-label={t('label')} className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
      <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {t('search')}
        <input id={searchId} type="search" name="q" defaultValue={filters.q ?? ''} placeholder={t('searchPlaceholder')} className={control} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {t('severity')}
        <select name="severity" defaultValue={filters.severity ?? ''} className={control}>
          <option value="">{t('any')}</option>
          {[...SEVERITIES].reverse().map((s) => (
            <option key={s} value={s}>
              {tSeverity(s)}
            </option>
          ))}
        </select>
      </label>
      {yesNo('reject_media', t('rejectMedia'))}
      {yesNo('reject_reports', t('rejectReports'))}
      {yesNo('obfuscate', t('obfuscate'))}
      {yesNo('private_comment', t('privateComment'))}
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {t('sort')}
        <select name="sort" defaultValue={filters.sort ?? 'newest'} className={control}>
          {DOMAIN_BLOCK_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sorts.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400">
          {t('apply')}
        </button>
        <Link href="/federation" className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800">
          {t('clear')}
        </Link>
      </div>
    </form>
  );
}
