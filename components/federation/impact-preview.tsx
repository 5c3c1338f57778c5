'use client';

import type React from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { DomainBlockPreview } from '@/app/(console)/federation/actions';
import type { ChangeAssessment, ImpactEffects } from '@/lib/domain-block-impact';
import { Alert } from '@/components/ui/alert';
import { PolicyBadges } from './severity-badge';

const n = (v: number) => v.toLocaleString('en');

/** The figures for the domain and its subdomains, whatever the change. */
export function ImpactFigures({ preview }: { preview: DomainBlockPreview }) {
  const t = useTranslations('federation.impact');
  const f = preview.figures;
  const rows: Array<[string, number, string?]> = [
    [t('accounts'), f.accounts, f.suspendedAccounts || f.silencedAccounts ? t('accountsState', { suspended: f.suspendedAccounts, silenced: f.silencedAccounts }) : undefined],
    [t('localFollowers'), f.localFollowers, t('follows', { count: f.localFollowerFollows })],
    [t('localFollowed'), f.localFollowed, t('follows', { count: f.localFollowedFollows })],
    [t('openReports'), f.openReports],
    [t('statuses'), f.statuses],
    [t('cachedMedia'), f.cachedMedia],
  ];
  return (
    <div>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1.5 text-sm" data-testid="impact-figures">
        {rows.map(([label, value, hint]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">
              {label}
              {hint ? <span className="block text-xs text-zinc-500 dark:text-zinc-400">{hint}</span> : null}
            </dt>
            <dd className="text-right font-semibold tabular-nums">{n(value)}</dd>
          </div>
        ))}
      </dl>
      {preview.figures.domains.length > 1 ? (
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          {t('includesSubdomains', { count: preview.figures.domains.length - 1 })}{' '}
          <span className="font-mono">{preview.domainsUnicode.slice(1, 6).join(', ')}</span>
          {preview.figures.domains.length > 6 ? '…' : ''}
        </p>
      ) : null}
      {f.topLocalAccounts.length > 0 ? (
        <div className="mt-3">
          <h4 className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">{t('topLocal')}</h4>
          <ul className="mt-1 flex flex-wrap gap-1.5 text-xs">
            {f.topLocalAccounts.map((a) => (
              <li key={a.id}>
                <Link href={`/accounts/${a.id}`} className="rounded bg-zinc-100 px-1.5 py-0.5 hover:underline dark:bg-zinc-800">
                  @{a.username} · {n(a.follows)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** What the change does, sentence by sentence; irreversible parts in red. */
export function ImpactEffectsList({ effects: e }: { effects: ImpactEffects | null }) {
  const t = useTranslations('federation.impact.effects');
  if (!e) return null;
  const items: Array<{ text: string; danger?: boolean }> = [];
  if (e.suspend) items.push({ text: t('suspend', { count: e.suspend }), danger: true });
  if (e.severedFollows) items.push({ text: t('severed', { count: e.severedFollows, accounts: e.affectedLocalAccounts }), danger: true });
  if (e.deletedStatuses) items.push({ text: t('deleted', { count: e.deletedStatuses }), danger: true });
  if (e.limit) items.push({ text: t('limit', { count: e.limit }) });
  if (e.unsuspend) items.push({ text: t('unsuspend', { count: e.unsuspend }) });
  if (e.unlimit) items.push({ text: t('unlimit', { count: e.unlimit }) });
  if (e.clearedMedia) items.push({ text: t('clearedMedia', { count: e.clearedMedia }), danger: true });
  if (e.ignoresReports) items.push({ text: t('ignoresReports') });
  return (
    <div data-testid="impact-effects">
      {items.length === 0 ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{t('none')}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {items.map((item) => (
            <li key={item.text} className={item.danger ? 'font-medium text-red-800 dark:text-red-300' : undefined}>
              {item.text}
            </li>
          ))}
        </ul>
      )}
      {e.irreversible ? <p className="mt-2 text-xs text-red-800 dark:text-red-300">{t('irreversible')}</p> : null}
    </div>
  );
}

/** Which block already applies, and whether Mastodon would refuse this one. */
export function ExistingBlockNotice({ preview, assessment, mastodonUrl }: { preview: DomainBlockPreview; assessment: ChangeAssessment; mastodonUrl: string | null }) {
  const t = useTranslations('federation.impact');
  const existing = preview.existing;
  if (!existing) return null;
  const link = (chunks: React.ReactNode) => (
    <Link href={`/federation/domain-blocks/${existing.id}`} className="font-semibold underline">
      {chunks}
    </Link>
  );
  if (assessment.conflict) {
    return (
      <Alert tone="error" title={t(`conflict.${assessment.conflict}.title`)}>
        <p>{t.rich(`conflict.${assessment.conflict}.body`, { link, domain: existing.unicode })}</p>
        <p className="mt-1">
          <PolicyBadges severity={existing.severity} rejectMedia={existing.rejectMedia} rejectReports={existing.rejectReports} />
        </p>
        {assessment.conflict === 'api_refuses_subdomain' && mastodonUrl ? (
          <p className="mt-1">
            <a href={`${mastodonUrl}/admin/domain_blocks/new?_domain=${encodeURIComponent(preview.domain)}`} className="font-semibold underline" target="_blank" rel="noreferrer">
              {t('openInMastodon')}
            </a>
          </p>
        ) : null}
      </Alert>
    );
  }
  return (
    <Alert tone="info" title={assessment.raisesExisting ? t('raises') : t('underParent')}>
      <p>{t.rich(assessment.raisesExisting ? 'raisesBody' : 'underParentBody', { link })}</p>
      <p className="mt-1">
        <PolicyBadges severity={existing.severity} rejectMedia={existing.rejectMedia} rejectReports={existing.rejectReports} />
      </p>
    </Alert>
  );
}
