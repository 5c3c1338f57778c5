'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { isTypingTarget } from '@/components/shell/page-shortcuts';
import { Button } from '@/components/ui/button';

/** The filters as URL values ('' = not set), prepared by the page from the parsed filters. */
export interface QueueFilterValues {
  status: string;
  category: string;
  rule: string;
  origin: string;
  domain: string;
  reporter_domain: string;
  target: string;
  assigned: string;
  forwarded: string;
  q: string;
  from: string;
  to: string;
  date: string;
  sort: string;
  group: string;
}

const DEFAULTS: Partial<QueueFilterValues> = { status: 'open', sort: 'oldest', group: 'none', date: 'created' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const select =
  'mt-1 block w-full rounded-md border-0 bg-white py-1.5 pr-8 pl-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';
const input = 'mt-1 block w-full rounded-md border-0 bg-white px-2 py-1.5 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

/**
 * The queue's filters. A plain GET form (works without JavaScript); with it, selects apply at
 * once and the URL keeps only what differs from the defaults, so links stay short and shareable.
 */
export function QueueFilters({ values, rules, targetAcct }: { values: QueueFilterValues; rules: Array<{ id: string; text: string }>; targetAcct: string | null }) {
  const t = useTranslations('reports.filters');
  const router = useRouter();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);

  // `/` jumps to the search field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      const field = document.getElementById(`${id}-q`);
      if (field) {
        e.preventDefault();
        field.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id]);

  function apply() {
    if (!form.current) return;
    const data = new FormData(form.current);
    const params = new URLSearchParams();
    for (const [key, value] of data.entries()) {
      const text = String(value).trim();
      if (text === '' || DEFAULTS[key as keyof QueueFilterValues] === text) continue;
      params.set(key, text);
    }
    const query = params.toString();
    router.push(query ? `/reports?${query}` : '/reports');
  }

  const field = (name: keyof QueueFilterValues, label: string, children: ReactNode) => (
    <div className="min-w-0">
      <label htmlFor={`${id}-${name}`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      {children}
    </div>
  );
  const auto = { onChange: () => apply() };
  // A chart can link to an exact instant (an age bucket); a date field cannot show one, so it stays text and keeps its value.
  const dateInput = (name: 'from' | 'to') =>
    field(
      name,
      t(name),
      <input
        id={`${id}-${name}`}
        name={name}
        type={values[name] === '' || DAY.test(values[name]) ? 'date' : 'text'}
        defaultValue={values[name]}
        className={input}
        aria-describedby={`${id}-dates-hint`}
        autoComplete="off"
        spellCheck={false}
      />,
    );

  return (
    <form
      ref={form}
      role="search"
      aria-label={t('label')}
      method="get"
      action="/reports"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
      className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"
    >
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-8">
        {field(
          'status',
          t('status'),
          <select id={`${id}-status`} name="status" defaultValue={values.status} className={select} {...auto}>
            {(['open', 'resolved', 'all'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`statusOptions.${s}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'category',
          t('category'),
          <select id={`${id}-category`} name="category" defaultValue={values.category} className={select} {...auto}>
            <option value="">{t('anyCategory')}</option>
            {(['spam', 'legal', 'violation', 'other'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`categoryOptions.${c}`)}
              </option>
            ))}
          </select>,
        )}
        {rules.length > 0
          ? field(
              'rule',
              t('rule'),
              <select id={`${id}-rule`} name="rule" defaultValue={values.rule} className={select} {...auto}>
                <option value="">{t('anyRule')}</option>
                {rules.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.text.length > 60 ? `${r.text.slice(0, 57)}…` : r.text}
                  </option>
                ))}
              </select>,
            )
          : null}
        {field(
          'origin',
          t('origin'),
          <select id={`${id}-origin`} name="origin" defaultValue={values.origin} className={select} {...auto}>
            <option value="">{t('originOptions.any')}</option>
            <option value="local">{t('originOptions.local')}</option>
            <option value="remote">{t('originOptions.remote')}</option>
          </select>,
        )}
        {field('domain', t('domain'), <input id={`${id}-domain`} name="domain" defaultValue={values.domain} placeholder={t('domainPlaceholder')} className={input} autoComplete="off" spellCheck={false} />)}
        {field('reporter_domain', t('reporterDomain'), <input id={`${id}-reporter_domain`} name="reporter_domain" defaultValue={values.reporter_domain} className={input} autoComplete="off" spellCheck={false} />)}
        {field(
          'assigned',
          t('assigned'),
          <select id={`${id}-assigned`} name="assigned" defaultValue={values.assigned} className={select} {...auto}>
            <option value="">{t('assignedOptions.any_value')}</option>
            {(['me', 'others', 'any', 'none'] as const).map((a) => (
              <option key={a} value={a}>
                {t(`assignedOptions.${a}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'forwarded',
          t('forwarded'),
          <select id={`${id}-forwarded`} name="forwarded" defaultValue={values.forwarded} className={select} {...auto}>
            <option value="">{t('forwardedOptions.any')}</option>
            <option value="yes">{t('forwardedOptions.yes')}</option>
            <option value="no">{t('forwardedOptions.no')}</option>
          </select>,
        )}
      </div>
      <div className="mt-3 grid grid-cols-2 items-end gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-8">
        {field(
          'date',
          t('dateField'),
          <select id={`${id}-date`} name="date" defaultValue={values.date} className={select} {...auto}>
            <option value="created">{t('dateFieldOptions.created')}</option>
            <option value="resolved">{t('dateFieldOptions.resolved')}</option>
          </select>,
        )}
        {dateInput('from')}
        {dateInput('to')}
        <p id={`${id}-dates-hint`} className="sr-only">
          {t('datesHint')}
        </p>
        <div className="col-span-2 sm:col-span-3 lg:col-span-1 xl:col-span-2">
          <label htmlFor={`${id}-q`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
            {t('query')}
          </label>
          <input id={`${id}-q`} name="q" type="search" defaultValue={values.q} placeholder={t('queryPlaceholder')} className={input} maxLength={200} />
        </div>
        {field(
          'sort',
          t('sort'),
          <select id={`${id}-sort`} name="sort" defaultValue={values.sort} className={select} {...auto}>
            {(['oldest', 'newest', 'most_reports', 'priority'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`sortOptions.${s}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'group',
          t('group'),
          <select id={`${id}-group`} name="group" defaultValue={values.group} className={select} {...auto}>
            {(['none', 'account', 'domain'] as const).map((g) => (
              <option key={g} value={g}>
                {t(`groupOptions.${g}`)}
              </option>
            ))}
          </select>,
        )}
        {values.target ? <input type="hidden" name="target" value={values.target} /> : null}
        <Button type="submit">{t('apply')}</Button>
      </div>
      {values.target && targetAcct ? (
        <p className="mt-3 text-sm">
          {t('target', { acct: `@${targetAcct}` })}{' '}
          <Link
            href={(() => {
              const params = new URLSearchParams(Object.entries(values).filter(([k, v]) => k !== 'target' && v !== '' && DEFAULTS[k as keyof QueueFilterValues] !== v));
              const query = params.toString();
              return query ? `/reports?${query}` : '/reports';
            })()}
            className="font-medium text-indigo-700 underline dark:text-indigo-300"
          >
            {t('removeTarget')}
          </Link>
        </p>
      ) : null}
    </form>
  );
}
