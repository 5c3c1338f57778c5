import { describe, expect, it } from 'vitest';
import { csvCell, CsvReader, CsvSyntaxError, readCsv } from './csv';

describe('CsvReader', () => {
  it('reads quoted commas, doubled quotes, line breaks in quotes, and every line ending', () => {
    const records = readCsv('\uFEFFa,"b, c","say ""hi"""\r\nd,"multi\nline",e\rf,,\n');
    expect(records).toEqual([
      { fields: ['a', 'b, c', 'say "hi"'], line: 1 },
      { fields: ['d', 'multi\nline', 'e'], line: 2 },
      { fields: ['f', '', ''], line: 4 },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = '#domain,#public_comment\r\n"a.example","x, ""y"""\r\nb.example,\r\n';
    const whole = readCsv(text);
    for (const size of [1, 2, 3, 7]) {
      const reader = new CsvReader();
      const out = [];
      for (let i = 0; i < text.length; i += size) out.push(...reader.push(text.slice(i, i + size)));
      out.push(...reader.end());
      expect(out).toEqual(whole);
    }
  });

  it('reads whole plain lines (the fast path) exactly as character by character', () => {
    // One-character chunks never hold a whole line, so they take the character-by-character path.
    const texts = [
      'a,b,c\nd,,f\n\n,\ng,h\n',
      'a,b\r\nc,d\r\n"q,1",x\r\ne,f\r\n',
      'a,b\rc,d\ne,f\r\n\r\ng\n',
      'plain,line\nmid"quote,x\n"quoted\nbreak",y\nlast,one',
      `${'x'.repeat(70_000)}\n`,
      'a,b\n\r\n\rc\n',
    ];
    for (const text of texts) {
      const slow = new CsvReader();
      const bySlow: unknown[] = [];
      let slowError: unknown = null;
      try {
        for (const c of text) bySlow.push(...slow.push(c));
        bySlow.push(...slow.end());
      } catch (error) {
        slowError = error;
      }
      let fastError: unknown = null;
      let byFast: unknown[] = [];
      try {
        byFast = readCsv(text);
      } catch (error) {
        fastError = error;
      }
      expect(fastError).toEqual(slowError);
      expect(byFast).toEqual(bySlow);
    }
    expect(readCsv('a,b\r\nc,d\r\n')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['c', 'd'], line: 2 },
    ]);
  });

  it('keeps a last line without a newline', () => {
    expect(readCsv('a,b\nc,d')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['c', 'd'], line: 2 },
    ]);
  });

  it('refuses an unterminated quote and text after a closing quote, with the line', () => {
    expect(() => readCsv('a,b\n"open,c\n')).toThrow(CsvSyntaxError);
    try {
      readCsv('a\n"x"y,z\n');
    } catch (error) {
      expect(error).toMatchObject({ reason: 'text_after_quote', line: 2 });
    }
    expect(() => readCsv(`"${'x'.repeat(70_000)}"`)).toThrow(/longer/);
  });

  it('quotes cells only when needed', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(' padded')).toBe('" padded"');
  });
});
