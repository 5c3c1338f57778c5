import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * Domains as Mastodon stores them (TagManager#normalize_domain): trimmed, lower case, IDN as
 * punycode, no trailing slash or dot. Validation follows DNS host rules (labels of 1–63 letters,
 * digits, hyphens or underscores, 255 characters at most), which is what Mastodon's
 * DomainValidator accepts in practice.
 */
export const MAX_DOMAIN_LENGTH = 255;
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

export type DomainProblem = 'empty' | 'obfuscated' | 'invalid' | 'too_long';

export type NormalizedDomain =
  | {
      ok: true;
      /** Stored form: lower-case ASCII, IDN as punycode. */
      ascii: string;
      /** For people: IDN decoded. */
      unicode: string;
      /** How the input was tidied, if it was more than case and whitespace. */
      note: 'url_host' | 'wildcard_prefix' | null;
    }
  | { ok: false; problem: DomainProblem };

/** True when a name carries Mastodon's obfuscation (`*` in place of characters). */
export function isObfuscatedName(name: string): boolean {
  return name.includes('*');
}

// Already in stored form: lower-case ASCII labels. Names with punycode or a numeric last label
// (which URL parsing reads as an IPv4 address) take the full path.
const STORED_FORM = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const NUMERIC_LAST_LABEL = /(?:^|\.)(?:\d+|0x[0-9a-f]*)$/;

/** The last label is a number (decimal, or 0x hex): only then can it start with a digit. */
function numericLastLabel(name: string): boolean {
  const first = name.charCodeAt(name.lastIndexOf('.') + 1);
  return first >= 48 && first <= 57 && NUMERIC_LAST_LABEL.test(name);
}

export function normalizeDomain(input: string): NormalizedDomain {
  // Fast path for what lists almost always hold; gives what the full path below would.
  if (input.length <= MAX_DOMAIN_LENGTH && STORED_FORM.test(input) && !input.includes('xn--') && !numericLastLabel(input)) {
    return { ok: true, ascii: input, unicode: input, note: null };
  }
  let value = input.trim();
  let note: 'url_host' | 'wildcard_prefix' | null = null;
  if (value === '') return { ok: false, problem: 'empty' };

  // Someone pasted a link to the server or a profile: the host is what they mean.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    try {
      value = new URL(value).hostname;
      note = 'url_host';
    } catch {
      return { ok: false, problem: 'invalid' };
    }
  }
  // "*.example.com" is the common way to write "and its subdomains"; a block covers them anyway.
  // Mastodon's obfuscation never stars the first character, so this cannot be an obfuscated name.
  if (value.startsWith('*.')) {
    value = value.slice(2);
    note = 'wildcard_prefix';
  }
  value = value.replace(/\/+$/, '').replace(/\.$/, '').toLowerCase();
  if (value === '') return { ok: false, problem: 'empty' };
  if (isObfuscatedName(value)) return { ok: false, problem: 'obfuscated' };
  if (/[\s/@:?#[\]\\]/.test(value)) return { ok: false, problem: 'invalid' };

  const ascii = domainToASCII(value);
  if (ascii === '') return { ok: false, problem: 'invalid' };
  if (ascii.length > MAX_DOMAIN_LENGTH) return { ok: false, problem: 'too_long' };
  if (!ascii.split('.').every((label) => LABEL.test(label))) return { ok: false, problem: 'invalid' };
  return { ok: true, ascii, unicode: displayDomain(ascii), note };
}

/** The human form of a stored domain; falls back to the stored form if it does not decode. */
export function displayDomain(ascii: string): string {
  if (!ascii.includes('xn--')) return ascii;
  const unicode = domainToUnicode(ascii);
  return unicode === '' ? ascii : unicode;
}

/** The domain and every parent: a.b.example → [a.b.example, b.example, example]. */
export function domainVariants(ascii: string): string[] {
  const labels = ascii.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

export function isSameOrSubdomainOf(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

/**
 * Mastodon's `DomainBlock.rule_for`: among the blocks on the domain or any parent, the most
 * specific (longest) one applies.
 */
export function ruleFor<T extends { domain: string }>(domain: string, lookup: (domain: string) => T | undefined): T | null {
  for (const variant of domainVariants(domain)) {
    const hit = lookup(variant);
    if (hit) return hit;
  }
  return null;
}

/** Reverse-label sort key so that a domain sorts next to its subdomains (example.com, a.example.com). */
export function reverseDomainKey(ascii: string): string {
  return ascii.split('.').reverse().join('.');
}
