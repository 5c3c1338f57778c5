'use client';

import { useId, useState, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createDomainAllow, removeDomainAllow } from '@/app/(console)/federation/allows/actions';
import type { ActionResult } from '@/lib/account-action-result';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { RemoveButton } from './remove-button';

export interface AllowView {
  id: string;
  domain: string;
  unicode: string;
  createdAt: string;
  accountsCount: number;
}

const field = 'block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

export function DomainAllowsManager({ allows }: { allows: AllowView[] }) {
  const t = useTranslations('federation.allows');
  const id = useId();
  const router = useRouter();
  const [domain, setDomain] = useState('');
  const [result, setResult] = useState<ActionResult<{ id: string; domain: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-4">
      <Card>
        <form
          className="flex flex-wrap items-end gap-3"
          aria-label={t('add')}
          onSubmit={(e) => {
            e.preventDefault();
            startTransition(async () => {
              const answer = await createDomainAllow({ domain });
              setResult(answer);
              if (answer.status === 'success') {
                setDomain('');
                router.refresh();
              }
            });
          }}
        >
          <div className="min-w-64 flex-1">
            <label htmlFor={`${id}-domain`} className="block text-sm font-medium">
              {t('domain')}
            </label>
            <input id={`${id}-domain`} value={domain} onChange={(e) => setDomain(e.target.value)} required maxLength={300} className={`mt-1 font-mono ${field}`} />
          </div>
          <Button type="submit" disabled={pending || domain.trim() === ''}>
            {t('add')}
          </Button>
        </form>
        <div className="mt-3" aria-live="polite">
          {result?.status === 'success' ? <Alert tone="success">{t('added', { domain: result.domain })}</Alert> : result ? <ActionFailureMessage result={result} /> : null}
        </div>
      </Card>
      {allows.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-lg bg-white shadow-sm ring-1 ring-zinc-200 dark:divide-zinc-800 dark:bg-zinc-900 dark:ring-zinc-800" aria-label={t('listLabel')}>
          {allows.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5" data-testid="allow-row">
              <div>
                <Link href={`/federation/instances/${encodeURIComponent(a.domain)}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  {a.unicode}
                </Link>
                <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('meta', { date: a.createdAt.slice(0, 10), accounts: a.accountsCount })}</p>
              </div>
              <RemoveButton label={t('removeLabel', { domain: a.unicode })} title={t('removeTitle', { domain: a.unicode })} action={() => removeDomainAllow({ id: a.id })}>
                <p>{t('removeBody')}</p>
              </RemoveButton>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
