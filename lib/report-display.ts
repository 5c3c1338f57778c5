import { displayDomain } from './blocklist/domain';
import { isVisuallyEmpty, revealHiddenControls } from './sanitize-html';

/**
 * How moderators read an account: `user@domain` with an internationalised domain decoded from
 * the punycode Mastodon stores (mastodon.md §1.3), and a display name whose hidden controls are
 * visible and which falls back to the handle when it shows nothing at all.
 */
export function displayAcct(username: string, domain: string | null): string {
  return domain ? `${username}@${displayDomain(domain)}` : username;
}

export function displayName(name: string, handle: string): string {
  return isVisuallyEmpty(name) ? handle : revealHiddenControls(name.trim());
}
