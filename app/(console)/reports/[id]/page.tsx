import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { listReportNotes } from '@/db/queries/report-notes';
import { getModeratorMediaPreference } from '@/db/queries/report-preferences';
import { touchReportView } from '@/db/queries/report-presence';
import { getStatusesForModeration } from '@/db/queries/report-statuses';
import {
  countReportsFiledBy,
  findNextReportInQueue,
  getReportAssignment,
  getReportDetail,
  listAccountModerationNotes,
  listAccountModerationTimeline,
  listReportsAgainstAccount,
  listRulesByIds,
  listStrikesAgainstAccount,
} from '@/db/queries/reports';
import { listWarningPresets } from '@/db/queries/warning-presets';
import { ReporterCard, TargetCard } from '@/components/reports/account-card';
import { ModerationNotes, ModerationTimeline, PreviousReports, StrikeList } from '@/components/reports/account-history';
import { CategoryBadge } from '@/components/reports/category-badge';
import { durationFormatter, sinceFormatter } from '@/components/reports/duration-text';
import { ReportActionsPanel } from '@/components/reports/report-actions-panel';
import { ReportNotes } from '@/components/reports/report-notes';
import { ReportPresence } from '@/components/reports/report-presence';
import { MediaPreferenceForm } from '@/components/status/media-preference-form';
import { StatusCard } from '@/components/status/status-card';
import { mediaBaseUrl, toStatusViews } from '@/components/status/status-view';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { accountActionChoices } from '@/lib/account-action-options';
import { env } from '@/lib/env';
import { displayAcct } from '@/lib/report-display';
import { writeMode } from '@/lib/mode';
import { can } from '@/lib/permissions';
import { parseReportFilters, reportFiltersToSearchParams } from '@/lib/report-filters';
import { categoryName } from '@/lib/report-priority';
import { revealHiddenControls } from '@/lib/sanitize-html';
import { requirePermission } from '@/lib/session';
import { saveMediaPreferenceAction } from '../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: (await getTranslations('reports'))('report.title', { id: /^\d{1,19}$/.test(id) ? id : '?' }) };
}

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('manage_reports');
  const { id } = await params;
  const search = await searchParams;
  const t = await getTranslations('reports');
  const ago = await durationFormatter();
  const since = await sinceFormatter();
  const prepared = await getDatabase();
  const db = prepared.handle.db;

  const detail = await getReportDetail({ db, reportId: id });
  if (!detail) notFound();

  // The queue the moderator came from, re-serialised so only understood filters travel on.
  const rawFrom = typeof search.from === 'string' ? search.from : '';
  const queueFilters = parseReportFilters(new URLSearchParams(rawFrom)).filters;
  const from = reportFiltersToSearchParams({ ...queueFilters, group: 'none' }).toString();
  const queueHref = from ? `/reports?${from}` : '/reports';
  const now = new Date();
  const mastodonUrl = env().MASTODON_URL ?? null;
  const mode = writeMode();
  const target = detail.target;
  const base = mediaBaseUrl({ embedded: prepared.embedded, mastodonUrl: mastodonUrl ?? undefined });

  const [statusRows, rules, previous, strikes, accountNotes, timeline, notes, presets, preference, viewers, nextId, filed, assignment] = await Promise.all([
    getStatusesForModeration({ db, ids: detail.statusIds }),
    listRulesByIds({ db, ids: detail.ruleIds }),
    listReportsAgainstAccount({ db, targetAccountId: target.id, excludeReportId: detail.id }),
    listStrikesAgainstAccount({ db, targetAccountId: target.id }),
    listAccountModerationNotes({ db, targetAccountId: target.id }),
    listAccountModerationTimeline({ db, targetAccountId: target.id, userId: target.user?.id ?? null }),
    listReportNotes({ db, reportId: detail.id }),
    listWarningPresets({ db }),
    getModeratorMediaPreference({ db, accountId: actor.accountId }),
    touchReportView({ db, reportId: detail.id, accountId: actor.accountId }),
    findNextReportInQueue({ db, filters: queueFilters, currentReportId: detail.id, actorAccountId: actor.accountId, asOf: now }),
    countReportsFiledBy({ db, accountId: detail.reporter.id }),
    getReportAssignment({ db, reportId: detail.id, assigneeAccountId: detail.assignee?.id ?? null }),
  ]);
  const statuses = toStatusViews(statusRows, { mediaBaseUrl: base });
  const missingPosts = detail.statusIds.length - statuses.length;
  const open = detail.resolvedAt === null;
  const targetAcct = displayAcct(target.username, target.domain);
  const choices = accountActionChoices(
    { permissions: actor.permissions, rolePosition: actor.rolePosition },
    {
      local: target.domain === null,
      instanceActor: target.id === '-99',
      suspended: target.suspendedAt !== null && target.id !== '-99',
      suspendedLocally: target.suspendedAt !== null && target.suspensionOrigin === 0,
      silenced: target.silencedAt !== null,
      sensitized: target.sensitizedAt !== null,
      rolePosition: target.user ? target.user.rolePosition : null,
    },
  );
  const assignedToOther = detail.assignee && detail.assignee.id !== actor.accountId ? displayAcct(detail.assignee.username, detail.assignee.domain) : null;
  const nextHref = nextId ? `/reports/${nextId}${from ? `?from=${encodeURIComponent(from)}` : ''}` : null;
  const category = categoryName(detail.category);
  const comment = revealHiddenControls(detail.comment);

  return (
    <div className="mx-auto max-w-7xl space-y-5">
      <nav className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Link href={queueHref} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          ← {t('report.back')}
        </Link>
        {nextHref ? (
          <Link href={nextHref} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" data-testid="next-report">
            {t('shortcuts.next')} →
          </Link>
        ) : null}
      </nav>

      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t('report.title', { id: detail.id })}</h1>
        <span data-testid="report-status">
          <Badge tone={open ? 'amber' : 'emerald'}>{open ? t('report.open') : t('report.resolved')}</Badge>
        </span>
        <CategoryBadge category={category} />
        <span className="text-sm text-zinc-600 dark:text-zinc-400" title={detail.createdAt.toISOString()}>
          {t('report.filed', { duration: since(detail.createdAt, now) })}
        </span>
        {detail.resolvedAt ? (
          <span className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="resolved-by">
            {detail.resolvedBy
              ? t('report.resolvedBy', { acct: `@${displayAcct(detail.resolvedBy.username, detail.resolvedBy.domain)}`, duration: ago(detail.resolvedAt, now) })
              : t('report.resolvedNoOne', { duration: since(detail.resolvedAt, now) })}
          </span>
        ) : null}
      </header>

      <ReportPresence reportId={detail.id} initial={viewers.map((v) => ({ accountId: v.accountId, acct: v.username }))} assignedToOther={assignedToOther} />

      {/* The two parties side by side: who is reported, and who reported them. */}
      <div className="grid gap-4 md:grid-cols-2">
        <TargetCard target={target} mediaBaseUrl={base} blur={preference.blur} greyscale={preference.greyscale} now={now} mastodonUrl={mastodonUrl} />
        <ReporterCard reporter={detail.reporter} filed={filed} mediaBaseUrl={base} blur={preference.blur} now={now} />
      </div>

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          <section aria-label={t('report.comment')} className="rounded-lg bg-white p-4 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <div className="sm:col-span-2">
                <dt className="text-xs font-semibold text-zinc-600 uppercase dark:text-zinc-400">{t('report.comment')}</dt>
                <dd className="mt-1 [overflow-wrap:anywhere] whitespace-pre-wrap" dir="auto" data-testid="report-comment">
                  {comment || <span className="text-zinc-600 italic dark:text-zinc-400">{t('report.noComment')}</span>}
                </dd>
              </div>
              {rules.length > 0 ? (
                <div className="sm:col-span-2">
                  <dt className="text-xs font-semibold text-zinc-600 uppercase dark:text-zinc-400">{t('report.rules')}</dt>
                  <dd className="mt-1">
                    <ul className="list-disc space-y-1 pl-5">
                      {rules.map((rule) => (
                        <li key={rule.id}>
                          {rule.text} {rule.deleted ? <Badge>{t('report.ruleDeleted')}</Badge> : null}
                          {rule.hint ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{rule.hint}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt className="text-xs font-semibold text-zinc-600 uppercase dark:text-zinc-400">{t('report.forwarded')}</dt>
                <dd className="mt-1">
                  {detail.reporter.domain !== null ? t('report.forwardedRemote') : target.domain === null ? '—' : detail.forwarded ? t('report.forwardedYes', { domain: target.domain }) : t('report.forwardedNo')}
                </dd>
              </div>
              {detail.applicationName ? (
                <div>
                  <dt className="text-xs font-semibold text-zinc-600 uppercase dark:text-zinc-400">{t('report.application')}</dt>
                  <dd className="mt-1">{detail.applicationName}</dd>
                </div>
              ) : null}
            </dl>
          </section>

          <section aria-labelledby="reported-posts" className="space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="reported-posts" className="text-lg font-semibold">
                {t('report.reportedPosts')} <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">{t('report.reportedPostsCount', { count: detail.statusIds.length })}</span>
              </h2>
              <MediaPreferenceForm preference={preference} save={saveMediaPreferenceAction} />
            </div>
            {missingPosts > 0 ? <Alert tone="info">{t('report.postsMissing', { count: missingPosts })}</Alert> : null}
            {statuses.map((status) => (
              <StatusCard key={status.id} status={status} mediaPreference={preference} />
            ))}
          </section>

          <ReportActionsPanel
            reportId={detail.id}
            version={detail.updatedAt.toISOString()}
            open={open}
            category={category}
            mode={mode}
            mastodonReportUrl={mastodonUrl ? `${mastodonUrl.replace(/\/+$/, '')}/admin/reports/${detail.id}` : null}
            target={{ acct: targetAcct, local: target.domain === null, hasEmail: Boolean(target.user?.email) }}
            choices={choices}
            openReportCount={previous.open + (open ? 1 : 0)}
            statusCount={statuses.length}
            mediaStatusCount={statuses.filter((s) => s.deletedAt === null && s.media.length > 0).length}
            presets={presets.map((p) => ({ id: p.id, title: p.title, text: p.text }))}
            from={from}
            assignedTo={detail.assignee ? { accountId: detail.assignee.id, acct: displayAcct(detail.assignee.username, detail.assignee.domain) } : null}
            assignedBy={
              assignment ? { accountId: assignment.byAccountId, acct: assignment.byUsername === null ? null : displayAcct(assignment.byUsername, assignment.byDomain), at: assignment.at.toISOString() } : null
            }
            asOf={now.toISOString()}
            actorAccountId={actor.accountId}
            nextHref={nextHref}
            queueHref={queueHref}
          />

          <ReportNotes
            reportId={detail.id}
            open={open}
            mode={mode}
            asOf={now.toISOString()}
            notes={notes.map((n) => ({
              id: n.id,
              content: revealHiddenControls(n.content),
              createdAt: n.createdAt.toISOString(),
              authorAcct: n.authorAcct,
              own: n.authorId === actor.accountId,
              deletable: n.authorId === actor.accountId || (can(actor.permissions, 'manage_reports') && actor.rolePosition > n.authorRolePosition),
            }))}
          />
        </div>

        <aside className="space-y-4">
          <PreviousReports reports={previous.rows} counts={{ open: previous.open, resolved: previous.resolved }} targetAccountId={target.id} from={from} now={now} />
          <StrikeList strikes={strikes} now={now} />
          <ModerationNotes notes={accountNotes} now={now} />
          <ModerationTimeline entries={timeline} now={now} mastodonUrl={mastodonUrl} />
        </aside>
      </div>
    </div>
  );
}
