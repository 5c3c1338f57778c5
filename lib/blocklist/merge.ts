import type { CanaryReason } from './canary';
import { domainVariants, normalizeDomain } from './domain';
import type { ExportBlock } from './export';
import { couldBe, domainDigest, publicDomain } from './obfuscation';
import type { BlocklistRow } from './parse';
import { comparePolicies, compareSeverity, SEVERITY_RANK, stricterThan, type BlockPolicy, type Severity } from './severity';

/**
 * The consensus merge: many blocklists in, one recommendation per domain out. Pure (no I/O), so the
 * console's subscriptions and the `palisade blocklist merge` command run the very same code.
 *
 * With equal trust it gives FediBlockHole's results (fediblockhole `merge_blocklists` and
 * `apply_mergeplan`, v0.4.6):
 * - a domain's support is the number of sources that mention it at any severity, noop included;
 *   `count` needs support ≥ N, `percent` needs support / sources × 100 ≥ N; 0 keeps everything;
 * - `max` takes the strictest severity and ORs reject_media, reject_reports and obfuscate;
 *   `min` takes the mildest and ANDs them;
 * - a per-source maximum severity caps what that source may propose;
 * - comments are merged as an order-preserving union of their ", "-separated parts.
 *
 * Where Palisade deliberately differs (documented in docs and tested):
 * 1. Subdomains: a source listing example.com also backs sub.example.com, because in Mastodon a
 *    block on a domain covers its subdomains. A subdomain listed directly can therefore reach the
 *    threshold with its parent's supporters; FediBlockHole only compares identical strings. A
 *    subdomain entry never counts for its parent (Garden Fence's rule, which we find too broad).
 * 2. Allowlists and excludes cover subdomains (GoToSocial's excludes); FediBlockHole's allowlist
 *    removes exact matches only.
 * 3. Trust: each source has a weight; `percent` is the weighted share (equal weights = FediBlockHole).
 * 4. Canary rows (`dni.invalid`, "delete this line") are never merged; they are reported in
 *    `heldBack` instead of being counted like any domain.
 * 5. Obfuscated rows (`exa**le.com`) are not dropped silently: one whose SHA-256 digest matches a
 *    known domain of the same pattern counts for that domain; the rest are reported in `heldBack`
 *    and never become literal blocks.
 */
export type MergePlan = 'max' | 'min';
export const MERGE_PLANS: readonly MergePlan[] = ['max', 'min'];

export interface MergeThreshold {
  type: 'count' | 'percent';
  /** `count`: sources (≥ 0); `percent`: 0–100 of the total trust weight. */
  value: number;
}

export interface MergeSource {
  id: string;
  name: string;
  /** Trust weight (> 0). Only `percent` thresholds use it. Default 1. */
  weight?: number;
  /** The strictest severity this source may propose. Default suspend. */
  maxSeverity?: Severity;
  /** Higher first when comments are merged and support is listed. Default 0. */
  priority?: number;
  /** An allowlist source: its domains (and their subdomains) are never recommended. Default block. */
  role?: 'block' | 'allow';
}

/**
 * One row of one source. The field names are BlocklistRow's, so parsed rows can be passed as they
 * are (after `mergeableRows` drops invalid and repeated ones).
 */
export interface MergeEntry {
  /** Stored form (lower-case punycode); null for an obfuscated name. */
  domain: string | null;
  /** The name as written (the pattern, for an obfuscated entry). */
  input: string;
  /** SHA-256 of the real domain, when known (Mastodon's public endpoint always sends it). */
  digest: string | null;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  obfuscate: boolean;
  obfuscated: boolean;
  publicComment: string | null;
  privateComment: string | null;
  canary: CanaryReason | null;
  /** Machine-readable labels (FIRES labels, IFTAS `iftas:` tags); derived from the comment when absent. */
  labels?: readonly string[];
}

export interface MergeInput {
  sources: readonly MergeSource[];
  /** Entries by source id. */
  entries: ReadonlyMap<string, readonly MergeEntry[]> | Readonly<Record<string, readonly MergeEntry[]>>;
  plan?: MergePlan;
  threshold?: MergeThreshold;
  /** Domains never to recommend, with their subdomains (the moderators' own excludes). */
  excludes?: Iterable<string>;
  /** Domains this instance knows (instances, accounts): candidates for obfuscated entries. */
  knownDomains?: Iterable<string>;
}

/** How one source supports one domain. */
export interface Backing {
  sourceId: string;
  sourceName: string;
  weight: number;
  /** After the source's cap. */
  severity: Severity;
  /** As the source wrote it, when the cap lowered it. */
  cappedFrom: Severity | null;
  rejectMedia: boolean;
  rejectReports: boolean;
  obfuscate: boolean;
  publicComment: string | null;
  privateComment: string | null;
  labels: string[];
  /** `listed`: the domain itself; `parent`: a parent domain (`listedAs`); `digest`: an obfuscated row resolved by its digest. */
  via: 'listed' | 'parent' | 'digest';
  /** The name in the source: the domain, the parent, or the obfuscated pattern. */
  listedAs: string;
}

export interface MergedPolicy extends BlockPolicy {
  obfuscate: boolean;
}

export interface MergedDomain {
  domain: string;
  /** Every supporting block source, highest priority first. */
  backing: Backing[];
  /** Supporting sources. */
  count: number;
  /** Their summed weight. */
  weight: number;
  /** weight / total weight × 100. */
  percent: number;
  /** Reaches the threshold and is not excluded. */
  passes: boolean;
  /** The allowlisted or excluded domain (itself or a parent) that keeps it out. */
  excludedBy: string | null;
  /**
   * A parent domain that passes with a policy at least as strict: blocking the parent already does
   * everything this entry asks (Mastodon would refuse the subdomain block).
   */
  coveredBy: string | null;
  policy: MergedPolicy;
  publicComment: string | null;
  privateComment: string | null;
  labels: string[];
}

export type HeldBackReason = CanaryReason | 'no_digest' | 'no_match' | 'ambiguous';

/** An entry the merge never turns into a recommendation, and why. */
export interface HeldBack {
  sourceId: string;
  sourceName: string;
  name: string;
  kind: 'canary' | 'obfuscated';
  reason: HeldBackReason;
  /** For obfuscated names: known domains that fit the pattern (never applied without a digest). */
  candidates: string[];
  severity: Severity;
  publicComment: string | null;
}

export interface MergeResult {
  /** Every domain any block source mentions (directly or through a digest), by domain. */
  domains: MergedDomain[];
  byDomain: ReadonlyMap<string, MergedDomain>;
  heldBack: HeldBack[];
  /** Obfuscated entries matched to a real domain by their digest. */
  resolved: Array<{ sourceId: string; pattern: string; domain: string }>;
  blockSources: number;
  totalWeight: number;
  plan: MergePlan;
  threshold: MergeThreshold;
}

const EPSILON = 1e-9;

function weightOf(source: MergeSource): number {
  const w = source.weight ?? 1;
  return Number.isFinite(w) && w > 0 ? w : 0;
}

export function capSeverity(severity: Severity, max: Severity): Severity {
  return compareSeverity(severity, max) > 0 ? max : severity;
}

/**
 * FediBlockHole's comment merge: split on ", ", keep the first occurrence of each part, never let an
 * empty comment replace a non-empty one.
 */
export function mergeComments(comments: Iterable<string | null | undefined>): string | null {
  const parts: string[] = [];
  for (const comment of comments) {
    if (!comment) continue;
    for (const part of comment.split(', ')) {
      const p = part.trim();
      if (p !== '' && !parts.includes(p)) parts.push(p);
    }
  }
  return parts.length ? parts.join(', ') : null;
}

const PREFIXED_LABELS = /^([a-z][a-z0-9-]*):([a-z0-9][a-z0-9-]*(?:;[a-z0-9][a-z0-9-]*)*)$/i;
const TAG = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * Labels a comment carries in the two conventions real lists use: IFTAS's `iftas:hate-speech;csam`
 * (→ `iftas:hate-speech`, `iftas:csam`) and Garden Fence's tag list `hate-speech, racism`.
 * Free-text reasons carry none.
 */
export function labelsFromComment(comment: string | null | undefined): string[] {
  const text = comment?.trim() ?? '';
  if (text === '') return [];
  const prefixed = PREFIXED_LABELS.exec(text);
  if (prefixed) return prefixed[2]!.split(';').map((l) => `${prefixed[1]!.toLowerCase()}:${l.toLowerCase()}`);
  const tags = text.split(',').map((t) => t.trim().toLowerCase());
  return tags.every((t) => TAG.test(t)) ? [...new Set(tags)] : [];
}

/** Labels for which no retraction is ever applied automatically (child abuse, non-consensual imagery). */
export function isProtectedLabel(label: string): boolean {
  return /(?:^|[:/_-])(csam|csam-adjacent|ncii|underage|child-abuse)$/i.test(label);
}

/** A parsed row a merge can use: valid and the first of its name. */
export function isMergeableRow(r: BlocklistRow): boolean {
  return !r.invalid && r.duplicateOfLine === null && (r.domain !== null || r.obfuscated);
}

/** Parsed rows a merge can use: valid and first of their name (invalid and repeated rows dropped). */
export function mergeableRows(rows: readonly BlocklistRow[]): BlocklistRow[] {
  return rows.filter(isMergeableRow);
}

function entriesOf(input: MergeInput['entries'], id: string): readonly MergeEntry[] {
  return (input instanceof Map ? input.get(id) : (input as Record<string, readonly MergeEntry[]>)[id]) ?? [];
}

export function mergeBlocklists(input: MergeInput): MergeResult {
  const merge = new MergeAccumulator(input);
  for (const source of input.sources) for (const e of entriesOf(input.entries, source.id)) merge.add(source.id, e);
  return merge.finish();
}

const SEVERITY_BY_RANK: readonly Severity[] = ['noop', 'silence', 'suspend'];
// A supporter's policy in one number: severity after the cap, as written, and the three flags.
const WRITTEN_SHIFT = 2;
const MEDIA = 1 << 4;
const REPORTS = 1 << 5;
const OBFUSCATE = 1 << 6;

/** Room for this many supporter slots first; doubled as needed. */
const FIRST_SLOTS = 4096;

/** An obfuscated entry whose digest matched no name read so far: settled once every list is read. */
interface Deferred {
  src: number;
  entry: MergeEntry;
  pattern: string;
  digest: string;
  held: HeldBack;
  resolved: { sourceId: string; pattern: string; domain: string } | null;
}

/**
 * A merged domain whose per-source records are built when first read (`backing` is a getter on
 * the prototype, so it is not an own property: `{ ...domain }` and JSON leave it out). A getter on
 * each object instead would put every one of them in slow dictionary mode.
 */
class LazyMergedDomain implements MergedDomain {
  #backing: Backing[] | null = null;
  readonly #build: (domain: string) => Backing[];
  coveredBy: string | null = null;

  constructor(
    readonly domain: string,
    build: (domain: string) => Backing[],
    readonly count: number,
    readonly weight: number,
    readonly percent: number,
    readonly passes: boolean,
    readonly excludedBy: string | null,
    readonly policy: MergedPolicy,
    readonly publicComment: string | null,
    readonly privateComment: string | null,
    readonly labels: string[],
  ) {
    this.#build = build;
  }

  get backing(): Backing[] {
    return (this.#backing ??= this.#build(this.domain));
  }
}

/** A copy that holds no reference to the (large) text it was cut from. */
function detached(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

/**
 * The merge, one entry at a time: `add` each source's entries (a source's entries together, in
 * order; sources in any order), then `finish`. Rows are reduced as they arrive — one slot per
 * domain and supporting source — so a caller streaming large lists (the CLI) never holds the rows.
 * `mergeBlocklists` is this over entries already in memory, so both give the same result.
 */
export class MergeAccumulator {
  readonly #plan: MergePlan;
  readonly #threshold: MergeThreshold;
  readonly #blockSources: MergeSource[];
  readonly #index = new Map<string, number>();
  readonly #allowIds = new Set<string>();
  /** Per block source (by index): its place when comments are merged, weight, cap. */
  readonly #order: number[];
  readonly #weights: number[];
  readonly #caps: number[];
  readonly #totalWeight: number;
  readonly #allowed = new Set<string>();
  readonly #knownDomains: Iterable<string> | undefined;
  /**
   * Each domain's newest supporter slot. A slot (one per domain and supporting source, however many
   * rows) lives in the typed arrays below, linked to the domain's previous slot: no object per
   * domain or row, so a merge of many large lists stays small and cheap to collect.
   */
  readonly #listed = new Map<string, number>();
  #slots = 0;
  #src = new Int32Array(FIRST_SLOTS);
  /** Severity after the cap, as written, and the flags (see MEDIA…). */
  #bits = new Uint8Array(FIRST_SLOTS);
  /** Comment ids (0: none) into #commentList. */
  #pub = new Uint32Array(FIRST_SLOTS);
  #priv = new Uint32Array(FIRST_SLOTS);
  #next = new Int32Array(FIRST_SLOTS);
  readonly #commentList: Array<string | null> = [null];
  /** Labels given with an entry (rare: merges of stored subscriptions); others come from the comment. */
  readonly #slotLabels = new Map<number, string[]>();
  /** The obfuscated pattern of a slot resolved by its digest. */
  readonly #slotPatterns = new Map<number, string>();
  readonly #heldBack: HeldBack[] = [];
  readonly #resolved: Array<MergeResult['resolved'][number] | Deferred> = [];
  readonly #unmatched: HeldBack[] = [];
  readonly #deferred: Deferred[] = [];
  readonly #canaryDomains: string[] = [];
  /** Every real name read so far (listed or canary) after the known ones: digest candidates. */
  #names: string[] | null = null;
  #byDigest: Map<string, string> | null = null;
  #digested = 0;
  readonly #comments = new Map<string, number>();
  #finished = false;

  constructor(input: Pick<MergeInput, 'sources' | 'plan' | 'threshold' | 'excludes' | 'knownDomains'>) {
    this.#plan = input.plan ?? 'max';
    this.#threshold = input.threshold ?? { type: 'count', value: 0 };
    this.#blockSources = input.sources.filter((s) => (s.role ?? 'block') === 'block');
    this.#blockSources.forEach((s, i) => this.#index.set(s.id, i));
    for (const s of input.sources) if (s.role === 'allow') this.#allowIds.add(s.id);
    // Source order decides comment order: priority first, then the order given (FediBlockHole: config order).
    this.#order = new Array<number>(this.#blockSources.length);
    [...this.#blockSources]
      .map((s, i) => ({ s, i }))
      .sort((a, b) => (b.s.priority ?? 0) - (a.s.priority ?? 0) || a.i - b.i)
      .forEach(({ i }, rank) => (this.#order[i] = rank));
    this.#weights = this.#blockSources.map(weightOf);
    this.#caps = this.#blockSources.map((s) => SEVERITY_RANK[s.maxSeverity ?? 'suspend']);
    this.#totalWeight = this.#weights.reduce((sum, w) => sum + w, 0);
    for (const d of input.excludes ?? []) {
      const n = normalizeDomain(d);
      if (n.ok) this.#allowed.add(n.ascii);
    }
    this.#knownDomains = input.knownDomains;
  }

  /** One entry of source `sourceId`. Keeps no reference to the entry unless it is held back. */
  add(sourceId: string, e: MergeEntry): void {
    if (this.#finished) throw new Error('MergeAccumulator: add after finish');
    const src = this.#index.get(sourceId);
    if (src === undefined) {
      if (e.domain && this.#allowIds.has(sourceId) && !this.#allowed.has(e.domain)) this.#allowed.add(detached(e.domain));
      return;
    }
    const source = this.#blockSources[src]!;
    if (e.canary) {
      if (e.domain) {
        const name = detached(e.domain);
        this.#canaryDomains.push(name);
        this.#names?.push(name);
      }
      this.#heldBack.push({ sourceId: source.id, sourceName: source.name, name: detached(e.domain ?? e.input), kind: 'canary', reason: e.canary, candidates: [], severity: e.severity, publicComment: this.#commentList[this.#comment(e.publicComment)]! });
      return;
    }
    let domain = e.domain;
    let pattern: string | null = null;
    if (domain === null) {
      if (!e.obfuscated) return;
      pattern = e.input.toLowerCase();
      const digest = e.digest?.toLowerCase() ?? null;
      const hit = digest ? this.#digestLookup().get(digest) : undefined;
      if (hit && couldBe(pattern, hit)) {
        domain = hit;
        this.#resolved.push({ sourceId: source.id, pattern, domain: hit });
      } else {
        const held: HeldBack = { sourceId: source.id, sourceName: source.name, name: detached(pattern), kind: 'obfuscated', reason: e.digest ? 'no_match' : 'no_digest', candidates: [], severity: e.severity, publicComment: this.#commentList[this.#comment(e.publicComment)]! };
        this.#heldBack.push(held);
        if (digest && !hit) {
          // A name of a list not read yet may be the one: settled in `finish`, in this place.
          const deferred: Deferred = { src, entry: { ...e }, pattern, digest, held, resolved: null };
          this.#deferred.push(deferred);
          this.#resolved.push(deferred);
        } else this.#unmatched.push(held);
        return;
      }
    }
    const head = this.#listed.get(domain);
    // A source's entries are read together, so a domain it already listed is the last one listed for it.
    if (head !== undefined && this.#src[head] === src) return;
    const slot = this.#newSlot(head ?? -1);
    this.#write(slot, src, e, pattern);
    if (head !== undefined) this.#listed.set(domain, slot);
    else {
      const key = detached(domain);
      this.#listed.set(key, slot);
      this.#names?.push(key);
    }
  }

  #newSlot(next: number): number {
    const slot = this.#slots;
    if (slot === this.#src.length) {
      const grow = <T extends Int32Array | Uint32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.#src = grow(this.#src);
      this.#bits = grow(this.#bits);
      this.#pub = grow(this.#pub);
      this.#priv = grow(this.#priv);
      this.#next = grow(this.#next);
    }
    this.#slots = slot + 1;
    this.#next[slot] = next;
    return slot;
  }

  #write(slot: number, src: number, e: MergeEntry, pattern: string | null) {
    const written = SEVERITY_RANK[e.severity];
    const cap = this.#caps[src]!;
    this.#src[slot] = src;
    this.#bits[slot] = (written > cap ? cap : written) | (written << WRITTEN_SHIFT) | (e.rejectMedia ? MEDIA : 0) | (e.rejectReports ? REPORTS : 0) | (e.obfuscate ? OBFUSCATE : 0);
    this.#pub[slot] = this.#comment(e.publicComment);
    this.#priv[slot] = this.#comment(e.privateComment);
    if (e.labels) this.#slotLabels.set(slot, [...e.labels]);
    else this.#slotLabels.delete(slot);
    if (pattern !== null) this.#slotPatterns.set(slot, pattern);
    else this.#slotPatterns.delete(slot);
  }

  /** Lists repeat the same few comments: one detached copy of each, by id. */
  #comment(comment: string | null): number {
    if (comment === null || comment === undefined) return 0;
    let id = this.#comments.get(comment);
    if (id === undefined) {
      id = this.#commentList.length;
      const kept = detached(comment);
      this.#commentList.push(kept);
      this.#comments.set(kept, id);
    }
    return id;
  }

  /** Digest → name over every name read so far (hashed once each, and only once a digest is asked for). */
  #digestLookup(): Map<string, string> {
    if (!this.#names) this.#names = [...(this.#knownDomains ?? []), ...this.#listed.keys(), ...this.#canaryDomains];
    const index = (this.#byDigest ??= new Map());
    for (; this.#digested < this.#names.length; this.#digested += 1) {
      const name = this.#names[this.#digested]!;
      index.set(domainDigest(name), name);
    }
    return index;
  }

  finish({ lazyBacking = false }: { lazyBacking?: boolean } = {}): MergeResult {
    if (this.#finished) throw new Error('MergeAccumulator: finish called twice');
    this.#finished = true;
    const listed = this.#listed;
    const blockSources = this.#blockSources;
    const plan = this.#plan;
    const threshold = this.#threshold;
    const totalWeight = this.#totalWeight;
    const allowed = this.#allowed;
    const order = this.#order;
    const weights = this.#weights;

    // Obfuscated entries whose digest named a domain read later (rare): settled in reading order.
    let heldBack = this.#heldBack;
    const settled = new Set<HeldBack>();
    const late = new Set<string>();
    for (const d of this.#deferred) {
      const hit = this.#digestLookup().get(d.digest);
      if (!hit || !couldBe(d.pattern, hit)) {
        this.#unmatched.push(d.held);
        continue;
      }
      settled.add(d.held);
      d.resolved = { sourceId: blockSources[d.src]!.id, pattern: d.pattern, domain: hit };
      const head = listed.get(hit);
      let at = head ?? -1;
      while (at !== -1 && this.#src[at] !== d.src) at = this.#next[at]!;
      // The source named the domain later in its list (it was read after this entry): this entry, read first, wins.
      // (An earlier entry settled here to the same domain keeps its place.)
      const key = `${d.src} ${hit}`;
      if (at === -1) {
        const slot = this.#newSlot(head ?? -1);
        this.#write(slot, d.src, d.entry, d.pattern);
        listed.set(hit, slot);
      } else if (!late.has(key)) this.#write(at, d.src, d.entry, d.pattern);
      late.add(key);
    }
    if (settled.size) heldBack = heldBack.filter((h) => !settled.has(h));
    const resolved: MergeResult['resolved'] = [];
    for (const r of this.#resolved) {
      if ('entry' in r) {
        if (r.resolved) resolved.push(r.resolved);
      } else resolved.push(r);
    }

    if (this.#unmatched.length) {
      // Every real name of every list is now a key of `listed` or a canary's. Obfuscation is a pure
      // function of the name, so the candidates that fit a pattern are exactly those whose public
      // form it is: one index, not a scan per entry.
      // (`#names`, once built, has them all and the known ones: those may be a one-pass iterator.)
      const all = new Set<string>(this.#names ?? [...(this.#knownDomains ?? []), ...listed.keys(), ...this.#canaryDomains]);
      const byPattern = new Map<string, string[]>();
      for (const c of all) {
        const key = publicDomain(c);
        const list = byPattern.get(key);
        if (list) list.push(c);
        else byPattern.set(key, [c]);
      }
      // Lists repeat patterns (and real names collide: same length, same ends): sort each once.
      const fitting = new Map<string, string[]>();
      for (const held of this.#unmatched) {
        let fits = fitting.get(held.name);
        if (!fits) fitting.set(held.name, (fits = (byPattern.get(held.name) ?? []).filter((c) => c.length === held.name.length).sort()));
        if (held.reason === 'no_digest' && fits.length > 1) held.reason = 'ambiguous';
        held.candidates = fits.slice(0, 10);
      }
    }

    const passesThreshold = (count: number, percent: number): boolean => {
      if (threshold.type === 'count') return count >= threshold.value;
      return percent + EPSILON >= threshold.value;
    };

    // Lists repeat the same few comments thousands of times: read each comment's labels once.
    // Backings of the same comment share its labels array: nothing changes them after the merge.
    const labelCache = new Map<string, string[]>();
    const labelsOf = (comment: string | null): string[] => {
      if (!comment) return [];
      let labels = labelCache.get(comment);
      if (!labels) labelCache.set(comment, (labels = labelsFromComment(comment)));
      return labels;
    };
    // Comments are split into their parts once per distinct comment, not once per supporter.
    const partsCache = new Map<string, string[]>();
    const partsOf = (comment: string): string[] => {
      let own = partsCache.get(comment);
      if (!own) partsCache.set(comment, (own = commentParts(comment)));
      return own;
    };
    const mergedComment = (comments: ReadonlyArray<string | null>): string | null => {
      let parts: string[] | null = null;
      for (const comment of comments) {
        if (!comment) continue;
        const own = partsOf(comment);
        if (parts === null) parts = comments.length === 1 ? own : [...own];
        else for (const p of own) if (!parts.includes(p)) parts.push(p);
      }
      return parts?.length ? parts.join(', ') : null;
    };

    const srcs = this.#src;
    const bitsOf = this.#bits;
    const pubs = this.#pub;
    const privs = this.#priv;
    const next = this.#next;
    const commentList = this.#commentList;
    const givenLabels = this.#slotLabels;
    const patterns = this.#slotPatterns;
    // A slot's labels: given with the entry, or read from its public comment (shared per comment).
    const slotLabels = (slot: number): readonly string[] => (givenLabels.size !== 0 ? givenLabels.get(slot) : undefined) ?? labelsOf(commentList[pubs[slot]!]!);

    // Which sources back the current domain (a stamp per domain: no set per domain).
    const stamp = new Int32Array(blockSources.length).fill(-1);
    let round = 0;
    /**
     * A domain's supporters as slots in source order (priority, then as given), with the parent each
     * was listed as (null: the domain itself). Subdomain coverage: a source that lists a parent
     * (nearest first) backs the domain too; each source counts once.
     */
    const supportersOf = (domain: string, variants: readonly string[]): { slots: number[]; parents: Array<string | null> } => {
      round += 1;
      const slots: number[] = [];
      const parents: Array<string | null> = [];
      for (let at = listed.get(domain)!; at !== -1; at = next[at]!) {
        slots.push(at);
        parents.push(null);
        stamp[srcs[at]!] = round;
      }
      for (let v = 1; v < variants.length; v += 1) {
        const parent = variants[v]!;
        const head = listed.get(parent);
        if (head === undefined) continue;
        for (let at = head; at !== -1; at = next[at]!) {
          if (stamp[srcs[at]!] === round) continue;
          stamp[srcs[at]!] = round;
          slots.push(at);
          parents.push(parent);
        }
      }
      let sorted = true;
      for (let i = 1; i < slots.length && sorted; i += 1) sorted = order[srcs[slots[i - 1]!]!]! <= order[srcs[slots[i]!]!]!;
      if (sorted) return { slots, parents };
      const idx = slots.map((_, i) => i).sort((a, b) => order[srcs[slots[a]!]!]! - order[srcs[slots[b]!]!]!);
      return { slots: idx.map((i) => slots[i]!), parents: idx.map((i) => parents[i]!) };
    };
    const backingsOf = (domain: string): Backing[] => {
      const { slots, parents } = supportersOf(domain, domainVariants(domain));
      return slots.map((slot, i) => {
        const src = srcs[slot]!;
        const bits = bitsOf[slot]!;
        const source = blockSources[src]!;
        const severity = SEVERITY_BY_RANK[bits & 3]!;
        const written = SEVERITY_BY_RANK[(bits >> WRITTEN_SHIFT) & 3]!;
        const parent = parents[i]!;
        const pattern = patterns.get(slot) ?? null;
        return {
          sourceId: source.id,
          sourceName: source.name,
          weight: weights[src]!,
          severity,
          cappedFrom: severity === written ? null : written,
          rejectMedia: (bits & MEDIA) !== 0,
          rejectReports: (bits & REPORTS) !== 0,
          obfuscate: (bits & OBFUSCATE) !== 0,
          publicComment: commentList[pubs[slot]!]!,
          privateComment: commentList[privs[slot]!]!,
          labels: slotLabels(slot) as string[],
          via: parent !== null ? 'parent' : pattern !== null ? 'digest' : 'listed',
          listedAs: parent ?? pattern ?? domain,
        };
      });
    };

    const domains: MergedDomain[] = [];
    const byDomain = new Map<string, MergedDomain>();
    const ownPub: Array<string | null> = [];
    const ownPriv: Array<string | null> = [];
    // Built in domain order (the result's), so the list needs no sort of its own.
    for (const domain of [...listed.keys()].sort()) {
      const variants = domainVariants(domain);
      const { slots, parents } = supportersOf(domain, variants);
      const n = slots.length;
      let weight = 0;
      let severity = 0;
      let flags = 0;
      ownPub.length = 0;
      ownPriv.length = 0;
      let labels: string[] = [];
      for (let i = 0; i < n; i += 1) {
        const slot = slots[i]!;
        const bits = bitsOf[slot]!;
        weight += weights[srcs[slot]!]!;
        const rank = bits & 3;
        const f = bits & (MEDIA | REPORTS | OBFUSCATE);
        if (i === 0) {
          severity = rank;
          flags = f;
        } else if (plan === 'max') {
          if (rank > severity) severity = rank;
          flags |= f;
        } else {
          if (rank < severity) severity = rank;
          flags &= f;
        }
        if (parents[i] === null) {
          ownPub.push(commentList[pubs[slot]!]!);
          ownPriv.push(commentList[privs[slot]!]!);
        }
        // The union of the supporters' labels, in order (most supporters share a few label arrays).
        const l = slotLabels(slot);
        if (l.length === 0) continue;
        if (labels.length === 0) labels = [...new Set(l)];
        else for (const x of l) if (!labels.includes(x)) labels.push(x);
      }
      const percent = totalWeight > 0 ? (weight / totalWeight) * 100 : 0;
      const excluded = allowed.size === 0 ? null : (variants.find((v) => allowed.has(v)) ?? null);
      const policy: MergedPolicy = { severity: SEVERITY_BY_RANK[severity]!, rejectMedia: (flags & MEDIA) !== 0, rejectReports: (flags & REPORTS) !== 0, obfuscate: (flags & OBFUSCATE) !== 0 };
      const passes = excluded === null && passesThreshold(n, percent);
      const publicComment = mergedComment(ownPub);
      const privateComment = mergedComment(ownPriv);
      const merged: MergedDomain = lazyBacking
        ? new LazyMergedDomain(domain, backingsOf, n, weight, percent, passes, excluded, policy, publicComment, privateComment, labels)
        : { domain, backing: backingsOf(domain), count: n, weight, percent, passes, excludedBy: excluded, coveredBy: null, policy, publicComment, privateComment, labels };
      domains.push(merged);
      byDomain.set(domain, merged);
    }

    for (const merged of domains) {
      if (!merged.passes) continue;
      for (const parent of domainVariants(merged.domain).slice(1)) {
        const p = byDomain.get(parent);
        if (!p?.passes) continue;
        if (!stricterThan(merged.policy, p.policy) || comparePolicies(merged.policy, p.policy) === 'same') merged.coveredBy = p.domain;
        break;
      }
    }

    return { domains, byDomain, heldBack, resolved, blockSources: blockSources.length, totalWeight, plan, threshold };
  }
}

/** mergeComments' parts of one comment: split on ", ", trimmed, first occurrence of each. */
function commentParts(comment: string): string[] {
  const parts: string[] = [];
  for (const part of comment.split(', ')) {
    const p = part.trim();
    if (p !== '' && !parts.includes(p)) parts.push(p);
  }
  return parts;
}

/** The merged list as blocks to write out (`writeExport`): passing domains, by domain. */
export function mergedBlocks(result: MergeResult, { includeCovered = true }: { includeCovered?: boolean } = {}): ExportBlock[] {
  return result.domains
    .filter((d) => d.passes && (includeCovered || d.coveredBy === null))
    .map((d) => ({ domain: d.domain, severity: d.policy.severity, rejectMedia: d.policy.rejectMedia, rejectReports: d.policy.rejectReports, obfuscate: d.policy.obfuscate, publicComment: d.publicComment }));
}

/** FediBlockHole's audit file: every domain with its support, passing or not. */
export function mergeAudit(result: MergeResult): Array<{ domain: string; count: number; percent: number }> {
  return result.domains.map((d) => ({ domain: d.domain, count: d.count, percent: Math.round(d.percent * 100) / 100 }));
}
