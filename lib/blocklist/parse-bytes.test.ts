import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateBlocklistCsvs } from '@/scripts/bench/blocklist-lists';
import { DomainTable } from './domain-table';
import { BlocklistParseError, BlocklistParser, decodeBlocklistBytes, type BlocklistParse, type ParseOptions } from './parse';

/**
 * `pushBytes` reads a merge's plain CSV lines straight from the bytes. Whatever it reads that way
 * must give exactly the rows, errors and domain numbers the text path gives: every fixture, lists
 * full of edge cases, and generated lists, in chunks of every size, read alone and after lists
 * that number their domains first.
 */
const fixtures = path.join(import.meta.dirname, 'fixtures');
const fixtureFiles = fs
  .readdirSync(fixtures)
  .filter((f) => !f.endsWith('.md'))
  .sort();

type Outcome = { parses: BlocklistParse[]; names: string[] } | { error: string; code: string; line: number | null };

function readAll(files: Buffer[], mode: 'text' | 'bytes', chunk: number, options: ParseOptions = {}): Outcome {
  const domains = new DomainTable();
  const parses: BlocklistParse[] = [];
  try {
    for (const file of files) {
      const parser = new BlocklistParser({ ...options, domains });
      if (mode === 'text') parser.push(decodeBlocklistBytes(file));
      else for (let at = 0; at < file.length || at === 0; at += chunk) parser.pushBytes(file.subarray(at, at + chunk));
      parses.push(parser.end());
    }
  } catch (error) {
    if (!(error instanceof BlocklistParseError)) throw error;
    return { error: error.message, code: error.code, line: error.line };
  }
  return { parses, names: Array.from({ length: domains.size }, (_, i) => domains.name(i)) };
}

function expectSame(files: Buffer[], options: ParseOptions = {}) {
  const text = readAll(files, 'text', 0, options);
  for (const chunk of [1, 3, 64, 4096, 1 << 20]) {
    expect(readAll(files, 'bytes', chunk, options), `chunks of ${chunk} bytes`).toEqual(text);
  }
  return text;
}

const EDGES = [
  '\uFEFF#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate',
  'plain.example.org,suspend,false,false,spam,false',
  'quoted.example.org,silence,true,false,"spam, harassment",false',
  '"whole.example.org","suspend","false","true","racism","false"',
  'escaped.example.org,suspend,false,false,"she said ""no""",false',
  'multiline.example.org,suspend,false,false,"first line',
  'second line, still the comment",false',
  'UPPER.Example.ORG,noop,false,false,,false',
  'https://linked.example.org/@someone,suspend,false,false,,false',
  '*.wild.example.org,suspend,false,false,,false',
  '  spaced.example.org  ,suspend,false,false,,false',
  'münchen.example,suspend,false,false,Grüße,false',
  'xn--mnchen-3ya.example,silence,false,false,,false',
  'ob**sc*ted.example.org,suspend,false,false,,true',
  'dni.invalid,suspend,false,false,iftas:canary,false',
  'tagged.example.org,suspend,false,false,iftas:canary,false',
  'badsev.example.org,obliterate,false,false,,false',
  'titlecase.example.org,Suspend,True,FALSE,,false',
  'nosev.example.org,,false,false,,false',
  'short.example.org,suspend',
  'extra.example.org,suspend,false,false,c,false,x,y',
  '',
  '   ,  ,',
  'plain.example.org,silence,false,false,repeat,false',
  'formula.example.org,suspend,false,false,\'=HYPERLINK("x"),false',
  'trailing.example.org,suspend,false,false,,false,',
  'notbool.example.org,suspend,maybe,false,,false',
  'crlf.example.org,suspend,false,false,windows,false\r',
  'lonecr.example.org,suspend,false,false,,false\rafter.example.org,silence,false,false,,false',
  'mid"quote.example.org,suspend,false,false,,false',
  '"odd""name.example.org",suspend,false,false,,false',
  'oddsev.example.org,"sus""pend",false,false,,false',
  'plain.example.org,suspend,false,false,"""quoted"" and, comma",false',
  '123.45,suspend,false,false,,false',
  'last.example.org,suspend,false,false,no newline at the end,false',
].join('\n');

const FEDIBLOCKHOLE = ['domain,severity,public_comment,digest', 'plain.example.org,,x,', 'digest.example.org,suspend,y,' + 'a'.repeat(64), 'quoted.example.org,silence,"a, b",'].join('\r\n') + '\r\n';

describe('BlocklistParser.pushBytes', () => {
  it('reads every fixture as the text path does, alone and after itself', () => {
    for (const file of fixtureFiles) {
      const bytes = fs.readFileSync(path.join(fixtures, file));
      expectSame([bytes, bytes]);
    }
  });

  it('reads lists full of edge cases as the text path does, whichever list numbers a domain first', () => {
    const edges = Buffer.from(EDGES);
    const other = Buffer.from(FEDIBLOCKHOLE);
    const tier0 = fs.readFileSync(path.join(fixtures, 'oliphant-seirdy-tier0.csv'));
    // Lone CRs end lines too; a quoted last field, CRLF, and a file ending inside its last quoted field.
    const loneCr = Buffer.from('#domain,#severity\rcr.example.org,suspend\rplain.example.org,silence\r');
    const quotedEnds = Buffer.from('#domain,#severity,#public_comment\r\nplain.example.org,suspend,"a, b"\r\nend.example.org,silence,"c ""d"""');
    const outcome = expectSame([edges, edges, other, tier0, edges, other, loneCr, quotedEnds, quotedEnds]);
    if (!('parses' in outcome)) throw new Error(`the edge cases do not parse: ${outcome.error}`);
    expect(outcome.parses[0]!.rows.length).toBeGreaterThan(25);
    expectSame([edges], { digests: true, defaultSeverity: 'silence' });
  });

  it('reads generated lists as the text path does', () => {
    const { texts } = generateBlocklistCsvs({ lists: 4, rows: 1500, seed: 7 });
    expectSame(texts.map((t) => Buffer.from(t)));
  });

  it('looks up a known domain by its bytes: no string is made of a plain line', () => {
    const { texts } = generateBlocklistCsvs({ lists: 2, rows: 1000, seed: 3 });
    const spy = vi.spyOn(DomainTable.prototype, 'findBytes');
    try {
      const outcome = readAll([Buffer.from(texts[0]!), Buffer.from(texts[0]!)], 'bytes', 1 << 16);
      if (!('parses' in outcome)) throw new Error(outcome.error);
      const distinct = new Set(outcome.parses[0]!.rows.map((r) => r.domain).filter((d) => d !== null)).size;
      const found = spy.mock.results.filter((r) => r.type === 'return' && r.value !== -1).length;
      // The second reading finds every real domain of the first by its bytes.
      expect(distinct).toBeGreaterThan(800);
      expect(found).toBeGreaterThanOrEqual(distinct);
    } finally {
      spy.mockRestore();
    }
  });

  it('reports broken files exactly as the text path does', () => {
    const header = '#domain,#severity\n';
    const broken = [
      `${header}a.example.org,suspend\n"b.example.org,suspend\n`,
      `${header}a.example.org,suspend\nb.example.org,sus\u0000pend\n`,
      `${header}a.example.org,"sus"pend\n`,
      `${header}a.example.org,suspend\n"text"after.example.org,suspend\n`,
      `${header}${'x'.repeat(70_000)},suspend\n`,
    ];
    for (const text of broken) {
      const outcome = expectSame([Buffer.from(text)]);
      expect(outcome).toHaveProperty('code');
    }
    const notUtf8 = Buffer.concat([Buffer.from(`${header}a.example.org,suspend\nb.example.org,suspend,`), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    expect(expectSame([notUtf8])).toMatchObject({ code: 'not_utf8' });
    const many = Buffer.from(header + Array.from({ length: 12 }, (_, i) => `d${i}.example.org,suspend`).join('\n'));
    expect(expectSame([many, many], { maxRows: 10 })).toMatchObject({ code: 'too_many_rows' });
  });

  it('reads other formats and lists without a shared table as push does', () => {
    for (const text of ['one.example.org\ntwo.example.org\n', '[{"domain":"one.example.org","severity":"silence","digest":"x"}]']) {
      const bytes = Buffer.from(text);
      expectSame([bytes, bytes]);
    }
    const bytes = fs.readFileSync(path.join(fixtures, 'gardenfence-mastodon.csv'));
    const plain = new BlocklistParser();
    plain.pushBytes(bytes.subarray(0, 100));
    plain.pushBytes(bytes.subarray(100));
    const text = new BlocklistParser();
    text.push(bytes.toString('utf8'));
    expect(plain.end()).toEqual(text.end());
  });
});
