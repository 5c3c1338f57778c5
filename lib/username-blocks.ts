/**
 * UsernameBlock#normalized_username (mastodon.md §3.11): lowercase, then the digits spammers use
 * as letters replaced, so "adm1n" and "ADMIN" hit the same block.
 */
const DIGIT_HOMOGLYPHS: Record<string, string> = { '1': 'i', '2': 'z', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '0': 'o' };

export function normalizeUsername(username: string): string {
  return username.toLowerCase().replace(/[0-9]/g, (digit) => DIGIT_HOMOGLYPHS[digit] ?? digit);
}
