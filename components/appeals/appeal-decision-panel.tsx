'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { decideAppeal } from '@/app/(console)/appeals/[id]/actions';
import type { ActionResult } from '@/lib/account-action-result';
import { APPEAL_REPLY_MAX, type AppealPlan } from '@/lib/appeal-decision';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { isTypingTarget, usePageShortcuts } from '@/components/shell/page-shortcuts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

type Decision = 'approve' | 'reject';

/**
 * Approve or reject, with an optional reply kept in Palisade. Before approving, the dialog states
 * exactly what will be reversed (from planAppealApproval), including what cannot be.
 */
export function AppealDecisionPanel({ appealId, accountId, acct, plan, mastodonStrikeUrl }: { appealId: string; accountId: string; acct: string; plan: AppealPlan; mastodonStrikeUrl: string | null }) {
  const t = useTranslations('appeals.decide');
  const router = useRouter();
  const id = useId();
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const [reply, setReply] = useState('');
  const [open, setOpen] = useState<Decision | null>(null);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ decision: Decision; answer: ActionResult<{ restored: number }> } | null>(null);
  const approvable = !plan.needsMastodonUi;

  usePageShortcuts([
    ...(approvable ? [{ keys: ['a'], label: t('shortcutApprove') }] : []),
    { keys: ['r'], label: t('shortcutReject') },
    { keys: ['c'], label: t('shortcutReply') },
  ]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target) || open) return;
      if (e.key === 'a' && approvable) setOpen('approve');
      else if (e.key === 'r') setOpen('reject');
      else if (e.key === 'c') replyRef.current?.focus();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [approvable, open]);

  function decide(decision: Decision) {
    startTransition(async () => {
      const answer = await decideAppeal({ appealId, accountId, decision, reply });
      setOpen(null);
      setResult({ decision, answer });
      if (answer.status === 'success') router.refresh();
    });
  }

  const lines: string[] = [];
  if (plan.action === 'none') lines.push(t('plan.warningOnly'));
  if (plan.undo) {
    if (plan.alreadyReversed) lines.push(t('plan.alreadyReversed', { acct }));
    else if (plan.apiSkipsRemoteSuspension) lines.push(t('plan.apiRemoteSuspension'));
    else {
      lines.push(t(`plan.${plan.undo}`, { acct }));
      if (plan.apiCall) lines.push(t('plan.apiCall'));
    }
    if (plan.dataPurged) lines.push(t('plan.dataPurged'));
  }
  if (plan.action === 'mark_statuses_as_sensitive') lines.push(plan.restorable.length > 0 ? t('plan.restore', { count: plan.restorable.length }) : t('plan.restoreNone'));
  if (plan.lostPosts > 0) lines.push(t('plan.lost', { count: plan.lostPosts }));
  if (plan.irreversible) lines.push(t('plan.irreversible'));
  lines.push(t('plan.overrule'), t('plan.audit'), t('plan.noEmail'));
  if (reply.trim()) lines.push(t('plan.reply'));

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {t('title')}
      </h2>
      {result?.answer.status === 'success' ? (
        <Alert tone="success" title={result.decision === 'approve' ? t('approved') : t('rejected')}>
          {result.decision === 'approve' && result.answer.restored > 0 ? t('restored', { count: result.answer.restored }) : null}
        </Alert>
      ) : null}
      {result && result.answer.status !== 'success' ? <ActionFailureMessage result={result.answer} /> : null}
      {plan.irreversible ? <Alert tone="warning" title={t('deletedPostsWarning')} /> : null}
      {plan.needsMastodonUi ? (
        <Alert tone="warning">
          <p>{t('needsMastodon')}</p>
          {mastodonStrikeUrl ? (
            <a href={mastodonStrikeUrl} className="font-semibold underline" rel="noopener noreferrer" target="_blank">
              {mastodonStrikeUrl}
            </a>
          ) : null}
        </Alert>
      ) : null}
      <div>
        <label htmlFor={`${id}-reply`} className="block text-sm font-medium">
          {t('replyLabel')}
        </label>
        <textarea
          id={`${id}-reply`}
          ref={replyRef}
          value={reply}
          maxLength={APPEAL_REPLY_MAX}
          rows={4}
          onChange={(e) => setReply(e.target.value)}
          aria-describedby={`${id}-reply-help`}
          className="mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700"
        />
        <p id={`${id}-reply-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {t('replyHelp')} {reply.length} / {APPEAL_REPLY_MAX}
        </p>
      </div>
      <div className="flex gap-2">
        {approvable ? (
          <Button onClick={() => setOpen('approve')} disabled={pending}>
            {t('approve')}
          </Button>
        ) : null}
        <Button variant="danger" onClick={() => setOpen('reject')} disabled={pending}>
          {t('reject')}
        </Button>
      </div>
      <ConfirmDialog
        open={open !== null}
        title={open === 'reject' ? t('rejectTitle', { acct }) : t('approveTitle', { acct })}
        confirmLabel={open === 'reject' ? t('rejectConfirm') : plan.undo && !plan.alreadyReversed ? t('approveConfirm') : t('approveConfirmRecordOnly')}
        tone={open === 'reject' ? 'danger' : 'primary'}
        pending={pending}
        onConfirm={() => open && decide(open)}
        onCancel={() => setOpen(null)}
      >
        <ul className="list-disc space-y-1.5 pl-5" data-testid="appeal-consequences">
          {(open === 'reject' ? [t('plan.auditReject'), t('plan.noEmail'), ...(reply.trim() ? [t('plan.reply')] : [])] : lines).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </ConfirmDialog>
    </section>
  );
}
