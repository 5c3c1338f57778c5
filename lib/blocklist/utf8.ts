import { isUtf8 } from 'node:buffer';

/**
 * Strict UTF-8 decoding of a stream of chunks: what `new TextDecoder('utf-8', { fatal: true })`
 * with `{ stream: true }` gives (a leading BOM dropped, anything that is not UTF-8 refused), through
 * Node's own validator and decoder, which read a large list several times faster. A character
 * split between two chunks is carried over to the next.
 */
export class Utf8ChunkDecoder {
  #carry: Buffer | null = null;
  #started = false;

  /** The text of the chunk's complete characters; throws a TypeError for bytes that are not UTF-8. */
  decode(chunk: Uint8Array): string {
    let bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.#carry) {
      bytes = Buffer.concat([this.#carry, bytes]);
      this.#carry = null;
    }
    if (!this.#started) {
      // Not enough bytes yet to tell a BOM from text: wait for more.
      if (bytes.length < 3 && bytes.length > 0 && isBomStart(bytes)) {
        // A copy: the caller may reuse the chunk's memory for the next one.
        this.#carry = Buffer.from(bytes);
        return '';
      }
      if (bytes.length > 0) this.#started = true;
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const end = completeLength(bytes);
    if (end < bytes.length) this.#carry = Buffer.from(bytes.subarray(end));
    const body = bytes.subarray(0, end);
    if (!isUtf8(body)) throw new TypeError('The encoded data was not valid for encoding utf-8');
    return body.toString('utf8');
  }

  /** Nothing is waiting for more bytes: the next chunk starts a character. */
  get idle(): boolean {
    return this.#started && this.#carry === null;
  }

  /** The end of the stream: a character left unfinished is an error. */
  end(): string {
    const carry = this.#carry;
    this.#carry = null;
    if (!carry || carry.length === 0) return '';
    // A lone start of a BOM at the very end is text, if it is text at all.
    if (!this.#started) {
      this.#started = true;
      if (isUtf8(carry)) return carry.toString('utf8');
    }
    throw new TypeError('The encoded data was not valid for encoding utf-8');
  }
}

function isBomStart(bytes: Buffer): boolean {
  const bom = [0xef, 0xbb, 0xbf];
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i] !== bom[i]) return false;
  return true;
}

/** How many bytes from the start hold only whole characters (a trailing partial one is left out). */
function completeLength(bytes: Buffer): number {
  const n = bytes.length;
  // A character is at most 4 bytes: look back over at most 3 continuation bytes to its lead.
  let i = n - 1;
  while (i >= 0 && n - i <= 4 && (bytes[i]! & 0xc0) === 0x80) i -= 1;
  if (i < 0 || n - i > 4) return n;
  const lead = bytes[i]!;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return n - i < size ? i : n;
}
