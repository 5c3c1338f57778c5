import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';

export interface AccountStateFlags {
  domain: string | null;
  suspendedAt: Date | null;
  suspensionOrigin: number | null;
  silencedAt: Date | null;
  sensitizedAt: Date | null;
  requestedDeletionAt: Date | null;
  memorial: boolean;
  actorType: string | null;
  approved: boolean | null;
  disabled: boolean | null;
  confirmedAt: Date | null;
  /** Local accounts only: whether a users row exists. */
  userId: string | null;
  movedToAccountId?: string | null;
}

/** Mastodon's derived account states (mastodon.md §2.1) as badges; "Active" when none applies. */
export function AccountStateBadges({ account, showOrigin = false }: { account: AccountStateFlags; showOrigin?: boolean }) {
  const t = useTranslations('accounts.state');
  const badges: Array<{ key: string; tone: 'red' | 'amber' | 'sky' | 'neutral' | 'indigo' | 'emerald'; label: string }> = [];
  if (showOrigin) badges.push({ key: 'origin', tone: 'neutral', label: account.domain === null ? t('local') : t('remote') });
  if (account.suspendedAt) badges.push({ key: 'suspended', tone: 'red', label: account.suspensionOrigin === 1 ? t('suspendedRemotely') : t('suspended') });
  if (account.silencedAt) badges.push({ key: 'silenced', tone: 'amber', label: t('silenced') });
  if (account.sensitizedAt) badges.push({ key: 'sensitized', tone: 'amber', label: t('sensitized') });
  if (account.disabled) badges.push({ key: 'disabled', tone: 'red', label: t('disabled') });
  if (account.userId && account.approved === false) badges.push({ key: 'pending', tone: 'sky', label: t('pending') });
  if (account.userId && account.confirmedAt === null) badges.push({ key: 'unconfirmed', tone: 'neutral', label: t('unconfirmed') });
  if (account.requestedDeletionAt) badges.push({ key: 'deleted', tone: 'neutral', label: t('deleted') });
  if (account.memorial) badges.push({ key: 'memorial', tone: 'neutral', label: t('memorial') });
  if (account.movedToAccountId) badges.push({ key: 'moved', tone: 'neutral', label: t('moved') });
  if (account.actorType === 'Service' || account.actorType === 'Application') badges.push({ key: 'bot', tone: 'indigo', label: t('bot') });
  const states = badges.filter((b) => b.key !== 'origin');
  return (
    <span className="flex flex-wrap gap-1" data-testid="account-state">
      {badges.map((b) => (
        <Badge key={b.key} tone={b.tone}>
          {b.label}
        </Badge>
      ))}
      {states.length === 0 ? <Badge tone="emerald">{t('active')}</Badge> : null}
    </span>
  );
}
