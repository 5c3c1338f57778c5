import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { domainVariants } from './domain';
import { toPublicJson } from './export';
import { capSeverity, isProtectedLabel, labelsFromComment, mergeAudit, mergeBlocklists, mergeComments, mergeableRows, mergedBlocks, type MergeEntry, type MergeSource } from './merge';
import { domainDigest, publicDomain } from './obfuscation';
import { parseBlocklist } from './parse';
import type { Severity } from './severity';

const dir = path.join(import.meta.dirname, 'fixtures');
const load = (file: string) => mergeableRows(parseBlocklist(fs.readFileSync(path.join(dir, file))).rows);

function entry(domain: string, severity: Severity = 'suspend', extra: Partial<MergeEntry> = {}): MergeEntry {
  return { domain, input: domain, digest: domainDigest(domain), severity, rejectMedia: false, rejectReports: false, obfuscate: false, obfuscated: false, publicComment: null, privateComment: null, canary: null, ...extra };
}

function lists(spec: Record<string, MergeEntry[]>, weights: Record<string, number> = {}): { sources: MergeSource[]; entries: Record<string, MergeEntry[]> } {
  return { sources: Object.keys(spec).map((id) => ({ id, name: id.toUpperCase(), weight: weights[id] ?? 1 })), entries: spec };
}

const passing = (r: ReturnType<typeof mergeBlocklists>) => r.domains.filter((d) => d.passes).map((d) => d.domain);

describe('consensus merge: FediBlockHole compatibility with equal trust', () => {
  it('rebuilds Oliphant’s unified tier-0 list from its sources (max plan, allowlist), domain for domain, with severities, flags and merged comments', () => {
    // The final unified tier 0 (2026-04-15) = Seirdy tier0 ∪ Garden Fence ∪ IFTAS DNI ∪ IFTAS AUD,
    // merged by FediBlockHole with the max plan and __allowlist.csv. Garden Fence's 2026-03-15 week
    // is the closest snapshot we hold: it lacks only edens.faith, which Garden Fence added later.
    const files = ['oliphant-seirdy-tier0.csv', 'gardenfence-mastodon-2026-03-15.csv', 'oliphant-dni.csv', 'oliphant-iftas-aud.csv'];
    const sources = files.map((f) => ({ id: f, name: f }));
    const entries = Object.fromEntries(files.map((f) => [f, load(f)]));
    const allow = load('oliphant-__allowlist.csv').map((r) => r.domain!);
    const result = mergeBlocklists({ sources, entries, plan: 'max', excludes: allow });

    const expected = load('oliphant-_unified_tier0_blocklist.csv').filter((r) => r.domain !== 'edens.faith');
    const got = mergedBlocks(result);
    expect(got.map((b) => b.domain)).toEqual(expected.map((r) => r.domain).sort());
    const byDomain = new Map(got.map((b) => [b.domain, b]));
    for (const row of expected) {
      expect(byDomain.get(row.domain!), row.domain!).toEqual({ domain: row.domain, severity: row.severity, rejectMedia: row.rejectMedia, rejectReports: row.rejectReports, obfuscate: row.obfuscate, publicComment: row.publicComment });
    }
    // The four canary rows were never counted; FediBlockHole only drops them because they are on the allowlist.
    expect(result.heldBack.map((h) => [h.name, h.reason])).toEqual([
      ['000delete.this.line.if.you.have.read.the.documentation.on.seirdy.one', 'delete_this_line'],
      ['canary.tier0.example.com', 'canary_label'],
      ['dni.invalid', 'reserved_tld'],
      ['aud.invalid', 'reserved_tld'],
    ]);
  });

  it('gives the domains a plain per-domain count gives, for every count and percent threshold, except subdomains its parents’ lists back', () => {
    const files = ['oliphant-seirdy-tier0.csv', 'gardenfence-mastodon.csv', 'oliphant-dni.csv', 'oliphant-iftas-aud.csv', 'oliphant-mastodon.social.csv'];
    const sources = files.map((f) => ({ id: f, name: f }));
    const entries = Object.fromEntries(files.map((f) => [f, load(f).filter((r) => !r.canary && !r.obfuscated)]));
    // The oracle is FediBlockHole's rule written plainly: count the lists naming each exact string…
    const lists = files.map((f) => new Set(entries[f]!.map((r) => r.domain!)));
    const all = [...new Set(lists.flatMap((l) => [...l]))];
    const exact = (d: string) => lists.filter((l) => l.has(d)).length;
    // …and Palisade's one difference: a list naming a parent also backs the subdomain.
    const covering = (d: string) => lists.filter((l) => domainVariants(d).some((p) => l.has(p))).length;
    const withParent = all.filter((d) => exact(d) !== covering(d));
    expect(withParent.length).toBeGreaterThan(0);
    for (let n = 1; n <= files.length; n += 1) {
      const fbh = all.filter((d) => exact(d) >= n);
      const ours = passing(mergeBlocklists({ sources, entries, threshold: { type: 'count', value: n } }));
      expect(ours).toEqual([...new Set([...fbh, ...all.filter((d) => covering(d) >= n)])].sort());
      expect(ours.filter((d) => !fbh.includes(d)).every((d) => withParent.includes(d))).toBe(true);
    }
    for (const pct of [20, 40, 50, 60, 80, 100]) {
      const fbh = all.filter((d) => (exact(d) / files.length) * 100 >= pct);
      const ours = passing(mergeBlocklists({ sources, entries, threshold: { type: 'percent', value: pct } }));
      expect(ours).toEqual([...new Set([...fbh, ...all.filter((d) => (covering(d) / files.length) * 100 >= pct)])].sort());
    }
  });

  it('counts noop mentions toward the threshold, and the min plan lets them win', () => {
    const { sources, entries } = lists({ a: [entry('x.example', 'suspend')], b: [entry('x.example', 'noop')], c: [entry('x.example', 'silence')] });
    const max = mergeBlocklists({ sources, entries, plan: 'max', threshold: { type: 'count', value: 3 } }).byDomain.get('x.example')!;
    expect(max).toMatchObject({ count: 3, passes: true, policy: { severity: 'suspend' } });
    const min = mergeBlocklists({ sources, entries, plan: 'min', threshold: { type: 'count', value: 3 } }).byDomain.get('x.example')!;
    expect(min.policy.severity).toBe('noop');
  });

  it('ORs the flags under max and ANDs them under min', () => {
    const { sources, entries } = lists({
      a: [entry('x.example', 'silence', { rejectMedia: true, obfuscate: true })],
      b: [entry('x.example', 'silence', { rejectReports: true })],
    });
    expect(mergeBlocklists({ sources, entries, plan: 'max' }).byDomain.get('x.example')!.policy).toEqual({ severity: 'silence', rejectMedia: true, rejectReports: true, obfuscate: true });
    expect(mergeBlocklists({ sources, entries, plan: 'min' }).byDomain.get('x.example')!.policy).toEqual({ severity: 'silence', rejectMedia: false, rejectReports: false, obfuscate: false });
  });

  it('merges comments as an order-preserving union of their parts', () => {
    expect(mergeComments(['spam, harassment', null, 'harassment, racism', '', 'spam'])).toBe('spam, harassment, racism');
    expect(mergeComments([null, ''])).toBeNull();
  });

  it('caps what a source may propose at its maximum severity', () => {
    const { entries } = lists({ a: [entry('x.example', 'suspend')], b: [entry('x.example', 'suspend')] });
    const sources: MergeSource[] = [
      { id: 'a', name: 'A', maxSeverity: 'silence' },
      { id: 'b', name: 'B', maxSeverity: 'silence' },
    ];
    const merged = mergeBlocklists({ sources, entries, plan: 'max' }).byDomain.get('x.example')!;
    expect(merged.policy.severity).toBe('silence');
    expect(merged.backing.map((b) => [b.severity, b.cappedFrom])).toEqual([
      ['silence', 'suspend'],
      ['silence', 'suspend'],
    ]);
    expect(capSeverity('silence', 'suspend')).toBe('silence');
    expect(capSeverity('suspend', 'noop')).toBe('noop');
  });

  it('writes the audit table FediBlockHole writes (domain, count, percent)', () => {
    const { sources, entries } = lists({ a: [entry('x.example'), entry('y.example')], b: [entry('x.example')], c: [entry('z.example')] });
    expect(mergeAudit(mergeBlocklists({ sources, entries }))).toEqual([
      { domain: 'x.example', count: 2, percent: 66.67 },
      { domain: 'y.example', count: 1, percent: 33.33 },
      { domain: 'z.example', count: 1, percent: 33.33 },
    ]);
  });
});

describe('consensus merge: where Palisade deliberately differs', () => {
  it('weights the percent threshold by trust; the count threshold ignores weights', () => {
    const { sources, entries } = lists({ big: [entry('x.example')], small1: [entry('y.example')], small2: [entry('y.example')] }, { big: 3, small1: 1, small2: 1 });
    // Total weight 5: x has 3 (60 %), y has 2 (40 %).
    expect(passing(mergeBlocklists({ sources, entries, threshold: { type: 'percent', value: 50 } }))).toEqual(['x.example']);
    expect(passing(mergeBlocklists({ sources, entries, threshold: { type: 'count', value: 2 } }))).toEqual(['y.example']);
    const x = mergeBlocklists({ sources, entries }).byDomain.get('x.example')!;
    expect(x.percent).toBeCloseTo(60);
    expect(x.weight).toBe(3);
  });

  it('lets a parent’s supporters back a listed subdomain, never the other way round, and marks covered subdomains', () => {
    const { sources, entries } = lists({
      a: [entry('example.com', 'suspend')],
      b: [entry('example.com', 'suspend')],
      c: [entry('chat.example.com', 'suspend'), entry('img.example.com', 'suspend')],
      d: [entry('img.example.com', 'silence'), entry('only.example.net', 'silence')],
    });
    const result = mergeBlocklists({ sources, entries, threshold: { type: 'count', value: 3 } });
    const chat = result.byDomain.get('chat.example.com')!;
    expect(chat.count).toBe(3);
    expect(chat.backing.map((b) => [b.sourceId, b.via, b.listedAs])).toEqual([
      ['a', 'parent', 'example.com'],
      ['b', 'parent', 'example.com'],
      ['c', 'listed', 'chat.example.com'],
    ]);
    expect(result.byDomain.get('example.com')!.count).toBe(2);
    expect(passing(result)).toEqual(['chat.example.com', 'img.example.com']);
    // The parent does not pass here, so nothing covers the subdomains.
    expect(result.byDomain.get('chat.example.com')!.coveredBy).toBeNull();

    const lower = mergeBlocklists({ sources, entries, threshold: { type: 'count', value: 2 } });
    expect(lower.byDomain.get('chat.example.com')!.coveredBy).toBe('example.com');
    expect(lower.byDomain.get('img.example.com')!.coveredBy).toBe('example.com');
  });

  it('keeps a subdomain stricter than its passing parent', () => {
    const { sources, entries } = lists({ a: [entry('example.com', 'silence'), entry('bad.example.com', 'suspend')], b: [entry('example.com', 'silence')] });
    const result = mergeBlocklists({ sources, entries, threshold: { type: 'count', value: 1 } });
    expect(result.byDomain.get('bad.example.com')!.coveredBy).toBeNull();
    expect(result.byDomain.get('bad.example.com')!.policy.severity).toBe('suspend');
  });

  it('applies allowlist sources and excludes to the domain and all its subdomains', () => {
    const spec = lists({ a: [entry('example.com'), entry('sub.example.com'), entry('other.example'), entry('keep.example')], b: [entry('other.example')] });
    const sources: MergeSource[] = [...spec.sources, { id: 'allow', name: 'Allow', role: 'allow' }];
    const entries = { ...spec.entries, allow: [entry('other.example', 'noop')] };
    const result = mergeBlocklists({ sources, entries, excludes: ['EXAMPLE.com'] });
    expect(passing(result)).toEqual(['keep.example']);
    expect(result.byDomain.get('sub.example.com')!.excludedBy).toBe('example.com');
    expect(result.byDomain.get('other.example')!.excludedBy).toBe('other.example');
    // An allowlist is not a block source: it does not count in percentages.
    expect(result.blockSources).toBe(2);
  });

  it('never merges canary rows, whatever the threshold', () => {
    const { sources, entries } = lists({ dni: load('oliphant-dni.csv'), aud: load('oliphant-iftas-aud.csv') });
    const result = mergeBlocklists({ sources, entries });
    expect(result.byDomain.has('dni.invalid')).toBe(false);
    expect(result.byDomain.has('aud.invalid')).toBe(false);
    expect(result.heldBack.filter((h) => h.kind === 'canary').map((h) => [h.sourceId, h.name])).toEqual([
      ['dni', 'dni.invalid'],
      ['aud', 'aud.invalid'],
    ]);
  });

  it('resolves obfuscated entries only through their digest, against domains it knows', () => {
    // An ally publishes Garden Fence with every block obfuscated, as Mastodon's public endpoint does.
    const fence = load('gardenfence-mastodon.csv');
    const published = JSON.stringify(toPublicJson(fence.map((r) => ({ domain: r.domain!, severity: r.severity, rejectMedia: false, rejectReports: false, publicComment: r.publicComment, obfuscate: true }))));
    const ally = mergeableRows(parseBlocklist(published).rows);
    expect(ally.filter((r) => r.obfuscated).length).toBeGreaterThan(130);

    const known = fence.map((r) => r.domain!);
    const result = mergeBlocklists({ sources: [{ id: 'ally', name: 'Ally' }], entries: { ally }, knownDomains: known });
    expect(passing(result)).toEqual([...known].sort());
    expect(result.heldBack).toEqual([]);
    const resolved = result.byDomain.get('5dollah.click')!.backing[0]!;
    expect(resolved).toMatchObject({ via: 'digest', listedAs: publicDomain('5dollah.click') });

    // Unknown domains stay unresolved and are reported, never blocked as a pattern.
    const blind = mergeBlocklists({ sources: [{ id: 'ally', name: 'Ally' }], entries: { ally }, knownDomains: [] });
    const obfuscatedCount = ally.filter((r) => r.obfuscated).length;
    expect(blind.heldBack.filter((h) => h.kind === 'obfuscated')).toHaveLength(obfuscatedCount);
    expect(blind.domains.every((d) => !d.domain.includes('*'))).toBe(true);
  });

  it('does not accept a pattern match without a digest, nor a digest of a domain that does not fit the pattern', () => {
    const pattern = publicDomain('dajiaweibo.com');
    const noDigest = entry('x', 'suspend', { domain: null, input: pattern, digest: null, obfuscated: true, obfuscate: true });
    const wrongDigest = { ...noDigest, digest: domainDigest('zzzzzzzzzz.com') };
    const result = mergeBlocklists({ sources: [{ id: 'a', name: 'A' }], entries: { a: [noDigest] }, knownDomains: ['dajiaweibo.com', 'zzzzzzzzzz.com'] });
    expect(result.domains).toEqual([]);
    expect(result.heldBack[0]).toMatchObject({ kind: 'obfuscated', reason: 'no_digest', candidates: ['dajiaweibo.com'] });
    const wrong = mergeBlocklists({ sources: [{ id: 'a', name: 'A' }], entries: { a: [wrongDigest] }, knownDomains: ['dajiaweibo.com', 'zzzzzzzzzz.com'] });
    expect(wrong.domains).toEqual([]);
    expect(wrong.heldBack[0]!.reason).toBe('no_match');
    const right = mergeBlocklists({ sources: [{ id: 'a', name: 'A' }], entries: { a: [{ ...noDigest, digest: domainDigest('dajiaweibo.com') }] }, knownDomains: ['dajiaweibo.com'] });
    expect(right.domains.map((d) => d.domain)).toEqual(['dajiaweibo.com']);
  });

  it('reports obfuscated names of a scraped list with the known domains that fit them', () => {
    const scraped = load('oliphant-mastodon.social.csv');
    const known = load('oliphant-seirdy-tier0.csv').map((r) => r.domain!);
    const result = mergeBlocklists({ sources: [{ id: 'ms', name: 'mastodon.social' }], entries: { ms: scraped }, knownDomains: known });
    const held = result.heldBack.filter((h) => h.kind === 'obfuscated');
    expect(held).toHaveLength(130);
    // No digest in a scraped CSV: candidates are shown for a human, never applied.
    expect(held.some((h) => h.candidates.length > 0)).toBe(true);
    for (const h of held) for (const c of h.candidates) expect(publicDomain(c)).toBe(h.name);
  });
});

describe('labels', () => {
  it('reads IFTAS labels and Garden Fence tags, not free text', () => {
    expect(labelsFromComment('iftas:hate-speech;csam')).toEqual(['iftas:hate-speech', 'iftas:csam']);
    expect(labelsFromComment('anti-lgbtq, harassment, hate-speech')).toEqual(['anti-lgbtq', 'harassment', 'hate-speech']);
    expect(labelsFromComment('Hate speech')).toEqual([]);
    expect(labelsFromComment(null)).toEqual([]);
    expect(isProtectedLabel('iftas:csam')).toBe(true);
    expect(isProtectedLabel('underage')).toBe(true);
    expect(isProtectedLabel('spam')).toBe(false);
  });
});
