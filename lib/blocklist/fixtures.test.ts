import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBlocklist, type BlocklistFormat } from './parse';

/**
 * Every real list in fixtures/ (copies of /work/shared/data/blocklists, see fixtures/SOURCES.md)
 * parses unchanged, in the right format, with the right number of entries.
 */
const EXPECTED: Record<string, { format: BlocklistFormat; rows: number; suspend: number; silence: number; noop: number; obfuscated: number; canaries: string[] }> = {
  'gardenfence-mastodon.csv': { format: 'mastodon_csv', rows: 143, suspend: 143, silence: 0, noop: 0, obfuscated: 0, canaries: [] },
  'gardenfence-mastodon-2026-03-15.csv': { format: 'mastodon_csv', rows: 146, suspend: 146, silence: 0, noop: 0, obfuscated: 0, canaries: [] },
  'gardenfence-mastodon-2024-11-10.csv': { format: 'mastodon_csv', rows: 144, suspend: 144, silence: 0, noop: 0, obfuscated: 0, canaries: [] },
  'gardenfence-fediblocksync.csv': { format: 'fediblockhole_csv', rows: 143, suspend: 143, silence: 0, noop: 0, obfuscated: 0, canaries: [] },
  'gardenfence.txt': { format: 'plain_text', rows: 143, suspend: 143, silence: 0, noop: 0, obfuscated: 0, canaries: [] },
  'oliphant-_unified_tier0_blocklist.csv': { format: 'fediblockhole_csv', rows: 449, suspend: 444, silence: 5, noop: 0, obfuscated: 0, canaries: [] },
  'oliphant-mastodon-format_unified_tier0_blocklist.csv': { format: 'mastodon_csv', rows: 449, suspend: 444, silence: 5, noop: 0, obfuscated: 0, canaries: [] },
  'oliphant-dni.csv': { format: 'mastodon_csv', rows: 87, suspend: 87, silence: 0, noop: 0, obfuscated: 0, canaries: ['dni.invalid'] },
  'oliphant-iftas-aud.csv': { format: 'mastodon_csv', rows: 37, suspend: 31, silence: 6, noop: 0, obfuscated: 0, canaries: ['aud.invalid'] },
  'oliphant-seirdy-tier0.csv': {
    format: 'fediblockhole_csv',
    rows: 375,
    suspend: 375,
    silence: 0,
    noop: 0,
    obfuscated: 0,
    canaries: ['000delete.this.line.if.you.have.read.the.documentation.on.seirdy.one', 'canary.tier0.example.com'],
  },
  'oliphant-mastodon.social.csv': { format: 'fediblockhole_csv', rows: 396, suspend: 366, silence: 30, noop: 0, obfuscated: 130, canaries: [] },
  'oliphant-__allowlist.csv': {
    format: 'fediblockhole_csv',
    rows: 8,
    suspend: 0,
    silence: 0,
    noop: 8,
    obfuscated: 0,
    canaries: [
      '000this.is.generated.from.overlap.across.trusted.sources.example.com',
      '000delete.this.line.if.you.have.read.the.documentation.on.seirdy.one',
      'canary.tier0.example.com',
      'canary.tier1.example.com',
      'canary.fedinuke.example.com',
      'aud.invalid',
      'ap.invalid',
      'dni.invalid',
    ],
  },
};

const dir = path.join(import.meta.dirname, 'fixtures');
const read = (file: string) => fs.readFileSync(path.join(dir, file));

describe('shared blocklist files', () => {
  it('covers every file in the fixtures directory', () => {
    expect(fs.readdirSync(dir).filter((f) => f !== 'SOURCES.md').sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.rows} rows as ${expected.format}`, () => {
      const parsed = parseBlocklist(read(file));
      expect(parsed.format).toBe(expected.format);
      expect(parsed.rows).toHaveLength(expected.rows);
      const count = (s: string) => parsed.rows.filter((r) => r.severity === s).length;
      expect({ suspend: count('suspend'), silence: count('silence'), noop: count('noop') }).toEqual({ suspend: expected.suspend, silence: expected.silence, noop: expected.noop });
      expect(parsed.rows.filter((r) => r.obfuscated)).toHaveLength(expected.obfuscated);
      expect(parsed.rows.filter((r) => r.canary).map((r) => r.domain)).toEqual(expected.canaries);
      expect(parsed.rows.filter((r) => r.invalid)).toEqual([]);
      expect(parsed.rows.filter((r) => r.duplicateOfLine !== null)).toEqual([]);
    });
  }

  it('reads the same list identically from its FediBlockHole and Mastodon copies', () => {
    const key = (file: string) => parseBlocklist(read(file)).rows.map((r) => [r.domain, r.severity, r.rejectMedia, r.rejectReports, r.publicComment, r.obfuscate]);
    expect(key('oliphant-_unified_tier0_blocklist.csv')).toEqual(key('oliphant-mastodon-format_unified_tier0_blocklist.csv'));
    const domains = (file: string) => parseBlocklist(read(file)).rows.map((r) => r.domain);
    expect(domains('gardenfence.txt')).toEqual(domains('gardenfence-mastodon.csv'));
    expect(domains('gardenfence-fediblocksync.csv')).toEqual(domains('gardenfence-mastodon.csv'));
  });

  it('keeps the details each format carries', () => {
    const dni = parseBlocklist(read('oliphant-dni.csv')).rows;
    expect(dni[0]).toMatchObject({ domain: '13bells.com', obfuscate: true, publicComment: 'iftas:hate-speech;online-harassment' });
    const fence = parseBlocklist(read('gardenfence-fediblocksync.csv')).rows;
    expect(fence[0]).toMatchObject({ domain: '5dollah.click', privateComment: 'Garden Fence 2026-07-05 anti-lgbtq, harassment, hate-speech, racism, spam', publicComment: 'anti-lgbtq, harassment, hate-speech, racism, spam' });
    const seirdy = parseBlocklist(read('oliphant-seirdy-tier0.csv')).rows;
    expect(seirdy.find((r) => r.domain === 'xn--p1abe3d.xn--80asehdb')?.displayDomain).toBe('срёт.онлайн');
    // Seirdy's column order differs (public_comment third): matched by name, not position.
    expect(seirdy[0]).toMatchObject({ severity: 'suspend', rejectMedia: false, publicComment: expect.stringContaining('delete this line') });
  });
});
