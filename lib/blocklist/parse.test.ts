import { describe, expect, it } from 'vitest';
import { detectCanary } from './canary';
import { applicableRows, BlocklistParseError, BlocklistParser, decodeBlocklistBytes, detectFormat, MAX_BLOCKLIST_ROWS, parseBlocklist, parseBoolean } from './parse';

function parseError(fn: () => unknown): BlocklistParseError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BlocklistParseError) return error;
    throw error;
  }
  throw new Error('expected a BlocklistParseError');
}

describe('format detection', () => {
  it('recognises each format from its start', () => {
    expect(detectFormat('#domain,#severity\nx.example,suspend\n')).toBe('mastodon_csv');
    expect(detectFormat('\uFEFFdomain,severity,public_comment\n')).toBe('fediblockhole_csv');
    expect(detectFormat('severity,domain\n')).toBe('fediblockhole_csv');
    expect(detectFormat('# my list\nspam.example\n')).toBe('plain_text');
    expect(detectFormat('[{"domain":"a.example","digest":"x","severity":"suspend","comment":null}]')).toBe('mastodon_public_json');
    expect(detectFormat('[{"id":"1","domain":"a.example","severity":"suspend","reject_media":false,"private_comment":null}]')).toBe('mastodon_admin_json');
  });

  it('lets the caller override detection', () => {
    const parsed = parseBlocklist('domain,severity\na.example,silence\n', { format: 'plain_text' });
    expect(parsed.detectedFormat).toBe('fediblockhole_csv');
    expect(parsed.format).toBe('plain_text');
    // As plain text, the header line is just a (bad) domain named "domain"… no: "domain" is a valid single-label host.
    expect(parsed.rows.map((r) => r.input)).toEqual(['domain', 'a.example']);
  });
});

describe('Mastodon CSV', () => {
  it('matches columns by name, reads any boolean case, and defaults a missing severity column to suspend', () => {
    const parsed = parseBlocklist('#public_comment,#domain,#reject_media\n"spam, bots",Spam.Example,TRUE\n,ok.example,False\n');
    expect(parsed.rows.map((r) => [r.domain, r.severity, r.severityDefaulted, r.rejectMedia, r.publicComment])).toEqual([
      ['spam.example', 'suspend', true, true, 'spam, bots'],
      ['ok.example', 'suspend', true, false, null],
    ]);
  });

  it('marks an empty severity cell invalid, as Mastodon does', () => {
    const parsed = parseBlocklist('#domain,#severity\na.example,\nb.example,bogus\n');
    expect(parsed.rows.map((r) => r.invalid)).toEqual([
      { code: 'missing_severity', detail: '' },
      { code: 'unknown_severity', detail: 'bogus' },
    ]);
    expect(applicableRows(parsed.rows)).toEqual([]);
  });

  it('reports a boolean it cannot read instead of guessing true like Mastodon', () => {
    const parsed = parseBlocklist('#domain,#severity,#reject_media\na.example,silence,maybe\nb.example,silence,no\n');
    expect(parsed.rows[0]!.invalid).toEqual({ code: 'bad_boolean', detail: 'reject_media=maybe' });
    expect(parsed.rows[1]).toMatchObject({ invalid: null, rejectMedia: false });
  });

  it('gives source lines, counting quoted line breaks', () => {
    const parsed = parseBlocklist('#domain,#severity,#public_comment\na.example,silence,"two\nlines"\n\nb.example,suspend,\n');
    expect(parsed.rows.map((r) => [r.domain, r.line])).toEqual([
      ['a.example', 2],
      ['b.example', 5],
    ]);
  });

  it('removes the export’s formula guard so comments round-trip', () => {
    const parsed = parseBlocklist("#domain,#severity,#public_comment\na.example,suspend,'=HYPERLINK(1)\n");
    expect(parsed.rows[0]!.publicComment).toBe('=HYPERLINK(1)');
  });

  it('refuses a file without a domain column and broken quoting, changing nothing', () => {
    expect(parseError(() => parseBlocklist('#severity,#reject_media\nsuspend,true\n')).code).toBe('missing_domain_column');
    const broken = parseError(() => parseBlocklist('#domain,#public_comment\na.example,"unterminated\n'));
    expect(broken).toMatchObject({ code: 'malformed_csv', line: 2 });
  });
});

describe('FediBlockHole CSV', () => {
  it('treats a missing or empty severity as noop and keeps private comments', () => {
    const parsed = parseBlocklist('domain,private_comment,severity\na.example,why,\nb.example,,Silence\n');
    expect(parsed.rows.map((r) => [r.domain, r.severity, r.severityDefaulted, r.privateComment])).toEqual([
      ['a.example', 'noop', true, 'why'],
      ['b.example', 'silence', false, null],
    ]);
  });

  it('accepts "comment" as the public comment column (GoToSocial) and lists unknown columns', () => {
    const parsed = parseBlocklist('domain,comment,tags\na.example,nope,x\n');
    expect(parsed.rows[0]!.publicComment).toBe('nope');
    expect(parsed.ignoredColumns).toEqual(['tags']);
  });

  it('can apply a chosen default severity to rows without one', () => {
    const parsed = parseBlocklist('domain\na.example\n', { defaultSeverity: 'silence' });
    expect(parsed.rows[0]).toMatchObject({ severity: 'silence', severityDefaulted: true });
  });
});

describe('plain text', () => {
  it('skips blank lines and comments, strips inline comments and extra columns', () => {
    const parsed = parseBlocklist('# Last-Modified 1700000000\n\nspam.example # spam wave\r\nbad.example,suspend\n  Mixed.Case.Example  \n// also a comment\n');
    expect(parsed.rows.map((r) => [r.domain, r.line, r.severity])).toEqual([
      ['spam.example', 3, 'suspend'],
      ['bad.example', 4, 'suspend'],
      ['mixed.case.example', 5, 'suspend'],
    ]);
  });
});

describe('JSON', () => {
  it('reads the public endpoint, keeping the digest of obfuscated names', () => {
    const parsed = parseBlocklist(JSON.stringify([
      { domain: 'daji******.com', digest: '3752f63a7079d60c2de5dceb8bd7608e86a15544eb78a494a482041c3684b37f', severity: 'suspend', comment: 'Inappropriate content' },
      { domain: 'silenced.example', digest: 'x', severity: 'silence', comment: null },
    ]));
    expect(parsed.format).toBe('mastodon_public_json');
    expect(parsed.rows[0]).toMatchObject({ obfuscated: true, domain: null, digest: '3752f63a7079d60c2de5dceb8bd7608e86a15544eb78a494a482041c3684b37f', publicComment: 'Inappropriate content' });
    expect(parsed.rows[1]).toMatchObject({ domain: 'silenced.example', severity: 'silence' });
  });

  it('reads the admin endpoint with every field', () => {
    const parsed = parseBlocklist(JSON.stringify([{ id: '1', domain: 'a.example', digest: 'x', created_at: '2026-01-01T00:00:00Z', severity: 'noop', reject_media: true, reject_reports: true, private_comment: 'internal', public_comment: 'public', obfuscate: false }]));
    expect(parsed.format).toBe('mastodon_admin_json');
    expect(parsed.rows[0]).toMatchObject({ domain: 'a.example', severity: 'noop', rejectMedia: true, rejectReports: true, privateComment: 'internal', publicComment: 'public' });
  });

  it('flags non-object elements and refuses what is not a list', () => {
    const parsed = parseBlocklist('[{"domain":"a.example","severity":"suspend"}, 42]');
    expect(parsed.rows[1]!.invalid?.code).toBe('not_an_object');
    expect(parseError(() => parseBlocklist('{"hello": 1}')).code).toBe('not_a_blocklist');
    expect(parseError(() => parseBlocklist('[{"domain": }')).code).toBe('invalid_json');
  });
});

describe('row details', () => {
  it('flags obfuscated names (never a literal block), canaries and repeats', () => {
    const parsed = parseBlocklist('domain,severity,public_comment\nba**********.com,suspend,\ndni.invalid,suspend,iftas:canary\na.example,silence,\nA.example,suspend,\n');
    expect(parsed.rows.map((r) => [r.input, r.domain, r.obfuscated, r.canary, r.duplicateOfLine])).toEqual([
      ['ba**********.com', null, true, null, null],
      ['dni.invalid', 'dni.invalid', false, 'reserved_tld', null],
      ['a.example', 'a.example', false, null, null],
      ['A.example', 'a.example', false, null, 4],
    ]);
    expect(applicableRows(parsed.rows).map((r) => r.domain)).toEqual(['dni.invalid', 'a.example']);
  });

  it('recognises canaries by name and comment', () => {
    expect(detectCanary('000delete.this.line.if.you.have.read.the.documentation.on.seirdy.one')).toBe('delete_this_line');
    expect(detectCanary('canary.tier0.example.com')).toBe('canary_label');
    expect(detectCanary('overlap.sources.example.com')).toBe('documentation_domain');
    expect(detectCanary('fine.example', ['iftas:canary'])).toBe('canary_comment');
    expect(detectCanary('fine.example', ['delete this line if you read the docs'])).toBe('delete_this_line');
    expect(detectCanary('canaryislands.example')).toBeNull();
    expect(detectCanary('canary-1.example')).toBe('canary_label');
    expect(detectCanary('mastodon.social', ['Spam, no canary-like text here'])).toBeNull();
  });

  it('reads booleans the way lists write them', () => {
    expect(['TRUE', 'True', 'true', 't', 'yes', '1'].map(parseBoolean)).toEqual([true, true, true, true, true, true]);
    expect(['FALSE', 'False', 'f', 'no', '0', 'off'].map(parseBoolean)).toEqual([false, false, false, false, false, false]);
    expect(parseBoolean('')).toBeNull();
    expect(parseBoolean('perhaps')).toBe('bad');
  });
});

describe('limits and streaming', () => {
  const big = (n: number) => `#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate\n${Array.from({ length: n }, (_, i) => `host${i}.example,suspend,false,false,"spam, bots",false`).join('\n')}\n`;

  it(`parses ${MAX_BLOCKLIST_ROWS.toLocaleString('en')} rows (Mastodon’s cap) and refuses one more`, () => {
    expect(parseBlocklist(big(MAX_BLOCKLIST_ROWS)).rows).toHaveLength(MAX_BLOCKLIST_ROWS);
    expect(parseError(() => parseBlocklist(big(MAX_BLOCKLIST_ROWS + 1))).code).toBe('too_many_rows');
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(parseError(() => parseBlocklist(big(100), { maxBytes: 1000 })).code).toBe('too_large');
    const parser = new BlocklistParser({ maxBytes: 50 });
    parser.push('domain\n');
    expect(parseError(() => parser.push('x'.repeat(60))).code).toBe('too_large');
  });

  it('refuses binary and non-UTF-8 uploads and empty files', () => {
    expect(parseError(() => parseBlocklist('domain\n\u0000\u0001')).code).toBe('binary');
    expect(parseError(() => decodeBlocklistBytes(new Uint8Array([0x64, 0xff, 0xfe]))).code).toBe('not_utf8');
    expect(parseError(() => parseBlocklist('  \n\n')).code).toBe('empty');
  });

  it('gives identical rows whether the text arrives whole or in small chunks', () => {
    const text = '\uFEFF#domain,#severity,#public_comment\r\n"a.example",silence,"x\r\ny"\r\nb.example,suspend,\r\n';
    const whole = parseBlocklist(text);
    for (const size of [1, 5, 13]) {
      const parser = new BlocklistParser();
      for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
      expect(parser.end()).toEqual(whole);
    }
    const plain = 'a.example\r\nb.example\r\n# c\r\nd.example';
    const wholePlain = parseBlocklist(plain);
    const parser = new BlocklistParser();
    for (const ch of plain) parser.push(ch);
    expect(parser.end().rows.map((r) => [r.domain, r.line])).toEqual(wholePlain.rows.map((r) => [r.domain, r.line]));
    expect(wholePlain.rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });
});
