import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, splitPage } from './keyset';

describe('keyset cursors', () => {
  it('round-trips 64-bit ids and dates as strings', () => {
    const cursor = encodeCursor(['2026-11-20T12:00:00.000Z', '113456789012345678']);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-11-20T12:00:00.000Z', '113456789012345678']);
  });

  it('ignores tampered or mismatched cursors', () => {
    expect(decodeCursor('not-base64-json', 2)).toBeNull();
    expect(decodeCursor(encodeCursor(['a']), 2)).toBeNull();
    expect(decodeCursor(Buffer.from('[{"x":1},"y"]').toString('base64url'), 2)).toBeNull();
    expect(decodeCursor('x'.repeat(600), 2)).toBeNull();
  });

  it('detects a next page from one extra row', () => {
    expect(splitPage([1, 2, 3], 2)).toEqual({ rows: [1, 2], hasMore: true });
    expect(splitPage([1, 2], 2)).toEqual({ rows: [1, 2], hasMore: false });
  });
});
