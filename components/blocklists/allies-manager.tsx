'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createAllyAction, issueTokenAction, revokeAllyAction } from '@/app/(console)/blocklists/actions';
import type { ActionFailure } from '@/lib/account-action-result';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

export interface AllyView {
  id: string;
  name: string;
  domain: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastReadAt: string | null;
  reads30d: number;
  tokens: Array<{ id: string; hint: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }>;
}

const field = 'mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';

type Revoking = { allyId: string; tokenId: string | null; label: string } | null;

/** Allies read our allies-only formats with a token of their own; a token is shown once, then only its hint. */
export function AlliesManager({ allies, indexUrl }: { allies: AllyView[]; indexUrl: string }) {
  const t = useTranslations('blocklists.allies');
  const id = useId();
  const router = useRouter();
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  const [issued, setIssued] = useState<{ ally: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<Revoking>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <div className="space-y-4">
      <Card>
        <form
          aria-label={t('addLabel')}
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            startTransition(async () => {
              setFailure(null);
              const answer = await createAllyAction({ name, domain });
              if (answer.status === 'success') {
                setIssued({ ally: name, token: answer.token });
                setName('');
                setDomain('');
                router.refresh();
              } else setFailure(answer);
            });
          }}
        >
          <div className="min-w-48 flex-1">
            <label htmlFor={`${id}-name`} className="block text-sm font-medium">
              {t('name')}
            </label>
            <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} className={field} />
          </div>
          <div className="min-w-48 flex-1">
            <label htmlFor={`${id}-domain`} className="block text-sm font-medium">
              {t('domain')}
            </label>
            <input id={`${id}-domain`} value={domain} onChange={(e) => setDomain(e.target.value)} maxLength={253} className={`${field} font-mono`} placeholder="ally.example" />
          </div>
          <Button type="submit" disabled={pending || name.trim() === ''}>
            {t('add')}
          </Button>
        </form>
      </Card>
      <div aria-live="polite" className="space-y-2">
        {issued ? (
          <Alert tone="success" title={t('tokenTitle', { name: issued.ally })}>
            <p>{t('tokenOnce')}</p>
            <code className="mt-2 block rounded bg-white/70 p-2 font-mono text-xs break-all dark:bg-zinc-950/70" data-testid="ally-token">
              {issued.token}
            </code>
            <p className="mt-2">{t('tokenUse', { url: indexUrl })}</p>
          </Alert>
        ) : null}
        {failure ? <ActionFailureMessage result={failure} /> : null}
      </div>
      {allies.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-lg bg-white shadow-sm ring-1 ring-zinc-200 dark:divide-zinc-800 dark:bg-zinc-900 dark:ring-zinc-800" aria-label={t('listLabel')}>
          {allies.map((a) => (
            <li key={a.id} className="space-y-2 px-4 py-3" data-testid="ally-row">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div>
                  <span className="font-medium">{a.name}</span>
                  {a.domain ? <span className="ml-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">{a.domain}</span> : null}
                  {a.revokedAt ? (
                    <Badge tone="red" className="ml-2">
                      {t('revoked')}
                    </Badge>
                  ) : null}
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">{a.lastReadAt ? t('reads', { count: a.reads30d, at: a.lastReadAt.slice(0, 16).replace('T', ' ') }) : t('neverRead')}</p>
                </div>
                {!a.revokedAt ? (
                  <div className="flex gap-2">
                    <Button
                      variant="secondary"
                      disabled={pending}
                      onClick={() =>
                        startTransition(async () => {
                          setFailure(null);
                          const answer = await issueTokenAction({ allyId: a.id });
                          if (answer.status === 'success') {
                            setIssued({ ally: a.name, token: answer.token });
                            router.refresh();
                          } else setFailure(answer);
                        })
                      }
                    >
                      {t('newToken')}
                    </Button>
                    <Button variant="danger" disabled={pending} onClick={() => setRevoking({ allyId: a.id, tokenId: null, label: a.name })}>
                      {t('revokeAlly')}
                    </Button>
                  </div>
                ) : null}
              </div>
              <ul className="space-y-1 text-xs">
                {a.tokens.map((tok) => (
                  <li key={tok.id} className="flex flex-wrap items-center gap-2">
                    <code className="font-mono">{tok.hint}</code>
                    <span className="text-zinc-600 dark:text-zinc-400">{tok.lastUsedAt ? t('tokenUsed', { at: tok.lastUsedAt.slice(0, 16).replace('T', ' ') }) : t('tokenUnused')}</span>
                    {tok.revokedAt ? (
                      <Badge tone="red">{t('revoked')}</Badge>
                    ) : !a.revokedAt ? (
                      <button type="button" className="font-medium text-red-700 hover:underline dark:text-red-300" onClick={() => setRevoking({ allyId: a.id, tokenId: tok.id, label: tok.hint })}>
                        {t('revokeToken')}
                        <span className="sr-only"> {tok.hint}</span>
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={revoking?.tokenId ? t('revokeTokenTitle', { hint: revoking.label }) : t('revokeAllyTitle', { name: revoking?.label ?? '' })}
        confirmLabel={t('revokeConfirm')}
        tone="danger"
        pending={pending}
        onCancel={() => setRevoking(null)}
        onConfirm={() =>
          startTransition(async () => {
            if (!revoking) return;
            const answer = await revokeAllyAction({ allyId: revoking.allyId, tokenId: revoking.tokenId });
            setRevoking(null);
            if (answer.status === 'success') router.refresh();
            else setFailure(answer);
          })
        }
      >
        <p>{t('revokeBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
