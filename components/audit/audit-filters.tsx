import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { AuditActor } from '@/db/queries/audit-log';
import { AUDIT_ACTION_TYPES, AUDIT_TARGET_TYPES, PALISADE_KEY_PREFIX } from '@/lib/audit-actions';
import type { AuditFilters as Filters } from '@/lib/audit-filters';
import { displayDomain } from '@/lib/blocklist/domain';
import { acct } from '@/lib/format';

const field = 'rounded-md border-0 bg-white px-2 py-1.5 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-600 dark:bg-zinc-900 dark:ring-zinc-700';

/**
 * A plain GET form: the URL is the state, so it works before JavaScript loads, the back button
 * undoes a filter, and a filtered view can be shared. Action types are grouped by target type.
 */
export async function AuditFiltersForm({ filters, actors, searchId }: { filters: Filters; actors: AuditActor[]; searchId: string }) {
  const t = await getTranslations('audit');
  const chosen = new Set(filters.actions.map((a) => a.key));
  const groups = AUDIT_TARGET_TYPES.map((targetType) => ({
    targetType,
    types: AUDIT_ACTION_TYPES.filter((a) => a.targetType === targetType),
  }));
  const actionLabel = (key: string) =>
    key.startsWith(PALISADE_KEY_PREFIX)
      ? t(`actionTypes.palisade.${key.slice(PALISADE_KEY_PREFIX.length)}` as 'actionTypes.palisade.assigned_report')
      : t(`actionTypes.mastodon.${key}` as 'actionTypes.mastodon.resolve_report');
  const targetTypeLabel = (type: string) => t(`targetTypes.${type}` as 'targetTypes.Report');
  return (
    <form method="get" action="/audit" aria-label={t('filters.legend')} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
      <div className="grid items-start gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <div className="grid gap-1 text-sm">
          <label htmlFor="audit-actor" className="font-medium">
            {t('filters.actor')}
          </label>
          <select id="audit-actor" name="actor" defaultValue={filters.actorIds[0] ?? ''} className={field}>
            <option value="">{t('filters.anyActor')}</option>
            {actors.map((a) => (
              <option key={a.accountId} value={a.accountId}>
                {acct(a.username, a.domain)}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1 text-sm">
          <label htmlFor="audit-target-type" className="font-medium">
            {t('filters.targetType')}
          </label>
          <select id="audit-target-type" name="target_type" defaultValue={filters.targetType ?? ''} className={field}>
            <option value="">{t('filters.anyTargetType')}</option>
            {AUDIT_TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {targetTypeLabel(type)}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1 text-sm">
          <label htmlFor="audit-domain" className="font-medium">
            {t('filters.domain')}
          </label>
          <input id="audit-domain" name="domain" defaultValue={filters.targetDomain ? displayDomain(filters.targetDomain) : ''} className={field} placeholder="example.com" aria-describedby="audit-domain-hint" />
          <span id="audit-domain-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
            {t('filters.domainHint')}
          </span>
        </div>
        <div className="grid gap-1 text-sm">
          <label htmlFor="audit-from" className="font-medium">
            {t('filters.from')}
          </label>
          <input id="audit-from" type="date" name="from" defaultValue={filters.from ?? ''} className={field} />
        </div>
        <div className="grid gap-1 text-sm">
          <label htmlFor="audit-to" className="font-medium">
            {t('filters.to')}
          </label>
          <input id="audit-to" type="date" name="to" defaultValue={filters.to ?? ''} className={field} />
        </div>
        <div className="grid gap-1 text-sm">
          <label htmlFor={searchId} className="font-medium">
            {t('filters.query')}
          </label>
          <input id={searchId} type="search" name="q" maxLength={200} defaultValue={filters.query ?? ''} placeholder={t('filters.queryPlaceholder')} className={field} />
        </div>
      </div>
      {/* A multi-actor URL keeps its other actors when the form is submitted again. */}
      {filters.actorIds.slice(1).map((id) => (
        <input key={id} type="hidden" name="actor" value={id} />
      ))}
      <details className="rounded-md ring-1 ring-zinc-200 dark:ring-zinc-800" open={filters.actions.length > 0 ? true : undefined}>
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
          {t('filters.actions')}: {t('filters.actionsSelected', { count: filters.actions.length })}
        </summary>
        <fieldset className="grid gap-x-6 gap-y-3 px-3 pb-3 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="sr-only">{t('filters.actionsHint')}</legend>
          {groups.map((g) => (
            <div key={g.targetType} role="group" aria-label={targetTypeLabel(g.targetType)}>
              <p className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">{targetTypeLabel(g.targetType)}</p>
              <ul className="mt-1 space-y-0.5">
                {g.types.map((a) => (
                  <li key={a.key}>
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name="action" value={a.key} defaultChecked={chosen.has(a.key)} className="size-4 rounded border-zinc-400" />
                      {actionLabel(a.key)}
                      {a.source === 'palisade' ? <span className="text-xs text-zinc-500 dark:text-zinc-400">({t('source.palisade')})</span> : null}
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </fieldset>
      </details>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400">
          {t('filters.apply')}
        </button>
        <Link href="/audit" className="text-sm font-medium text-zinc-700 hover:underline dark:text-zinc-300">
          {t('filters.clear')}
        </Link>
      </div>
    </form>
  );
}
