import type { CanaryReason } from '@/lib/blocklist/canary';
import { isMergeableRow, type MergeEntry } from '@/lib/blocklist/merge';
import type { BlocklistRow } from '@/lib/blocklist/parse';
import { SEVERITIES } from '@/lib/blocklist/severity';

/**
 * What `palisade blocklist merge` keeps of a parsed row, packed for the trip from a reading thread
 * to the merging one: the merge needs a name, a handful of bits and two comments per row, and
 * structured clone copies numbers in typed arrays for nothing, where it would copy every field
 * of every row object.
 */

/** Per input: what was read, and what the merge could use. */
export interface RowCounts {
  rows: number;
  used: number;
  invalid: number;
  duplicates: number;
  obfuscated: number;
  canaries: number;
}

export function emptyCounts(): RowCounts {
  return { rows: 0, used: 0, invalid: 0, duplicates: 0, obfuscated: 0, canaries: 0 };
}

/** Counts one parsed row; true when the merge can use it. */
export function countRow(counts: RowCounts, row: BlocklistRow): boolean {
  counts.rows += 1;
  if (row.invalid) counts.invalid += 1;
  else if (row.duplicateOfLine !== null) counts.duplicates += 1;
  if (row.obfuscated) counts.obfuscated += 1;
  if (row.canary) counts.canaries += 1;
  if (!isMergeableRow(row)) return false;
  counts.used += 1;
  return true;
}

const CANARIES: readonly CanaryReason[] = ['reserved_tld', 'documentation_domain', 'canary_label', 'delete_this_line', 'canary_comment'];
const SEVERITY_MASK = 3;
const MEDIA = 1 << 2;
const REPORTS = 1 << 3;
const OBFUSCATE = 1 << 4;
const OBFUSCATED = 1 << 5;
const CANARY_SHIFT = 6;

export interface RowBatch {
  /** The domain, or the name as written for an obfuscated row. */
  names: string[];
  bits: Int32Array;
  /** Comment numbers (0: none) into the input's comments, which `comments` extends. */
  pub: Int32Array;
  priv: Int32Array;
  comments: string[];
  /** [row, digest] for the rare obfuscated row that carries one. */
  digests: Array<[number, string]>;
}

/** Packs one input's mergeable rows into batches of `size`. */
export class RowBatchWriter {
  readonly #size: number;
  readonly #commentIds = new Map<string, number>();
  #nextComment = 1;
  #batch: RowBatch;
  #count = 0;

  constructor(size = 8192) {
    this.#size = size;
    this.#batch = this.#empty();
  }

  #empty(): RowBatch {
    return { names: [], bits: new Int32Array(this.#size), pub: new Int32Array(this.#size), priv: new Int32Array(this.#size), comments: [], digests: [] };
  }

  #comment(text: string | null): number {
    if (text === null) return 0;
    let id = this.#commentIds.get(text);
    if (id === undefined) {
      id = this.#nextComment;
      this.#nextComment += 1;
      this.#commentIds.set(text, id);
      this.#batch.comments.push(text);
    }
    return id;
  }

  /** Adds a row the merge can use; returns a batch when one is full. */
  add(row: BlocklistRow): RowBatch | null {
    const i = this.#count;
    const b = this.#batch;
    b.names.push(row.domain ?? row.input);
    b.bits[i] =
      SEVERITIES.indexOf(row.severity) |
      (row.rejectMedia ? MEDIA : 0) |
      (row.rejectReports ? REPORTS : 0) |
      (row.obfuscate ? OBFUSCATE : 0) |
      (row.obfuscated ? OBFUSCATED : 0) |
      ((row.canary ? CANARIES.indexOf(row.canary) + 1 : 0) << CANARY_SHIFT);
    b.pub[i] = this.#comment(row.publicComment);
    b.priv[i] = this.#comment(row.privateComment);
    if (row.obfuscated && row.digest) b.digests.push([i, row.digest]);
    this.#count = i + 1;
    return this.#count === this.#size ? this.flush() : null;
  }

  /** The rows added since the last batch, if any. */
  flush(): RowBatch | null {
    if (this.#count === 0) return null;
    const b = this.#batch;
    const n = this.#count;
    this.#batch = this.#empty();
    this.#count = 0;
    return n === this.#size ? b : { ...b, bits: b.bits.slice(0, n), pub: b.pub.slice(0, n), priv: b.priv.slice(0, n) };
  }
}

/**
 * Unpacks a batch of one input, in order, into entries as the merge reads them. `comments` is the
 * input's comment list (index 0: none), extended by the batch. One entry object is reused: the
 * merge keeps no reference to the entries it is given.
 */
export function readBatch(batch: RowBatch, comments: Array<string | null>, each: (entry: MergeEntry) => void): void {
  for (const c of batch.comments) comments.push(c);
  const digests = new Map(batch.digests);
  const entry: MergeEntry = { domain: null, input: '', digest: null, severity: 'suspend', rejectMedia: false, rejectReports: false, obfuscate: false, obfuscated: false, publicComment: null, privateComment: null, canary: null };
  for (let i = 0; i < batch.names.length; i += 1) {
    const bits = batch.bits[i]!;
    const name = batch.names[i]!;
    const obfuscated = (bits & OBFUSCATED) !== 0;
    const canary = bits >> CANARY_SHIFT;
    entry.domain = obfuscated ? null : name;
    entry.input = name;
    entry.digest = obfuscated ? (digests.get(i) ?? null) : null;
    entry.severity = SEVERITIES[bits & SEVERITY_MASK]!;
    entry.rejectMedia = (bits & MEDIA) !== 0;
    entry.rejectReports = (bits & REPORTS) !== 0;
    entry.obfuscate = (bits & OBFUSCATE) !== 0;
    entry.obfuscated = obfuscated;
    entry.publicComment = comments[batch.pub[i]!]!;
    entry.privateComment = comments[batch.priv[i]!]!;
    entry.canary = canary === 0 ? null : CANARIES[canary - 1]!;
    each(entry);
  }
}
