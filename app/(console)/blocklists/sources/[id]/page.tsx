import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { getBlocklistSource, listHeldBackEntries, listSourceChanges, listSourceFetches } from '@/db/queries/blocklist-sources';
import { displayDomain } from '@/lib/blocklist/domain';
import { requirePermission } from '@/lib/session';
import { SourceActions } from '@/components/blocklists/source-actions';
import { SourceForm } from '@/components/blocklists/source-form';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const source = await getBlocklistSource({ db: (await getDatabase()).handle.db, id: (await params).id }).catch(() => null);
  return { title: source?.name ?? (await getTranslations('blocklists.sources'))('title') };
}

const CREATED = ['ok', 'unchanged', 'not_modified', 'error', 'busy'] as const;

export default async function BlocklistSourcePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('manage_federation');
  const t = await getTranslations('blocklists.source');
  const db = (await getDatabase()).handle.db;
  const source = await getBlocklistSource({ db, id: (await params).id });
  if (!source) notFound();
  const [fetches, changes, held] = await Promise.all([listSourceFetches({ db, sourceId: source.id }), listSourceChanges({ db, sourceId: source.id, limit: 50 }), listHeldBackEntries({ db, sourceId: source.id })]);
  const created = (await searchParams).created;
  const createdStatus = CREATED.find((c) => c === created);
  const cell = 'px-3 py-2';

  return (
    <section aria-labelledby="source-title" className="space-y-5">
      <Link href="/blocklists/sources" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        ← {t('back')}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="source-title" className="text-lg font-semibold">
            {source.name}
          </h2>
          <p className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{source.url}</p>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {t('summary', { entries: source.entriesCount, format: source.resolvedFormat ?? source.format })}
            {source.lastSuccessAt ? ` ${t('lastSuccess', { at: source.lastSuccessAt.toISOString().slice(0, 16).replace('T', ' ') })}` : ''}
          </p>
        </div>
        <SourceActions id={source.id} name={source.name} />
      </div>
      {createdStatus ? <Alert tone={createdStatus === 'error' ? 'warning' : 'success'}>{t(`created.${createdStatus}`, { entries: source.entriesCount, error: source.lastError ?? '' })}</Alert> : null}
      {source.lastError && createdStatus !== 'error' ? <Alert tone="error" title={t('lastError')}>{source.lastError}</Alert> : null}

      <SourceForm
        mode="edit"
        id={source.id}
        hasSecret={!!source.authSecretSealed}
        initial={{
          name: source.name,
          url: source.url,
          format: source.format,
          role: source.role,
          priority: source.priority,
          weight: source.weight,
          maxSeverity: source.maxSeverity,
          authType: source.authType,
          authUsername: source.authUsername ?? '',
          authSecret: '',
          autoApply: source.autoApply,
          autoRetract: source.autoRetract,
          refreshMinutes: source.refreshMinutes,
          enabled: source.enabled,
        }}
      />

      <div>
        <h3 className="text-sm font-semibold">{t('fetches')}</h3>
        <div className="mt-2 overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          <table className="min-w-full text-sm" aria-label={t('fetches')}>
            <thead className="bg-zinc-50 text-left text-xs text-zinc-600 uppercase dark:bg-zinc-800/60 dark:text-zinc-300">
              <tr>
                <th scope="col" className={cell}>
                  {t('fetchColumns.at')}
                </th>
                <th scope="col" className={cell}>
                  {t('fetchColumns.status')}
                </th>
                <th scope="col" className={cell}>
                  {t('fetchColumns.entries')}
                </th>
                <th scope="col" className={cell}>
                  {t('fetchColumns.changes')}
                </th>
                <th scope="col" className={cell}>
                  {t('fetchColumns.duration')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="fetch-history">
              {fetches.length === 0 ? (
                <tr>
                  <td colSpan={5} className={`${cell} text-zinc-600 dark:text-zinc-400`}>
                    {t('noFetches')}
                  </td>
                </tr>
              ) : (
                fetches.map((f) => (
                  <tr key={f.id} data-testid="fetch-row">
                    <td className={`${cell} whitespace-nowrap`}>{f.startedAt.toISOString().slice(0, 19).replace('T', ' ')}</td>
                    <td className={cell}>
                      <Badge tone={f.status === 'error' ? 'red' : f.status === 'ok' ? 'emerald' : 'neutral'}>{t(`fetchStatus.${f.status}`)}</Badge>
                      {f.httpStatus ? <span className="ml-1 text-xs text-zinc-600 dark:text-zinc-400">HTTP {f.httpStatus}</span> : null}
                      {f.error ? <p className="mt-1 max-w-md text-xs text-red-800 dark:text-red-300">{f.error}</p> : null}
                    </td>
                    <td className={`${cell} tabular-nums`}>{f.entries ?? '—'}</td>
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>{f.status === 'ok' ? t('changeCounts', { added: f.added, changed: f.changed, removed: f.removed }) : '—'}</td>
                    <td className={`${cell} tabular-nums`}>{t('ms', { ms: f.durationMs })}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </div>

      <div>
        <h3 className="text-sm font-semibold">{t('changes')}</h3>
        {changes.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t('noChanges')}</p>
        ) : (
          <ul className="mt-2 divide-y divide-zinc-100 rounded-lg bg-white text-sm shadow-sm ring-1 ring-zinc-200 dark:divide-zinc-800 dark:bg-zinc-900 dark:ring-zinc-800" data-testid="source-changes">
            {changes.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-1.5">
                <span>
                  <Badge tone={c.kind === 'added' ? 'red' : c.kind === 'removed' ? 'emerald' : 'amber'}>{t(`changeKinds.${c.kind}`)}</Badge>{' '}
                  <span className="font-medium">{c.domain ? displayDomain(c.domain) : c.key.slice(1)}</span>{' '}
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">{c.kind === 'changed' ? `${c.severityBefore} → ${c.severityAfter}` : (c.severityAfter ?? c.severityBefore)}</span>
                </span>
                <time className="text-xs text-zinc-600 dark:text-zinc-400" dateTime={c.createdAt.toISOString()}>
                  {c.createdAt.toISOString().slice(0, 16).replace('T', ' ')}
                </time>
              </li>
            ))}
          </ul>
        )}
      </div>

      {held.length ? (
        <div>
          <h3 className="text-sm font-semibold">{t('held', { count: held.length })}</h3>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('heldIntro')}</p>
          <ul className="mt-2 flex flex-wrap gap-1.5" data-testid="source-held">
            {held.map((e) => (
              <li key={e.key}>
                <Badge tone={e.canary ? 'amber' : 'indigo'} title={e.publicComment ?? undefined}>
                  <span className="font-mono">{e.domain ?? e.input}</span> · {e.canary ? t('canary') : t('obfuscated')}
                </Badge>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
