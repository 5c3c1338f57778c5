import { env } from '@/lib/env';

/**
 * Connected: Mastodon's Admin API is reachable with the moderator's own token, so actions with
 * side effects go through Mastodon itself. Standalone: Palisade writes the rows Mastodon's
 * services would write (demo, tests, or an operator who chose it knowingly).
 */
export type WriteMode = 'api' | 'database';

export interface MastodonOAuthConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export function mastodonOAuthConfig(): MastodonOAuthConfig | null {
  const e = env();
  if (!e.MASTODON_URL || !e.MASTODON_CLIENT_ID || !e.MASTODON_CLIENT_SECRET) return null;
  return { issuer: e.MASTODON_URL, clientId: e.MASTODON_CLIENT_ID, clientSecret: e.MASTODON_CLIENT_SECRET };
}

export function writeMode(): WriteMode {
  return mastodonOAuthConfig() ? 'api' : 'database';
}
