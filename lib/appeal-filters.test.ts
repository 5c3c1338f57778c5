import { describe, expect, it } from 'vitest';
import { appealSearchHref, decodeAppealCursor, encodeAppealCursor, parseAppealSearch } from './appeal-filters';

describe('appeal queue parameters', () => {
  it('defaults to pending, as Mastodon does, and ignores unknown statuses', () => {
    expect(parseAppealSearch({})).toEqual({ status: 'pending', after: null, cursor: null });
    expect(parseAppealSearch({ status: 'overturned' }).status).toBe('pending');
    expect(parseAppealSearch({ status: ['rejected', 'approved'] }).status).toBe('rejected');
  });

  it('round-trips cursors and drops forged ones', () => {
    const cursor = encodeAppealCursor({ rank: 0, createdAt: new Date('2026-11-01T10:00:00Z'), id: '42' });
    expect(parseAppealSearch({ status: 'all', after: cursor })).toEqual({ status: 'all', after: { rank: 0, createdAt: '2026-11-01T10:00:00.000Z', id: '42' }, cursor });
    expect(decodeAppealCursor('not-base64!')).toBeNull();
    expect(decodeAppealCursor(Buffer.from(JSON.stringify([2, '2026-11-01', '1'])).toString('base64url'))).toBeNull();
    expect(decodeAppealCursor(Buffer.from(JSON.stringify([0, '2026-11-01', '1; DROP'])).toString('base64url'))).toBeNull();
    expect(appealSearchHref('approved', null)).toBe('/appeals?status=approved');
  });
});
