import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { findDomainBlocks, getDomainImpact } from '@/db/queries/domain-blocks';
import { getInstanceState, listInstanceAccounts, listInstanceFollows, listInstanceLogs, listInstanceNotes, listInstanceReports } from '@/db/queries/instances';
import { displayDomain, domainVariants, normalizeDomain, ruleFor } from '@/lib/blocklist/domain';
import { can } from '@/lib/permissions';
import { requirePermission } from '@/lib/session';
import { InstanceNotes } from '@/components/federation/instance-notes';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PolicyBadgesServer } from '@/components/federation/policy-badges-server';

export const dynamic = 'force-dynamic';

function domainOf(raw: string): string | null {
  const n = normalizeDomain(decodeURIComponent(raw));
  return n.ok ? n.ascii : null;
}

export async function generateMetadata({ params }: { params: Promise<{ domain: string }> }): Promise<Metadata> {
  const domain = domainOf((await params).domain);
  return { title: domain ? displayDomain(domain) : (await getTranslations('federation.instances'))('title') };
}

const CATEGORY: Record<number, string> = { 0: 'other', 1000: 'spam', 1500: 'legal', 2000: 'violation' };

function Section({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <Card>
      <h3 id={id} className="text-sm font-semibold">
        {title}
      </h3>
      <div className="mt-3">{children}</div>
    </Card>
  );
}

/** Mastodon's /admin/instances/:domain: everything about one server, and what a block would do to it. */
export default async function InstancePage({ params }: { params: Promise<{ domain: string }> }) {
  const actor = await requirePermission('manage_federation');
  const t = await getTranslations('federation.instance');
  const domain = domainOf((await params).domain);
  if (!domain) notFound();
  const db = (await getDatabase()).handle.replica;
  const [state, known, figures, accounts, localFollowing, remoteFollowing, against, from, notes, logs] = await Promise.all([
    getInstanceState({ db, domain }),
    findDomainBlocks({ db, domains: domainVariants(domain) }),
    getDomainImpact({ db, domain }),
    listInstanceAccounts({ db, domain }),
    listInstanceFollows({ db, domain, direction: 'local_follows_remote' }),
    listInstanceFollows({ db, domain, direction: 'remote_follows_local' }),
    listInstanceReports({ db, domain, side: 'against' }),
    listInstanceReports({ db, domain, side: 'from' }),
    listInstanceNotes({ db, domain }),
    listInstanceLogs({ db, domain }),
  ]);
  const block = ruleFor(domain, (d) => known.find((b) => b.domain === d));
  if (!state.known && !block && notes.length === 0) notFound();
  const n = (v: number) => v.toLocaleString('en');
  const acct = (u: string) => `@${u}@${displayDomain(domain)}`;

  return (
    <section aria-labelledby="instance-title" className="space-y-4">
      <Link href="/federation/instances" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        ← {t('back')}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="instance-title" className="text-xl font-semibold">
            {displayDomain(domain)}
          </h2>
          {displayDomain(domain) !== domain ? <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{domain}</p> : null}
          <p className="mt-1 flex flex-wrap gap-1.5">
            {block ? <PolicyBadgesServer severity={block.severity} rejectMedia={block.rejectMedia} rejectReports={block.rejectReports} obfuscate={block.obfuscate} /> : <Badge tone="emerald">{t('notBlocked')}</Badge>}
            {state.allow ? <Badge tone="emerald">{t('allowed')}</Badge> : null}
            {state.unavailableSince ? <Badge>{t('unavailable', { date: state.unavailableSince.toISOString().slice(0, 10) })}</Badge> : null}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {block && block.domain === domain ? (
            <Link href={`/federation/domain-blocks/${block.id}`} className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500">
              {t('editBlock')}
            </Link>
          ) : (
            <Link href={`/federation/domain-blocks/new?domain=${encodeURIComponent(domain)}`} className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500">
              {t('block')}
            </Link>
          )}
        </div>
      </div>
      {block && block.domain !== domain ? (
        <Alert tone="info">
          {t.rich('coveredByParent', {
            link: (chunks) => (
              <Link href={`/federation/domain-blocks/${block.id}`} className="font-semibold underline">
                {chunks}
              </Link>
            ),
            parent: displayDomain(block.domain),
          })}
        </Alert>
      ) : null}
      {block?.privateComment || block?.publicComment ? (
        <Card className="text-sm">
          {block.publicComment ? <p>{t('publicComment', { comment: block.publicComment })}</p> : null}
          {block.privateComment ? <p className="text-zinc-700 italic dark:text-zinc-300">{t('privateComment', { comment: block.privateComment })}</p> : null}
        </Card>
      ) : null}

      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="instance-figures">
        {(
          [
            ['accounts', figures.accounts],
            ['statuses', figures.statuses],
            ['localFollowers', figures.localFollowers],
            ['localFollowed', figures.localFollowed],
            ['openReports', figures.openReports],
            ['cachedMedia', figures.cachedMedia],
          ] as const
        ).map(([key, value]) => (
          <Card key={key} className="p-3">
            <p className="text-xs text-zinc-600 dark:text-zinc-400">{t(`figures.${key}`)}</p>
            <p className="text-lg font-semibold tabular-nums">{n(value)}</p>
          </Card>
        ))}
      </div>
      {figures.domains.length > 1 ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('subdomains', { count: figures.domains.length - 1, list: figures.domains.slice(1, 8).map(displayDomain).join(', ') })}</p> : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Section id="instance-accounts" title={t('accounts')}>
          {accounts.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('none')}</p>
          ) : (
            <ul className="space-y-1.5 text-sm">
              {accounts.map((a) => (
                <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link href={`/accounts/${a.id}`} className="truncate font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                    <bdi>{a.displayName.trim() || a.username}</bdi> <span className="text-xs text-zinc-600 dark:text-zinc-400">{acct(a.username)}</span>
                  </Link>
                  <span className="flex items-center gap-1 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
                    {a.suspended ? <Badge tone="red">{t('suspended')}</Badge> : a.silenced ? <Badge tone="amber">{t('limited')}</Badge> : null}
                    {t('accountLine', { local: a.localFollowers, statuses: a.statuses })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="instance-notes" title={t('notesTitle')}>
          <InstanceNotes
            domain={domain}
            notes={notes.map((note) => ({
              id: note.id,
              content: note.content,
              author: note.authorUsername,
              createdAt: note.createdAt.toISOString(),
              deletable: note.authorId === actor.accountId || can(actor.permissions, 'administrator') || actor.rolePosition > note.authorRolePosition,
            }))}
          />
        </Section>
        <Section id="instance-following" title={t('localFollowing')}>
          {localFollowing.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('none')}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {localFollowing.map((f) => (
                <li key={f.id}>
                  <Link href={`/accounts/${f.localId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                    @{f.localUsername}
                  </Link>{' '}
                  → <Link href={`/accounts/${f.remoteId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">{acct(f.remoteUsername)}</Link>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="instance-followers" title={t('remoteFollowing')}>
          {remoteFollowing.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('none')}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {remoteFollowing.map((f) => (
                <li key={f.id}>
                  <Link href={`/accounts/${f.remoteId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                    {acct(f.remoteUsername)}
                  </Link>{' '}
                  → <Link href={`/accounts/${f.localId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">@{f.localUsername}</Link>
                </li>
              ))}
            </ul>
          )}
        </Section>
        {(
          [
            ['against', against],
            ['from', from],
          ] as const
        ).map(([side, reports]) => (
          <Section key={side} id={`instance-reports-${side}`} title={t(`reports.${side}`)}>
            {reports.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('none')}</p>
            ) : (
              <ul className="space-y-1.5 text-sm">
                {reports.map((r) => (
                  <li key={r.id}>
                    <Link href={`/reports/${r.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                      #{r.id}
                    </Link>{' '}
                    {r.open ? <Badge tone="amber">{t('open')}</Badge> : <Badge>{t('resolved')}</Badge>} <span className="text-xs text-zinc-600 dark:text-zinc-400">{t('reportLine', { category: CATEGORY[r.category] ?? 'other', reporter: r.reporter, target: r.target, date: r.createdAt.toISOString().slice(0, 10) })}</span>
                    {r.comment ? <p className="line-clamp-2 text-xs break-words text-zinc-700 dark:text-zinc-300">{r.comment}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        ))}
      </div>
      <Section id="instance-log" title={t('log')}>
        {logs.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('none')}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {logs.map((l) => (
              <li key={l.id}>
                <time dateTime={l.createdAt.toISOString()} className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
                  {l.createdAt.toISOString().slice(0, 16).replace('T', ' ')}
                </time>{' '}
                {t('logLine', { actor: l.actor, action: l.action, target: l.targetType ?? '', identifier: l.humanIdentifier ?? '' })}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </section>
  );
}
