'use client';

import { useId, useMemo, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { submitAccountAction } from '@/app/(console)/accounts/actions';
import { describeAccountAction, type AccountActionChoice, type ActionConsequence } from '@/lib/account-action-options';
import type { ActionResult } from '@/lib/account-action-result';
import type { AccountActionType } from '@/lib/account-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { cn } from '@/components/ui/cn';
import { ActionFailureMessage } from './action-failure';

export interface WarningPresetOption {
  id: string;
  title: string;
  text: string;
}

export interface AccountActionFormProps {
  accountId: string;
  /** As shown to moderators: `user` or `user@domain`. */
  acct: string;
  local: boolean;
  /** The account has a user with an e-mail address (suspension also blocks it). */
  hasEmail: boolean;
  /** From accountActionChoices(): every type with the policy's verdict. */
  choices: AccountActionChoice[];
  presets: WarningPresetOption[];
  /** 'api' = connected (Mastodon acts and e-mails), 'database' = standalone. */
  mode: 'api' | 'database';
  /** Unresolved reports against the account (all of them are resolved by any action but a warning). */
  openReportCount: number;
  /** Set when the form is used from a report. */
  report?: { id: string; open: boolean; statusCount: number } | null;
  defaultType?: AccountActionType;
  /** Mastodon's report page leaves this off for spam reports. */
  defaultSendEmail?: boolean;
  onDone?: (result: { type: AccountActionType; resolvedReportIds: string[] }) => void;
}

const TEXT_MAX = 5000;

/**
 * Mastodon's account action form (admin/account_actions/new): type, warning preset, message,
 * e-mail, and from a report whether its posts go on the strike. Nothing is written before the
 * confirmation has said exactly what will happen.
 *
 * One form for every page that acts on an account. From a server page:
 *   choices = accountActionChoices({ permissions, rolePosition }, standingOf(account))   // lib/account-action-options.ts
 *   presets = await listWarningPresets({ db })                                          // db/queries/warning-presets.ts
 *   <AccountActionForm accountId acct local hasEmail choices presets mode={writeMode()}
 *     openReportCount report={{ id, open, statusCount }} defaultSendEmail={category !== spam} />
 * It submits to submitAccountAction (app/(console)/accounts/actions.ts), which revalidates the
 * account page and, with a report, the report pages.
 */
export function AccountActionForm({ accountId, acct, local, hasEmail, choices, presets, mode, openReportCount, report = null, defaultType, defaultSendEmail = true, onDone }: AccountActionFormProps) {
  const t = useTranslations('accountActions');
  const router = useRouter();
  const id = useId();
  const firstAvailable = choices.find((c) => c.refusal === null)?.type;
  const initial = defaultType && choices.some((c) => c.type === defaultType && c.refusal === null) ? defaultType : firstAvailable;
  const [type, setType] = useState<AccountActionType | undefined>(initial);
  const [presetId, setPresetId] = useState('');
  const [text, setText] = useState('');
  const [sendEmail, setSendEmail] = useState(defaultSendEmail);
  const [includeStatuses, setIncludeStatuses] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ resolvedReportIds: string[] }> | null>(null);
  const [doneType, setDoneType] = useState<AccountActionType | null>(null);

  const preset = presets.find((p) => p.id === presetId) ?? null;
  const consequences = useMemo<ActionConsequence[]>(
    () =>
      type
        ? describeAccountAction({
            type,
            local,
            hasEmail,
            reportId: report?.id ?? null,
            reportOpen: report?.open ?? false,
            openReportCount,
            reportStatusCount: report?.statusCount ?? 0,
            includeStatuses,
            presetText: preset?.text ?? null,
            text,
            sendEmail,
            mode,
          })
        : [],
    [type, local, hasEmail, report, openReportCount, includeStatuses, preset, text, sendEmail, mode],
  );

  if (!firstAvailable || !type) {
    return (
      <Alert tone="info" title={t('formTitle')}>
        {t(`refusal.${choices[0]?.refusal ?? 'permission'}`)}
      </Alert>
    );
  }

  const emailDisabled = !local || mode === 'database';
  const dangerous = type === 'suspend' || type === 'disable' || type === 'silence';

  function confirm() {
    if (!type) return;
    const chosen = type;
    startTransition(async () => {
      const answer = await submitAccountAction({
        accountId,
        reportId: report?.id ?? null,
        type: chosen,
        warningPresetId: presetId || null,
        text,
        sendEmailNotification: !emailDisabled && sendEmail,
        includeStatuses,
      });
      setConfirming(false);
      setResult(answer);
      if (answer.status === 'success') {
        setDoneType(chosen);
        setText('');
        setPresetId('');
        onDone?.({ type: chosen, resolvedReportIds: answer.resolvedReportIds });
        router.refresh();
      }
    });
  }

  return (
    <form
      aria-labelledby={`${id}-title`}
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        setResult(null);
        setConfirming(true);
      }}
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {t('formTitle')}
      </h2>

      {result?.status === 'success' && doneType ? (
        <Alert tone="success" title={t(`done.${doneType}`, { acct })}>
          {result.resolvedReportIds.length > 0 ? t('resolvedReports', { count: result.resolvedReportIds.length }) : null}
        </Alert>
      ) : null}
      {result && result.status !== 'success' ? <ActionFailureMessage result={result} /> : null}

      <fieldset>
        <legend className="text-sm font-medium">{t('typeLegend')}</legend>
        <div className="mt-2 space-y-2">
          {choices.map((choice) => {
            const disabled = choice.refusal !== null;
            return (
              <label
                key={choice.type}
                className={cn(
                  'flex gap-3 rounded-md p-3 ring-1 ring-zinc-200 ring-inset dark:ring-zinc-700',
                  type === choice.type && 'bg-indigo-50 ring-indigo-400 dark:bg-indigo-950/50 dark:ring-indigo-600',
                  disabled ? 'cursor-not-allowed opacity-60' : 'cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/60',
                )}
              >
                <input
                  type="radio"
                  name={`${id}-type`}
                  value={choice.type}
                  checked={type === choice.type}
                  disabled={disabled}
                  onChange={() => setType(choice.type)}
                  className="mt-0.5 size-4"
                  aria-describedby={`${id}-${choice.type}-desc`}
                />
                <span>
                  <span className="block text-sm font-medium">{t(`types.${choice.type}.label`)}</span>
                  <span id={`${id}-${choice.type}-desc`} className="block text-sm text-zinc-600 dark:text-zinc-400">
                    {disabled ? t(`refusal.${choice.refusal!}`) : t(`types.${choice.type}.description`)}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>

      <div>
        <label htmlFor={`${id}-preset`} className="block text-sm font-medium">
          {t('preset')}
        </label>
        <select
          id={`${id}-preset`}
          value={presetId}
          onChange={(e) => setPresetId(e.target.value)}
          className="mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700"
        >
          <option value="">{t('presetNone')}</option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title || p.text.slice(0, 60)}
            </option>
          ))}
        </select>
        {preset ? (
          <p className="mt-2 rounded-md bg-zinc-50 p-3 text-sm whitespace-pre-wrap text-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300" aria-label={t('presetPreview')}>
            {preset.text}
          </p>
        ) : null}
      </div>

      <div>
        <label htmlFor={`${id}-text`} className="block text-sm font-medium">
          {t('text')}
        </label>
        <textarea
          id={`${id}-text`}
          value={text}
          maxLength={TEXT_MAX}
          rows={4}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${id}-text-help`}
          className="mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700"
        />
        <p id={`${id}-text-help`} className="mt-1 flex justify-between gap-4 text-xs text-zinc-600 dark:text-zinc-400">
          <span>{t('textHelp')}</span>
          <span>{t('textCount', { count: text.length, max: TEXT_MAX })}</span>
        </p>
      </div>

      <div className="space-y-3">
        <div className="flex gap-3">
          <input
            id={`${id}-email`}
            type="checkbox"
            className="mt-0.5 size-4"
            checked={!emailDisabled && sendEmail}
            disabled={emailDisabled}
            onChange={(e) => setSendEmail(e.target.checked)}
            aria-describedby={`${id}-email-help`}
          />
          <div>
            <label htmlFor={`${id}-email`} className="text-sm font-medium">
              {t('sendEmail')}
            </label>
            <p id={`${id}-email-help`} className="text-xs text-zinc-600 dark:text-zinc-400">
              {!local ? t('sendEmailRemote') : mode === 'database' ? t('sendEmailStandalone') : t('sendEmailHelp')}
            </p>
          </div>
        </div>
        {report && report.statusCount > 0 ? (
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
                {t('includeStatuses', { count: report.statusCount })}
              </label>
              {mode === 'api' ? (
                <p id={`${id}-include-help`} className="text-xs text-zinc-600 dark:text-zinc-400">
                  {t('includeStatusesApi')}
                </p>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>

      <div className="flex justify-end">
        <Button type="submit" variant={dangerous ? 'danger' : 'primary'} disabled={pending}>
          {t('review')}
        </Button>
      </div>

      <ConfirmDialog
        open={confirming}
        title={t('confirmTitle', { action: t(`types.${type}.label`) })}
        confirmLabel={t(`confirmLabel.${type}`, { acct })}
        tone={dangerous ? 'danger' : 'primary'}
        pending={pending}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <ul className="list-disc space-y-1.5 pl-5" data-testid="action-consequences">
          {consequences.map((c, i) => (
            <li key={i}>
              <Consequence c={c} acct={acct} />
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </form>
  );
}

function Consequence({ c, acct }: { c: ActionConsequence; acct: string }) {
  const t = useTranslations('accountActions');
  switch (c.key) {
    case 'effect':
      return <>{t(`consequence.effect.${c.type}`, { acct })}</>;
    case 'strike':
      return (
        <>
          {t('consequence.strike', { type: t(`types.${c.type}.label`) })}{' '}
          {c.text ? <span className="whitespace-pre-wrap">{t('consequence.strikeText', { text: c.text })}</span> : t('consequence.strikeNoText')}
        </>
      );
    case 'resolveOne':
      return <>{t('consequence.resolveOne', { reportId: c.reportId })}</>;
    case 'resolveAll':
      return <>{t('consequence.resolveAll', { count: c.count })}</>;
    case 'includePosts':
      return <>{t('consequence.includePosts', { count: c.count })}</>;
    default:
      return <>{t(`consequence.${c.key}`)}</>;
  }
}
