import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MASTODON_CSV_HEADER, neutralizeFormula, toFediBlockHoleCsv, toMastodonCsv, toPlainText, toPublicJson, writeExport, EXPORT_FORMATS, type ExportBlock } from './export';
import { domainDigest } from './obfuscation';
import { applicableRows, parseBlocklist } from './parse';

const blocks: ExportBlock[] = [
  { domain: 'dajiaweibo.com', severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: 'Inappropriate content', obfuscate: true },
  { domain: 'xn--bcher-kva.example', severity: 'silence', rejectMedia: true, rejectReports: false, publicComment: 'spam, "bots"', obfuscate: false },
  { domain: 'formula.example', severity: 'noop', rejectMedia: false, rejectReports: true, publicComment: '=HYPERLINK("http://evil","click")', obfuscate: false },
  { domain: 'plain.example', severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false },
];

describe('Mastodon CSV export', () => {
  it('writes Mastodon’s exact header, lower-case booleans, the real domain and quoted comments', () => {
    const lines = toMastodonCsv(blocks).split('\n');
    expect(lines[0]).toBe('#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate');
    expect(lines[0]).toBe(MASTODON_CSV_HEADER);
    expect(lines[1]).toBe('dajiaweibo.com,suspend,false,false,Inappropriate content,true');
    expect(lines[2]).toBe('xn--bcher-kva.example,silence,true,false,"spam, ""bots""",false');
    expect(lines[4]).toBe('plain.example,suspend,false,false,,false');
    expect(lines.at(-1)).toBe('');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(toMastodonCsv(blocks).split('\n')[3]).toBe(`formula.example,noop,false,true,"'=HYPERLINK(""http://evil"",""click"")",false`);
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'safe', ' =spaced'].map(neutralizeFormula)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", 'safe', ' =spaced']);
  });
});

describe('other formats', () => {
  it('FediBlockHole CSV: plain headers, Python booleans, sorted by domain', () => {
    const lines = toFediBlockHoleCsv(blocks).trimEnd().split('\n');
    expect(lines[0]).toBe('domain,severity,reject_media,reject_reports,public_comment,obfuscate');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['dajiaweibo.com', 'formula.example', 'plain.example', 'xn--bcher-kva.example']);
    expect(lines[1]).toBe('dajiaweibo.com,suspend,False,False,Inappropriate content,True');
  });

  it('plain text: one stored domain a line', () => {
    expect(toPlainText(blocks)).toBe('dajiaweibo.com\nxn--bcher-kva.example\nformula.example\nplain.example\n');
    expect(toPlainText([])).toBe('');
  });

  it('public JSON: silence and suspend only, silence first, obfuscated as Mastodon with the real digest', () => {
    expect(toPublicJson(blocks)).toEqual([
      { domain: 'xn--bcher-kva.example', digest: domainDigest('xn--bcher-kva.example'), severity: 'silence', comment: 'spam, "bots"' },
      { domain: 'daji******.com', digest: '3752f63a7079d60c2de5dceb8bd7608e86a15544eb78a494a482041c3684b37f', severity: 'suspend', comment: 'Inappropriate content' },
      { domain: 'plain.example', digest: domainDigest('plain.example'), severity: 'suspend', comment: null },
    ]);
    expect(toPublicJson(blocks, { comments: false }).every((e) => e.comment === null)).toBe(true);
  });
});

describe('round trip', () => {
  const key = (b: { domain: string | null; severity: string; rejectMedia: boolean; rejectReports: boolean; publicComment: string | null; obfuscate: boolean }) =>
    JSON.stringify([b.domain, b.severity, b.rejectMedia, b.rejectReports, b.publicComment, b.obfuscate]);

  it('every CSV format re-imports to the same blocks, formula comments included', () => {
    for (const text of [toMastodonCsv(blocks), toFediBlockHoleCsv(blocks)]) {
      const parsed = parseBlocklist(text);
      expect(new Set(parsed.rows.map(key))).toEqual(new Set(blocks.map(key)));
    }
  });

  it('a real list survives export and re-import unchanged', () => {
    const source = parseBlocklist(fs.readFileSync(path.join(import.meta.dirname, 'fixtures/oliphant-mastodon-format_unified_tier0_blocklist.csv')));
    const exported: ExportBlock[] = applicableRows(source.rows).map((r) => ({ domain: r.domain!, severity: r.severity, rejectMedia: r.rejectMedia, rejectReports: r.rejectReports, publicComment: r.publicComment, obfuscate: r.obfuscate }));
    expect(exported).toHaveLength(449);
    const again = parseBlocklist(toMastodonCsv(exported));
    expect(again.rows.map(key)).toEqual(exported.map(key));
    expect(parseBlocklist(toPlainText(exported)).rows.map((r) => r.domain)).toEqual(exported.map((b) => b.domain));
    // The public JSON re-imports to the non-obfuscated entries; obfuscated ones stay unresolved.
    const publicRows = parseBlocklist(JSON.stringify(toPublicJson(exported))).rows;
    expect(publicRows).toHaveLength(449);
    expect(publicRows.filter((r) => r.obfuscated).length).toBe(exported.filter((b) => b.obfuscate).length);
  });

  it('writeExport names the content type and extension for each format', () => {
    expect(EXPORT_FORMATS.map((f) => writeExport(f, blocks).extension)).toEqual(['csv', 'csv', 'txt', 'json']);
    expect(JSON.parse(writeExport('mastodon_public_json', blocks).body)).toHaveLength(3);
  });
});
