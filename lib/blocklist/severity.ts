/**
 * Domain-block severities and Mastodon's rules for comparing blocks (app/models/domain_block.rb).
 * The stored integers (silence 0, suspend 1, noop 2) are NOT in strictness order: always compare
 * through SEVERITY_RANK, never through the database value.
 */
export const SEVERITIES = ['noop', 'silence', 'suspend'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** `domain_blocks.severity` as Mastodon stores it. */
export const SEVERITY_DB: Readonly<Record<Severity, number>> = { silence: 0, suspend: 1, noop: 2 };

/** Strictness: noop < silence < suspend. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { noop: 0, silence: 1, suspend: 2 };

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/**
 * Reads the integer column. NULL is what Rails would read as "no severity" — Mastodon always
 * writes one, and its column default is 0 (silence), so NULL is treated as silence.
 */
export function severityFromDb(value: number | null): Severity {
  switch (value) {
    case 1:
      return 'suspend';
    case 2:
      return 'noop';
    default:
      return 'silence';
  }
}

export function severityToDb(severity: Severity): number {
  return SEVERITY_DB[severity];
}

/** Negative when `a` is less strict than `b`. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return compareSeverity(a, b) >= 0 ? a : b;
}

/**
 * Accepts the spellings found in real lists: Mastodon's enum names in any case, and the UI words
 * "limit" (silence) and "none" (noop). Returns null for anything else.
 */
export function parseSeverity(value: string): Severity | null {
  if (value === 'suspend' || value === 'silence' || value === 'noop') return value;
  const v = value.trim().toLowerCase();
  if (v === 'silence' || v === 'limit' || v === 'silenced' || v === 'limited') return 'silence';
  if (v === 'suspend' || v === 'suspended') return 'suspend';
  if (v === 'noop' || v === 'none') return 'noop';
  return null;
}

/** What a domain block does, independent of comments and obfuscation. */
export interface BlockPolicy {
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
}

/**
 * Mastodon's `DomainBlock#stricter_than?`: may `candidate` be created although `existing` (the same
 * domain or a parent domain) is already blocked? A suspend always may; nothing weaker than an
 * existing suspend may; noop may not sit under silence; otherwise the candidate must not switch off
 * reject_media or reject_reports that the existing block has.
 */
export function stricterThan(candidate: BlockPolicy, existing: BlockPolicy): boolean {
  if (candidate.severity === 'suspend') return true;
  if (existing.severity === 'suspend') return false;
  if (existing.severity === 'silence' && candidate.severity === 'noop') return false;
  return (candidate.rejectMedia || !existing.rejectMedia) && (candidate.rejectReports || !existing.rejectReports);
}

/** Mastodon's `DomainBlock#policies`: a suspend makes the flags irrelevant. */
export function effectivePolicies(policy: BlockPolicy): Array<'suspend' | 'silence' | 'reject_media' | 'reject_reports'> {
  if (policy.severity === 'suspend') return ['suspend'];
  const out: Array<'silence' | 'reject_media' | 'reject_reports'> = [];
  if (policy.severity === 'silence') out.push('silence');
  if (policy.rejectMedia) out.push('reject_media');
  if (policy.rejectReports) out.push('reject_reports');
  return out;
}

export type PolicyChange = 'same' | 'escalate' | 'downgrade' | 'mixed';

/**
 * How `next` differs from `current` in effect: stricter in every respect (escalate), weaker in
 * every respect (downgrade), or stricter in one and weaker in another (mixed). Flags do not count
 * under a suspend, which already implies them.
 */
export function comparePolicies(next: BlockPolicy, current: BlockPolicy): PolicyChange {
  const a = effectivePolicies(next);
  const b = effectivePolicies(current);
  const rank = compareSeverity(next.severity, current.severity);
  if (next.severity === 'suspend' || current.severity === 'suspend') {
    return rank > 0 ? 'escalate' : rank < 0 ? 'downgrade' : 'same';
  }
  let stricter = rank > 0;
  let weaker = rank < 0;
  for (const flag of ['reject_media', 'reject_reports'] as const) {
    if (a.includes(flag) && !b.includes(flag)) stricter = true;
    if (!a.includes(flag) && b.includes(flag)) weaker = true;
  }
  if (stricter && weaker) return 'mixed';
  if (stricter) return 'escalate';
  if (weaker) return 'downgrade';
  return 'same';
}

/**
 * Blocks that Mastodon's CSV export includes (`DomainBlock.with_limitations`): silence or suspend,
 * or any block that rejects media. A noop that only rejects reports is not exported.
 */
export function hasLimitations(policy: BlockPolicy): boolean {
  return policy.severity !== 'noop' || policy.rejectMedia;
}
