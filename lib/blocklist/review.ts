import { domainVariants, ruleFor } from './domain';
import type { BlocklistRow } from './parse';
import { comparePolicies, stricterThan, type BlockPolicy, type PolicyChange } from './severity';

/** A block already in force, as far as a merge needs to know it. */
export interface ExistingBlock extends BlockPolicy {
  id: string;
  domain: string;
}

export type ReviewStatus = 'new' | 'covered' | 'escalate' | 'downgrade' | 'invalid' | 'obfuscated' | 'duplicate';

/** What applying a ticked row does: create a block, update the block on the same domain, or nothing. */
export type ReviewAction = 'create' | 'update' | 'none';

export interface ReviewRow {
  row: BlocklistRow;
  status: ReviewStatus;
  action: ReviewAction;
  /** The block that applies to this domain now (same domain or the most specific parent). */
  existing: ExistingBlock | null;
  /** The existing block is on a parent domain, not this one. */
  viaParent: boolean;
  /** A row earlier in this file (a parent domain) that makes this one redundant or refused. */
  coveredByLine: number | null;
  /** How the row's policy compares with `existing`'s. */
  change: PolicyChange | null;
  /** Ticked when the review opens. */
  selected: boolean;
  /** Why it is not ticked although it could be applied. */
  caution: 'canary' | 'downgrade' | 'follows' | null;
}

export interface ReviewOptions {
  /**
   * Local follow relationships with the domain and its subdomains. Like Mastodon's import, a
   * suspension that would sever them starts unticked.
   */
  follows?: (domain: string) => number;
}

function policyOf(row: BlocklistRow): BlockPolicy {
  return { severity: row.severity, rejectMedia: row.rejectMedia, rejectReports: row.rejectReports };
}

/** Every domain (and parent) the rows mention: what to look up among existing blocks. */
export function lookupDomains(rows: readonly BlocklistRow[]): string[] {
  const all = new Set<string>();
  for (const row of rows) if (row.domain) for (const v of domainVariants(row.domain)) all.add(v);
  return [...all];
}

/**
 * Classifies each parsed row against the blocks in force, the way Mastodon decides (rule_for +
 * stricter_than?), but says more than Mastodon's import: instead of silently skipping covered
 * domains it tells which block covers them, and it offers escalations (update in place or a
 * stricter subdomain block) and downgrades (unticked) explicitly.
 *
 * Rows of the same file interact: a parent-domain row that will be created makes a weaker
 * subdomain row redundant, exactly as it would when the rows are applied one after another.
 */
export function reviewImport(rows: readonly BlocklistRow[], existing: (domain: string) => ExistingBlock | undefined, options: ReviewOptions = {}): ReviewRow[] {
  const out: ReviewRow[] = rows.map((row) => classify(row, existing, options));

  // Rows that will create or raise a block (ticked from the start) act as parents for the rest.
  const planned = new Map<string, { policy: BlockPolicy; line: number }>();
  for (const r of out) {
    if (r.row.domain && r.selected && (r.action === 'create' || r.action === 'update')) planned.set(r.row.domain, { policy: policyOf(r.row), line: r.row.line });
  }
  for (const r of out) {
    if (!r.row.domain || r.action === 'none') continue;
    const parents = domainVariants(r.row.domain).slice(1);
    const parent = parents.map((d) => planned.get(d)).find(Boolean);
    if (!parent) continue;
    // The nearest planned parent must not already be weaker than what exists (then it is no parent).
    if (r.existing && !r.viaParent) continue;
    if (!stricterThan(policyOf(r.row), parent.policy) || comparePolicies(policyOf(r.row), parent.policy) === 'same') {
      r.status = 'covered';
      r.action = 'none';
      r.coveredByLine = parent.line;
      r.selected = false;
      r.caution = null;
    }
  }
  return out;
}

function classify(row: BlocklistRow, lookup: (domain: string) => ExistingBlock | undefined, options: ReviewOptions): ReviewRow {
  const base = { row, existing: null, viaParent: false, coveredByLine: null, change: null, selected: false, caution: null } as const;
  if (row.invalid) return { ...base, status: 'invalid', action: 'none' };
  if (row.obfuscated || !row.domain) return { ...base, status: 'obfuscated', action: 'none' };
  if (row.duplicateOfLine !== null) return { ...base, status: 'duplicate', action: 'none' };

  const existing = ruleFor(row.domain, lookup);
  const policy = policyOf(row);
  const follows = options.follows?.(row.domain) ?? 0;
  const pick = (status: ReviewStatus, action: ReviewAction, change: PolicyChange | null, viaParent: boolean): ReviewRow => {
    let caution: ReviewRow['caution'] = null;
    if (row.canary) caution = 'canary';
    else if (status === 'downgrade') caution = 'downgrade';
    else if (action !== 'none' && row.severity === 'suspend' && follows > 0) caution = 'follows';
    return { ...base, existing: existing ?? null, viaParent, status, action, change, selected: action !== 'none' && caution === null, caution };
  };

  if (!existing) return pick('new', 'create', null, false);
  const change = comparePolicies(policy, existing);
  if (existing.domain === row.domain) {
    if (change === 'same') return pick('covered', 'none', change, false);
    if (change === 'escalate') return pick('escalate', 'update', change, false);
    return pick('downgrade', 'update', change, false);
  }
  // A parent domain is blocked: a subdomain block is only allowed when stricter (Mastodon's rule),
  // and only worth creating when it actually adds something.
  if (stricterThan(policy, existing) && change !== 'same') return pick('escalate', 'create', change, true);
  return pick('covered', 'none', change, true);
}

export interface ReviewSummary {
  total: number;
  byStatus: Record<ReviewStatus, number>;
  canaries: number;
  selected: number;
}

export function summarizeReview(rows: readonly ReviewRow[]): ReviewSummary {
  const byStatus: Record<ReviewStatus, number> = { new: 0, covered: 0, escalate: 0, downgrade: 0, invalid: 0, obfuscated: 0, duplicate: 0 };
  let canaries = 0;
  let selected = 0;
  for (const r of rows) {
    byStatus[r.status] += 1;
    if (r.row.canary) canaries += 1;
    if (r.selected) selected += 1;
  }
  return { total: rows.length, byStatus, canaries, selected };
}
