import { createHash } from 'node:crypto';

/**
 * Mastodon's `DomainBlock#public_domain`: with n characters and v = ⌊n/4⌋, every character at index
 * i with v < i < n − v that is not a dot becomes `*`. Length and dots are kept, so the public form
 * of a domain is a pure function of it.
 */
export function publicDomain(domain: string, obfuscate = true): string {
  if (!obfuscate) return domain;
  // ASCII (every stored domain): characters are code units, so the middle is starred in one go.
  if (ASCII.test(domain)) {
    const n = domain.length;
    const visible = Math.floor(n / 4);
    if (n - visible <= visible + 1) return domain;
    return domain.slice(0, visible + 1) + domain.slice(visible + 1, n - visible).replace(NOT_A_DOT, '*') + domain.slice(n - visible);
  }
  const chars = [...domain];
  const n = chars.length;
  const visible = Math.floor(n / 4);
  return chars.map((c, i) => (i > visible && i < n - visible && c !== '.' ? '*' : c)).join('');
}

const ASCII = /^[\x00-\x7f]*$/;
const NOT_A_DOT = /[^.]/g;

/**
 * What publicDomain always leaves visible of an ASCII name: the first quarter (and one more
 * character) and the last quarter. A name can be behind a pattern only if both have the same
 * shape, so candidates are ruled out by it before their public form is worked out. Null for other
 * names (publicDomain counts their characters, not code units).
 */
export function visibleShape(name: string): string | null {
  if (!ASCII.test(name)) return null;
  const visible = Math.floor(name.length / 4);
  return `${name.slice(0, visible + 1)}\u0000${name.slice(name.length - visible)}`;
}

/** Mastodon's `DomainBlock#domain_digest`: SHA-256 (lower-case hex) of the stored, real domain. */
export function domainDigest(domain: string): string {
  return createHash('sha256').update(domain, 'utf8').digest('hex');
}

/**
 * Whether `candidate` could be the real domain behind an obfuscated name. Because obfuscation is
 * deterministic, this is exact: the candidate's public form must equal the pattern.
 */
export function couldBe(pattern: string, candidate: string): boolean {
  return pattern.length === candidate.length && publicDomain(candidate) === pattern;
}

export type ObfuscatedResolution =
  | { status: 'resolved'; domain: string; via: 'digest' | 'unique_pattern' }
  | { status: 'ambiguous'; candidates: string[] }
  | { status: 'unresolved' };

/**
 * Finds the real domain behind an obfuscated entry among domains we already know (instances we
 * federate with, other lists). With a digest (Mastodon's public endpoint always sends one) only an
 * exact hash match counts; without one, a single pattern match is reported but never applied
 * automatically by callers.
 */
export function resolveObfuscated(pattern: string, candidates: Iterable<string>, digest?: string | null): ObfuscatedResolution {
  const matches: string[] = [];
  for (const candidate of candidates) {
    if (couldBe(pattern, candidate) && !matches.includes(candidate)) matches.push(candidate);
  }
  if (digest) {
    const hit = matches.find((m) => domainDigest(m) === digest.toLowerCase());
    return hit ? { status: 'resolved', domain: hit, via: 'digest' } : { status: 'unresolved' };
  }
  if (matches.length === 1) return { status: 'resolved', domain: matches[0]!, via: 'unique_pattern' };
  if (matches.length > 1) return { status: 'ambiguous', candidates: matches };
  return { status: 'unresolved' };
}

/** Digest → domain index, for lists that carry only a digest: O(1) lookups over known domains. */
export function digestIndex(domains: Iterable<string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const d of domains) index.set(domainDigest(d), d);
  return index;
}
