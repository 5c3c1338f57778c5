import { createHash } from 'node:crypto';
import { domainVariants, ruleFor } from './domain';
import { isProtectedLabel, type Backing, type MergedPolicy, type MergeResult } from './merge';
import { comparePolicies, hasLimitations, SEVERITY_RANK, stricterThan } from './severity';

/**
 * From a merge to a review queue: what to add, raise, lower or lift among the blocks Mastodon has,
 * with the safety rails the issue asks for. Pure; the worker and the console feed it the database.
 *
 * Rules (Mastodon's moderation-subscription vocabulary: add / escalate / downgrade / retract):
 * - Subscriptions may add blocks and raise any block, but they lower or lift only blocks they
 *   created themselves (provenance `subscription`); a hand-made block is never downgraded or
 *   retracted by a list. For a hand-made block, a consensus that is stricter in one respect and
 *   milder in another proposes only the stricter part.
 * - A retraction is proposed only when no enabled source recommends the domain any more (at any
 *   support, not just above the threshold), or when the moderators excluded it.
 * - A suspension that would sever local follow relationships is held at limit (silence) unless a
 *   moderator overrides it (Mastodon's `preserve_relationships`).
 * - A subdomain already covered by a parent block (or by a parent recommendation at least as
 *   strict) is not proposed: Mastodon would refuse it.
 * - Downgrades are never applied automatically, nor retractions of entries labelled as child abuse
 *   or non-consensual imagery, nor anything when a run would change more blocks than allowed.
 */
export type SuggestionAction = 'add' | 'escalate' | 'downgrade' | 'retract';
export const SUGGESTION_ACTIONS: readonly SuggestionAction[] = ['add', 'escalate', 'downgrade', 'retract'];

/** A block in force (Mastodon's domain_blocks row). */
export interface CurrentBlock extends MergedPolicy {
  id: string;
  domain: string;
  publicComment: string | null;
  privateComment: string | null;
}

/** What Palisade recorded when it applied a block. */
export interface BlockProvenance {
  blockId: string;
  domain: string;
  /** `subscription`: the block was created from a suggestion; `manual`: it existed and was only raised. */
  origin: 'subscription' | 'manual';
  sourceIds: string[];
  labels: string[];
}

export interface SuggestionSource {
  id: string;
  name: string;
  autoApply: boolean;
  autoRetract: boolean;
}

export interface DomainImpact {
  /** Accounts on the domain and its subdomains. */
  accounts: number;
  /** Follow relationships between local accounts and those accounts, both directions. */
  localFollows: number;
}

export type SuggestionReason = 'consensus' | 'retracted' | 'unbacked' | 'excluded';

export type AutoBlocker = 'no_auto_source' | 'follows' | 'parent_block' | 'downgrade' | 'protected_label' | 'excluded' | 'unbacked' | 'no_auto_retract';

export interface PlannedSuggestion {
  domain: string;
  action: SuggestionAction;
  reason: SuggestionReason;
  /** What the sources' consensus asks for; null for a retraction. */
  policy: MergedPolicy | null;
  /** Applied unless a moderator overrides: the policy held at limit because of local follows. */
  heldPolicy: MergedPolicy | null;
  /** The held policy changes nothing (the block is already a limit): only an override applies it. */
  heldIsNoop: boolean;
  existing: CurrentBlock | null;
  /** A block on a parent domain that applies now (Mastodon's rule_for). */
  parent: CurrentBlock | null;
  backing: Backing[];
  count: number;
  percent: number;
  publicComment: string | null;
  labels: string[];
  /** For retractions: the subscribed sources that listed it when it was applied and no longer do. */
  retractedBy: string[];
  impact: DomainImpact | null;
  /** Changes when the sources change their mind; a dismissal holds only for the same fingerprint. */
  fingerprint: string;
  auto: { eligible: boolean; blocker: AutoBlocker | null };
}

export interface PlanInput {
  merge: MergeResult;
  /** Blocks in force by exact domain. */
  blocks: ReadonlyMap<string, CurrentBlock>;
  /** Provenance by domain. */
  provenance: ReadonlyMap<string, BlockProvenance>;
  /** The enabled sources (allow sources included or not; only ids matter). */
  sources: readonly SuggestionSource[];
  impact?: ReadonlyMap<string, DomainImpact>;
  /** Hold suspensions of followed domains at limit. Default true. */
  preserveRelationships?: boolean;
}

function policyOf(b: CurrentBlock): MergedPolicy {
  return { severity: b.severity, rejectMedia: b.rejectMedia, rejectReports: b.rejectReports, obfuscate: b.obfuscate };
}

function strictest(a: MergedPolicy, b: MergedPolicy): MergedPolicy {
  return {
    severity: SEVERITY_RANK[a.severity] >= SEVERITY_RANK[b.severity] ? a.severity : b.severity,
    rejectMedia: a.rejectMedia || b.rejectMedia,
    rejectReports: a.rejectReports || b.rejectReports,
    obfuscate: a.obfuscate || b.obfuscate,
  };
}

function recommends(b: Backing): boolean {
  return hasLimitations(b) || b.rejectReports;
}

export function suggestionFingerprint(s: Pick<PlannedSuggestion, 'domain' | 'action' | 'reason' | 'policy' | 'backing' | 'retractedBy'>): string {
  const policy = s.policy ? [s.policy.severity, s.policy.rejectMedia, s.policy.rejectReports] : null;
  const backing = [...s.backing].sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1)).map((b) => [b.sourceId, b.severity, b.rejectMedia, b.rejectReports]);
  return createHash('sha256')
    .update(JSON.stringify([s.domain, s.action, s.reason, policy, backing, [...s.retractedBy].sort()]))
    .digest('hex')
    .slice(0, 32);
}

export function planSuggestions(input: PlanInput): PlannedSuggestion[] {
  const preserve = input.preserveRelationships ?? true;
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const out: PlannedSuggestion[] = [];

  const finish = (draft: Omit<PlannedSuggestion, 'fingerprint' | 'auto' | 'heldPolicy' | 'heldIsNoop' | 'impact'>): PlannedSuggestion => {
    const impact = input.impact?.get(draft.domain) ?? null;
    let heldPolicy: MergedPolicy | null = null;
    let heldIsNoop = false;
    if (preserve && draft.policy?.severity === 'suspend' && (impact?.localFollows ?? 0) > 0) {
      heldPolicy = { ...draft.policy, severity: 'silence' };
      heldIsNoop = draft.existing !== null && comparePolicies(heldPolicy, draft.existing) === 'same';
    }
    const suggestion: PlannedSuggestion = { ...draft, heldPolicy, heldIsNoop, impact, fingerprint: suggestionFingerprint(draft), auto: { eligible: false, blocker: null } };
    suggestion.auto = autoDecision(suggestion, sources, input.provenance.get(draft.domain) ?? null);
    return suggestion;
  };

  for (const m of input.merge.domains) {
    if (!m.passes || m.coveredBy) continue;
    const existing = ruleFor(m.domain, (d) => input.blocks.get(d));
    const provenance = existing ? input.provenance.get(existing.domain) : undefined;
    const ours = !!existing && provenance?.origin === 'subscription' && provenance.blockId === existing.id;
    const base = { domain: m.domain, reason: 'consensus' as const, backing: m.backing, count: m.count, percent: m.percent, publicComment: m.publicComment, labels: m.labels, retractedBy: [] };

    if (!existing) {
      if (!hasLimitations(m.policy) && !m.policy.rejectReports) continue;
      out.push(finish({ ...base, action: 'add', policy: m.policy, existing: null, parent: null }));
      continue;
    }
    if (existing.domain !== m.domain) {
      // Under a parent block: only a stricter subdomain block is allowed, and only worth proposing if it adds something.
      if (!stricterThan(m.policy, existing) || comparePolicies(m.policy, existing) === 'same') continue;
      out.push(finish({ ...base, action: 'add', policy: m.policy, existing: null, parent: existing }));
      continue;
    }
    const parentRule = ruleFor(m.domain, (d) => (d === m.domain ? undefined : input.blocks.get(d)));
    const target = ours ? m.policy : strictest(m.policy, policyOf(existing));
    const change = comparePolicies(target, existing);
    if (change === 'same') continue;
    const action: SuggestionAction = change === 'escalate' ? 'escalate' : 'downgrade';
    out.push(finish({ ...base, action, policy: target, existing, parent: parentRule }));
  }

  // Retractions: blocks that subscriptions created and that no enabled source recommends any more.
  for (const p of input.provenance.values()) {
    if (p.origin !== 'subscription') continue;
    const block = input.blocks.get(p.domain);
    if (!block || block.id !== p.blockId) continue;
    const m = input.merge.byDomain.get(p.domain) ?? supportThroughParent(input.merge, p.domain);
    let reason: SuggestionReason;
    if (m?.excludedBy) reason = 'excluded';
    else if (m && (m.passes || m.backing.some(recommends))) continue;
    else reason = p.sourceIds.some((id) => sources.has(id)) ? 'retracted' : 'unbacked';
    const retractedBy = reason === 'retracted' ? p.sourceIds.filter((id) => sources.has(id)) : [];
    out.push(
      finish({
        domain: p.domain,
        action: 'retract',
        reason,
        policy: null,
        existing: block,
        parent: null,
        backing: m?.backing ?? [],
        count: m?.count ?? 0,
        percent: m?.percent ?? 0,
        publicComment: null,
        labels: p.labels,
        retractedBy,
      }),
    );
  }
  return out.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
}

/** Support a domain has only through listed parents (it is not listed itself). */
function supportThroughParent(merge: MergeResult, domain: string) {
  for (const parent of domainVariants(domain).slice(1)) {
    const m = merge.byDomain.get(parent);
    if (m) return m;
  }
  return undefined;
}

function autoDecision(s: PlannedSuggestion, sources: ReadonlyMap<string, SuggestionSource>, provenance: BlockProvenance | null): PlannedSuggestion['auto'] {
  const no = (blocker: AutoBlocker) => ({ eligible: false, blocker });
  switch (s.action) {
    case 'downgrade':
      return no('downgrade');
    case 'retract': {
      if (s.reason === 'excluded') return no('excluded');
      if (s.reason === 'unbacked') return no('unbacked');
      if ([...s.labels, ...(provenance?.labels ?? [])].some(isProtectedLabel)) return no('protected_label');
      return s.retractedBy.some((id) => sources.get(id)?.autoRetract) ? { eligible: true, blocker: null } : no('no_auto_retract');
    }
    default: {
      if (!s.backing.some((b) => sources.get(b.sourceId)?.autoApply)) return no('no_auto_source');
      if (s.heldPolicy) return no('follows');
      if (s.parent) return no('parent_block');
      return { eligible: true, blocker: null };
    }
  }
}

/** The policy a suggestion applies: the consensus, or the held one unless overridden. */
export function policyToApply(s: Pick<PlannedSuggestion, 'policy' | 'heldPolicy'>, override: boolean): MergedPolicy | null {
  if (!s.policy) return null;
  return s.heldPolicy && !override ? s.heldPolicy : s.policy;
}

export interface AutoRun {
  /** Suggestions to apply without a human. */
  apply: PlannedSuggestion[];
  /** More eligible changes than the limit: none is applied, a moderator decides. */
  overLimit: boolean;
  eligible: number;
}

/** The per-run safety cap: a run that would change more than `maxChanges` blocks waits for a human. */
export function selectAutoApply(suggestions: readonly PlannedSuggestion[], maxChanges: number): AutoRun {
  const eligible = suggestions.filter((s) => s.auto.eligible);
  if (eligible.length > maxChanges) return { apply: [], overLimit: true, eligible: eligible.length };
  return { apply: eligible, overLimit: false, eligible: eligible.length };
}
