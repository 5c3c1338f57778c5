import type { CanaryReason } from './canary';
import { detached } from './detached';
import { domainVariants, normalizeDomain } from './domain';
import { DomainTable } from './domain-table';
import type { ExportBlock } from './export';
import { withRoom } from './typed-array';
import { couldBe, domainDigest, publicDomain, visibleShape } from './obfuscation';
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
  /** `domain`'s number in the merge's DomainTable, when the parser shared it. */
  domainId?: number;
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
  /** Number domains through this table (shared with the parser, which then looks each row up once). */
  domains?: DomainTable;
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
/** A slot's source index sits above its policy bits. */
const SRC_SHIFT = 8;
/** Four numbers per slot, side by side: */
const STRIDE = 4;
const AT_SRC_BITS = 0;
const AT_PUB = 1;
const AT_PRIV = 2;
const AT_DOMAIN = 3;

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

/** A merged domain's comments, worked out from its supporters. */
interface DomainComments {
  publicComment: string | null;
  privateComment: string | null;
}

/** How a LazyMergedDomain works out what it is asked for (closures over the finished merge). */
interface LazyParts {
  backing(domain: string): Backing[];
  comments(id: number): DomainComments;
  labels(id: number): string[];
}

/**
 * A merged domain whose per-source records, comments and labels are worked out when first read:
 * a list printed from a large merge reads them for the passing domains only. They are getters on
 * the prototype, so not own properties: `{ ...domain }` and JSON leave them out. (A getter on each
 * object instead would put every one of them in slow dictionary mode.)
 */
class LazyMergedDomain implements MergedDomain {
  #backing: Backing[] | null = null;
  #comments: DomainComments | null = null;
  #labels: string[] | null = null;
  readonly #id: number;
  readonly #parts: LazyParts;
  coveredBy: string | null = null;

  constructor(
    readonly domain: string,
    id: number,
    parts: LazyParts,
    readonly count: number,
    readonly weight: number,
    readonly percent: number,
    readonly passes: boolean,
    readonly excludedBy: string | null,
    readonly policy: MergedPolicy,
  ) {
    this.#id = id;
    this.#parts = parts;
  }

  get backing(): Backing[] {
    return (this.#backing ??= this.#parts.backing(this.domain));
  }

  get publicComment(): string | null {
    return (this.#comments ??= this.#parts.comments(this.#id)).publicComment;
  }

  get privateComment(): string | null {
    return (this.#comments ??= this.#parts.comments(this.#id)).privateComment;
  }

  get labels(): string[] {
    return (this.#labels ??= this.#parts.labels(this.#id));
  }
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
   * Domains by number (#table); #lastSource[number] is 1 + the last source that listed the domain
   * (0: none yet); #listedIds are the listed domains in the order first listed. A slot (one per
   * domain and supporting source, however many rows) is STRIDE numbers in #slots, appended as read:
   * no object per domain or row, so a merge of many large lists stays small and cheap to collect.
   * `finish` groups the slots by domain in one counting sort (sequential reads, no pointer chasing).
   */
  readonly #table: DomainTable;
  readonly #listedIds: number[] = [];
  #lastSource = new Int32Array(FIRST_SLOTS);
  #slotCount = 0;
  #slots = new Int32Array(FIRST_SLOTS * STRIDE);
  /** Comment ids (0: none) index this list. */
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
  #lastId: string | null = null;
  #lastSrc = -1;

  constructor(input: Pick<MergeInput, 'sources' | 'plan' | 'threshold' | 'excludes' | 'knownDomains' | 'domains'>) {
    this.#table = input.domains ?? new DomainTable();
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
    // (A source's entries come together: its number is looked up once per run of them.)
    let src: number | undefined;
    if (sourceId === this.#lastId) src = this.#lastSrc;
    else {
      src = this.#index.get(sourceId);
      if (src !== undefined) {
        this.#lastId = sourceId;
        this.#lastSrc = src;
      }
    }
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
    // At most one lookup per row (none when the parser numbered the domain), then all by number.
    const id = pattern === null && e.domainId !== undefined ? e.domainId : this.#table.id(domain);
    const last = this.#lastSourceOf(id);
    // A source's entries are read together, so a domain it already listed is the last one listed for it.
    if (last === src + 1) return;
    const slot = this.#newSlot(id);
    this.#write(slot, src, e, pattern);
    if (last === 0) this.#listing(id);
    this.#lastSource[id] = src + 1;
  }

  /** 1 + the last source that listed domain `id` (0: none yet). */
  #lastSourceOf(id: number): number {
    this.#lastSource = withRoom(this.#lastSource, Math.max(id, this.#table.size));
    return this.#lastSource[id]!;
  }

  /** Slot by domain × source count + source, over every slot so far (for the rare late digest matches). */
  #slotIndex(): Map<number, number> {
    const index = new Map<number, number>();
    const sources = this.#blockSources.length;
    for (let slot = 0; slot < this.#slotCount; slot += 1) {
      index.set(this.#slots[slot * STRIDE + AT_DOMAIN]! * sources + (this.#slots[slot * STRIDE + AT_SRC_BITS]! >> SRC_SHIFT), slot);
    }
    return index;
  }

  /** Domain `id` is listed for the first time. */
  #listing(id: number) {
    this.#listedIds.push(id);
    this.#names?.push(this.#table.name(id));
  }

  #newSlot(domainId: number): number {
    const slot = this.#slotCount;
    this.#slots = withRoom(this.#slots, (slot + 1) * STRIDE - 1);
    this.#slotCount = slot + 1;
    this.#slots[slot * STRIDE + AT_DOMAIN] = domainId;
    return slot;
  }

  #write(slot: number, src: number, e: MergeEntry, pattern: string | null) {
    const written = SEVERITY_RANK[e.severity];
    const cap = this.#caps[src]!;
    const bits = (written > cap ? cap : written) | (written << WRITTEN_SHIFT) | (e.rejectMedia ? MEDIA : 0) | (e.rejectReports ? REPORTS : 0) | (e.obfuscate ? OBFUSCATE : 0);
    const at = slot * STRIDE;
    this.#slots[at + AT_SRC_BITS] = (src << SRC_SHIFT) | bits;
    this.#slots[at + AT_PUB] = this.#comment(e.publicComment);
    this.#slots[at + AT_PRIV] = this.#comment(e.privateComment);
    if (e.labels) this.#slotLabels.set(slot, [...e.labels]);
    else if (this.#slotLabels.size !== 0) this.#slotLabels.delete(slot);
    if (pattern !== null) this.#slotPatterns.set(slot, pattern);
    else if (this.#slotPatterns.size !== 0) this.#slotPatterns.delete(slot);
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
    if (!this.#names) this.#names = [...(this.#knownDomains ?? []), ...this.#listedIds.map((id) => this.#table.name(id)), ...this.#canaryDomains];
    const index = (this.#byDigest ??= new Map());
    for (; this.#digested < this.#names.length; this.#digested += 1) {
      const name = this.#names[this.#digested]!;
      index.set(domainDigest(name), name);
    }
    return index;
  }

  /**
   * The result. `lazy`: each domain's backing, comments and labels are worked out when first read,
   * and are getters rather than own properties (for a caller that prints the list and reads them
   * for the passing domains only). `candidates: false`: held-back obfuscated names are not matched
   * against the known names (their `candidates` stay empty and no reason becomes `ambiguous`), for
   * a caller that does not show them.
   */
  finish({ lazy = false, candidates = true }: { lazy?: boolean; candidates?: boolean } = {}): MergeResult {
    if (this.#finished) throw new Error('MergeAccumulator: finish called twice');
    this.#finished = true;
    const table = this.#table;
    const listedIds = this.#listedIds;
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
    const late = new Set<number>();
    let bySourceAndDomain: Map<number, number> | null = null;
    for (const d of this.#deferred) {
      const hit = this.#digestLookup().get(d.digest);
      if (!hit || !couldBe(d.pattern, hit)) {
        this.#unmatched.push(d.held);
        continue;
      }
      settled.add(d.held);
      d.resolved = { sourceId: blockSources[d.src]!.id, pattern: d.pattern, domain: hit };
      const id = table.id(hit);
      // The source's slot for the domain, if it listed it: found through an index built only here (rare).
      const slotOf = (bySourceAndDomain ??= this.#slotIndex());
      const key = id * blockSources.length + d.src;
      const at = slotOf.get(key) ?? -1;
      // The source named the domain later in its list (it was read after this entry): this entry, read first, wins.
      // (An earlier entry settled here to the same domain keeps its place.)
      if (at === -1) {
        const slot = this.#newSlot(id);
        this.#write(slot, d.src, d.entry, d.pattern);
        if (this.#lastSourceOf(id) === 0) this.#listing(id);
        this.#lastSource[id] = d.src + 1;
        slotOf.set(key, slot);
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

    if (candidates && this.#unmatched.length) {
      // Every real name of every list is now a key of `listed` or a canary's. Obfuscation is a pure
      // function of the name, so the candidates that fit a pattern are exactly those whose public
      // form it is: one index, not a scan per entry. Only names of a held pattern's length can fit.
      // (`#names`, once built, has them all and the known ones: those may be a one-pass iterator.)
      // A name fits a pattern only if it shows what the pattern shows at both ends: most names are
      // ruled out by that alone, before their public form is worked out.
      const shapes = new Set(this.#unmatched.map((h) => visibleShape(h.name)));
      const all = new Set<string>(this.#names ?? [...(this.#knownDomains ?? []), ...listedIds.map((id) => table.name(id)), ...this.#canaryDomains]);
      const byPattern = new Map<string, string[]>();
      for (const c of all) {
        const shape = visibleShape(c);
        if (shape !== null && !shapes.has(shape)) continue;
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

    const slots = this.#slots;
    const slotCount = this.#slotCount;
    const lastSource = this.#lastSource;
    const commentList = this.#commentList;
    const givenLabels = this.#slotLabels;
    const patterns = this.#slotPatterns;
    const isListed = (id: number): boolean => id !== -1 && id < lastSource.length && lastSource[id] !== 0;

    // Slots grouped by domain, in the order read (a counting sort): domain `id`'s are
    // grouped[first[id] .. first[id + 1]).
    const first = new Int32Array(table.size + 1);
    for (let slot = 0; slot < slotCount; slot += 1) {
      const at = slots[slot * STRIDE + AT_DOMAIN]! + 1;
      first[at] = first[at]! + 1;
    }
    for (let id = 0; id < table.size; id += 1) first[id + 1] = first[id + 1]! + first[id]!;
    const grouped = new Int32Array(slotCount);
    {
      const next = first.slice(0, table.size);
      for (let slot = 0; slot < slotCount; slot += 1) {
        const id = slots[slot * STRIDE + AT_DOMAIN]!;
        grouped[next[id]!] = slot;
        next[id] = next[id]! + 1;
      }
    }

    // Per comment id, read once: its labels and its ", "-separated parts. Backings of the same
    // comment share its labels array: nothing changes them after the merge.
    const labelsById: Array<string[] | undefined> = [];
    const labelsOfComment = (id: number): string[] => (labelsById[id] ??= id === 0 ? [] : labelsFromComment(commentList[id]));
    const partsById: Array<string[] | undefined> = [];
    const partsOf = (id: number): string[] => (partsById[id] ??= commentParts(commentList[id]!));
    const joinedById: Array<string | null | undefined> = [];
    /** mergeComments over comment ids (0: none): the common single comment is joined once per id. */
    const mergedComment = (ids: Int32Array, n: number): string | null => {
      let first = 0;
      let i = 0;
      for (; i < n; i += 1) {
        if (ids[i] !== 0) {
          first = ids[i]!;
          break;
        }
      }
      if (first === 0) return null;
      let other = false;
      for (let j = i + 1; j < n && !other; j += 1) other = ids[j] !== 0 && ids[j] !== first;
      if (!other) {
        let joined = joinedById[first];
        if (joined === undefined) {
          const own = partsOf(first);
          joinedById[first] = joined = own.length ? own.join(', ') : null;
        }
        return joined;
      }
      const parts = [...partsOf(first)];
      for (let j = i + 1; j < n; j += 1) {
        if (ids[j] === 0 || ids[j] === first) continue;
        for (const p of partsOf(ids[j]!)) if (!parts.includes(p)) parts.push(p);
      }
      return parts.length ? parts.join(', ') : null;
    };
    // A slot's labels: given with the entry, or read from its public comment (shared per comment).
    const slotLabels = (slot: number): readonly string[] => (givenLabels.size !== 0 ? givenLabels.get(slot) : undefined) ?? labelsOfComment(slots[slot * STRIDE + AT_PUB]!);

    // Each domain's nearest listed parent (-1: none), found once: supporters, coverage and backing walk it.
    const parentOf = new Int32Array(table.size).fill(-1);
    for (const id of listedIds) {
      const domain = table.name(id);
      for (let dot = domain.indexOf('.'); dot !== -1; dot = domain.indexOf('.', dot + 1)) {
        const parent = table.find(domain.slice(dot + 1));
        if (isListed(parent)) {
          parentOf[id] = parent;
          break;
        }
      }
    }

    // A domain's supporters, reused for every domain: the slots in source order (priority, then as
    // given) and, for each, the parent it was listed as (-1: the domain itself). Subdomain coverage:
    // a source that lists a parent (nearest first) backs the domain too; each source counts once.
    const sourceCount = blockSources.length;
    const supporterSlots = new Int32Array(Math.max(1, sourceCount));
    const supporterVia = new Int32Array(Math.max(1, sourceCount));
    const stamp = new Int32Array(Math.max(1, sourceCount)).fill(-1);
    const rankOf = (slot: number): number => order[slots[slot * STRIDE + AT_SRC_BITS]! >> SRC_SHIFT]!;
    let round = 0;
    const gather = (id: number): number => {
      round += 1;
      let n = 0;
      for (let ancestor = id; ancestor !== -1; ancestor = parentOf[ancestor]!) {
        const via = ancestor === id ? -1 : ancestor;
        for (let at = first[ancestor]!, end = first[ancestor + 1]!; at < end; at += 1) {
          const slot = grouped[at]!;
          const src = slots[slot * STRIDE + AT_SRC_BITS]! >> SRC_SHIFT;
          if (stamp[src] === round) continue;
          stamp[src] = round;
          supporterSlots[n] = slot;
          supporterVia[n] = via;
          n += 1;
        }
      }
      // Into source order (priority, then as given): an insertion sort, as the list is short and
      // usually in order already (sources are mostly read in that order).
      for (let i = 1; i < n; i += 1) {
        const slot = supporterSlots[i]!;
        const via = supporterVia[i]!;
        const rank = rankOf(slot);
        let j = i - 1;
        while (j >= 0 && rankOf(supporterSlots[j]!) > rank) {
          supporterSlots[j + 1] = supporterSlots[j]!;
          supporterVia[j + 1] = supporterVia[j]!;
          j -= 1;
        }
        supporterSlots[j + 1] = slot;
        supporterVia[j + 1] = via;
      }
      return n;
    };
    const backingsOf = (domain: string): Backing[] => {
      const n = gather(table.find(domain));
      const out: Backing[] = [];
      for (let i = 0; i < n; i += 1) {
        const slot = supporterSlots[i]!;
        const srcBits = slots[slot * STRIDE + AT_SRC_BITS]!;
        const src = srcBits >> SRC_SHIFT;
        const source = blockSources[src]!;
        const severity = SEVERITY_BY_RANK[srcBits & 3]!;
        const written = SEVERITY_BY_RANK[(srcBits >> WRITTEN_SHIFT) & 3]!;
        const parent = supporterVia[i] === -1 ? null : table.name(supporterVia[i]!);
        const pattern = patterns.get(slot) ?? null;
        out.push({
          sourceId: source.id,
          sourceName: source.name,
          weight: weights[src]!,
          severity,
          cappedFrom: severity === written ? null : written,
          rejectMedia: (srcBits & MEDIA) !== 0,
          rejectReports: (srcBits & REPORTS) !== 0,
          obfuscate: (srcBits & OBFUSCATE) !== 0,
          publicComment: commentList[slots[slot * STRIDE + AT_PUB]!]!,
          privateComment: commentList[slots[slot * STRIDE + AT_PRIV]!]!,
          labels: slotLabels(slot) as string[],
          via: parent !== null ? 'parent' : pattern !== null ? 'digest' : 'listed',
          listedAs: parent ?? pattern ?? domain,
        });
      }
      return out;
    };

    const ownPub = new Int32Array(Math.max(1, sourceCount));
    const ownPriv = new Int32Array(Math.max(1, sourceCount));
    /** Comments of the domain whose `n` supporters were just gathered: its own listings' (not a parent's). */
    const commentsOf = (n: number): DomainComments => {
      let own = 0;
      for (let i = 0; i < n; i += 1) {
        if (supporterVia[i] !== -1) continue;
        const slot = supporterSlots[i]!;
        ownPub[own] = slots[slot * STRIDE + AT_PUB]!;
        ownPriv[own] = slots[slot * STRIDE + AT_PRIV]!;
        own += 1;
      }
      return { publicComment: mergedComment(ownPub, own), privateComment: mergedComment(ownPriv, own) };
    };
    /** Labels of the domain whose `n` supporters were just gathered: the union of theirs, in order. */
    const labelsOf = (n: number): string[] => {
      let labels: string[] = [];
      let lastLabels: readonly string[] | null = null;
      for (let i = 0; i < n; i += 1) {
        const l = slotLabels(supporterSlots[i]!);
        // (Supporters of one comment share its array: a repeat adds nothing.)
        if (l.length === 0 || l === lastLabels) continue;
        lastLabels = l;
        if (labels.length === 0) labels = [...new Set(l)];
        else for (const x of l) if (!labels.includes(x)) labels.push(x);
      }
      return labels;
    };
    const parts: LazyParts = { backing: backingsOf, comments: (id) => commentsOf(gather(id)), labels: (id) => labelsOf(gather(id)) };

    const domains: MergedDomain[] = [];
    const mergedById: MergedDomain[] = new Array<MergedDomain>(table.size);
    // Built in domain order (the result's), so the list needs no sort of its own.
    const sorted = [...listedIds].sort((a, b) => {
      const x = table.name(a);
      const y = table.name(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const policies: MergedPolicy[] = [];
    for (const id of sorted) {
      const domain = table.name(id);
      const n = gather(id);
      let weight = 0;
      let severity = 0;
      let flags = 0;
      for (let i = 0; i < n; i += 1) {
        const srcBits = slots[supporterSlots[i]! * STRIDE + AT_SRC_BITS]!;
        weight += weights[srcBits >> SRC_SHIFT]!;
        const rank = srcBits & 3;
        const f = srcBits & (MEDIA | REPORTS | OBFUSCATE);
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
      }
      const percent = totalWeight > 0 ? (weight / totalWeight) * 100 : 0;
      const excluded = allowed.size === 0 ? null : (domainVariants(domain).find((v) => allowed.has(v)) ?? null);
      // (Twenty-four policies at most: domains of the same policy share one object.)
      const policyKey = (severity << 3) | (flags >> 4);
      const policy = (policies[policyKey] ??= { severity: SEVERITY_BY_RANK[severity]!, rejectMedia: (flags & MEDIA) !== 0, rejectReports: (flags & REPORTS) !== 0, obfuscate: (flags & OBFUSCATE) !== 0 });
      const passes = excluded === null && passesThreshold(n, percent);
      let merged: MergedDomain;
      if (lazy) merged = new LazyMergedDomain(domain, id, parts, n, weight, percent, passes, excluded, policy);
      else {
        const { publicComment, privateComment } = commentsOf(n);
        const labels = labelsOf(n);
        merged = { domain, backing: backingsOf(domain), count: n, weight, percent, passes, excludedBy: excluded, coveredBy: null, policy, publicComment, privateComment, labels };
      }
      domains.push(merged);
      mergedById[id] = merged;
    }

    // A passing domain under a passing parent whose policy already does all it asks is covered by it.
    for (const id of listedIds) {
      const merged = mergedById[id]!;
      if (!merged.passes) continue;
      for (let parent = parentOf[id]!; parent !== -1; parent = parentOf[parent]!) {
        const p = mergedById[parent]!;
        if (!p.passes) continue;
        if (!stricterThan(merged.policy, p.policy) || comparePolicies(merged.policy, p.policy) === 'same') merged.coveredBy = p.domain;
        break;
      }
    }

    // The index by name is built only for a caller that reads it (printing a list never does).
    let byDomain: Map<string, MergedDomain> | null = null;
    return {
      domains,
      get byDomain(): ReadonlyMap<string, MergedDomain> {
        return (byDomain ??= new Map(domains.map((d) => [d.domain, d])));
      },
      heldBack,
      resolved,
      blockSources: blockSources.length,
      totalWeight,
      plan,
      threshold,
    };
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
