import type { Locale } from '@/i18n/config';
import type en from './en';

export type Messages = typeof en;

/** One file per namespace keeps features from editing the same catalogue file. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case 'en':
      return (await import('./en')).default;
  }
}
