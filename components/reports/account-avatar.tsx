import { cn } from '@/components/ui/cn';

/**
 * An account's avatar, blurred when the moderator's media preference says so (avatars can be as
 * graphic as posts). Decorative: the name next to it says who it is.
 */
export function AccountAvatar({ url, blur, greyscale = false, size = 'md' }: { url: string | null; blur: boolean; greyscale?: boolean; size?: 'sm' | 'md' | 'lg' }) {
  const box = size === 'lg' ? 'size-16' : size === 'sm' ? 'size-6' : 'size-9';
  return (
    <span className={cn('inline-block shrink-0 overflow-hidden rounded-md bg-zinc-200 ring-1 ring-zinc-300 dark:bg-zinc-700 dark:ring-zinc-600', box)} aria-hidden="true">
      {url ? (
        // eslint-disable-next-line @next/next/no-img-element -- served by the instance; next/image would proxy it.
        <img src={url} alt="" loading="lazy" decoding="async" referrerPolicy="no-referrer" className={cn('size-full object-cover', blur && 'blur-[3px]', greyscale && 'grayscale')} data-testid="account-avatar" data-blurred={blur ? 'true' : 'false'} />
      ) : null}
    </span>
  );
}
