'use client';

import { useId, useMemo, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createRule, deleteRule, moveRule, removeRuleTranslation, reorderRules, saveRuleTranslation, updateRule } from '@/app/(console)/rules/actions';
import type { ActionResult } from '@/lib/account-action-result';
import { RULE_HINT_LIMIT, RULE_TEXT_LIMIT, SUGGESTED_LANGUAGES } from '@/lib/server-rules';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { usePageShortcuts } from '@/components/shell/page-shortcuts';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

export interface RuleView {
  id: string;
  text: string;
  hint: string;
  translations: Array<{ language: string; text: string; hint: string }>;
  reportsTotal: number;
  reportsOpen: number;
}

const field = 'mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

function RuleFields({ idPrefix, text, hint, onText, onHint, withLanguage, language, onLanguage }: { idPrefix: string; text: string; hint: string; onText: (v: string) => void; onHint: (v: string) => void; withLanguage?: boolean; language?: string; onLanguage?: (v: string) => void }) {
  const t = useTranslations('rules');
  return (
    <div className="space-y-3">
      {withLanguage ? (
        <div>
          <label htmlFor={`${idPrefix}-language`} className="block text-sm font-medium">
            {t('language')}
          </label>
          <input id={`${idPrefix}-language`} list={`${idPrefix}-languages`} value={language} onChange={(e) => onLanguage?.(e.target.value)} required maxLength={35} className={cn(field, 'max-w-40 font-mono')} aria-describedby={`${idPrefix}-language-help`} />
          <datalist id={`${idPrefix}-languages`}>
            {SUGGESTED_LANGUAGES.map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
          <p id={`${idPrefix}-language-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            {t('languageHelp')}
          </p>
        </div>
      ) : null}
      <div>
        <label htmlFor={`${idPrefix}-text`} className="block text-sm font-medium">
          {t('text')}
        </label>
        <textarea id={`${idPrefix}-text`} rows={2} value={text} maxLength={RULE_TEXT_LIMIT} required onChange={(e) => onText(e.target.value)} className={field} aria-describedby={`${idPrefix}-text-count`} />
        <p id={`${idPrefix}-text-count`} className="mt-1 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
          {t('characters', { used: text.length, limit: RULE_TEXT_LIMIT })}
        </p>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-hint`} className="block text-sm font-medium">
          {t('hint')}
        </label>
        <textarea id={`${idPrefix}-hint`} rows={2} value={hint} maxLength={RULE_HINT_LIMIT} onChange={(e) => onHint(e.target.value)} className={field} />
      </div>
    </div>
  );
}

function Translations({ rule }: { rule: RuleView }) {
  const t = useTranslations('rules');
  const id = useId();
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [language, setLanguage] = useState('');
  const [text, setText] = useState('');
  const [hint, setHint] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const edit = (lang: string | null) => {
    const existing = rule.translations.find((x) => x.language === lang);
    setEditing(lang ?? '');
    setLanguage(existing?.language ?? '');
    setText(existing?.text ?? '');
    setHint(existing?.hint ?? '');
    setResult(null);
  };
  return (
    <div className="mt-3 space-y-2 border-t border-zinc-100 pt-3 dark:border-zinc-800">
      <ul className="space-y-1.5 text-sm" aria-label={t('translationsOf', { rule: rule.text })}>
        {rule.translations.map((tr) => (
          <li key={tr.language} className="flex flex-wrap items-start justify-between gap-2" data-testid="rule-translation">
            <div className="min-w-0">
              <Badge tone="sky" className="font-mono">
                {tr.language}
              </Badge>{' '}
              <span lang={tr.language}>{tr.text}</span>
              {tr.hint ? (
                <span className="block text-xs text-zinc-600 dark:text-zinc-400" lang={tr.language}>
                  {tr.hint}
                </span>
              ) : null}
            </div>
            <span className="flex gap-1">
              <Button variant="ghost" onClick={() => edit(tr.language)} aria-label={t('editTranslation', { language: tr.language })}>
                {t('edit')}
              </Button>
              <Button
                variant="ghost"
                className="text-red-700! dark:text-red-300!"
                disabled={pending}
                aria-label={t('removeTranslation', { language: tr.language })}
                onClick={() =>
                  startTransition(async () => {
                    const answer = await removeRuleTranslation({ ruleId: rule.id, language: tr.language });
                    setResult(answer);
                    if (answer.status === 'success') router.refresh();
                  })
                }
              >
                {t('remove')}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      {editing === null ? (
        <Button variant="secondary" onClick={() => edit(null)}>
          {t('addTranslation')}
        </Button>
      ) : (
        <form
          className="space-y-3 rounded-md bg-zinc-50 p-3 dark:bg-zinc-800/50"
          aria-label={editing ? t('editTranslation', { language: editing }) : t('addTranslation')}
          onSubmit={(e) => {
            e.preventDefault();
            startTransition(async () => {
              const answer = await saveRuleTranslation({ ruleId: rule.id, language, text, hint });
              setResult(answer);
              if (answer.status === 'success') {
                setEditing(null);
                router.refresh();
              }
            });
          }}
        >
          <RuleFields idPrefix={`${id}-tr`} text={text} hint={hint} onText={setText} onHint={setHint} withLanguage language={language} onLanguage={setLanguage} />
          <div className="flex gap-2">
            <Button type="submit" disabled={pending || !text.trim() || !language.trim()}>
              {t('saveTranslation')}
            </Button>
            <Button variant="secondary" onClick={() => setEditing(null)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      )}
      {result && result.status !== 'success' ? <ActionFailureMessage result={result} /> : null}
    </div>
  );
}

/**
 * Server rules in priority order. Reorder with the arrow buttons, by dragging, or from the
 * keyboard: Space on a handle picks the rule up, ↑/↓ move it, Space drops it, Escape cancels.
 */
export function RulesManager({ rules: initial }: { rules: RuleView[] }) {
  const t = useTranslations('rules');
  const id = useId();
  const router = useRouter();
  // While a rule is picked up or dragged, the local order wins over the server's.
  const [order, setOrder] = useState<string[] | null>(null);
  const rules = useMemo(() => {
    if (!order) return initial;
    const byId = new Map(initial.map((r) => [r.id, r]));
    const local = order.map((ruleId) => byId.get(ruleId)).filter((r): r is RuleView => !!r);
    return local.length === initial.length ? local : initial;
  }, [order, initial]);
  const setRules = (next: RuleView[] | ((list: RuleView[]) => RuleView[])) => setOrder((current) => {
    const base = current ? current.map((ruleId) => initial.find((r) => r.id === ruleId)!).filter(Boolean) : initial;
    return (typeof next === 'function' ? next(base) : next).map((r) => r.id);
  });
  const [grabbed, setGrabbed] = useState<string | null>(null);
  const [before, setBefore] = useState<RuleView[] | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState({ text: '', hint: '' });
  const [newRule, setNewRule] = useState({ text: '', hint: '' });
  const [deleting, setDeleting] = useState<RuleView | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  usePageShortcuts([
    { keys: ['Space'], label: t('shortcutGrab') },
    { keys: ['↑', '↓'], label: t('shortcutMove') },
    { keys: ['Alt', '↑/↓'], label: t('shortcutQuickMove') },
    { keys: ['Esc'], label: t('shortcutCancel') },
  ]);

  const position = (ruleId: string, list = rules) => list.findIndex((r) => r.id === ruleId) + 1;
  const focusHandle = (ruleId: string) => requestAnimationFrame(() => document.getElementById(`${id}-handle-${ruleId}`)?.focus());

  function persist(order: RuleView[], moved: string) {
    setOrder(order.map((r) => r.id));
    startTransition(async () => {
      const answer = await reorderRules({ ids: order.map((r) => r.id) });
      setResult(answer);
      if (answer.status === 'success') setAnnouncement(t('saved', { position: position(moved, order), total: order.length }));
      router.refresh();
      setOrder(null);
    });
  }

  function shift(list: RuleView[], ruleId: string, offset: number): RuleView[] {
    const index = list.findIndex((r) => r.id === ruleId);
    const target = Math.max(0, Math.min(list.length - 1, index + offset));
    if (index < 0 || target === index) return list;
    const next = [...list];
    const [item] = next.splice(index, 1);
    next.splice(target, 0, item!);
    return next;
  }

  function onHandleKey(e: React.KeyboardEvent, rule: RuleView) {
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      if (grabbed === rule.id) {
        setGrabbed(null);
        setBefore(null);
        if (before && before.map((r) => r.id).join() !== rules.map((r) => r.id).join()) persist(rules, rule.id);
        else {
          setOrder(null);
          setAnnouncement(t('dropped', { position: position(rule.id), total: rules.length }));
        }
      } else {
        setGrabbed(rule.id);
        setBefore(rules);
        setAnnouncement(t('grabbed', { position: position(rule.id), total: rules.length }));
      }
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && (grabbed === rule.id || e.altKey)) {
      e.preventDefault();
      const next = shift(rules, rule.id, e.key === 'ArrowUp' ? -1 : 1);
      setRules(next);
      setAnnouncement(t('moved', { position: position(rule.id, next), total: next.length }));
      focusHandle(rule.id);
      if (e.altKey && grabbed !== rule.id) {
        startTransition(async () => {
          const answer = await moveRule({ id: rule.id, offset: e.key === 'ArrowUp' ? -1 : 1 });
          setResult(answer);
          router.refresh();
          setOrder(null);
        });
      }
    } else if (e.key === 'Escape' && grabbed === rule.id) {
      e.preventDefault();
      setOrder(null);
      setGrabbed(null);
      setBefore(null);
      setAnnouncement(t('cancelled'));
    }
  }

  return (
    <div className="space-y-4">
      <p id={`${id}-instructions`} className="sr-only">
        {t('instructions')}
      </p>
      <p aria-live="assertive" className="sr-only" data-testid="rules-announcement">
        {announcement}
      </p>
      {result && result.status !== 'success' ? <ActionFailureMessage result={result} /> : null}
      {rules.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('empty')}</p> : null}
      <ol className="space-y-2" aria-label={t('listLabel')}>
        {rules.map((rule, index) => (
          <li
            key={rule.id}
            data-testid="rule"
            data-rule-id={rule.id}
            draggable={editing !== rule.id}
            onDragStart={(e) => {
              setDragging(rule.id);
              setBefore(rules);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => {
              if (!dragging || dragging === rule.id) return;
              e.preventDefault();
              setRules((list) => shift(list, dragging, position(rule.id, list) - position(dragging, list)));
            }}
            onDragEnd={() => {
              const moved = dragging;
              setDragging(null);
              if (moved && before && before.map((r) => r.id).join() !== rules.map((r) => r.id).join()) persist(rules, moved);
              else setOrder(null);
              setBefore(null);
            }}
            className={cn('rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800', (grabbed === rule.id || dragging === rule.id) && 'ring-2 ring-indigo-500 dark:ring-indigo-400')}
          >
            <div className="flex items-start gap-3">
              <button
                id={`${id}-handle-${rule.id}`}
                type="button"
                aria-pressed={grabbed === rule.id}
                aria-describedby={`${id}-instructions`}
                aria-label={t('handle', { position: index + 1, text: rule.text })}
                onKeyDown={(e) => onHandleKey(e, rule)}
                className="mt-0.5 flex size-8 shrink-0 cursor-grab items-center justify-center rounded-md text-zinc-500 ring-1 ring-zinc-300 hover:bg-zinc-50 focus:ring-2 focus:ring-indigo-500 focus:outline-none aria-pressed:bg-indigo-600 aria-pressed:text-white dark:text-zinc-400 dark:ring-zinc-700 dark:hover:bg-zinc-800"
              >
                <span aria-hidden="true">⠿</span>
              </button>
              <div className="min-w-0 flex-1">
                {editing === rule.id ? (
                  <form
                    className="space-y-3"
                    aria-label={t('editRule', { position: index + 1 })}
                    onSubmit={(e) => {
                      e.preventDefault();
                      startTransition(async () => {
                        const answer = await updateRule({ id: rule.id, ...draft });
                        setResult(answer);
                        if (answer.status === 'success') {
                          setEditing(null);
                          router.refresh();
                        }
                      });
                    }}
                  >
                    <RuleFields idPrefix={`${id}-edit-${rule.id}`} text={draft.text} hint={draft.hint} onText={(v) => setDraft((d) => ({ ...d, text: v }))} onHint={(v) => setDraft((d) => ({ ...d, hint: v }))} />
                    <div className="flex gap-2">
                      <Button type="submit" disabled={pending || !draft.text.trim()}>
                        {t('save')}
                      </Button>
                      <Button variant="secondary" onClick={() => setEditing(null)}>
                        {t('cancel')}
                      </Button>
                    </div>
                  </form>
                ) : (
                  <>
                    <p className="font-medium">
                      <span className="mr-1 text-zinc-500 tabular-nums dark:text-zinc-400">{index + 1}.</span>
                      {rule.text}
                    </p>
                    {rule.hint ? <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{rule.hint}</p> : null}
                    <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="rule-reports">
                      {t('reports', { total: rule.reportsTotal, open: rule.reportsOpen })}
                    </p>
                  </>
                )}
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-indigo-700 dark:text-indigo-300">{t('translations', { count: rule.translations.length })}</summary>
                  <Translations rule={rule} />
                </details>
              </div>
              <div className="flex shrink-0 flex-col items-end gap-1 sm:flex-row">
                <Button variant="ghost" aria-label={t('moveUp', { position: index + 1 })} disabled={pending || index === 0} onClick={() => startTransition(async () => { const answer = await moveRule({ id: rule.id, offset: -1 }); setResult(answer); router.refresh(); })}>
                  ↑
                </Button>
                <Button variant="ghost" aria-label={t('moveDown', { position: index + 1 })} disabled={pending || index === rules.length - 1} onClick={() => startTransition(async () => { const answer = await moveRule({ id: rule.id, offset: 1 }); setResult(answer); router.refresh(); })}>
                  ↓
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => {
                    setEditing(rule.id);
                    setDraft({ text: rule.text, hint: rule.hint });
                  }}
                  aria-label={t('editRule', { position: index + 1 })}
                >
                  {t('edit')}
                </Button>
                <Button variant="ghost" className="text-red-700! dark:text-red-300!" onClick={() => setDeleting(rule)} aria-label={t('deleteRule', { position: index + 1 })}>
                  {t('delete')}
                </Button>
              </div>
            </div>
          </li>
        ))}
      </ol>

      <Card>
        <h3 className="text-sm font-semibold">{t('addRule')}</h3>
        <form
          className="mt-3 space-y-3"
          aria-label={t('addRule')}
          onSubmit={(e) => {
            e.preventDefault();
            startTransition(async () => {
              const answer = await createRule(newRule);
              setResult(answer);
              if (answer.status === 'success') {
                setNewRule({ text: '', hint: '' });
                setAnnouncement(t('added'));
                router.refresh();
              }
            });
          }}
        >
          <RuleFields idPrefix={`${id}-new`} text={newRule.text} hint={newRule.hint} onText={(v) => setNewRule((r) => ({ ...r, text: v }))} onHint={(v) => setNewRule((r) => ({ ...r, hint: v }))} />
          <Button type="submit" disabled={pending || !newRule.text.trim()}>
            {t('add')}
          </Button>
        </form>
      </Card>

      <ConfirmDialog
        open={deleting !== null}
        title={t('deleteTitle')}
        confirmLabel={t('delete')}
        tone="danger"
        pending={pending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          startTransition(async () => {
            const answer = await deleteRule({ id: deleting!.id });
            setDeleting(null);
            setResult(answer);
            router.refresh();
          })
        }
      >
        <p>{deleting?.text}</p>
        <p>{t('deleteBody', { total: deleting?.reportsTotal ?? 0 })}</p>
      </ConfirmDialog>
    </div>
  );
}
