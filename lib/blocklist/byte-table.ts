import { randomInt } from 'node:crypto';
import { withRoom } from './typed-array';

/**
 * Byte strings numbered 0, 1, 2… in the order added, and found again from a range of a buffer
 * without making a JavaScript string of it. A merge of twenty large lists reads the same few tens of
 * thousands of domains and a handful of comments hundreds of thousands of times: looking each up
 * from the bytes read skips the string the lookup would otherwise allocate, flatten and hash first.
 *
 * Open addressing over FNV-1a hashes. A hash slot holds the hash, the number, and where the bytes
 * are in the arena, side by side: a lookup reads one slot and the bytes it compares, nothing else.
 * Each table starts its hash from a random value, so a list fetched from anywhere cannot be written
 * to make its names collide (which would make every lookup walk the whole table).
 */
const STRIDE = 4;
const AT_HASH = 0;
const AT_ENTRY = 1;
const AT_START = 2;
const AT_LENGTH = 3;

export class ByteTable {
  /** STRIDE numbers per hash slot: hash, number + 1 (0: empty), start, length. At most half full. */
  #slots = new Int32Array(1024 * STRIDE);
  #arena = new Uint8Array(4096);
  #used = 0;
  #size = 0;
  readonly #seed = randomInt(0x100000000) | 0;

  get size(): number {
    return this.#size;
  }

  /** The number of bytes[start, end), or -1 when they were never added. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const hash = fnv1a(this.#seed, bytes, start, end);
    const slots = this.#slots;
    const mask = slots.length / STRIDE - 1;
    const length = end - start;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = at * STRIDE;
      const entry = slots[slot + AT_ENTRY]! - 1;
      if (entry === -1) return -1;
      if (slots[slot + AT_HASH] !== hash || slots[slot + AT_LENGTH] !== length) continue;
      const from = slots[slot + AT_START]!;
      const arena = this.#arena;
      let i = 0;
      while (i < length && arena[from + i] === bytes[start + i]) i += 1;
      if (i === length) return entry;
    }
  }

  /** Adds bytes[start, end) as the next number (the caller knows they are new) and returns it. */
  add(bytes: Uint8Array, start: number, end: number): number {
    const entry = this.#size;
    const length = end - start;
    const from = this.#used;
    if (length > 0) this.#arena = withRoom(this.#arena, from + length - 1);
    // (Byte by byte: entries are short, and a subarray per entry would cost more than the copy.)
    const arena = this.#arena;
    for (let i = 0; i < length; i += 1) arena[from + i] = bytes[start + i]!;
    this.#used = from + length;
    this.#size = entry + 1;
    if (this.#size * 2 > this.#slots.length / STRIDE) this.#rehash(this.#slots.length * 2);
    this.#place(this.#slots, fnv1a(this.#seed, bytes, start, end), entry, from, length);
    return entry;
  }

  #place(slots: Int32Array, hash: number, entry: number, from: number, length: number) {
    const mask = slots.length / STRIDE - 1;
    let at = hash & mask;
    while (slots[at * STRIDE + AT_ENTRY] !== 0) at = (at + 1) & mask;
    const slot = at * STRIDE;
    slots[slot + AT_HASH] = hash;
    slots[slot + AT_ENTRY] = entry + 1;
    slots[slot + AT_START] = from;
    slots[slot + AT_LENGTH] = length;
  }

  #rehash(length: number) {
    const old = this.#slots;
    const slots = new Int32Array(length);
    for (let slot = 0; slot < old.length; slot += STRIDE) {
      if (old[slot + AT_ENTRY] !== 0) this.#place(slots, old[slot + AT_HASH]!, old[slot + AT_ENTRY]! - 1, old[slot + AT_START]!, old[slot + AT_LENGTH]!);
    }
    this.#slots = slots;
  }
}

function fnv1a(seed: number, bytes: Uint8Array, start: number, end: number): number {
  let hash = seed;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash;
}
