'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { MediaPreference } from './types';

export const MEDIA_PREFERENCE_CHOICES = ['blur_greyscale', 'blur', 'greyscale', 'none'] as const;
export type MediaPreferenceChoice = (typeof MEDIA_PREFERENCE_CHOICES)[number];

export function choiceOf(p: MediaPreference): MediaPreferenceChoice {
  if (p.blur && p.greyscale) return 'blur_greyscale';
  if (p.blur) return 'blur';
  if (p.greyscale) return 'greyscale';
  return 'none';
}

export function preferenceOf(choice: MediaPreferenceChoice): MediaPreference {
  return { blur: choice === 'blur_greyscale' || choice === 'blur', greyscale: choice === 'blur_greyscale' || choice === 'greyscale' };
}

export type SaveMediaPreference = (preference: MediaPreference) => Promise<{ status: 'success' } | { status: 'error' | 'forbidden' | 'unauthenticated'; message?: string }>;

/**
 * The moderator's own default for how media first appears (stored per moderator, on the server,
 * so it follows them across browsers). The page passes the server action that stores it.
 */
export function MediaPreferenceForm({ preference, save }: { preference: MediaPreference; save: SaveMediaPreference }) {
  const t = useTranslations('status.preference');
  const router = useRouter();
  const id = useId();
  const [choice, setChoice] = useState<MediaPreferenceChoice>(choiceOf(preference));
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={id} className="text-zinc-700 dark:text-zinc-300">
        {t('label')}
      </label>
      <select
        id={id}
        value={choice}
        disabled={pending}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          const next = e.target.value as MediaPreferenceChoice;
          const previous = choice;
          setChoice(next);
          setError(null);
          startTransition(async () => {
            const result = await save(preferenceOf(next));
            if (result.status !== 'success') {
              setChoice(previous);
              setError(result.message ?? t('failed'));
            } else {
              // The shielded media on the page follow the new default.
              router.refresh();
            }
          });
        }}
        className="rounded-md border-0 bg-white py-1 pr-8 pl-2 text-sm ring-1 ring-zinc-300 ring-inset dark:bg-zinc-900 dark:ring-zinc-700"
      >
        {MEDIA_PREFERENCE_CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(`choice.${c}`)}
          </option>
        ))}
      </select>
      {error ? (
        <span id={`${id}-error`} role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </div>
  );
}
