import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { listAccountNotes } from '@/db/queries/account-notes';
import { countReports, getAccountNames, getAccountProfile, listAccountAppeals, listAccountAuditEntries, listAccountIps, listAccountReports, listStrikes } from '@/db/queries/accounts';
import { listEventsForTarget } from '@/db/queries/events';
import { listWarningPresets } from '@/db/queries/warning-presets';
import { accountActionChoices, applicableUndos } from '@/lib/account-action-options';
import type { TargetStanding } from '@/lib/account-actions';
import { mayAddNote, mayDeleteNote } from '@/lib/account-notes';
import { deletionDate, profileImageUrl } from '@/lib/account-profile';
import { mergeTimeline, type TimelineItem, utcMinute } from '@/lib/account-timeline';
import { describeAuditRow } from '@/lib/audit-sentences';
import { env } from '@/lib/env';
import { acct } from '@/lib/format';
import { writeMode } from '@/lib/mode';
import { safeHref } from '@/lib/sanitize-html';
import { can } from '@/lib/permissions';
import { requirePermission } from '@/lib/session';
import { AccountActionForm } from '@/components/account-actions/account-action-form';
import { UndoButtons } from '@/components/account-actions/undo-buttons';
import { AccountPageShortcuts } from '@/components/accounts/account-page-shortcuts';
import { AccountReports } from '@/components/accounts/account-reports';
import { AccountStateBadges } from '@/components/accounts/account-state-badges';
import { AccountTimeline } from '@/components/accounts/account-timeline';
import { NotesPanel } from '@/components/accounts/notes-panel';
import { ProfileImages } from '@/components/accounts/profile-images';
import { SignupDecisionButtons } from '@/components/accounts/signup-decision-buttons';
import { StrikesList } from '@/components/accounts/strikes-list';
import { mediaBaseUrl } from '@/components/status/status-view';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';

export const dynamic = 'force-dynamic';

const TIMELINE_LIMIT = 100;

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations('accounts');
  if (!/^-?\d{1,19}$/.test(id)) return { title: t('title') };
  const profile = await getAccountProfile({ db: (await getDatabase()).handle.replica, accountId: id }).catch(() => undefined);
  return { title: profile ? `${acct(profile.username, profile.domain)} · ${t('title')}` : t('title') };
}


export default async function AccountPage({ params }: Params) {
  const actor = await requirePermission('manage_users');
  const { id } = await params;
  if (!/^-?\d{1,19}$/.test(id)) notFound();
  const t = await getTranslations('accounts.detail');
  const tTimeline = await getTranslations('accounts.timeline');
  const prepared = await getDatabase();
  const db = prepared.handle.db;
  const profile = await getAccountProfile({ db, accountId: id });
  if (!profile) notFound();

  const [ips, counts, strikes, notes, against, by, audit, events, appeals, presets] = await Promise.all([
    profile.userId ? listAccountIps({ db, userId: profile.userId }) : Promise.resolve([]),
    countReports({ db, accountId: id }),
    listStrikes({ db, accountId: id }),
    listAccountNotes({ db, targetAccountId: id }),
    listAccountReports({ db, accountId: id, side: 'against' }),
    listAccountReports({ db, accountId: id, side: 'by' }),
    listAccountAuditEntries({ db, accountId: id, userId: profile.userId, limit: TIMELINE_LIMIT }),
    listEventsForTarget({ db, targetType: 'Account', targetId: id }),
    listAccountAppeals({ db, accountId: id }),
    listWarningPresets({ db }),
  ]);

  const handle = acct(profile.username, profile.domain);
  const local = profile.domain === null;
  const standing: TargetStanding = {
    local,
    instanceActor: profile.id === '-99',
    suspended: profile.suspendedAt !== null && profile.id !== '-99',
    suspendedLocally: profile.suspendedAt !== null && profile.suspensionOrigin === 0,
    silenced: profile.silencedAt !== null,
    sensitized: profile.sensitizedAt !== null,
    rolePosition: profile.rolePosition,
  };
  const mover = { permissions: actor.permissions, rolePosition: actor.rolePosition };
  const choices = accountActionChoices(mover, standing);
  const undos = applicableUndos(mover, { ...standing, disabled: profile.disabled === true });
  const mastodonUrl = env().MASTODON_URL ?? null;
  // Remote accounts' URLs come from their servers: only http(s) links are offered.
  const profileUrl = safeHref(profile.url ?? undefined)?.href ?? null;
  const eventActors = await getAccountNames({ db, ids: events.map((e) => e.accountId).filter((a): a is string => a !== null) });
  const base = mediaBaseUrl({ embedded: prepared.embedded, mastodonUrl: mastodonUrl ?? undefined });

  const timeline: TimelineItem[] = mergeTimeline(
    [
      ...audit.map((row): TimelineItem => ({
        kind: 'audit',
        id: row.id,
        at: row.createdAt,
        source: 'mastodon',
        sentence: describeAuditRow({ source: 'mastodon', action: row.action, targetType: row.targetType, targetId: row.targetId, humanIdentifier: row.humanIdentifier, routeParam: row.routeParam, permalink: row.permalink, targetAccountId: id, details: null, actorUsername: row.actorUsername, actorDomain: row.actorDomain }, { mastodonUrl }),
      })),
      ...events.map((row): TimelineItem => ({
        kind: 'audit',
        id: row.id,
        at: row.createdAt,
        source: 'palisade',
        sentence: describeAuditRow({ source: 'palisade', action: row.action, targetType: row.targetType, targetId: row.targetId, humanIdentifier: row.humanIdentifier, routeParam: row.routeParam, permalink: null, targetAccountId: id, details: row.data, actorUsername: eventActors.get(row.accountId ?? '')?.username ?? null, actorDomain: eventActors.get(row.accountId ?? '')?.domain ?? null }),
      })),
      ...notes.map((n): TimelineItem => ({ kind: 'note', id: n.id, at: n.createdAt, actor: n.authorUsername ? acct(n.authorUsername, n.authorDomain) : null, content: n.content })),
      ...strikes.map((s): TimelineItem => ({ kind: 'strike', id: s.id, at: s.createdAt, actor: s.issuerUsername, action: s.action, text: s.text, overruled: s.overruledAt !== null })),
      ...against.map((r): TimelineItem => ({ kind: 'report', id: r.id, at: r.createdAt, side: 'against', other: acct(r.otherUsername, r.otherDomain), category: r.category, open: r.actionTakenAt === null })),
      ...by.map((r): TimelineItem => ({ kind: 'report', id: r.id, at: r.createdAt, side: 'by', other: acct(r.otherUsername, r.otherDomain), category: r.category, open: r.actionTakenAt === null })),
      ...appeals.map((a): TimelineItem => ({ kind: 'appeal', id: a.id, at: a.createdAt, strikeId: a.accountWarningId })),
    ],
    TIMELINE_LIMIT,
  );

  const noteViews = notes.map((n) => ({
    id: n.id,
    content: n.content,
    createdAt: n.createdAt,
    author: n.authorUsername ? acct(n.authorUsername, n.authorDomain) : tTimeline('someone'),
    canDelete: mayDeleteNote(actor, n),
  }));

  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <AccountPageShortcuts noteLabel={t('shortcutNote')} actionLabel={t('shortcutAction')} />
      <Link href="/accounts" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        ← {t('back')}
      </Link>

      <section aria-label={handle} className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
        <ProfileImages
          acct={handle}
          avatarUrl={profileImageUrl(profile, { fileName: profile.avatarFileName, storageSchemaVersion: profile.avatarStorageSchemaVersion }, 'avatar', base)}
          headerUrl={profileImageUrl(profile, { fileName: profile.headerFileName, storageSchemaVersion: profile.headerStorageSchemaVersion }, 'header', base)}
        />
        <div className="space-y-3 px-5 pt-12 pb-5">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h1 className="text-2xl font-semibold tracking-tight">
                <bdi>{profile.displayName.trim() || profile.username}</bdi>
              </h1>
              <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="account-acct">
                @{handle}
              </p>
            </div>
            <div className="flex flex-wrap gap-3 text-sm">
              {profileUrl ? (
                <a href={profileUrl} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" rel="noopener noreferrer" target="_blank">
                  {t('profile')} ↗
                </a>
              ) : null}
              {mastodonUrl ? (
                <a href={`${mastodonUrl.replace(/\/+$/, '')}/admin/accounts/${profile.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" rel="noopener noreferrer" target="_blank">
                  {t('openInMastodon')} ↗
                </a>
              ) : null}
            </div>
          </div>
          <AccountStateBadges account={profile} showOrigin />
          {profile.roleName ? <p className="text-sm">{t('role')}: {profile.roleName}</p> : null}
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
            {(
              [
                ['posts', profile.statusesCount],
                ['followers', profile.followersCount],
                ['following', profile.followingCount],
                ['lastPost', profile.lastStatusAt ? profile.lastStatusAt.toISOString().slice(0, 10) : t('noPost')],
                ['joined', profile.createdAt.toISOString().slice(0, 10)],
              ] as const
            ).map(([key, value]) => (
              <div key={key}>
                <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t(key)}</dt>
                <dd className="font-semibold tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
          {!local ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('remoteAccount', { domain: profile.domain ?? '' })}</p> : null}
          {profile.suspendedAt ? (
            <Alert tone="warning" title={t('suspension')}>
              <p>{profile.deletionRequestedAt ? t('deletionOn', { date: deletionDate(profile.deletionRequestedAt).toISOString().slice(0, 10) }) : t('dataPurged')}</p>
              {profile.emailBlocked ? <p>{t('emailBlocked')}</p> : null}
            </Alert>
          ) : null}
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <h2 className="text-base font-semibold">{t('strikes')}</h2>
            <StrikesList strikes={strikes} canOpenAppeals={can(actor.permissions, 'manage_appeals')} />
          </Card>
          <Card>
            <h2 className="text-base font-semibold">{t('reportsAgainst', { count: counts.against })}</h2>
            <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">{t('openCountAgainst', { count: counts.openAgainst })}</p>
            <AccountReports reports={against} side="against" />
          </Card>
          <Card>
            <h2 className="mb-2 text-base font-semibold">{t('reportsBy', { count: counts.by })}</h2>
            <AccountReports reports={by} side="by" />
          </Card>
          <Card>
            <h2 className="text-base font-semibold">{t('timeline')}</h2>
            <p className="mb-4 text-xs text-zinc-600 dark:text-zinc-400">{t('timelineHelp')}</p>
            <AccountTimeline items={timeline} />
          </Card>
        </div>

        <div className="space-y-6">
          <Card id="account-actions">
            {profile.userId && profile.approved === false ? (
              <SignupDecisionButtons accountId={profile.id} />
            ) : (
              <div className="space-y-5">
                <AccountActionForm
                  accountId={profile.id}
                  acct={handle}
                  local={local}
                  hasEmail={!!profile.email}
                  choices={choices}
                  presets={presets.map((p) => ({ id: p.id, title: p.title, text: p.text }))}
                  mode={writeMode()}
                  openReportCount={counts.openAgainst}
                />
                {/* Always mounted: after the last undo, it still says what was done. */}
                <UndoButtons accountId={profile.id} acct={handle} undos={undos} />
              </div>
            )}
          </Card>
          <Card>
            <NotesPanel accountId={profile.id} notes={noteViews} canAdd={mayAddNote(actor)} />
          </Card>
          {local ? (
            <Card>
              <h2 className="mb-3 text-base font-semibold">{t('signup')}</h2>
              <dl className="space-y-2 text-sm">
                <div>
                  <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t('email')}</dt>
                  <dd className="break-all">
                    {profile.email}{' '}
                    <span className="text-xs text-zinc-600 dark:text-zinc-400">({profile.confirmedAt ? `${t('confirmed')} ${profile.confirmedAt.toISOString().slice(0, 10)}` : t('notConfirmed')})</span>
                    {profile.unconfirmedEmail ? <span className="block text-xs">{t('unconfirmedEmail')}: {profile.unconfirmedEmail}</span> : null}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t('reason')}</dt>
                  <dd className="whitespace-pre-wrap">{profile.inviteRequest || <span className="italic">{t('noReason')}</span>}</dd>
                </div>
                {profile.invitedByUsername ? (
                  <div>
                    <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t('invitedBy')}</dt>
                    <dd>
                      <Link href={`/accounts/${profile.invitedByAccountId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                        @{profile.invitedByUsername}
                      </Link>{' '}
                      <span className="text-xs text-zinc-600 dark:text-zinc-400">{t('inviteCode', { code: profile.inviteCode ?? '' })}</span>
                    </dd>
                  </div>
                ) : null}
                <div>
                  <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t('signUpIp')}</dt>
                  <dd className="font-mono text-xs">{profile.signUpIp ?? '—'}</dd>
                </div>
                <div>
                  <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t('recentIps')}</dt>
                  <dd>
                    {ips.length === 0 ? (
                      <span className="text-xs">{t('noIps')}</span>
                    ) : (
                      <ul className="space-y-0.5" data-testid="account-ips">
                        {ips.map((ip) => (
                          <li key={ip.ip} className="flex justify-between gap-2 font-mono text-xs">
                            <Link href={`/accounts?ip=${encodeURIComponent(ip.ip)}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                              {ip.ip}
                            </Link>
                            <span className="text-zinc-600 dark:text-zinc-400">{ip.usedAt ? utcMinute(ip.usedAt) : ''}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </div>
                <div className="grid grid-cols-2 gap-2">
                  <div>
                    <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t('lastSignIn')}</dt>
                    <dd>{profile.currentSignInAt ? profile.currentSignInAt.toISOString().slice(0, 10) : '—'}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t('twoFactor')}</dt>
                    <dd>{profile.otpEnabled ? t('yes') : t('no')}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t('locale')}</dt>
                    <dd>{profile.locale ?? '—'}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t('role')}</dt>
                    <dd>{profile.roleName ?? t('roleEveryone')}</dd>
                  </div>
                </div>
              </dl>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
