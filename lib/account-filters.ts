import { domainToASCII } from 'node:url';
import { z } from 'zod';

/** Mastodon's AccountFilter keys and values (app/models/account_filter.rb). */
export const ACCOUNT_ORIGINS = ['local', 'remote'] as const;
export const ACCOUNT_STATUSES = ['active', 'pending', 'disabled', 'silenced', 'suspended', 'sensitized'] as const;
export type AccountOrigin = (typeof ACCOUNT_ORIGINS)[number];
export type AccountStatusFilter = (typeof ACCOUNT_STATUSES)[number];

/** A search box value: trimmed, empty → undefined, bounded so a URL cannot carry a novel. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

const AccountSearchParams = z.object({
  origin: z.enum(ACCOUNT_ORIGINS).optional().catch(undefined),
  status: z.enum(ACCOUNT_STATUSES).optional().catch(undefined),
  role: z
    .string()
    .regex(/^-?\d{1,19}$/)
    .optional()
    .catch(undefined),
  username: text(100),
  display_name: text(100),
  by_domain: text(253),
  email: text(320),
  ip: text(64),
  after: text(512),
});

export interface AccountFilters {
  origin?: AccountOrigin;
  status?: AccountStatusFilter;
  roleId?: string;
  /** Prefix of the username, lowercased (Account.matches_username). */
  username?: string;
  /** Words of the display name, each matched as a word prefix through Mastodon's search_index. */
  displayNameWords?: string[];
  /** Exact, normalised (lowercase punycode) domain. */
  domain?: string;
  email?: { kind: 'exact' | 'prefix' | 'domain'; value: string };
  /** An address or CIDR range, as PostgreSQL's inet accepts it. */
  ip?: string;
}

export interface ParsedAccountSearch {
  filters: AccountFilters;
  /** What the form shows back: the raw values that were accepted. */
  form: Record<'origin' | 'status' | 'role' | 'username' | 'display_name' | 'by_domain' | 'email' | 'ip', string>;
  after: string | null;
  /** Values that could not be used, so the page can say so instead of silently ignoring them. */
  invalid: Array<'ip' | 'by_domain' | 'display_name'>;
}

/** Lowercase ASCII host as Mastodon stores it (IDN → punycode); null when it is not a host name. */
export function normalizeDomain(input: string): string | null {
  const trimmed = input.trim().replace(/^@/, '').replace(/\/+$/, '').toLowerCase();
  if (trimmed === '' || /[\s/@:?#]/.test(trimmed)) return null;
  const ascii = domainToASCII(trimmed);
  return ascii === '' ? null : ascii;
}

/** IPv4/IPv6 address or CIDR range; anything else is refused before it reaches `::inet`. */
export function parseIpQuery(input: string): string | null {
  const value = input.trim();
  const [address, prefix, extra] = value.split('/');
  if (extra !== undefined || !address) return null;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  let max: number;
  if (v4) {
    if (v4.slice(1).some((part) => Number(part) > 255)) return null;
    max = 32;
  } else if (/^[0-9a-f:.]+$/i.test(address) && address.includes(':') && isIpv6(address)) {
    max = 128;
  } else {
    return null;
  }
  if (prefix !== undefined) {
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return null;
  }
  return value.toLowerCase();
}

function isIpv6(address: string): boolean {
  const doubles = address.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = address.split(':').filter((g) => g !== '');
  const last = groups.at(-1) ?? '';
  const v4Tail = last.includes('.');
  if (v4Tail && !/^\d{1,3}(\.\d{1,3}){3}$/.test(last)) return false;
  const count = groups.length + (v4Tail ? 1 : 0);
  if (groups.some((g, i) => !(i === groups.length - 1 && v4Tail) && !/^[0-9a-f]{1,4}$/i.test(g))) return false;
  return doubles === 1 ? count < 8 : count === 8;
}

/** Words for a tsquery over Mastodon's `simple` configuration: letters and digits only, lowercased. */
export function displayNameWords(input: string): string[] {
  return input
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .slice(0, 8);
}

/**
 * Turns the URL's search params into filters. Malformed values never reach SQL: a bad enum is
 * dropped, a bad IP or domain is reported back as invalid.
 */
export function parseAccountSearch(params: Record<string, string | string[] | undefined>): ParsedAccountSearch {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const p = AccountSearchParams.parse(flat);
  const filters: AccountFilters = {};
  const invalid: ParsedAccountSearch['invalid'] = [];
  if (p.origin) filters.origin = p.origin;
  if (p.status) filters.status = p.status;
  if (p.role) filters.roleId = p.role;

  if (p.username) {
    // "alice@example.com" (or "@alice@example.com") is what moderators paste: username + domain.
    const handle = /^@?([^@\s]+)@([^@\s]+)$/.exec(p.username);
    if (handle) {
      filters.username = handle[1]!.toLowerCase();
      const domain = normalizeDomain(handle[2]!);
      if (domain) filters.domain = domain;
      else invalid.push('by_domain');
    } else {
      filters.username = p.username.replace(/^@/, '').toLowerCase();
    }
  }
  if (p.by_domain) {
    const domain = normalizeDomain(p.by_domain);
    if (domain) filters.domain = domain;
    else invalid.push('by_domain');
  }
  if (p.display_name) {
    const words = displayNameWords(p.display_name);
    if (words.length > 0) filters.displayNameWords = words;
    else invalid.push('display_name');
  }
  if (p.email) {
    const email = p.email.toLowerCase();
    if (email.startsWith('@')) filters.email = { kind: 'domain', value: email.slice(1) };
    else if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) filters.email = { kind: 'exact', value: email };
    else filters.email = { kind: 'prefix', value: email };
  }
  if (p.ip) {
    const ip = parseIpQuery(p.ip);
    if (ip) filters.ip = ip;
    else invalid.push('ip');
  }
  return {
    filters,
    form: {
      origin: p.origin ?? '',
      status: p.status ?? '',
      role: p.role ?? '',
      username: p.username ?? '',
      display_name: p.display_name ?? '',
      by_domain: p.by_domain ?? '',
      email: p.email ?? '',
      ip: p.ip ?? '',
    },
    after: p.after ?? null,
    invalid,
  };
}

/** The query string for the same search with another cursor (or none). */
export function accountSearchHref(base: string, form: ParsedAccountSearch['form'], after: string | null): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value) q.set(key, value);
  if (after) q.set('after', after);
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

/** LIKE metacharacters in user input match themselves. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
