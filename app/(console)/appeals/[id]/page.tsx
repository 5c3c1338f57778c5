import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { countReports, databaseNow, listStrikes } from '@/db/queries/accounts';
import { getAppealDetail, listStrikeStatusStates } from '@/db/queries/appeals';
import { getModeratorMediaPreference } from '@/db/queries/report-preferences';
import { getStatusesForModeration } from '@/db/queries/report-statuses';
import { listAccountModerationTimeline } from '@/db/queries/reports';
import { reportCategoryName } from '@/lib/account-timeline';
import { appealState, planAppealApproval } from '@/lib/appeal-decision';
import { env } from '@/lib/env';
import { acct } from '@/lib/format';
import { writeMode } from '@/lib/mode';
import { can } from '@/lib/permissions';
import { requirePermission } from '@/lib/session';
import { AccountStateBadges } from '@/components/accounts/account-state-badges';
import { StrikeActionLabel, StrikesList } from '@/components/accounts/strikes-list';
import { AppealDecisionPanel } from '@/components/appeals/appeal-decision-panel';
import { ModerationTimeline } from '@/components/reports/account-history';
import { StatusCard } from '@/components/status/status-card';
import { mediaBaseUrl, toStatusViews } from '@/components/status/status-view';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Duration } from '@/components/ui/duration';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

const RECENT_MS = 90 * 24 * 60 * 60 * 1000;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  return { title: `${(await getTranslations('appeals'))('title')} #${/^\d{1,19}$/.test(id) ? id : ''}` };
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export default async function AppealPage({ params }: Params) {
  const actor = await requirePermission('manage_appeals');
  const { id } = await params;
  if (!/^\d{1,19}$/.test(id)) notFound();
  const t = await getTranslations('appeals.detail');
  const tState = await getTranslations('appeals.state');
  const tCategory = await getTranslations('accounts.categories');
  const prepared = await getDatabase();
  const db = prepared.handle.db;
  const appeal = await getAppealDetail({ db, appealId: id });
  if (!appeal) notFound();

  // The report's posts first, then any the strike names beyond them.
  const postIds = [...new Set([...appeal.reportStatusIds, ...appeal.strikeStatusIds])];
  const mode = writeMode();
  const [moderation, states, strikes, reports, preference, timeline] = await Promise.all([
    getStatusesForModeration({ db, ids: postIds }),
    listStrikeStatusStates({ db, statusIds: appeal.strikeStatusIds }),
    listStrikes({ db, accountId: appeal.accountId }),
    countReports({ db, accountId: appeal.accountId }),
    getModeratorMediaPreference({ db, accountId: actor.accountId }),
    listAccountModerationTimeline({ db, targetAccountId: appeal.accountId, userId: appeal.userId }),
  ]);
  const mastodonUrl = env().MASTODON_URL;
  const statuses = toStatusViews(moderation, { mediaBaseUrl: mediaBaseUrl({ embedded: prepared.embedded, mastodonUrl }) });
  const missing = postIds.length - statuses.length;
  const handle = acct(appeal.username, appeal.domain);
  const state = appealState(appeal);
  const plan = planAppealApproval({
    strikeAction: appeal.strikeAction,
    strikeStatusIds: appeal.strikeStatusIds,
    statuses: states,
    mode,
    account: {
      local: appeal.domain === null,
      suspended: appeal.suspendedAt !== null,
      suspendedLocally: appeal.suspendedAt !== null && appeal.suspensionOrigin === 0,
      silenced: appeal.silencedAt !== null,
      sensitized: appeal.sensitizedAt !== null,
      disabled: appeal.userDisabled,
      deletionRequested: appeal.deletionRequestedAt !== null,
    },
  });
  const now = await databaseNow({ db });
  const recent = strikes.filter((s) => now.getTime() - s.createdAt.getTime() <= RECENT_MS).length;
  const strikeUrl = mastodonUrl ? `${mastodonUrl.replace(/\/+$/, '')}/admin/disputes/strikes/${appeal.strikeId}` : null;
  const daysAfter = Math.floor((appeal.createdAt.getTime() - appeal.strikeCreatedAt.getTime()) / 86_400_000);

  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <Link href="/appeals" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        ← {t('back')}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t('heading', { acct: handle })}</h1>
        <Badge tone={state === 'approved' ? 'emerald' : state === 'rejected' ? 'red' : 'sky'}>
          <span data-testid="appeal-state">{tState(state)}</span>
        </Badge>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <h2 className="text-base font-semibold">{t('appealText')}</h2>
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              {t.rich('filed', { age: () => <Duration from={appeal.createdAt} now={now} />, days: daysAfter })}
            </p>
            <blockquote className="mt-3 border-l-4 border-sky-300 pl-4 text-sm whitespace-pre-wrap dark:border-sky-700" dir="auto" data-testid="appeal-text">
              {appeal.text}
            </blockquote>
          </Card>

          <Card>
            <h2 className="text-base font-semibold">{t('strike')}</h2>
            <p className="mt-1 text-lg font-medium">
              <StrikeActionLabel action={appeal.strikeAction} />
            </p>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              {t('strikeIssued', { name: appeal.strikeIssuerUsername ?? '—', date: day(appeal.strikeCreatedAt) })}
              {appeal.strikeOverruledAt ? ` · ${t('overruled', { date: day(appeal.strikeOverruledAt) })}` : ''}
            </p>
            <h3 className="mt-3 text-sm font-medium">{t('strikeText')}</h3>
            <p className="mt-1 text-sm whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{appeal.strikeText || <span className="italic">{t('noStrikeText')}</span>}</p>
            {strikeUrl ? (
              <a href={strikeUrl} className="mt-3 inline-block text-xs font-medium text-indigo-700 hover:underline dark:text-indigo-300" rel="noopener noreferrer" target="_blank">
                {t('mastodonLink')} ↗
              </a>
            ) : null}
          </Card>

          <Card>
            <h2 className="text-base font-semibold">{t('report')}</h2>
            {appeal.reportId ? (
              <div className="mt-1 space-y-2 text-sm">
                <p>
                  <Link href={`/reports/${appeal.reportId}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                    {t('reportLink', { id: appeal.reportId })}
                  </Link>{' '}
                  <span className="text-zinc-600 dark:text-zinc-400">
                    {t('reportBy', {
                      acct: appeal.reporterUsername ? acct(appeal.reporterUsername, appeal.reporterDomain) : '—',
                      date: appeal.reportCreatedAt ? day(appeal.reportCreatedAt) : '—',
                      category: tCategory(reportCategoryName(appeal.reportCategory ?? 0)),
                    })}
                  </span>
                </p>
                {appeal.reportComment ? (
                  <div>
                    <h3 className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{t('reportComment')}</h3>
                    <p className="whitespace-pre-wrap" dir="auto">
                      {appeal.reportComment}
                    </p>
                  </div>
                ) : null}
              </div>
            ) : (
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('noReport')}</p>
            )}
            <h3 className="mt-4 text-sm font-medium">{t('posts')}</h3>
            {postIds.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noPosts')}</p> : null}
            <div className="mt-2 space-y-3">
              {statuses.map((status) => (
                <StatusCard key={status.id} status={status} mediaPreference={preference} />
              ))}
            </div>
            {missing > 0 ? <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{t('postsMissing', { count: missing })}</p> : null}
          </Card>
        </div>

        <div className="space-y-6">
          <Card>
            {state === 'pending' ? (
              <AppealDecisionPanel appealId={appeal.id} accountId={appeal.accountId} acct={handle} plan={plan} mastodonStrikeUrl={strikeUrl} />
            ) : (
              <div className="space-y-3 text-sm">
                <h2 className="text-base font-semibold">{t('decision')}</h2>
                <p data-testid="appeal-decision">
                  {state === 'approved'
                    ? t('decidedApproved', { name: appeal.approvedByUsername ?? '—', date: day(appeal.approvedAt!) })
                    : t('decidedRejected', { name: appeal.rejectedByUsername ?? '—', date: day(appeal.rejectedAt!) })}
                </p>
                {appeal.reply ? (
                  <div>
                    <h3 className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{t('reply')}</h3>
                    <p className="whitespace-pre-wrap" data-testid="appeal-reply">
                      {appeal.reply}
                    </p>
                    <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('replyBy', { name: appeal.replyAuthorUsername ?? '—' })}</p>
                  </div>
                ) : null}
              </div>
            )}
          </Card>

          <Card>
            <div className="flex items-center justify-between gap-2">
              <h2 className="text-base font-semibold">{t('history')}</h2>
              {can(actor.permissions, 'manage_users') ? (
                <Link href={`/accounts/${appeal.accountId}`} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  {t('historyLink')}
                </Link>
              ) : null}
            </div>
            <h3 className="mt-3 text-xs font-medium text-zinc-600 dark:text-zinc-400">{t('currentState')}</h3>
            <div className="mt-1" data-testid="appeal-account-state">
              <AccountStateBadges
                account={{
                  domain: appeal.domain,
                  suspendedAt: appeal.suspendedAt,
                  suspensionOrigin: appeal.suspensionOrigin,
                  silencedAt: appeal.silencedAt,
                  sensitizedAt: appeal.sensitizedAt,
                  requestedDeletionAt: null,
                  memorial: false,
                  actorType: null,
                  approved: true,
                  disabled: appeal.userDisabled,
                  confirmedAt: new Date(0),
                  userId: null,
                }}
                showOrigin
              />
            </div>
            <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
              {t('strikesTotal', { count: strikes.length, recent })} {t('reportsAgainst', { count: reports.against, open: reports.openAgainst })}
            </p>
            <StrikesList strikes={strikes} canOpenAppeals />
            <div className="mt-4" data-testid="appeal-account-timeline">
              <ModerationTimeline entries={timeline} now={now} mastodonUrl={mastodonUrl ?? null} />
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}
