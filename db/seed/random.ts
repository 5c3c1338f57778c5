/**
 * Deterministic randomness for the seeder. Nothing here may read the clock or Math.random: the
 * same seed must give byte-identical data on every machine and every run.
 */

/** 32-bit string hash (FNV-1a followed by a murmur finaliser so nearby labels diverge). */
export function hashString(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for synthetic data (not for anything secret). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly #next: () => number;
  readonly #seed: number;

  constructor(seed: number | string) {
    this.#seed = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
    this.#next = mulberry32(this.#seed);
  }

  /**
   * An independent stream. Generators each take their own fork so that adding a draw in one
   * place does not shift every value generated after it elsewhere.
   */
  fork(label: string): Rng {
    return new Rng(hashString(`${this.#seed}:${label}`));
  }

  /** [0, 1) */
  next(): number {
    return this.#next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.#next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.#next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick on an empty list');
    return items[Math.floor(this.#next() * items.length)] as T;
  }

  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.#next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('Rng.weighted on an empty list');
    return last[0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.#next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** n distinct items (fewer if the list is shorter), in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    if (n >= items.length) return this.shuffle(items);
    // Partial Fisher–Yates: O(n) draws instead of shuffling the whole list.
    const pool = [...items];
    const out: T[] = [];
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.#next() * (pool.length - i));
      const chosen = pool[j] as T;
      pool[j] = pool[i] as T;
      pool[i] = chosen;
      out.push(chosen);
    }
    return out;
  }

  /**
   * Heavy-tailed integer in [0, max]: most draws are small, a few are large, like posting
   * activity or follower counts on a real server.
   */
  pareto(max: number, alpha = 1.2): number {
    const u = 1 - this.#next();
    const x = Math.pow(u, -1 / alpha) - 1;
    return Math.min(max, Math.floor(x));
  }

  /** Lowercase hex string of the given length. */
  hex(length: number): string {
    let s = '';
    while (s.length < length) s += Math.floor(this.#next() * 0x100000000).toString(16).padStart(8, '0');
    return s.slice(0, length);
  }

  /** RFC 4122 version-4 shaped UUID (what Mastodon uses for Flag / Follow activity ids). */
  uuid(): string {
    const h = this.hex(32);
    const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** Random string from an alphabet (invite codes, Misskey-style ids). */
  token(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet.charAt(Math.floor(this.#next() * alphabet.length));
    return s;
  }
}

/**
 * Cumulative-weight table for drawing many times from the same large weighted list (authors of
 * 20 000 statuses) in O(log n) per draw.
 */
export class WeightedTable<T> {
  readonly #items: T[];
  readonly #cumulative: Float64Array;
  readonly #total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.#items = entries.map(([item]) => item);
    this.#cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, w], i) => {
      total += Math.max(0, w);
      this.#cumulative[i] = total;
    });
    this.#total = total;
  }

  get size(): number {
    return this.#items.length;
  }

  draw(rng: Rng): T {
    if (this.#items.length === 0 || this.#total <= 0) throw new Error('WeightedTable.draw on an empty table');
    const r = rng.next() * this.#total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.#items[lo] as T;
  }
}
