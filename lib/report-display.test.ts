import { describe, expect, it } from 'vitest';
import { displayAcct, displayName } from './report-display';

describe('displayAcct', () => {
  it('decodes IDN domains for reading and leaves local handles alone', () => {
    expect(displayAcct('ana', 'xn--and-6ma2c.example')).toBe('ana@ñandú.example');
    expect(displayAcct('ana', 'plain.example')).toBe('ana@plain.example');
    expect(displayAcct('ana', null)).toBe('ana');
  });
});

describe('displayName', () => {
  it('reveals bidi tricks and replaces invisible names with the handle', () => {
    expect(displayName('\u202enimdA ecivreS', 'x')).toBe('⟦U+202E⟧nimdA ecivreS');
    expect(displayName('\u200b\u200b', 'spammer@bad.example')).toBe('spammer@bad.example');
    expect(displayName('  Kim  ', 'kim')).toBe('Kim');
  });
});
