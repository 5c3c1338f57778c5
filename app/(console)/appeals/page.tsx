import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { databaseNow } from '@/db/queries/accounts';
import { listAppeals } from '@/db/queries/appeals';
import { strikeActionName } from '@/lib/account-actions';
import { reportCategoryName } from '@/lib/account-timeline';
import { appealState } from '@/lib/appeal-decision';
import { APPEAL_STATUSES, appealSearchHref, encodeAppealCursor, parseAppealSearch } from '@/lib/appeal-filters';
import { acct } from '@/lib/format';
import { splitPage } from '@/lib/keyset';
import { requirePermission } from '@/lib/session';
import { AppealsTable, type AppealRowView } from '@/components/appeals/appeals-table';
import { Pager } from '@/components/data-table/pager';
import { cn } from '@/components/ui/cn';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('appeals'))('title') };
}

export default async function AppealsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('manage_appeals');
  const t = await getTranslations('appeals');
  const search = parseAppealSearch(await searchParams);
  const db = (await getDatabase()).handle.replica;
  const found = await listAppeals({ db, status: search.status, after: search.after, limit: PAGE_SIZE + 1 });
  const { rows, hasMore } = splitPage(found, PAGE_SIZE);
  const now = (await databaseNow({ db })).getTime();
  const views: AppealRowView[] = rows.map((r) => ({
    id: r.id,
    acct: acct(r.username, r.domain),
    accountId: r.accountId,
    state: appealState(r),
    deciderUsername: r.deciderUsername,
    text: r.text,
    strikeAction: strikeActionName(r.strikeAction) ?? 'none',
    strikeText: r.strikeText,
    reportId: r.reportId,
    reportCategory: r.reportCategory === null ? null : reportCategoryName(r.reportCategory),
    createdAt: r.createdAt,
    ageMs: Math.max(0, (r.approvedAt ?? r.rejectedAt ?? new Date(now)).getTime() - r.createdAt.getTime()),
  }));
  const last = rows.at(-1);

  return (
    <div className="mx-auto max-w-7xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('subtitle')}</p>
      </div>
      <nav aria-label={t('filters.label')} className="flex flex-wrap gap-2">
        {APPEAL_STATUSES.map((status) => (
          <Link
            key={status}
            href={appealSearchHref(status, null)}
            aria-current={search.status === status ? 'page' : undefined}
            className={cn(
              'rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset',
              search.status === status ? 'bg-indigo-600 text-white ring-indigo-600 dark:bg-indigo-500 dark:ring-indigo-500' : 'ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800',
            )}
          >
            {t(`filters.${status}`)}
          </Link>
        ))}
      </nav>
      <AppealsTable rows={views} />
      <Pager firstHref={search.after ? appealSearchHref(search.status, null) : null} nextHref={hasMore && last ? appealSearchHref(search.status, encodeAppealCursor(last)) : null} />
    </div>
  );
}
