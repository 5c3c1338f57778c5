import { describe, expect, it } from 'vitest';
import { mergeBlocklists, type MergeEntry, type MergeSource } from './merge';
import { planSuggestions, policyToApply, selectAutoApply, type BlockProvenance, type CurrentBlock, type PlanInput, type SuggestionSource } from './merge-suggestions';
import { domainDigest } from './obfuscation';
import type { Severity } from './severity';

function entry(domain: string, severity: Severity = 'suspend', extra: Partial<MergeEntry> = {}): MergeEntry {
  return { domain, input: domain, digest: domainDigest(domain), severity, rejectMedia: false, rejectReports: false, obfuscate: false, obfuscated: false, publicComment: null, privateComment: null, canary: null, ...extra };
}

function block(domain: string, severity: Severity, id = `${domain.length}00${domain.charCodeAt(0)}`, extra: Partial<CurrentBlock> = {}): CurrentBlock {
  return { id, domain, severity, rejectMedia: false, rejectReports: false, obfuscate: false, publicComment: null, privateComment: null, ...extra };
}

function setup(spec: Record<string, MergeEntry[]>, options: { blocks?: CurrentBlock[]; provenance?: BlockProvenance[]; auto?: string[]; autoRetract?: string[]; threshold?: number; impact?: Record<string, { accounts: number; localFollows: number }> } = {}) {
  const sources: MergeSource[] = Object.keys(spec).map((id) => ({ id, name: id.toUpperCase() }));
  const merge = mergeBlocklists({ sources, entries: spec, threshold: { type: 'count', value: options.threshold ?? 1 } });
  const suggestionSources: SuggestionSource[] = sources.map((s) => ({ id: s.id, name: s.name, autoApply: options.auto?.includes(s.id) ?? false, autoRetract: options.autoRetract?.includes(s.id) ?? false }));
  const input: PlanInput = {
    merge,
    blocks: new Map((options.blocks ?? []).map((b) => [b.domain, b])),
    provenance: new Map((options.provenance ?? []).map((p) => [p.domain, p])),
    sources: suggestionSources,
    impact: new Map(Object.entries(options.impact ?? {})),
  };
  return planSuggestions(input);
}

const subscribed = (b: CurrentBlock, sourceIds: string[], labels: string[] = []): BlockProvenance => ({ blockId: b.id, domain: b.domain, origin: 'subscription', sourceIds, labels });

describe('suggestions from a merge', () => {
  it('adds new domains, escalates weaker blocks and leaves equal ones alone', () => {
    const out = setup({ a: [entry('new.example'), entry('weak.example'), entry('same.example', 'silence')] }, { blocks: [block('weak.example', 'silence'), block('same.example', 'silence')] });
    expect(out.map((s) => [s.domain, s.action, s.policy?.severity])).toEqual([
      ['new.example', 'add', 'suspend'],
      ['weak.example', 'escalate', 'suspend'],
    ]);
  });

  it('never downgrades a hand-made block, only adds what the lists ask for on top of it', () => {
    const mine = block('mine.example', 'suspend');
    const mixed = block('mixed.example', 'silence', '77', { rejectMedia: true });
    const out = setup({ a: [entry('mine.example', 'silence'), entry('mixed.example', 'silence', { rejectReports: true })] }, { blocks: [mine, mixed] });
    expect(out.map((s) => [s.domain, s.action, s.policy])).toEqual([['mixed.example', 'escalate', { severity: 'silence', rejectMedia: true, rejectReports: true, obfuscate: false }]]);
  });

  it('downgrades a block the subscriptions created when the consensus softens, and never automatically', () => {
    const ours = block('ours.example', 'suspend', '501');
    const out = setup({ a: [entry('ours.example', 'silence')] }, { blocks: [ours], provenance: [subscribed(ours, ['a'])], auto: ['a'] });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ action: 'downgrade', policy: { severity: 'silence' }, auto: { eligible: false, blocker: 'downgrade' } });
  });

  it('proposes a subdomain under a parent block only when stricter, naming the parent', () => {
    const parent = block('example.com', 'silence');
    const out = setup({ a: [entry('bad.example.com', 'suspend'), entry('meh.example.com', 'silence')] }, { blocks: [parent] });
    expect(out.map((s) => [s.domain, s.action, s.parent?.domain])).toEqual([['bad.example.com', 'add', 'example.com']]);
    expect(out[0]!.auto.blocker).toBe('no_auto_source');
  });

  it('does not propose a subdomain its recommended parent already covers', () => {
    const out = setup({ a: [entry('example.com'), entry('chat.example.com')], b: [entry('example.com')] }, { threshold: 2 });
    expect(out.map((s) => s.domain)).toEqual(['example.com']);
  });

  it('holds suspensions of followed domains at limit unless overridden', () => {
    const out = setup({ a: [entry('followed.example'), entry('lonely.example')] }, { auto: ['a'], impact: { 'followed.example': { accounts: 4, localFollows: 12 }, 'lonely.example': { accounts: 2, localFollows: 0 } } });
    const followed = out.find((s) => s.domain === 'followed.example')!;
    expect(followed.heldPolicy?.severity).toBe('silence');
    expect(policyToApply(followed, false)?.severity).toBe('silence');
    expect(policyToApply(followed, true)?.severity).toBe('suspend');
    expect(followed.auto).toEqual({ eligible: false, blocker: 'follows' });
    expect(out.find((s) => s.domain === 'lonely.example')!.auto).toEqual({ eligible: true, blocker: null });
  });

  it('marks a held escalation of an existing limit as doing nothing without an override', () => {
    const out = setup({ a: [entry('x.example')] }, { blocks: [block('x.example', 'silence')], impact: { 'x.example': { accounts: 1, localFollows: 3 } } });
    expect(out[0]).toMatchObject({ action: 'escalate', heldIsNoop: true });
  });
});

describe('retractions with several sources', () => {
  const applied = block('gone.example', 'suspend', '900');

  it('proposes a retraction when every source that listed it dropped it', () => {
    const out = setup({ a: [entry('other.example')], b: [] }, { blocks: [applied], provenance: [subscribed(applied, ['a', 'b'])], autoRetract: ['a'] });
    const retract = out.find((s) => s.domain === 'gone.example')!;
    expect(retract).toMatchObject({ action: 'retract', reason: 'retracted', retractedBy: ['a', 'b'], policy: null, auto: { eligible: true, blocker: null } });
  });

  it('keeps the block while any enabled source still recommends it, even below the threshold', () => {
    const out = setup({ a: [], b: [entry('gone.example')], c: [] }, { blocks: [applied], provenance: [subscribed(applied, ['a', 'c'])], threshold: 2 });
    expect(out.find((s) => s.domain === 'gone.example')).toBeUndefined();
  });

  it('keeps the block while a source lists a parent domain', () => {
    const sub = block('chat.gone.example', 'suspend', '901');
    const out = setup({ a: [entry('gone.example')] }, { blocks: [sub], provenance: [subscribed(sub, ['a'])] });
    expect(out.filter((s) => s.action === 'retract')).toEqual([]);
  });

  it('never retracts a hand-made block, nor one whose provenance points at another block', () => {
    const manual: BlockProvenance = { ...subscribed(applied, ['a']), origin: 'manual' };
    expect(setup({ a: [] }, { blocks: [applied], provenance: [manual] })).toEqual([]);
    const stale = subscribed({ ...applied, id: '1' }, ['a']);
    expect(setup({ a: [] }, { blocks: [applied], provenance: [stale] })).toEqual([]);
  });

  it('does not retract automatically when the sources are gone, the domain is excluded, or it was labelled csam', () => {
    const unbacked = setup({ z: [] }, { blocks: [applied], provenance: [subscribed(applied, ['removed-source'])], autoRetract: ['z'] });
    expect(unbacked[0]).toMatchObject({ action: 'retract', reason: 'unbacked', auto: { eligible: false, blocker: 'unbacked' } });

    const sources: MergeSource[] = [{ id: 'a', name: 'A' }];
    const merge = mergeBlocklists({ sources, entries: { a: [entry('gone.example')] }, excludes: ['gone.example'] });
    const excluded = planSuggestions({ merge, blocks: new Map([[applied.domain, applied]]), provenance: new Map([[applied.domain, subscribed(applied, ['a'])]]), sources: [{ id: 'a', name: 'A', autoApply: true, autoRetract: true }] });
    expect(excluded[0]).toMatchObject({ action: 'retract', reason: 'excluded', auto: { eligible: false, blocker: 'excluded' } });

    const csam = setup({ a: [] }, { blocks: [applied], provenance: [subscribed(applied, ['a'], ['iftas:csam'])], autoRetract: ['a'] });
    expect(csam[0]!.auto).toEqual({ eligible: false, blocker: 'protected_label' });
  });
});

describe('dismissal fingerprints and the per-run cap', () => {
  it('keeps a fingerprint while the sources say the same, and changes it when they change their mind', () => {
    const first = setup({ a: [entry('x.example')], b: [] })[0]!;
    expect(setup({ a: [entry('x.example')], b: [] })[0]!.fingerprint).toBe(first.fingerprint);
    expect(setup({ a: [entry('x.example')], b: [entry('x.example')] })[0]!.fingerprint).not.toBe(first.fingerprint);
    expect(setup({ a: [entry('x.example', 'silence')], b: [] })[0]!.fingerprint).not.toBe(first.fingerprint);
  });

  it('waits for a human when a run would change more blocks than allowed', () => {
    const out = setup({ a: ['a', 'b', 'c', 'd'].map((d) => entry(`${d}.example`)) }, { auto: ['a'] });
    expect(selectAutoApply(out, 4)).toMatchObject({ overLimit: false, eligible: 4 });
    expect(selectAutoApply(out, 4).apply).toHaveLength(4);
    expect(selectAutoApply(out, 3)).toEqual({ apply: [], overLimit: true, eligible: 4 });
  });
});
