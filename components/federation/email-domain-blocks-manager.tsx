'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createEmailDomainBlock, lookupMxHosts, removeEmailDomainBlock } from '@/app/(console)/federation/email-domain-blocks/actions';
import type { ActionResult } from '@/lib/account-action-result';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { RemoveButton } from './remove-button';

export interface EmailBlockView {
  id: string;
  domain: string;
  unicode: string;
  allowWithApproval: boolean;
  createdAt: string;
  children: Array<{ id: string; domain: string }>;
}

const field = 'block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

export function EmailDomainBlocksManager({ blocks }: { blocks: EmailBlockView[] }) {
  const t = useTranslations('federation.email');
  const id = useId();
  const router = useRouter();
  const [domain, setDomain] = useState('');
  const [approval, setApproval] = useState(false);
  const [mx, setMx] = useState<{ hosts: string[]; chosen: Set<string> } | null>(null);
  const [mxFailed, setMxFailed] = useState(false);
  const [result, setResult] = useState<ActionResult<{ domain: string; children: string[] }> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-4">
      <Card>
        <form
          className="space-y-3"
          aria-label={t('add')}
          onSubmit={(e) => {
            e.preventDefault();
            startTransition(async () => {
              const answer = await createEmailDomainBlock({ domain, allowWithApproval: approval, otherDomains: mx ? [...mx.chosen] : [] });
              setResult(answer);
              if (answer.status === 'success') {
                setDomain('');
                setMx(null);
                router.refresh();
              }
            });
          }}
        >
          <div className="flex flex-wrap items-end gap-3">
            <div className="min-w-64 flex-1">
              <label htmlFor={`${id}-domain`} className="block text-sm font-medium">
                {t('domain')}
              </label>
              <input
                id={`${id}-domain`}
                value={domain}
                onChange={(e) => {
                  setDomain(e.target.value);
                  setMx(null);
                  setMxFailed(false);
                }}
                required
                maxLength={300}
                className={`mt-1 font-mono ${field}`}
                aria-describedby={`${id}-domain-help`}
              />
              <p id={`${id}-domain-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                {t('domainHelp')}
              </p>
            </div>
            <Button
              variant="secondary"
              disabled={pending || domain.trim() === ''}
              onClick={() =>
                startTransition(async () => {
                  const answer = await lookupMxHosts({ domain });
                  if (answer.status === 'success') setMx({ hosts: answer.hosts, chosen: new Set(answer.hosts) });
                  setMxFailed(answer.status !== 'success');
                })
              }
            >
              {t('lookupMx')}
            </Button>
          </div>
          {mxFailed ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('mxFailed')}</p> : null}
          {mx ? (
            <fieldset>
              <legend className="text-sm font-medium">{mx.hosts.length ? t('mxFound') : t('mxNone')}</legend>
              {mx.hosts.map((h) => (
                <label key={h} className="mt-1 flex items-center gap-2 font-mono text-sm">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-zinc-400"
                    checked={mx.chosen.has(h)}
                    onChange={(e) =>
                      setMx((current) => {
                        if (!current) return current;
                        const chosen = new Set(current.chosen);
                        if (e.target.checked) chosen.add(h);
                        else chosen.delete(h);
                        return { ...current, chosen };
                      })
                    }
                  />
                  {h}
                </label>
              ))}
            </fieldset>
          ) : null}
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={approval} onChange={(e) => setApproval(e.target.checked)} className="mt-0.5 size-4 rounded border-zinc-400" />
            <span>
              <span className="font-medium">{t('allowWithApproval')}</span>
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">{t('allowWithApprovalHelp')}</span>
            </span>
          </label>
          <Button type="submit" disabled={pending || domain.trim() === ''}>
            {t('add')}
          </Button>
          <div aria-live="polite">{result?.status === 'success' ? <Alert tone="success">{t('added', { domain: result.domain, children: result.children.length })}</Alert> : result ? <ActionFailureMessage result={result} /> : null}</div>
        </form>
      </Card>
      {blocks.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-lg bg-white shadow-sm ring-1 ring-zinc-200 dark:divide-zinc-800 dark:bg-zinc-900 dark:ring-zinc-800" aria-label={t('listLabel')}>
          {blocks.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5" data-testid="email-block-row">
              <div>
                <p className="font-medium">
                  {b.unicode} {b.allowWithApproval ? <Badge tone="amber">{t('approvalBadge')}</Badge> : <Badge tone="red">{t('blockedBadge')}</Badge>}
                </p>
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  {t('meta', { date: b.createdAt.slice(0, 10) })}
                  {b.children.length ? ` · ${t('children', { domains: b.children.map((c) => c.domain).join(', ') })}` : ''}
                </p>
              </div>
              <RemoveButton label={t('removeLabel', { domain: b.unicode })} title={t('removeTitle', { domain: b.unicode })} action={() => removeEmailDomainBlock({ id: b.id })}>
                <p>{b.children.length ? t('removeBodyChildren', { count: b.children.length }) : t('removeBody')}</p>
              </RemoveButton>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
