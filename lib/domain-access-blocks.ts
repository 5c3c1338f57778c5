import { isIP } from 'node:net';
import { normalizeDomain, type NormalizedDomain } from '@/lib/blocklist/domain';

/**
 * Sign-up and access blocks: e-mail domain blocks (EmailDomainBlock) and IP rules (IpBlock), with
 * the normalisation Mastodon applies before storing them.
 */

/** EmailDomainBlock: an address may be pasted; the part after `@` is the domain, stored like any domain. */
export function normalizeEmailDomain(input: string): NormalizedDomain {
  const trimmed = input.trim();
  const domain = trimmed.includes('@') ? trimmed.slice(trimmed.lastIndexOf('@') + 1) : trimmed;
  return normalizeDomain(domain);
}

export { IP_EXPIRY_PRESETS, IP_SEVERITIES, ipSeverityFromDb, type IpSeverity } from './domain-access-presets';

export type CidrResult = { ok: true; cidr: string; address: string; prefix: number; version: 4 | 6 } | { ok: false; problem: 'invalid_address' | 'invalid_prefix' };

function ipv4ToBigInt(address: string): bigint {
  return address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function bigIntToIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
}

function ipv6ToBigInt(address: string): bigint {
  let text = address;
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hextets.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipv4ToBigInt(v4[1]!);
    text = `${text.slice(0, -v4[1]!.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const headParts = head ? head.split(':').filter((p) => p !== '') : [];
  const tailParts = tail ? tail.split(':').filter((p) => p !== '') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const parts = [...headParts, ...Array(tail === null ? 0 : missing).fill('0'), ...tailParts];
  return parts.reduce((acc, part) => (acc << 16n) | BigInt(parseInt(part, 16)), 0n);
}

function bigIntToIpv6(value: bigint): string {
  const parts = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt((7 - i) * 16)) & 0xffffn));
  // Compress the longest run of zero hextets, as PostgreSQL's inet output does.
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (parts[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && parts[j] === 0) j += 1;
    if (j - i > bestLength && j - i > 1) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = parts.map((p) => p.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/**
 * An address or CIDR range as IpBlock stores it: Ruby's IPAddr masks the host bits, so
 * `192.0.2.77/24` is the range 192.0.2.0/24; a bare address is a /32 (or /128).
 */
export function parseCidr(input: string): CidrResult {
  const [rawAddress = '', rawPrefix, extra] = input.trim().split('/');
  if (extra !== undefined) return { ok: false, problem: 'invalid_address' };
  const address = rawAddress.trim();
  const version = isIP(address);
  if (version !== 4 && version !== 6) return { ok: false, problem: 'invalid_address' };
  const bits = version === 4 ? 32 : 128;
  let prefix = bits;
  if (rawPrefix !== undefined) {
    if (!/^\d{1,3}$/.test(rawPrefix.trim())) return { ok: false, problem: 'invalid_prefix' };
    prefix = Number(rawPrefix.trim());
    if (prefix > bits) return { ok: false, problem: 'invalid_prefix' };
  }
  const value = version === 4 ? ipv4ToBigInt(address) : ipv6ToBigInt(address);
  const mask = prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
  const network = value & mask;
  const text = version === 4 ? bigIntToIpv4(network) : bigIntToIpv6(network);
  return { ok: true, cidr: `${text}/${prefix}`, address: text, prefix, version };
}
