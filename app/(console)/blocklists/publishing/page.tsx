import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { listAllies, listReads } from '@/db/queries/blocklist-publishing';
import { getBlocklistSettings } from '@/db/queries/blocklist-suggestions';
import { PUBLISH_FORMATS } from '@/lib/blocklist/sources';
import { publishPath } from '@/lib/blocklist/sources-publish';
import { requirePermission } from '@/lib/session';
import { AlliesManager } from '@/components/blocklists/allies-manager';
import { PublishingForm } from '@/components/blocklists/publishing-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('blocklists.publishing'))('title') };
}

function parseBefore(value: string | string[] | undefined): { at: Date; id: string } | null {
  const v = Array.isArray(value) ? value[0] : value;
  const m = v ? /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_(\d+)$/.exec(v) : null;
  return m ? { at: new Date(m[1]!), id: m[2]! } : null;
}

/** Our list for others: who may read which format, the allies and their tokens, and every read. */
export default async function BlocklistPublishingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('manage_federation');
  const t = await getTranslations('blocklists.publishing');
  const db = (await getDatabase()).handle.db;
  const before = parseBefore((await searchParams).before);
  const [settings, allies, reads] = await Promise.all([getBlocklistSettings({ db }), listAllies({ db, now: new Date() }), listReads({ db, before, limit: 50 })]);
  const h = await headers();
  const base = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost'}`;
  const urls = Object.fromEntries(PUBLISH_FORMATS.map((f) => [f, `${base}${publishPath(f)}`])) as Record<(typeof PUBLISH_FORMATS)[number], string>;
  const last = reads.at(-1);
  const cell = 'px-3 py-1.5';

  return (
    <section aria-labelledby="publishing-title" className="space-y-6">
      <div>
        <h2 id="publishing-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      </div>
      <PublishingForm initial={{ visibility: settings.visibility, commentVisibility: settings.commentVisibility, publishSubscribed: settings.publishSubscribed }} urls={urls} />

      <div className="space-y-3">
        <h3 className="text-base font-semibold">{t('alliesTitle')}</h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('alliesIntro')}</p>
        <AlliesManager
          indexUrl={`${base}/api/blocklists`}
          allies={allies.map((a) => ({
            id: a.id,
            name: a.name,
            domain: a.domain,
            createdAt: a.createdAt.toISOString(),
            revokedAt: a.revokedAt?.toISOString() ?? null,
            lastReadAt: a.lastReadAt?.toISOString() ?? null,
            reads30d: a.reads30d,
            tokens: a.tokens.map((tok) => ({ id: tok.id, hint: tok.hint, createdAt: tok.createdAt.toISOString(), lastUsedAt: tok.lastUsedAt?.toISOString() ?? null, revokedAt: tok.revokedAt?.toISOString() ?? null })),
          }))}
        />
      </div>

      <div className="space-y-2">
        <h3 className="text-base font-semibold">{t('readsTitle')}</h3>
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          <table className="min-w-full text-sm" aria-label={t('readsTitle')}>
            <thead className="bg-zinc-50 text-left text-xs text-zinc-600 uppercase dark:bg-zinc-800/60 dark:text-zinc-300">
              <tr>
                <th scope="col" className={cell}>
                  {t('readColumns.at')}
                </th>
                <th scope="col" className={cell}>
                  {t('readColumns.reader')}
                </th>
                <th scope="col" className={cell}>
                  {t('readColumns.format')}
                </th>
                <th scope="col" className={cell}>
                  {t('readColumns.status')}
                </th>
                <th scope="col" className={cell}>
                  {t('readColumns.client')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="read-log">
              {reads.length === 0 ? (
                <tr>
                  <td colSpan={5} className={`${cell} text-zinc-600 dark:text-zinc-400`}>
                    {t('noReads')}
                  </td>
                </tr>
              ) : (
                reads.map((r) => (
                  <tr key={r.id} data-testid="read-row">
                    <td className={`${cell} whitespace-nowrap`}>{r.createdAt.toISOString().slice(0, 19).replace('T', ' ')}</td>
                    <td className={cell}>{r.allyName ?? t('anonymous')}</td>
                    <td className={`${cell} font-mono text-xs`}>{r.format}</td>
                    <td className={`${cell} tabular-nums ${r.status >= 400 ? 'text-red-800 dark:text-red-300' : ''}`}>{r.status}</td>
                    <td className={`${cell} max-w-xs truncate text-xs text-zinc-600 dark:text-zinc-400`} title={r.userAgent ?? undefined}>
                      {[r.ip, r.userAgent].filter(Boolean).join(' · ') || '—'}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        <nav aria-label={t('readsPager')} className="flex gap-3 text-sm">
          {before ? (
            <Link href="/blocklists/publishing" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {t('newest')}
            </Link>
          ) : null}
          {reads.length === 50 && last ? (
            <Link href={`/blocklists/publishing?before=${last.createdAt.toISOString()}_${last.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {t('older')}
            </Link>
          ) : null}
        </nav>
      </div>
    </section>
  );
}
