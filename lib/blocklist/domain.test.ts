import { describe, expect, it } from 'vitest';
import { displayDomain, domainVariants, isSameOrSubdomainOf, normalizeDomain, reverseDomainKey, ruleFor } from './domain';

describe('normalizeDomain', () => {
  it('stores lower-case punycode and shows Unicode', () => {
    expect(normalizeDomain('  Bücher.Example  ')).toEqual({ ok: true, ascii: 'xn--bcher-kva.example', unicode: 'bücher.example', note: null });
    expect(normalizeDomain('xn--p1abe3d.xn--80asehdb')).toMatchObject({ ok: true, ascii: 'xn--p1abe3d.xn--80asehdb', unicode: 'срёт.онлайн' });
  });

  it('drops a trailing slash or dot as Mastodon does', () => {
    expect(normalizeDomain('example.com/')).toMatchObject({ ok: true, ascii: 'example.com' });
    expect(normalizeDomain('example.com.')).toMatchObject({ ok: true, ascii: 'example.com' });
  });

  it('takes the host of a pasted URL and the domain of a *. wildcard, and says so', () => {
    expect(normalizeDomain('https://Spam.Example/@someone')).toEqual({ ok: true, ascii: 'spam.example', unicode: 'spam.example', note: 'url_host' });
    expect(normalizeDomain('*.spam.example')).toMatchObject({ ok: true, ascii: 'spam.example', note: 'wildcard_prefix' });
  });

  it('refuses obfuscated, empty and malformed names with a reason', () => {
    expect(normalizeDomain('daji******.com')).toEqual({ ok: false, problem: 'obfuscated' });
    expect(normalizeDomain('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(normalizeDomain('foo bar.com')).toEqual({ ok: false, problem: 'invalid' });
    expect(normalizeDomain('a..b')).toEqual({ ok: false, problem: 'invalid' });
    expect(normalizeDomain('-bad.example')).toEqual({ ok: false, problem: 'invalid' });
    expect(normalizeDomain('user@example.com')).toEqual({ ok: false, problem: 'invalid' });
    expect(normalizeDomain(`${'a'.repeat(64)}.example`)).toEqual({ ok: false, problem: 'invalid' });
    expect(normalizeDomain(`${'abcdefghi.'.repeat(26)}example`)).toEqual({ ok: false, problem: 'too_long' });
  });
});

describe('domain relations', () => {
  it('lists the domain and its parents, most specific first', () => {
    expect(domainVariants('a.b.example.com')).toEqual(['a.b.example.com', 'b.example.com', 'example.com', 'com']);
  });

  it('knows subdomains from look-alikes', () => {
    expect(isSameOrSubdomainOf('a.example.com', 'example.com')).toBe(true);
    expect(isSameOrSubdomainOf('example.com', 'example.com')).toBe(true);
    expect(isSameOrSubdomainOf('badexample.com', 'example.com')).toBe(false);
  });

  it('ruleFor picks the most specific block, like DomainBlock.rule_for', () => {
    const blocks = new Map([
      ['example.com', { domain: 'example.com', severity: 'silence' }],
      ['b.example.com', { domain: 'b.example.com', severity: 'suspend' }],
    ]);
    expect(ruleFor('a.b.example.com', (d) => blocks.get(d))?.domain).toBe('b.example.com');
    expect(ruleFor('c.example.com', (d) => blocks.get(d))?.domain).toBe('example.com');
    expect(ruleFor('example.org', (d) => blocks.get(d))).toBeNull();
  });

  it('decodes only valid punycode and sorts subdomains next to their parent', () => {
    expect(displayDomain('plain.example')).toBe('plain.example');
    expect(displayDomain('xn--zz.example')).toBe('xn--zz.example');
    expect(['b.example.com', 'example.org', 'example.com'].sort((x, y) => reverseDomainKey(x).localeCompare(reverseDomainKey(y)))).toEqual(['example.com', 'b.example.com', 'example.org']);
  });
});
