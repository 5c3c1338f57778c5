'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import type { MediaPreference, StatusMediaView } from './types';

function shieldClasses(preference: MediaPreference): string {
  return cn(preference.blur && 'blur-xl', preference.greyscale && 'grayscale', 'transition-[filter] duration-150');
}

/**
 * Media of one post, shielded (blurred and/or greyscale, per the moderator's preference) until a
 * deliberate click reveals one item. Videos and audio never autoplay or preload; remote files not
 * stored by the instance are never loaded, only linked.
 */
export function MediaGallery({ media, preference }: { media: StatusMediaView[]; preference: MediaPreference }) {
  const t = useTranslations('status.media');
  const [revealed, setRevealed] = useState<Record<string, boolean>>({});
  if (media.length === 0) return null;
  const shielded = preference.blur || preference.greyscale;

  return (
    <ul className={cn('mt-3 grid gap-2', media.length > 1 ? 'grid-cols-2' : 'grid-cols-1')} aria-label={t('label', { count: media.length })}>
      {media.map((item) => {
        const isRevealed = !shielded || revealed[item.id] === true;
        const toggle = () => setRevealed((r) => ({ ...r, [item.id]: !isRevealed }));
        const stored = item.previewUrl !== null || item.url !== null;
        return (
          <li key={item.id} data-testid="status-media" data-media-kind={item.kind} data-revealed={isRevealed ? 'true' : 'false'} className="min-w-0">
            <figure className="overflow-hidden rounded-md bg-zinc-100 ring-1 ring-zinc-200 dark:bg-zinc-800 dark:ring-zinc-700">
              <div className="relative flex aspect-video items-center justify-center overflow-hidden bg-zinc-200 dark:bg-zinc-800">
                {!stored ? (
                  <p className="px-3 text-center text-xs text-zinc-700 dark:text-zinc-300">{t('notStored')}</p>
                ) : isRevealed && item.kind === 'video' && item.url ? (
                  <video controls preload="none" poster={item.previewUrl ?? undefined} src={item.url} className="size-full object-contain" aria-label={item.description ?? t('noDescription')} />
                ) : isRevealed && item.kind === 'audio' && item.url ? (
                  <audio controls preload="none" src={item.url} className="w-full px-2" aria-label={item.description ?? t('noDescription')} />
                ) : item.previewUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element -- files come from the instance at arbitrary sizes; next/image would proxy them.
                  <img
                    src={item.previewUrl}
                    alt={item.description ?? ''}
                    width={item.width ?? undefined}
                    height={item.height ?? undefined}
                    loading="lazy"
                    decoding="async"
                    referrerPolicy="no-referrer"
                    data-testid="status-media-image"
                    className={cn('size-full object-contain', !isRevealed && shieldClasses(preference))}
                  />
                ) : (
                  <p className={cn('px-3 text-center text-xs text-zinc-700 dark:text-zinc-300', !isRevealed && 'blur-sm')}>{t(`kind.${item.kind}`)}</p>
                )}
                {shielded && stored ? (
                  <button
                    type="button"
                    onClick={toggle}
                    aria-pressed={isRevealed}
                    className={cn(
                      'absolute rounded-md px-3 py-1.5 text-sm font-semibold shadow-sm ring-1',
                      isRevealed
                        ? 'top-2 right-2 bg-white/90 text-zinc-900 ring-zinc-300 hover:bg-white dark:bg-zinc-900/90 dark:text-zinc-100 dark:ring-zinc-600'
                        : 'inset-auto bg-zinc-900/85 text-white ring-zinc-700 hover:bg-zinc-900 dark:bg-zinc-100/90 dark:text-zinc-900 dark:ring-zinc-300',
                    )}
                  >
                    {isRevealed ? t('hide') : t('reveal', { kind: t(`kind.${item.kind}`) })}
                  </button>
                ) : null}
              </div>
              <figcaption className="space-y-1 px-2 py-1.5 text-xs text-zinc-700 dark:text-zinc-300">
                <p dir="auto" className="[overflow-wrap:anywhere]">
                  {item.description ? (
                    <>
                      <span className="font-semibold">{t('description')}</span> {item.description}
                    </>
                  ) : (
                    <span className="italic">{t('noDescription')}</span>
                  )}
                </p>
                {item.url && isRevealed ? (
                  <a href={item.url} target="_blank" rel="noopener nofollow noreferrer" className="font-medium underline">
                    {t('openOriginal')}
                  </a>
                ) : null}
                {item.remoteUrl ? (
                  <a href={item.remoteUrl} target="_blank" rel="noopener nofollow noreferrer" data-external="true" className="block truncate underline" title={item.remoteUrl}>
                    {t('remoteOrigin', { host: new URL(item.remoteUrl).hostname })}
                  </a>
                ) : null}
              </figcaption>
            </figure>
          </li>
        );
      })}
    </ul>
  );
}
