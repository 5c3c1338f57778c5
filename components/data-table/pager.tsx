import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Keyset pages: "next" carries the cursor of the last row; "first page" drops it. No page numbers, no counts. */
export async function Pager({ firstHref, nextHref }: { firstHref: string | null; nextHref: string | null }) {
  const t = await getTranslations('dataTable');
  if (!firstHref && !nextHref) return null;
  const link = 'rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800';
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex justify-between">
      {firstHref ? (
        <Link href={firstHref} className={link}>
          {t('previousPage')}
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref} className={link} rel="next">
          {t('nextPage')}
        </Link>
      ) : null}
    </nav>
  );
}
