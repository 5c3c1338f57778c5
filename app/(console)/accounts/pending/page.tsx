import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { databaseNow } from '@/db/queries/accounts';
import { countPendingSignups, getEmailDomainFacts, getIpFacts, listPendingSignups } from '@/db/queries/signups';
import { emailDomainOf, signupSignals } from '@/lib/account-signups';
import { decodeCursor, encodeCursor, splitPage } from '@/lib/keyset';
import { requirePermission } from '@/lib/session';
import { SignupsTable, type SignupRowView } from '@/components/accounts/signups-table';
import { Pager } from '@/components/data-table/pager';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accounts.pending'))('title') };
}

export default async function PendingSignupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('manage_users');
  const t = await getTranslations('accounts.pending');
  const params = await searchParams;
  const raw = Array.isArray(params.after) ? params.after[0] : params.after;
  const cursor = decodeCursor(raw, 1)?.[0];
  const after = typeof cursor === 'string' && /^\d{1,19}$/.test(cursor) ? cursor : null;
  const db = (await getDatabase()).handle.db;
  const [found, total] = await Promise.all([listPendingSignups({ db, after, limit: PAGE_SIZE + 1 }), countPendingSignups({ db })]);
  const { rows, hasMore } = splitPage(found, PAGE_SIZE);
  const [domains, ips] = await Promise.all([
    getEmailDomainFacts({ db, domains: [...new Set(rows.map((r) => emailDomainOf(r.email)).filter(Boolean))] }),
    getIpFacts({ db, ips: [...new Set(rows.map((r) => r.signUpIp).filter((ip): ip is string => ip !== null))] }),
  ]);
  const now = (await databaseNow({ db })).getTime();
  const views: SignupRowView[] = rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    createdAt: r.createdAt,
    email: r.email,
    signUpIp: r.signUpIp,
    inviteRequest: r.inviteRequest,
    inviterAccountId: r.inviterAccountId,
    inviterUsername: r.inviterUsername,
    waitedMs: Math.max(0, now - r.createdAt.getTime()),
    signals: signupSignals(r, { domain: domains.get(emailDomainOf(r.email)), ip: r.signUpIp ? ips.get(r.signUpIp) : undefined }),
  }));
  const last = rows.at(-1);

  return (
    <div className="mx-auto max-w-7xl space-y-5">
      <Link href="/accounts" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        ← {t('back')}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">
          {t('title')} <span className="text-zinc-500 dark:text-zinc-400" data-testid="pending-total">{total}</span>
        </h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('subtitle')}</p>
      </div>
      <SignupsTable rows={views} />
      <Pager firstHref={after ? '/accounts/pending' : null} nextHref={hasMore && last ? `/accounts/pending?after=${encodeCursor([last.userId])}` : null} />
    </div>
  );
}
