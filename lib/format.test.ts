import { describe, expect, it } from 'vitest';
import { acct, coarseDuration } from './format';

describe('coarseDuration', () => {
  it('rounds down to the largest sensible unit', () => {
    expect(coarseDuration(30_000)).toEqual({ unit: 'justNow', count: 0 });
    expect(coarseDuration(5 * 60_000)).toEqual({ unit: 'minutes', count: 5 });
    expect(coarseDuration(3 * 3_600_000 + 59 * 60_000)).toEqual({ unit: 'hours', count: 3 });
    expect(coarseDuration(47 * 3_600_000)).toEqual({ unit: 'hours', count: 47 });
    expect(coarseDuration(50 * 3_600_000)).toEqual({ unit: 'days', count: 2 });
    expect(coarseDuration(-5)).toEqual({ unit: 'justNow', count: 0 });
  });
});

describe('acct', () => {
  it('omits the domain of local accounts', () => {
    expect(acct('alice', null)).toBe('alice');
    expect(acct('bob', 'mastodon.example')).toBe('bob@mastodon.example');
  });
});
