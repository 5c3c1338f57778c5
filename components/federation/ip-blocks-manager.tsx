'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createIpBlock, removeIpBlock } from '@/app/(console)/federation/ip-blocks/actions';
import type { ActionResult } from '@/lib/account-action-result';
import { IP_EXPIRY_PRESETS, IP_SEVERITIES, type IpSeverity } from '@/lib/domain-access-presets';
import { ActionFailureMessage } from '@/components/account-actions/action-failure';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { RemoveButton } from './remove-button';

export interface IpBlockView {
  id: string;
  ip: string;
  severity: IpSeverity | null;
  comment: string;
  createdAt: string;
  expiresAt: string | null;
  expired: boolean;
}

const field = 'mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-500 dark:bg-zinc-900 dark:ring-zinc-700';
const TONE = { sign_up_requires_approval: 'amber', sign_up_block: 'red', no_access: 'red' } as const;

export function IpBlocksManager({ blocks }: { blocks: IpBlockView[] }) {
  const t = useTranslations('federation.ip');
  const id = useId();
  const router = useRouter();
  const [ip, setIp] = useState('');
  const [severity, setSeverity] = useState<IpSeverity>('sign_up_requires_approval');
  const [expiry, setExpiry] = useState<string>('year');
  const [comment, setComment] = useState('');
  const [result, setResult] = useState<ActionResult<{ ip: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-4">
      <Card>
        <form
          className="grid gap-3 md:grid-cols-2"
          aria-label={t('add')}
          onSubmit={(e) => {
            e.preventDefault();
            const preset = IP_EXPIRY_PRESETS.find((p) => p.key === expiry) ?? IP_EXPIRY_PRESETS.at(-1)!;
            startTransition(async () => {
              const answer = await createIpBlock({ ip, severity, comment, expiresIn: preset.seconds });
              setResult(answer);
              if (answer.status === 'success') {
                setIp('');
                setComment('');
                router.refresh();
              }
            });
          }}
        >
          <div>
            <label htmlFor={`${id}-ip`} className="block text-sm font-medium">
              {t('ip')}
            </label>
            <input id={`${id}-ip`} value={ip} onChange={(e) => setIp(e.target.value)} required maxLength={64} placeholder="192.0.2.0/24" className={`${field} font-mono`} aria-describedby={`${id}-ip-help`} />
            <p id={`${id}-ip-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              {t('ipHelp')}
            </p>
          </div>
          <div>
            <label htmlFor={`${id}-severity`} className="block text-sm font-medium">
              {t('rule')}
            </label>
            <select id={`${id}-severity`} value={severity} onChange={(e) => setSeverity(e.target.value as IpSeverity)} className={field}>
              {(Object.keys(IP_SEVERITIES) as IpSeverity[]).map((s) => (
                <option key={s} value={s}>
                  {t(`severities.${s}`)}
                </option>
              ))}
            </select>
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{t(`severityHelp.${severity}`)}</p>
          </div>
          <div>
            <label htmlFor={`${id}-expiry`} className="block text-sm font-medium">
              {t('expiry')}
            </label>
            <select id={`${id}-expiry`} value={expiry} onChange={(e) => setExpiry(e.target.value)} className={field}>
              {IP_EXPIRY_PRESETS.map((p) => (
                <option key={p.key} value={p.key}>
                  {t(`expiries.${p.key}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-comment`} className="block text-sm font-medium">
              {t('comment')}
            </label>
            <input id={`${id}-comment`} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} className={field} />
          </div>
          <div className="md:col-span-2">
            <Button type="submit" disabled={pending || ip.trim() === ''}>
              {t('add')}
            </Button>
            <div className="mt-3" aria-live="polite">
              {result?.status === 'success' ? <Alert tone="success">{t('added', { ip: result.ip })}</Alert> : result ? <ActionFailureMessage result={result} /> : null}
            </div>
          </div>
        </form>
      </Card>
      {blocks.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-lg bg-white shadow-sm ring-1 ring-zinc-200 dark:divide-zinc-800 dark:bg-zinc-900 dark:ring-zinc-800" aria-label={t('listLabel')}>
          {blocks.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5" data-testid="ip-block-row">
              <div>
                <p className="font-mono font-medium">
                  {b.ip} {b.severity ? <Badge tone={TONE[b.severity]}>{t(`severities.${b.severity}`)}</Badge> : null} {b.expired ? <Badge>{t('expired')}</Badge> : null}
                </p>
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  {b.comment ? `${b.comment} · ` : ''}
                  {b.expiresAt ? t('expires', { date: b.expiresAt.slice(0, 10) }) : t('never')}
                </p>
              </div>
              <RemoveButton label={t('removeLabel', { ip: b.ip })} title={t('removeTitle', { ip: b.ip })} action={() => removeIpBlock({ id: b.id })}>
                <p>{t('removeBody')}</p>
              </RemoveButton>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
