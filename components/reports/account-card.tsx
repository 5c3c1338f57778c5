import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { displayAcct, displayName } from '@/lib/report-display';
import { formatLocalText, sanitizeRemoteHtml } from '@/lib/sanitize-html';
import type { ReportPageAccount, ReportTargetDetail } from '@/db/queries/reports';
import { StatusContent } from '@/components/status/status-card';
import { avatarUrl } from '@/components/status/status-view';
import { Badge } from '@/components/ui/badge';
import { AccountAvatar } from './account-avatar';
import { sinceFormatter } from './duration-text';

type Tone = 'red' | 'amber' | 'sky' | 'neutral' | 'emerald';

function states(target: ReportTargetDetail): Array<{ key: string; tone: Tone; values?: Record<string, string> }> {
  const out: Array<{ key: string; tone: Tone; values?: Record<string, string> }> = [];
  if (target.suspendedAt && target.id !== '-99') out.push({ key: target.suspensionOrigin === 1 ? 'suspendedRemote' : 'suspended', tone: 'red' });
  if (target.deletionRequestedAt) {
    const purge = new Date(target.deletionRequestedAt.getTime() + 30 * 86_400_000);
    out.push({ key: 'deletionPending', tone: 'red', values: { date: purge.toISOString().slice(0, 10) } });
  }
  if (target.requestedDeletionAt) out.push({ key: 'deleted', tone: 'neutral' });
  if (target.silencedAt) out.push({ key: 'silenced', tone: 'amber' });
  if (target.sensitizedAt) out.push({ key: 'sensitized', tone: 'amber' });
  if (target.user?.disabled) out.push({ key: 'disabled', tone: 'red' });
  if (target.user && !target.user.approved) out.push({ key: 'pending', tone: 'sky' });
  if (target.user && !target.user.confirmedAt) out.push({ key: 'unconfirmed', tone: 'neutral' });
  if (target.memorial) out.push({ key: 'memorial', tone: 'neutral' });
  if (target.movedToAccountId) out.push({ key: 'moved', tone: 'neutral' });
  if (target.actorType === 'Service' || target.actorType === 'Application') out.push({ key: 'bot', tone: 'neutral' });
  if (target.locked) out.push({ key: 'locked', tone: 'neutral' });
  if (out.length === 0) out.push({ key: 'ok', tone: 'emerald' });
  return out;
}

/** Who filed the report: a local user, a remote user, or another server (its instance actor). */
export async function ReporterCard({ reporter, filed, mediaBaseUrl, blur, now }: { reporter: ReportPageAccount; filed: { total: number; open: number }; mediaBaseUrl: string | null; blur: boolean; now: Date }) {
  const t = await getTranslations('reports');
  const since = await sinceFormatter();
  const handle = displayAcct(reporter.username, reporter.domain);
  const server = reporter.domain !== null && reporter.actorType === 'Application';
  return (
    <section className="rounded-lg bg-white p-4 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800" aria-labelledby="reporter-heading" data-testid="reporter-card">
      <h2 id="reporter-heading" className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
        {t('report.reporter')}
      </h2>
      <div className="mt-2 flex items-center gap-3">
        <AccountAvatar url={avatarUrl({ id: reporter.id, fileName: reporter.avatarFileName, storageSchemaVersion: reporter.avatarStorageSchemaVersion, local: reporter.domain === null, mediaBaseUrl })} blur={blur} />
        <div className="min-w-0">
          <bdi className="block truncate font-medium" dir="auto">
            {displayName(reporter.displayName, handle)}
          </bdi>
          <span className="block truncate text-sm text-zinc-600 dark:text-zinc-400">@{handle}</span>
          <span className="block text-xs text-zinc-600 dark:text-zinc-400" title={reporter.createdAt.toISOString()}>
            {t('account.joined', { duration: since(reporter.createdAt, now) })}
          </span>
        </div>
      </div>
      {server ? <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{t('account.instanceActor', { domain: reporter.domain ?? '' })}</p> : null}
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300" data-testid="reporter-filed">
        {t('account.filed', filed)}
      </p>
      {reporter.domain === null && reporter.id !== '-99' ? (
        <Link href={`/accounts/${reporter.id}`} className="mt-2 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {t('report.accountPage')}
        </Link>
      ) : null}
    </section>
  );
}

/** The reported account: age, counters, every restriction it is under, role and bio. */
export async function TargetCard({ target, mediaBaseUrl, blur, greyscale, now, mastodonUrl }: { target: ReportTargetDetail; mediaBaseUrl: string | null; blur: boolean; greyscale: boolean; now: Date; mastodonUrl: string | null }) {
  const t = await getTranslations('reports');
  const since = await sinceFormatter();
  const handle = displayAcct(target.username, target.domain);
  const bio = target.note ? (target.domain === null ? formatLocalText(target.note) : sanitizeRemoteHtml(target.note)) : '';
  return (
    <section className="rounded-lg bg-white p-4 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800" aria-labelledby="target-heading" data-testid="target-card">
      <h2 id="target-heading" className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
        {t('report.target')}
      </h2>
      <div className="mt-2 flex items-start gap-3">
        <AccountAvatar
          url={avatarUrl({ id: target.id, fileName: target.avatarFileName, storageSchemaVersion: target.avatarStorageSchemaVersion, local: target.domain === null, mediaBaseUrl })}
          blur={blur}
          greyscale={greyscale}
          size="lg"
        />
        <div className="min-w-0">
          <bdi className="block truncate text-lg font-semibold" dir="auto">
            {displayName(target.displayName, handle)}
          </bdi>
          <span className="block truncate text-sm text-zinc-600 dark:text-zinc-400">@{handle}</span>
          <span className="mt-1 block text-sm" title={target.createdAt.toISOString()} data-testid="target-age">
            {t('account.joined', { duration: since(target.createdAt, now) })}
          </span>
        </div>
      </div>
      <ul className="mt-3 flex flex-wrap gap-1.5" aria-label={t('report.target')} data-testid="target-states">
        {states(target).map((s) => (
          <li key={s.key}>
            <Badge tone={s.tone}>{t(`account.state.${s.key}` as 'account.state.ok', s.values ?? {})}</Badge>
          </li>
        ))}
        {target.user?.roleName ? (
          <li>
            <Badge tone="indigo">{t('account.role', { name: target.user.roleName })}</Badge>
          </li>
        ) : null}
      </ul>
      <dl className="mt-3 grid grid-cols-3 gap-2 text-center text-sm">
        <div className="rounded-md bg-zinc-50 p-2 dark:bg-zinc-800/60">
          <dd className="font-semibold tabular-nums">{target.statusesCount.toLocaleString('en')}</dd>
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t('account.posts', { count: target.statusesCount })}</dt>
        </div>
        <div className="rounded-md bg-zinc-50 p-2 dark:bg-zinc-800/60">
          <dd className="font-semibold tabular-nums">{target.followersCount.toLocaleString('en')}</dd>
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t('account.followers', { count: target.followersCount })}</dt>
        </div>
        <div className="rounded-md bg-zinc-50 p-2 dark:bg-zinc-800/60">
          <dd className="font-semibold tabular-nums">{target.followingCount.toLocaleString('en')}</dd>
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t('account.following', { count: target.followingCount })}</dt>
        </div>
      </dl>
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        {target.lastStatusAt ? t('account.lastStatus', { duration: since(target.lastStatusAt, now) }) : t('account.noPosts')}
      </p>
      {bio ? (
        <div className="mt-3">
          <h3 className="text-xs font-semibold text-zinc-600 dark:text-zinc-400">{t('account.bio')}</h3>
          <StatusContent html={bio} className="mt-1 text-zinc-800 dark:text-zinc-200" />
        </div>
      ) : null}
      {target.domain !== null ? <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">{t('report.remoteNote')}</p> : null}
      <p className="mt-3 flex flex-wrap gap-3 text-sm">
        <Link href={`/accounts/${target.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {t('report.accountPage')}
        </Link>
        {mastodonUrl ? (
          <a href={`${mastodonUrl.replace(/\/+$/, '')}/admin/accounts/${target.id}`} target="_blank" rel="noopener noreferrer" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            {t('report.openInMastodon')} ↗
          </a>
        ) : null}
      </p>
    </section>
  );
}
