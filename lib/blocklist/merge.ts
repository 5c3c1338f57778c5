import type { CanaryReason } from './canary';
import { domainVariants, normalizeDomain } from './domain';
import type { ExportBlock } from './export';
import { couldBe, digestIndex, publicDomain } from './obfuscation';
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

/**
 * The sources listing one domain, in the order read: parallel arrays, one slot per domain rather
 * than a wrapper object per source row (a large merge reads hundreds of thousands of rows).
 */
interface Listed {
  sources: MergeSource[];
  orders: number[];
  backing: Backing[];
}

export function mergeBlocklists(input: MergeInput): MergeResult {
  const plan = input.plan ?? 'max';
  const threshold = input.threshold ?? { type: 'count', value: 0 };
  const blockSources = input.sources.filter((s) => (s.role ?? 'block') === 'block');
  const allowSources = input.sources.filter((s) => s.role === 'allow');
  // Source order decides comment order: priority first, then the order given (FediBlockHole: config order).
  const order = new Map(
    [...blockSources]
      .map((s, i) => ({ s, i }))
      .sort((a, b) => (b.s.priority ?? 0) - (a.s.priority ?? 0) || a.i - b.i)
      .map(({ s }, i) => [s.id, i]),
  );
  const totalWeight = blockSources.reduce((sum, s) => sum + weightOf(s), 0);

  const allowed = new Set<string>();
  for (const d of input.excludes ?? []) {
    const n = normalizeDomain(d);
    if (n.ok) allowed.add(n.ascii);
  }
  for (const source of allowSources) for (const e of entriesOf(input.entries, source.id)) if (e.domain) allowed.add(e.domain);

  // Candidates for obfuscated names: what the instance knows plus every real name in any list.
  // Built on the first obfuscated entry only: most merges have none, and this is every row again.
  let candidateSet: Set<string> | null = null;
  const candidates = (): Set<string> => {
    if (!candidateSet) {
      candidateSet = new Set<string>(input.knownDomains ?? []);
      for (const source of blockSources) for (const e of entriesOf(input.entries, source.id)) if (e.domain) candidateSet.add(e.domain);
    }
    return candidateSet;
  };
  // Lists repeat the same few comments thousands of times: read each comment's labels once.
  const labelCache = new Map<string, string[]>();
  // Backings of the same comment share its labels array, as a parent's backing copied to its
  // subdomains always has: nothing changes a backing's labels after the merge builds them.
  const labelsOf = (comment: string | null): string[] => {
    if (!comment) return [];
    let labels = labelCache.get(comment);
    if (!labels) labelCache.set(comment, (labels = labelsFromComment(comment)));
    return labels;
  };
  let byDigest: Map<string, string> | null = null;

  const heldBack: HeldBack[] = [];
  const resolved: MergeResult['resolved'] = [];
  const listed = new Map<string, Listed>();
  const unmatched: HeldBack[] = [];
  const canaryDomains: string[] = [];

  for (const source of blockSources) {
    const max = source.maxSeverity ?? 'suspend';
    const weight = weightOf(source);
    const sourceOrder = order.get(source.id) ?? 0;
    for (const e of entriesOf(input.entries, source.id)) {
      if (e.canary) {
        if (e.domain) canaryDomains.push(e.domain);
        heldBack.push({ sourceId: source.id, sourceName: source.name, name: e.domain ?? e.input, kind: 'canary', reason: e.canary, candidates: [], severity: e.severity, publicComment: e.publicComment });
        continue;
      }
      let domain = e.domain;
      let via: Backing['via'] = 'listed';
      if (domain === null) {
        if (!e.obfuscated) continue;
        const pattern = e.input.toLowerCase();
        const hit = e.digest ? (byDigest ??= digestIndex(candidates())).get(e.digest.toLowerCase()) : undefined;
        if (hit && couldBe(pattern, hit)) {
          domain = hit;
          via = 'digest';
          resolved.push({ sourceId: source.id, pattern, domain: hit });
        } else {
          // Which known names fit the pattern is settled once every list is read (below).
          const held: HeldBack = { sourceId: source.id, sourceName: source.name, name: pattern, kind: 'obfuscated', reason: e.digest ? 'no_match' : 'no_digest', candidates: [], severity: e.severity, publicComment: e.publicComment };
          heldBack.push(held);
          unmatched.push(held);
          continue;
        }
      }
      // A source's entries are read together, so a domain it already listed is the last one listed for it.
      const list = listed.get(domain);
      if (list && list.sources[list.sources.length - 1] === source) continue;
      const severity = capSeverity(e.severity, max);
      const backing: Backing = {
        sourceId: source.id,
        sourceName: source.name,
        weight,
        severity,
        cappedFrom: severity === e.severity ? null : e.severity,
        rejectMedia: e.rejectMedia,
        rejectReports: e.rejectReports,
        obfuscate: e.obfuscate,
        publicComment: e.publicComment,
        privateComment: e.privateComment,
        labels: e.labels ? [...e.labels] : labelsOf(e.publicComment),
        via,
        listedAs: via === 'digest' ? e.input.toLowerCase() : domain,
      };
      if (list) {
        list.sources.push(source);
        list.orders.push(sourceOrder);
        list.backing.push(backing);
      } else listed.set(domain, { sources: [source], orders: [sourceOrder], backing: [backing] });
    }
  }

  if (unmatched.length) {
    // Every real name of every list is now a key of `listed` or a canary's: the candidates without
    // a second pass over the rows. Obfuscation is a pure function of the name, so the candidates
    // that fit a pattern are exactly those whose public form it is: one index, not a scan per entry.
    const all = candidateSet ?? new Set<string>([...(input.knownDomains ?? []), ...listed.keys(), ...canaryDomains]);
    const byPattern = new Map<string, string[]>();
    for (const c of all) {
      const key = publicDomain(c);
      const list = byPattern.get(key);
      if (list) list.push(c);
      else byPattern.set(key, [c]);
    }
    // Lists repeat patterns (and real names collide: same length, same ends): sort each once.
    const fitting = new Map<string, string[]>();
    for (const held of unmatched) {
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

  // A lone comment is only tidied (mergeComments of one); lists repeat the same few thousands of times.
  const tidied = new Map<string, string | null>();
  const oneComment = (comment: string | null): string | null => {
    if (!comment) return null;
    let value = tidied.get(comment);
    if (value === undefined) tidied.set(comment, (value = mergeComments([comment])));
    return value;
  };

  // Comments are split into their parts once per distinct comment, not once per supporter.
  const partsCache = new Map<string, string[]>();
  const mergedComment = (backing: readonly Backing[], field: 'publicComment' | 'privateComment'): string | null => {
    if (backing.length === 1) return oneComment(backing[0]![field]);
    let parts: string[] | null = null;
    for (const b of backing) {
      const comment = b[field];
      if (!comment) continue;
      let own = partsCache.get(comment);
      if (!own) partsCache.set(comment, (own = commentParts(comment)));
      if (parts === null) parts = [...own];
      else for (const p of own) if (!parts.includes(p)) parts.push(p);
    }
    return parts?.length ? parts.join(', ') : null;
  };

  const domains: MergedDomain[] = [];
  const byDomain = new Map<string, MergedDomain>();
  for (const [domain, direct] of listed) {
    const variants = domainVariants(domain);
    // Subdomain coverage: a source that lists a parent (nearest first) backs this domain too.
    // (Each source is in `direct` at most once; copied only when a parent adds supporters.)
    let all = direct;
    for (let v = 1; v < variants.length; v += 1) {
      const parent = variants[v]!;
      const p = listed.get(parent);
      if (!p) continue;
      for (let j = 0; j < p.sources.length; j += 1) {
        const id = p.sources[j]!.id;
        if (all.sources.some((x) => x.id === id)) continue;
        if (all === direct) all = { sources: [...direct.sources], orders: [...direct.orders], backing: [...direct.backing] };
        all.sources.push(p.sources[j]!);
        all.orders.push(p.orders[j]!);
        all.backing.push({ ...p.backing[j]!, via: 'parent', listedAs: parent });
      }
    }
    const backing = inOrder(all);
    let weight = 0;
    for (const b of backing) weight += b.weight;
    const percent = totalWeight > 0 ? (weight / totalWeight) * 100 : 0;
    const excluded = allowed.size === 0 ? null : (variants.find((v) => allowed.has(v)) ?? null);
    const policy = combine(backing, plan);
    // Without parents' supporters every backing is the domain's own (the common case).
    const own = all === direct ? backing : backing.filter((b) => b.via !== 'parent');
    // The union of the supporters' labels, in order (most backings share a few label arrays).
    let labels: string[] = [];
    for (const b of backing) {
      if (b.labels.length === 0) continue;
      if (labels.length === 0) labels = [...new Set(b.labels)];
      else for (const l of b.labels) if (!labels.includes(l)) labels.push(l);
    }
    const merged: MergedDomain = {
      domain,
      backing,
      count: backing.length,
      weight,
      percent,
      passes: excluded === null && passesThreshold(backing.length, percent),
      excludedBy: excluded,
      coveredBy: null,
      policy,
      publicComment: mergedComment(own, 'publicComment'),
      privateComment: mergedComment(own, 'privateComment'),
      labels,
    };
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

/** A domain's backings by source order (priority, then as given): a stable sort, when needed. */
function inOrder(listed: Listed): Backing[] {
  const { orders, backing } = listed;
  let sorted = true;
  for (let i = 1; i < orders.length && sorted; i += 1) sorted = orders[i - 1]! <= orders[i]!;
  if (sorted) return backing;
  return orders
    .map((order, i) => ({ order, i }))
    .sort((a, b) => a.order - b.order || a.i - b.i)
    .map(({ i }) => backing[i]!);
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

/** FediBlockHole's apply_mergeplan over every supporter. */
function combine(backing: readonly Backing[], plan: MergePlan): MergedPolicy {
  const first = backing[0]!;
  let severity = first.severity;
  let rejectMedia = first.rejectMedia;
  let rejectReports = first.rejectReports;
  let obfuscate = first.obfuscate;
  for (let i = 1; i < backing.length; i += 1) {
    const b = backing[i]!;
    if (plan === 'max') {
      if (SEVERITY_RANK[b.severity] > SEVERITY_RANK[severity]) severity = b.severity;
      rejectMedia ||= b.rejectMedia;
      rejectReports ||= b.rejectReports;
      obfuscate ||= b.obfuscate;
    } else {
      if (SEVERITY_RANK[b.severity] < SEVERITY_RANK[severity]) severity = b.severity;
      rejectMedia &&= b.rejectMedia;
      rejectReports &&= b.rejectReports;
      obfuscate &&= b.obfuscate;
    }
  }
  return { severity, rejectMedia, rejectReports, obfuscate };
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
