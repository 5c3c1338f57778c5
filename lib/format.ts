export type DurationUnit = 'justNow' | 'minutes' | 'hours' | 'days';

/** A coarse, human age ("3 hours") for queues: precision beyond the largest unit is noise. */
export function coarseDuration(ms: number): { unit: DurationUnit; count: number } {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return { unit: 'justNow', count: 0 };
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.floor(hours / 24) };
}

/** Mastodon's `acct`: bare username for local accounts, username@domain for remote ones. */
export function acct(username: string, domain: string | null): string {
  return domain ? `${username}@${domain}` : username;
}
