import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { countDomainBlocks } from '@/db/queries/domain-blocks';
import { EXPORT_FORMATS } from '@/lib/blocklist/export';
import { requirePermission } from '@/lib/session';
import { Card } from '@/components/ui/card';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('federation.export'))('title') };
}

const control = 'mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

/** A GET form: the download is a plain link any tool (or curl with a session) can fetch. */
export default async function ExportPage() {
  await requirePermission('manage_federation');
  const t = await getTranslations('federation.export');
  const counts = await countDomainBlocks({ db: (await getDatabase()).handle.replica }).catch(() => null);
  return (
    <section aria-labelledby="export-title" className="space-y-4">
      <div>
        <h2 id="export-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
        {counts ? <p className="mt-1 text-sm">{t('counts', { total: counts.suspend + counts.silence + counts.noop })}</p> : null}
      </div>
      <Card>
        <form method="get" action="/federation/export/download" className="grid gap-4 md:grid-cols-3" aria-label={t('formLabel')}>
          <div>
            <label htmlFor="export-format" className="block text-sm font-medium">
              {t('format')}
            </label>
            <select id="export-format" name="format" defaultValue="mastodon_csv" className={control}>
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`formats.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="export-scope" className="block text-sm font-medium">
              {t('scope')}
            </label>
            <select id="export-scope" name="scope" defaultValue="limited" className={control} aria-describedby="export-scope-help">
              <option value="limited">{t('scopes.limited')}</option>
              <option value="all">{t('scopes.all')}</option>
            </select>
            <p id="export-scope-help" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              {t('scopeHelp')}
            </p>
          </div>
          <div>
            <label htmlFor="export-comments" className="block text-sm font-medium">
              {t('comments')}
            </label>
            <select id="export-comments" name="comments" defaultValue="yes" className={control}>
              <option value="yes">{t('commentsYes')}</option>
              <option value="no">{t('commentsNo')}</option>
            </select>
          </div>
          <ul className="space-y-1 text-xs text-zinc-600 md:col-span-3 dark:text-zinc-400">
            <li>{t('notePrivate')}</li>
            <li>{t('noteFormula')}</li>
            <li>{t('noteJson')}</li>
          </ul>
          <div className="md:col-span-3">
            <button type="submit" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400">
              {t('download')}
            </button>
          </div>
        </form>
      </Card>
    </section>
  );
}
