import { describe, expect, it } from 'vitest';
import { normalizeUsername } from './username-blocks';

describe('normalizeUsername', () => {
  it('lowercases and maps digit homoglyphs like Mastodon', () => {
    expect(normalizeUsername('ADM1N')).toBe('admin');
    expect(normalizeUsername('m0d3r4t0r')).toBe('moderator');
    expect(normalizeUsername('w3bm4573r')).toBe('webmaster');
    // 6 has no letter twin in Mastodon's table.
    expect(normalizeUsername('user6')).toBe('user6');
  });
});
