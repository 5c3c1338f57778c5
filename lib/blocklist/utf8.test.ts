import { describe, expect, it } from 'vitest';
import { Utf8ChunkDecoder } from './utf8';

/** The reference: the WHATWG decoder, strict, streaming. */
function reference(chunks: Uint8Array[]): string | 'error' {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
  } catch {
    return 'error';
  }
}

function decoded(chunks: Uint8Array[]): string | 'error' {
  const decoder = new Utf8ChunkDecoder();
  try {
    return chunks.map((c) => decoder.decode(c)).join('') + decoder.end();
  } catch {
    return 'error';
  }
}

function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe('Utf8ChunkDecoder', () => {
  const texts = [
    Buffer.from('#domain,#severity\nmastodon.social,suspend\n'),
    Buffer.from('\uFEFFdomain,public_comment\nxn--80ak6aa92e.com,Ünïcödé 日本語 😀 comment\n'),
    Buffer.from('\uFEFF'),
    Buffer.from([0xef, 0xbb]),
    Buffer.from('a\uFEFFb'),
    Buffer.from([]),
    Buffer.from([0x61, 0xc3]), // cut in the middle of a character
    Buffer.from([0x61, 0xff, 0x62]), // never valid
    Buffer.from([0xc0, 0xaf]), // overlong
    Buffer.from([0xed, 0xa0, 0x80]), // a UTF-16 surrogate
    Buffer.from([0xf0, 0x9f, 0x98, 0x80, 0x80]), // a stray continuation byte
    Buffer.from([0xe6, 0x97, 0xa5, 0xe6, 0x9c]), // ends mid-character
  ];

  it('decodes exactly as the strict streaming TextDecoder, whatever the chunk boundaries', () => {
    for (const bytes of texts) {
      for (const size of [1, 2, 3, 5, 64]) {
        expect(decoded(split(bytes, size)), `${bytes.toString('hex')} in ${size}-byte chunks`).toBe(reference(split(bytes, size)));
      }
    }
    expect(decoded([Buffer.from('\uFEFFa,b\n')])).toBe('a,b\n');
    expect(decoded([Buffer.from([0x61, 0xff])])).toBe('error');
  });
});
