'use client';

import { useEffect, useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { reportAction, type ReportActionInput, type ReportActionResult } from '@/app/(console)/reports/[id]/actions';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { isTypingTarget, usePageShortcuts } from '@/components/shell/page-shortcuts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { describeAccountAction, type AccountActionChoice, type ActionConsequence } from '@/lib/account-action-options';
import type { AccountActionType } from '@/lib/account-actions';
import { coarseDuration } from '@/lib/format';
import type { ReportCategory } from '@/lib/report-priority';
import { utcTitle } from './relative-age';
import { ModalDialog } from './reports-table';

type ActionKey = 'resolve' | 'reopen' | 'delete_posts' | 'mark_posts' | `account:${AccountActionType}`;

export interface ReportActionsPanelProps {
  reportId: string;
  /** The report's updated_at as shown: actions on a stale page are refused. */
  version: string;
  open: boolean;
  category: ReportCategory;
  mode: 'api' | 'database';
  /** The instance's own page for this report (connected mode), for what has no Admin API. */
  mastodonReportUrl: string | null;
  target: { acct: string; local: boolean; hasEmail: boolean };
  choices: AccountActionChoice[];
  /** Open reports against the account, this one included when open. */
  openReportCount: number;
  /** Reported posts that still exist as rows. */
  statusCount: number;
  /** Reported posts not deleted that have media (what "mark sensitive" would change). */
  mediaStatusCount: number;
  presets: Array<{ id: string; title: string; text: string }>;
  /** The queue the moderator came from (query string), for “Confirm & next”. */
  from: string;
  assignedTo: { accountId: string; acct: string } | null;
  /** Who gave the current assignee the report and when (ISO), if a log recorded it. */
  assignedBy: { accountId: string | null; acct: string | null; at: string } | null;
  /** The page's clock (ISO), so server and browser render the same "2 hours ago". */
  asOf: string;
  actorAccountId: string;
  nextHref: string | null;
  queueHref: string;
}

const STRIKE_FOR: Record<'delete_posts' | 'mark_posts', '1500' | '1250'> = { delete_posts: '1500', mark_posts: '1250' };

/**
 * What a moderator can do from a report, each behind a confirmation that lists what will happen.
 * Actions are not terminal: afterwards the page shows the new state and the next action can be
 * taken; “Confirm & next” moves on to the next report of the queue instead.
 */
export function ReportActionsPanel(props: ReportActionsPanelProps) {
  const { reportId, version, open, mode, mastodonReportUrl, target, choices, statusCount, mediaStatusCount, from, assignedTo, assignedBy, asOf, actorAccountId, nextHref, queueHref } = props;
  const t = useTranslations('reports');
  const tAccount = useTranslations('accountActions');
  const router = useRouter();
  const id = useId();
  const [active, setActive] = useState<ActionKey | null>(null);
  const [presetId, setPresetId] = useState('');
  const [text, setText] = useState('');
  const [sendEmail, setSendEmail] = useState(props.category !== 'spam');
  const [includeStatuses, setIncludeStatuses] = useState(true);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ key: ActionKey | 'assign_self' | 'unassign'; answer: ReportActionResult } | null>(null);

  function submit(key: ActionKey | 'assign_self' | 'unassign', next: boolean) {
    const base = { reportId, expectedUpdatedAt: version, next, from };
    const strike = { warningPresetId: presetId || null, text, sendEmailNotification: sendEmail && target.local && mode === 'api' };
    let input: ReportActionInput;
    if (key === 'delete_posts' || key === 'mark_posts') input = { kind: key, ...strike, ...base };
    else if (key.startsWith('account:')) input = { kind: 'account', type: key.slice('account:'.length) as AccountActionType, includeStatuses, ...strike, ...base };
    else input = { kind: key as 'resolve' | 'reopen' | 'assign_self' | 'unassign', ...base };
    setResult(null);
    startTransition(async () => {
      const answer = await reportAction(input);
      setActive(null);
      setResult({ key, answer });
      if (answer.status === 'success') {
        setText('');
        setPresetId('');
        if (answer.nextHref) {
          router.push(answer.nextHref);
          return;
        }
      }
      // Success shows the new state; a conflict shows what someone else did meanwhile.
      router.refresh();
    });
  }

  const assignedToMe = assignedTo?.accountId === actorAccountId;

  usePageShortcuts([
    ...(assignedToMe ? [] : [{ keys: ['a'], label: t('shortcuts.assign') }]),
    { keys: ['c'], label: t('shortcuts.note') },
    ...(nextHref ? [{ keys: ['n'], label: t('shortcuts.next') }] : []),
    { keys: ['u'], label: t('shortcuts.queue') },
  ]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target) || active) return;
      if (e.key === 'a' && !assignedToMe && !pending) {
        e.preventDefault();
        submit('assign_self', false);
      } else if (e.key === 'c') {
        const note = document.getElementById('report-note-content');
        if (note) {
          e.preventDefault();
          note.focus();
        }
      } else if (e.key === 'n' && nextHref) {
        e.preventDefault();
        router.push(nextHref);
      } else if (e.key === 'u') {
        e.preventDefault();
        router.push(queueHref);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const tiles: Array<{ key: ActionKey; label: string; help: string; disabled: string | null; danger: boolean }> = [
    open ? { key: 'resolve', label: t('actions.resolve'), help: t('actions.resolveHelp'), disabled: null, danger: false } : { key: 'reopen', label: t('actions.reopen'), help: t('actions.reopenHelp'), disabled: null, danger: false },
    ...choices.map((c) => ({
      key: `account:${c.type}` as ActionKey,
      label: t(`actions.accountTypes.${c.type}`),
      help: tAccount(`types.${c.type}.description`),
      disabled: c.refusal ? tAccount(`refusal.${c.refusal}`) : null,
      danger: c.type === 'suspend' || c.type === 'silence' || c.type === 'disable',
    })),
    { key: 'mark_posts', label: t('actions.markSensitive'), help: t('actions.markSensitiveHelp'), disabled: mediaStatusCount === 0 ? (statusCount === 0 ? t('actions.noPosts') : t('actions.noMedia')) : null, danger: false },
    { key: 'delete_posts', label: t('actions.deletePosts'), help: t('actions.deletePostsHelp', { count: statusCount }), disabled: statusCount === 0 ? t('actions.noPosts') : null, danger: true },
  ];

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4" id="actions">
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {t('actions.heading')}
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('actions.intro')}</p>
      </div>

      <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="report-assignment">
        <span className="font-medium">{t('report.assignment')}:</span>
        <span>{assignedTo ? (assignedToMe ? t('notes.you') : `@${assignedTo.acct}`) : t('report.nobodyAssigned')}</span>
        {assignedTo && assignedBy ? <AssignedBy assignedBy={assignedBy} assigneeAccountId={assignedTo.accountId} actorAccountId={actorAccountId} asOf={asOf} /> : null}
        {!assignedToMe ? (
          <Button variant="secondary" disabled={pending} onClick={() => submit('assign_self', false)}>
            {t('report.assignToMe')}
          </Button>
        ) : null}
        {assignedTo ? (
          <Button variant="ghost" disabled={pending} onClick={() => submit('unassign', false)}>
            {t('report.unassign')}
          </Button>
        ) : null}
      </div>

      {result ? <Outcome result={result} acct={target.acct} reportId={reportId} /> : null}

      <ul className="grid gap-3 sm:grid-cols-2">
        {tiles.map((tile) => {
          const noApi = mode === 'api' && (tile.key === 'delete_posts' || tile.key === 'mark_posts');
          return (
            <li key={tile.key} className={cn('flex flex-col justify-between gap-3 rounded-lg p-4 ring-1', tile.danger ? 'ring-red-200 dark:ring-red-900/70' : 'ring-zinc-200 dark:ring-zinc-800')}>
              <div>
                <p className="font-medium">{tile.label}</p>
                <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{noApi ? t('actions.noApi') : tile.help}</p>
                {tile.disabled ? <p className="mt-1 text-sm text-amber-800 dark:text-amber-300">{t('actions.disabledBecause', { reason: tile.disabled })}</p> : null}
              </div>
              {noApi && mastodonReportUrl ? (
                <a
                  href={mastodonReportUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="inline-flex items-center justify-center gap-2 self-start rounded-md bg-white px-3 py-2 text-sm font-semibold text-zinc-900 ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800"
                  aria-label={t('actions.openMastodonLabel', { id: reportId })}
                >
                  {t('actions.openMastodon')} ↗
                </a>
              ) : (
                <Button variant={tile.danger ? 'danger' : tile.key === 'resolve' ? 'primary' : 'secondary'} className="self-start" disabled={pending || tile.disabled !== null} onClick={() => setActive(tile.key)}>
                  {tile.label}…
                </Button>
              )}
            </li>
          );
        })}
      </ul>

      {active ? (
        <ActionDialog
          actionKey={active}
          props={props}
          pending={pending}
          presetId={presetId}
          setPresetId={setPresetId}
          text={text}
          setText={setText}
          sendEmail={sendEmail}
          setSendEmail={setSendEmail}
          includeStatuses={includeStatuses}
          setIncludeStatuses={setIncludeStatuses}
          onCancel={() => setActive(null)}
          onConfirm={(next) => submit(active, next)}
        />
      ) : null}
    </section>
  );
}

/** "· assigned by @mod 2 hours ago", or "· took it 2 hours ago" when the assignee assigned themselves. */
function AssignedBy({ assignedBy, assigneeAccountId, actorAccountId, asOf }: { assignedBy: NonNullable<ReportActionsPanelProps['assignedBy']>; assigneeAccountId: string; actorAccountId: string; asOf: string }) {
  const t = useTranslations('reports.report');
  const tDuration = useTranslations('common.duration');
  const { unit, count } = coarseDuration(new Date(asOf).getTime() - new Date(assignedBy.at).getTime());
  const when = { recent: unit === 'justNow' ? 'yes' : 'no', duration: unit === 'justNow' ? '' : tDuration(unit, { count }) };
  const text =
    assignedBy.accountId === assigneeAccountId
      ? t('assignedTookIt', when)
      : assignedBy.accountId === actorAccountId
        ? t('assignedByYou', when)
        : assignedBy.acct !== null
          ? t('assignedBy', { ...when, acct: `@${assignedBy.acct}` })
          : t('assignedUnknown', when);
  return (
    <span className="text-zinc-600 dark:text-zinc-400" data-testid="report-assigned-by">
      ·{' '}
      <time dateTime={assignedBy.at} title={utcTitle(assignedBy.at)}>
        {text}
      </time>
    </span>
  );
}

function Outcome({ result, acct, reportId }: { result: { key: string; answer: ReportActionResult }; acct: string; reportId: string }) {
  const t = useTranslations('reports');
  const tAccount = useTranslations('accountActions');
  const { answer, key } = result;
  if (answer.status === 'success') {
    let message: string;
    if (key.startsWith('account:')) message = tAccount(`done.${key.slice('account:'.length) as AccountActionType}`, { acct });
    else if (key === 'delete_posts' || key === 'mark_posts') message = t(`actions.done.${key}`, { count: answer.count });
    else message = t(`actions.done.${key as 'resolve' | 'reopen' | 'assign_self' | 'unassign'}`, { id: reportId });
    const others = answer.resolvedReportIds.length;
    return (
      <Alert tone="success" title={message}>
        {others > 0 && (key.startsWith('account:') || key === 'delete_posts' || key === 'mark_posts') ? t('actions.resolvedToo', { count: others }) : null}
        {answer.queueEmpty ? <p>{t('actions.queueDone')}</p> : null}
      </Alert>
    );
  }
  if (answer.status === 'unsupported') {
    return (
      <Alert tone="warning" title={t('actions.noApiTitle')}>
        {answer.message}{' '}
        <a href={answer.href} target="_blank" rel="noopener noreferrer" className="font-medium underline">
          {t('actions.openMastodon')} ↗
        </a>
      </Alert>
    );
  }
  if (answer.status === 'error' && answer.code === 'conflict') {
    return (
      <div data-testid="report-conflict">
        <Alert tone="warning" title={t('report.changed')}>
          {answer.message}
        </Alert>
      </div>
    );
  }
  return <ActionFailureMessage result={answer} />;
}

function ActionDialog({
  actionKey,
  props,
  pending,
  presetId,
  setPresetId,
  text,
  setText,
  sendEmail,
  setSendEmail,
  includeStatuses,
  setIncludeStatuses,
  onCancel,
  onConfirm,
}: {
  actionKey: ActionKey;
  props: ReportActionsPanelProps;
  pending: boolean;
  presetId: string;
  setPresetId: (v: string) => void;
  text: string;
  setText: (v: string) => void;
  sendEmail: boolean;
  setSendEmail: (v: boolean) => void;
  includeStatuses: boolean;
  setIncludeStatuses: (v: boolean) => void;
  onCancel: () => void;
  onConfirm: (next: boolean) => void;
}) {
  const t = useTranslations('reports');
  const tAccount = useTranslations('accountActions');
  const id = useId();
  const { reportId, open, mode, target, statusCount, mediaStatusCount, presets, openReportCount } = props;
  const accountType = actionKey.startsWith('account:') ? (actionKey.slice('account:'.length) as AccountActionType) : null;
  const strikes = accountType !== null || actionKey === 'delete_posts' || actionKey === 'mark_posts';
  const preset = presets.find((p) => p.id === presetId) ?? null;
  const strikeText = [preset?.text, text].filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n\n');
  const emailPossible = target.local && mode === 'api';
  const label = accountType ? t(`actions.accountTypes.${accountType}`) : actionKey === 'resolve' ? t('actions.resolve') : actionKey === 'reopen' ? t('actions.reopen') : actionKey === 'delete_posts' ? t('actions.deletePosts') : t('actions.markSensitive');
  const danger = accountType === 'suspend' || accountType === 'silence' || accountType === 'disable' || actionKey === 'delete_posts';

  const lines: string[] = [];
  if (accountType) {
    const consequences = describeAccountAction({
      type: accountType,
      local: target.local,
      hasEmail: target.hasEmail,
      reportId,
      reportOpen: open,
      openReportCount,
      reportStatusCount: statusCount,
      includeStatuses,
      presetText: preset?.text ?? null,
      text,
      sendEmail,
      mode,
    });
    for (const c of consequences) lines.push(accountConsequence(c, target.acct, tAccount));
  } else if (actionKey === 'resolve') {
    lines.push(t('actions.consequence.resolve', { id: reportId }));
  } else if (actionKey === 'reopen') {
    lines.push(t('actions.consequence.reopen', { id: reportId }));
  } else if (actionKey === 'delete_posts' || actionKey === 'mark_posts') {
    if (actionKey === 'delete_posts') {
      lines.push(t('actions.consequence.deletePosts', { count: statusCount }));
      if (!target.local) lines.push(t('actions.consequence.deleteRemote'));
      lines.push(t('actions.consequence.deleteStandalone'));
    } else {
      lines.push(t('actions.consequence.markPosts', { count: mediaStatusCount }));
      if (target.local) lines.push(t('actions.consequence.markLocal'));
    }
    lines.push(t('actions.consequence.strike', { type: t(`strike.${STRIKE_FOR[actionKey]}`), hasText: strikeText ? 'yes' : 'no', text: strikeText }));
    lines.push(open ? t('actions.consequence.resolveThis', { id: reportId }) : t('actions.consequence.alreadyResolved', { id: reportId }));
    lines.push(!target.local ? t('actions.consequence.emailRemote') : mode === 'database' ? t('actions.consequence.emailStandalone') : sendEmail ? t('actions.consequence.email') : t('actions.consequence.noEmail'));
  }
  lines.push(t('actions.consequence.audit'));

  const field = 'mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

  return (
    <ModalDialog open labelledBy={`${id}-title`} onCancel={onCancel} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(false);
        }}
        data-testid="report-action-dialog"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {tAccount('confirmTitle', { action: label })}
        </h2>

        {strikes ? (
          <div className="mt-4 space-y-4">
            <div>
              <label htmlFor={`${id}-preset`} className="block text-sm font-medium">
                {t('actions.preset')}
              </label>
              <select id={`${id}-preset`} value={presetId} onChange={(e) => setPresetId(e.target.value)} className={field}>
                <option value="">{t('actions.presetNone')}</option>
                {presets.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title || p.text.slice(0, 60)}
                  </option>
                ))}
              </select>
              {preset ? <p className="mt-2 rounded-md bg-zinc-50 p-3 text-sm whitespace-pre-wrap text-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300">{preset.text}</p> : null}
            </div>
            <div>
              <label htmlFor={`${id}-text`} className="block text-sm font-medium">
                {t('actions.text')}
              </label>
              <textarea id={`${id}-text`} value={text} maxLength={5000} rows={3} onChange={(e) => setText(e.target.value)} className={field} aria-describedby={`${id}-text-help`} />
              <p id={`${id}-text-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                {t('actions.textHelp')}
              </p>
            </div>
            <div className="flex gap-3">
              <input id={`${id}-email`} type="checkbox" className="mt-0.5 size-4" checked={emailPossible && sendEmail} disabled={!emailPossible} onChange={(e) => setSendEmail(e.target.checked)} aria-describedby={`${id}-email-help`} />
              <div>
                <label htmlFor={`${id}-email`} className="text-sm font-medium">
                  {t('actions.sendEmail')}
                </label>
                <p id={`${id}-email-help`} className="text-xs text-zinc-600 dark:text-zinc-400">
                  {!target.local ? t('actions.emailRemote') : mode === 'database' ? t('actions.emailStandalone') : props.category === 'spam' ? t('actions.emailSpam') : null}
                </p>
              </div>
            </div>
            {accountType && statusCount > 0 ? (
              <div className="flex gap-3">
                <input
                  id={`${id}-include`}
                  type="checkbox"
                  className="mt-0.5 size-4"
                  checked={mode === 'api' || includeStatuses}
                  disabled={mode === 'api'}
                  onChange={(e) => setIncludeStatuses(e.target.checked)}
                  aria-describedby={mode === 'api' ? `${id}-include-help` : undefined}
                />
                <div>
                  <label htmlFor={`${id}-include`} className="text-sm font-medium">
                    {t('actions.includePosts', { count: statusCount })}
                  </label>
                  {mode === 'api' ? (
                    <p id={`${id}-include-help`} className="text-xs text-zinc-600 dark:text-zinc-400">
                      {t('actions.includePostsApi')}
                    </p>
                  ) : null}
                </div>
              </div>
            ) : null}
          </div>
        ) : null}

        <div className="mt-5 rounded-md bg-zinc-50 p-4 text-sm dark:bg-zinc-800/60">
          <p className="font-medium">{t('actions.willHappen')}</p>
          <ul className="mt-2 list-disc space-y-1.5 pl-5 text-zinc-700 dark:text-zinc-300" data-testid="action-consequences">
            {lines.map((line, i) => (
              <li key={i} className="whitespace-pre-wrap">
                {line}
              </li>
            ))}
          </ul>
        </div>

        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t('actions.cancel')}
          </Button>
          <Button variant={danger ? 'danger' : 'primary'} onClick={() => onConfirm(true)} disabled={pending} aria-busy={pending}>
            {t('actions.confirmNext')}
          </Button>
          <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={pending} aria-busy={pending}>
            {t('actions.confirm')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

function accountConsequence(c: ActionConsequence, acct: string, t: ReturnType<typeof useTranslations<'accountActions'>>): string {
  switch (c.key) {
    case 'effect':
      return t(`consequence.effect.${c.type}`, { acct });
    case 'strike':
      return `${t('consequence.strike', { type: t(`types.${c.type}.label`) })} ${c.text ? t('consequence.strikeText', { text: c.text }) : t('consequence.strikeNoText')}`;
    case 'resolveOne':
      return t('consequence.resolveOne', { reportId: c.reportId });
    case 'resolveAll':
      return t('consequence.resolveAll', { count: c.count });
    case 'includePosts':
      return t('consequence.includePosts', { count: c.count });
    default:
      return t(`consequence.${c.key}`);
  }
}
