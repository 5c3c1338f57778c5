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

/**
 * The sources listing one domain, in the order read: parallel arrays, one slot per supporting
 * source rather than an object per row (a large merge reads hundreds of thousands of rows).
 */
interface Listed {
  /** Block-source indexes. */
  srcs: number[];
  /** Severity and flags (see MEDIA…). */
  bits: number[];
  pub: Array<string | null>;
  priv: Array<string | null>;
  /** Labels given with the entry; null slots (or no array) mean "from the public comment". */
  labels: Array<readonly string[] | null> | null;
  /** The obfuscated pattern, for a slot resolved by its digest. */
  patterns: Array<string | null> | null;
}

/** An obfuscated entry whose digest matched no name read so far: settled once every list is read. */
interface Deferred {
  src: number;
  entry: MergeEntry;
  pattern: string;
  digest: string;
  held: HeldBack;
  resolved: { sourceId: string; pattern: string; domain: string } | null;
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
  readonly #listed = new Map<string, Listed>();
  readonly #heldBack: HeldBack[] = [];
  readonly #resolved: Array<MergeResult['resolved'][number] | Deferred> = [];
  readonly #unmatched: HeldBack[] = [];
  readonly #deferred: Deferred[] = [];
  readonly #canaryDomains: string[] = [];
  /** Every real name read so far (listed or canary) after the known ones: digest candidates. */
  #names: string[] | null = null;
  #byDigest: Map<string, string> | null = null;
  #digested = 0;
  readonly #comments = new Map<string, string>();
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
      this.#heldBack.push({ sourceId: source.id, sourceName: source.name, name: e.domain ?? e.input, kind: 'canary', reason: e.canary, candidates: [], severity: e.severity, publicComment: e.publicComment });
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
        const held: HeldBack = { sourceId: source.id, sourceName: source.name, name: pattern, kind: 'obfuscated', reason: e.digest ? 'no_match' : 'no_digest', candidates: [], severity: e.severity, publicComment: e.publicComment };
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
    const list = this.#listed.get(domain);
    // A source's entries are read together, so a domain it already listed is the last one listed for it.
    if (list && list.srcs[list.srcs.length - 1] === src) return;
    if (list) this.#slot(list, src, e, pattern);
    else {
      const key = detached(domain);
      const fresh: Listed = { srcs: [], bits: [], pub: [], priv: [], labels: null, patterns: null };
      this.#slot(fresh, src, e, pattern);
      this.#listed.set(key, fresh);
      this.#names?.push(key);
    }
  }

  #slot(list: Listed, src: number, e: MergeEntry, pattern: string | null, at = list.srcs.length) {
    const written = SEVERITY_RANK[e.severity];
    const cap = this.#caps[src]!;
    list.srcs[at] = src;
    list.bits[at] = (written > cap ? cap : written) | (written << WRITTEN_SHIFT) | (e.rejectMedia ? MEDIA : 0) | (e.rejectReports ? REPORTS : 0) | (e.obfuscate ? OBFUSCATE : 0);
    list.pub[at] = this.#comment(e.publicComment);
    list.priv[at] = this.#comment(e.privateComment);
    if (e.labels || list.labels) {
      list.labels ??= [];
      while (list.labels.length < at) list.labels.push(null);
      list.labels[at] = e.labels ? [...e.labels] : null;
    }
    if (pattern !== null || list.patterns) {
      list.patterns ??= [];
      while (list.patterns.length < at) list.patterns.push(null);
      list.patterns[at] = pattern;
    }
  }

  /** Lists repeat the same few comments: one detached copy of each. */
  #comment(comment: string | null): string | null {
    if (!comment) return comment;
    let kept = this.#comments.get(comment);
    if (kept === undefined) this.#comments.set((kept = detached(comment)), kept);
    return kept;
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
      let list = listed.get(hit);
      if (!list) listed.set(hit, (list = { srcs: [], bits: [], pub: [], priv: [], labels: null, patterns: null }));
      const at = list.srcs.indexOf(d.src);
      // The source named the domain later in its list (it was read after this entry): this entry, read first, wins.
      // (An earlier entry settled here to the same domain keeps its place.)
      const key = `${d.src} ${hit}`;
      if (at === -1) this.#slot(list, d.src, d.entry, d.pattern);
      else if (!late.has(key)) this.#slot(list, d.src, d.entry, d.pattern, at);
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
    const mergedComment = (comments: ReadonlyArray<string | null>, slots: readonly number[]): string | null => {
      let parts: string[] | null = null;
      for (const i of slots) {
        const comment = comments[i];
        if (!comment) continue;
        const own = partsOf(comment);
        if (parts === null) parts = slots.length === 1 ? own : [...own];
        else for (const p of own) if (!parts.includes(p)) parts.push(p);
      }
      return parts?.length ? parts.join(', ') : null;
    };

    const backingOf = (list: Listed, i: number, parent: string | null, domain: string, labels: readonly string[]): Backing => {
      const src = list.srcs[i]!;
      const bits = list.bits[i]!;
      const source = blockSources[src]!;
      const severity = SEVERITY_BY_RANK[bits & 3]!;
      const written = SEVERITY_BY_RANK[(bits >> WRITTEN_SHIFT) & 3]!;
      const pattern = list.patterns?.[i] ?? null;
      return {
        sourceId: source.id,
        sourceName: source.name,
        weight: weights[src]!,
        severity,
        cappedFrom: severity === written ? null : written,
        rejectMedia: (bits & MEDIA) !== 0,
        rejectReports: (bits & REPORTS) !== 0,
        obfuscate: (bits & OBFUSCATE) !== 0,
        publicComment: list.pub[i]!,
        privateComment: list.priv[i]!,
        labels: labels as string[],
        via: parent !== null ? 'parent' : pattern !== null ? 'digest' : 'listed',
        listedAs: parent ?? pattern ?? domain,
      };
    };
    // A slot's labels: given with the entry, or read from its public comment (shared per comment).
    const slotLabels = (list: Listed, i: number): readonly string[] => list.labels?.[i] ?? labelsOf(list.pub[i]!);

    const domains: MergedDomain[] = [];
    const byDomain = new Map<string, MergedDomain>();
    for (const [domain, direct] of listed) {
      const variants = domainVariants(domain);
      // Subdomain coverage: a source that lists a parent (nearest first) backs this domain too.
      // Supporters as (list, slot, parent) triples; each source at most once.
      let lists: Listed[] | null = null;
      let slots: number[] | null = null;
      let parents: string[] | null = null;
      for (let v = 1; v < variants.length; v += 1) {
        const parent = variants[v]!;
        const p = listed.get(parent);
        if (!p) continue;
        for (let j = 0; j < p.srcs.length; j += 1) {
          const src = p.srcs[j]!;
          if (direct.srcs.includes(src)) continue;
          if (lists === null) {
            lists = [];
            slots = [];
            parents = [];
          } else if (lists.some((l, k) => l.srcs[slots![k]!] === src)) continue;
          lists.push(p);
          slots!.push(j);
          parents!.push(parent);
        }
      }
      // Supporters in source order (priority, then as given); direct ones first in a tie never happens (one slot per source).
      const n = direct.srcs.length + (lists?.length ?? 0);
      const sup: number[] = new Array<number>(n);
      for (let i = 0; i < n; i += 1) sup[i] = i;
      const srcOf = (k: number): number => (k < direct.srcs.length ? direct.srcs[k]! : lists![k - direct.srcs.length]!.srcs[slots![k - direct.srcs.length]!]!);
      let sorted = true;
      for (let i = 1; i < n && sorted; i += 1) sorted = order[srcOf(i - 1)]! <= order[srcOf(i)]!;
      if (!sorted) sup.sort((a, b) => order[srcOf(a)]! - order[srcOf(b)]!);
      const listOf = (k: number): Listed => (k < direct.srcs.length ? direct : lists![k - direct.srcs.length]!);
      const slotOf = (k: number): number => (k < direct.srcs.length ? k : slots![k - direct.srcs.length]!);

      let weight = 0;
      let severity = 0;
      let flags = 0;
      const own: number[] = [];
      let labels: string[] = [];
      for (let i = 0; i < n; i += 1) {
        const k = sup[i]!;
        const list = listOf(k);
        const slot = slotOf(k);
        const bits = list.bits[slot]!;
        weight += weights[list.srcs[slot]!]!;
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
        if (k < direct.srcs.length) own.push(k);
        // The union of the supporters' labels, in order (most supporters share a few label arrays).
        const l = slotLabels(list, slot);
        if (l.length === 0) continue;
        if (labels.length === 0) labels = [...new Set(l)];
        else for (const x of l) if (!labels.includes(x)) labels.push(x);
      }
      const percent = totalWeight > 0 ? (weight / totalWeight) * 100 : 0;
      const excluded = allowed.size === 0 ? null : (variants.find((v) => allowed.has(v)) ?? null);
      const policy: MergedPolicy = { severity: SEVERITY_BY_RANK[severity]!, rejectMedia: (flags & MEDIA) !== 0, rejectReports: (flags & REPORTS) !== 0, obfuscate: (flags & OBFUSCATE) !== 0 };
      const build = (): Backing[] => sup.map((k) => backingOf(listOf(k), slotOf(k), k < direct.srcs.length ? null : parents![k - direct.srcs.length]!, domain, slotLabels(listOf(k), slotOf(k))));
      const fields = {
        count: n,
        weight,
        percent,
        passes: excluded === null && passesThreshold(n, percent),
        excludedBy: excluded,
        coveredBy: null,
        policy,
        publicComment: mergedComment(direct.pub, own),
        privateComment: mergedComment(direct.priv, own),
        labels,
      };
      let merged: MergedDomain;
      if (lazyBacking) {
        // The per-source records only when someone reads them (the CLI's --json, for passing domains).
        let backing: Backing[] | null = null;
        merged = {
          domain,
          get backing(): Backing[] {
            return (backing ??= build());
          },
          ...fields,
        };
      } else merged = { domain, backing: build(), ...fields };
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

    domains.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
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
