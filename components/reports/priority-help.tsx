import { getTranslations } from 'next-intl/server';
import { CATEGORY_WEIGHTS } from '@/lib/report-priority';

/** The priority formula, printed from the same constants the SQL uses (lib/report-priority.ts). */
export async function PriorityHelp({ open = false, grouped = false }: { open?: boolean; grouped?: boolean }) {
  const t = await getTranslations('reports.priority');
  return (
    <details className="rounded-md bg-zinc-50 p-3 text-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800" open={open} data-testid="priority-help">
      <summary className="cursor-pointer font-medium">{t('summary')}</summary>
      <div className="mt-2 space-y-1 text-zinc-700 dark:text-zinc-300">
        <p className="font-mono text-xs">{t('formula')}</p>
        <p>{t('weights', CATEGORY_WEIGHTS)}</p>
        <p>{t('hours')}</p>
        <p>{t('reporters')}</p>
        {grouped ? <p>{t('groups')}</p> : null}
      </div>
    </details>
  );
}
