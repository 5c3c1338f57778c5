import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { couldBe, digestIndex, domainDigest, publicDomain, resolveObfuscated, visibleShape } from './obfuscation';
import { parseBlocklist } from './parse';

describe('obfuscation (DomainBlock#public_domain) and digest', () => {
  it('matches Mastodon’s documented example', () => {
    expect(publicDomain('dajiaweibo.com')).toBe('daji******.com');
    expect(domainDigest('dajiaweibo.com')).toBe('3752f63a7079d60c2de5dceb8bd7608e86a15544eb78a494a482041c3684b37f');
  });

  it('keeps dots and length, and leaves the outer quarters visible', () => {
    expect(publicDomain('a.b')).toBe('a.*');
    expect(publicDomain('abcdefgh.example.social')).toBe('abcdef**.*******.*ocial');
    expect(publicDomain('abcdefgh.example.social', false)).toBe('abcdefgh.example.social');
  });

  it('reproduces real obfuscated names from mastodon.social’s public list', () => {
    const file = parseBlocklist(fs.readFileSync(path.join(import.meta.dirname, 'fixtures/oliphant-mastodon.social.csv'), 'utf8'));
    const daji = file.rows.find((r) => r.input === 'daji******.com');
    expect(daji).toMatchObject({ obfuscated: true, domain: null, obfuscate: true });
    expect(couldBe('daji******.com', 'dajiaweibo.com')).toBe(true);
    // Every obfuscated name in that file has the shape Mastodon produces for its length.
    for (const row of file.rows.filter((r) => r.obfuscated)) {
      expect(publicDomain(row.input.replace(/\*/g, 'x'))).toBe(row.input);
    }
  });

  it('stars every ASCII name of any length exactly as the character-by-character rule does', () => {
    // Mastodon's rule, one character at a time (the path non-ASCII names take).
    const byRule = (name: string) => {
      const n = name.length;
      const v = Math.floor(n / 4);
      return [...name].map((c, i) => (i > v && i < n - v && c !== '.' ? '*' : c)).join('');
    };
    const alphabet = 'abz09-.';
    for (let n = 0; n <= 40; n += 1) {
      for (let k = 0; k < 20; k += 1) {
        const name = Array.from({ length: n }, (_, i) => alphabet[(i * 7 + k * 3 + ((i * k) % 5)) % alphabet.length]).join('');
        expect(publicDomain(name), name).toBe(byRule(name));
      }
    }
    expect(publicDomain('münchen.example')).toBe(byRule('münchen.example'));
  });

  it('gives a name and every pattern it could be behind the same visible shape', () => {
    const names = ['dajiaweibo.com', 'a.b', 'ab', 'x.y.example.social', 'mastodon.social', `${'q'.repeat(40)}.net`];
    for (const name of names) expect(visibleShape(publicDomain(name)), name).toBe(visibleShape(name));
    // It rules out names that show something else where the pattern shows it.
    expect(visibleShape('daji******.com')).not.toBe(visibleShape('dbjiaweibo.com'));
    expect(visibleShape('daji******.com')).not.toBe(visibleShape('dajiaweibo.org'));
    expect(visibleShape('münchen.example')).toBeNull();
  });

  it('resolves a name only by digest when one is given', () => {
    const known = ['dajiaweibo.com', 'dajiaxxxxx.com', 'example.com'];
    expect(resolveObfuscated('daji******.com', known, domainDigest('dajiaweibo.com'))).toEqual({ status: 'resolved', domain: 'dajiaweibo.com', via: 'digest' });
    expect(resolveObfuscated('daji******.com', known)).toEqual({ status: 'ambiguous', candidates: ['dajiaweibo.com', 'dajiaxxxxx.com'] });
    expect(resolveObfuscated('daji******.com', ['dajiaweibo.com'])).toEqual({ status: 'resolved', domain: 'dajiaweibo.com', via: 'unique_pattern' });
    expect(resolveObfuscated('daji******.com', known, domainDigest('nope.com'))).toEqual({ status: 'unresolved' });
    expect(digestIndex(known).get(domainDigest('example.com'))).toBe('example.com');
  });
});
