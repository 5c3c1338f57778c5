import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { RoleOption } from '@/db/queries/accounts';
import { ACCOUNT_STATUSES, type ParsedAccountSearch } from '@/lib/account-filters';
import { SearchShortcut } from './search-shortcut';

const input =
  'mt-1 block w-full rounded-md border-0 bg-white px-3 py-1.5 text-sm ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

/** Mastodon's account filters as a plain GET form: works without JavaScript, the URL is the state. */
export function AccountsSearchForm({ form, roles, showIp }: { form: ParsedAccountSearch['form']; roles: RoleOption[]; showIp: boolean }) {
  const t = useTranslations('accounts.search');
  const field = (name: keyof ParsedAccountSearch['form'], label: string, help?: string) => (
    <div>
      <label htmlFor={`search-${name}`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      <input id={`search-${name}`} name={name} defaultValue={form[name]} className={input} aria-describedby={help ? `search-${name}-help` : undefined} autoComplete="off" />
      {help ? (
        <p id={`search-${name}-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {help}
        </p>
      ) : null}
    </div>
  );
  return (
    <form method="get" action="/accounts" role="search" aria-label={t('label')} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
      <SearchShortcut inputId="search-username" />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {field('username', t('username'), t('usernameHelp'))}
        {field('display_name', t('displayName'))}
        {field('by_domain', t('domain'))}
        {field('email', t('email'), t('emailHelp'))}
        {showIp ? field('ip', t('ip'), t('ipHelp')) : null}
        <div>
          <label htmlFor="search-origin" className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
            {t('origin')}
          </label>
          <select id="search-origin" name="origin" defaultValue={form.origin} className={input}>
            <option value="">{t('originAny')}</option>
            <option value="local">{t('originLocal')}</option>
            <option value="remote">{t('originRemote')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="search-status" className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
            {t('status')}
          </label>
          <select id="search-status" name="status" defaultValue={form.status} className={input}>
            <option value="">{t('statusAny')}</option>
            {ACCOUNT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search-role" className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
            {t('role')}
          </label>
          <select id="search-role" name="role" defaultValue={form.role} className={input}>
            <option value="">{t('roleAny')}</option>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-4 flex items-center gap-3">
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400">
          {t('submit')}
        </button>
        <Link href="/accounts" className="text-sm font-medium text-zinc-700 hover:underline dark:text-zinc-300">
          {t('reset')}
        </Link>
      </div>
    </form>
  );
}
