'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';

/**
 * Avatar and header, blurred until a moderator chooses to look (profile images are where abuse
 * often sits). Files come from the instance only; nothing remote is loaded.
 */
export function ProfileImages({ acct, avatarUrl, headerUrl }: { acct: string; avatarUrl: string | null; headerUrl: string | null }) {
  const t = useTranslations('accounts.detail');
  const [revealed, setRevealed] = useState(false);
  const shield = !revealed && 'blur-xl grayscale';
  return (
    <div className="relative">
      <div className="h-28 overflow-hidden rounded-t-lg bg-zinc-200 sm:h-36 dark:bg-zinc-800">
        {headerUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- instance files at arbitrary sizes; next/image would proxy them.
          <img src={headerUrl} alt={t('header', { acct })} className={cn('size-full object-cover transition-[filter]', shield)} referrerPolicy="no-referrer" data-testid="profile-header" data-revealed={revealed} />
        ) : null}
      </div>
      <div className="absolute -bottom-10 left-5 size-20 overflow-hidden rounded-xl bg-zinc-300 ring-4 ring-white dark:bg-zinc-700 dark:ring-zinc-900">
        {avatarUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- see above.
          <img src={avatarUrl} alt={t('avatar', { acct })} className={cn('size-full object-cover transition-[filter]', shield)} referrerPolicy="no-referrer" data-testid="profile-avatar" data-revealed={revealed} />
        ) : null}
      </div>
      {avatarUrl || headerUrl ? (
        <button
          type="button"
          onClick={() => setRevealed((r) => !r)}
          aria-pressed={revealed}
          className="absolute top-2 right-2 rounded-md bg-white/90 px-2.5 py-1 text-xs font-semibold text-zinc-900 shadow-sm ring-1 ring-zinc-300 hover:bg-white dark:bg-zinc-900/90 dark:text-zinc-100 dark:ring-zinc-700"
        >
          {revealed ? t('hide') : t('reveal')}
        </button>
      ) : null}
    </div>
  );
}
