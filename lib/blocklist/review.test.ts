import { describe, expect, it } from 'vitest';
import { parseBlocklist } from './parse';
import { lookupDomains, reviewImport, summarizeReview, type ExistingBlock } from './review';

const existing: ExistingBlock[] = [
  { id: '1', domain: 'suspended.example', severity: 'suspend', rejectMedia: false, rejectReports: false },
  { id: '2', domain: 'limited.example', severity: 'silence', rejectMedia: false, rejectReports: false },
  { id: '3', domain: 'media.example', severity: 'noop', rejectMedia: true, rejectReports: false },
];
const byDomain = new Map(existing.map((b) => [b.domain, b]));
const lookup = (d: string) => byDomain.get(d);

function review(csv: string, follows: Record<string, number> = {}) {
  const parsed = parseBlocklist(`#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate\n${csv}`);
  return reviewImport(parsed.rows, lookup, { follows: (d) => follows[d] ?? 0 });
}

describe('reviewImport', () => {
  it('classifies every kind of row and ticks only the safe ones', () => {
    const rows = review(
      [
        'new.example,suspend,false,false,,false',
        'suspended.example,suspend,false,false,,false',
        'sub.suspended.example,silence,false,false,,false',
        'limited.example,suspend,false,false,,false',
        'media.example,noop,false,false,,false',
        'sub.limited.example,suspend,false,false,,false',
        'ba*****.com,suspend,false,false,,false',
        'not a domain,suspend,false,false,,false',
        'new.example,silence,false,false,,false',
        'dni.invalid,suspend,false,false,iftas:canary,true',
      ].join('\n'),
    );
    expect(rows.map((r) => [r.row.input, r.status, r.action, r.existing?.domain ?? null, r.viaParent, r.selected, r.caution])).toEqual([
      ['new.example', 'new', 'create', null, false, true, null],
      ['suspended.example', 'covered', 'none', 'suspended.example', false, false, null],
      ['sub.suspended.example', 'covered', 'none', 'suspended.example', true, false, null],
      ['limited.example', 'escalate', 'update', 'limited.example', false, true, null],
      ['media.example', 'downgrade', 'update', 'media.example', false, false, 'downgrade'],
      // limited.example is raised to suspend by this same file, which makes the subdomain row redundant.
      ['sub.limited.example', 'covered', 'none', 'limited.example', true, false, null],
      ['ba*****.com', 'obfuscated', 'none', null, false, false, null],
      ['not a domain', 'invalid', 'none', null, false, false, null],
      ['new.example', 'duplicate', 'none', null, false, false, null],
      ['dni.invalid', 'new', 'create', null, false, false, 'canary'],
    ]);
    expect(summarizeReview(rows)).toEqual({ total: 10, byStatus: { new: 2, covered: 3, escalate: 1, downgrade: 1, invalid: 1, obfuscated: 1, duplicate: 1 }, canaries: 1, selected: 2 });
  });

  it('leaves suspensions that would sever local follows unticked, but not limits', () => {
    const rows = review('followed.example,suspend,false,false,,false\nfollowed2.example,silence,false,false,,false', { 'followed.example': 3, 'followed2.example': 5 });
    expect(rows.map((r) => [r.selected, r.caution])).toEqual([
      [false, 'follows'],
      [true, null],
    ]);
  });

  it('offers a stricter block under a limited parent', () => {
    const rows = review('sub.limited.example,suspend,false,false,,false');
    expect(rows.map((r) => [r.status, r.action, r.viaParent, r.selected])).toEqual([['escalate', 'create', true, true]]);
  });

  it('treats a parent row of the same file as covering a weaker subdomain row', () => {
    const rows = review('parent.example,suspend,false,false,,false\nchild.parent.example,silence,false,false,,false\nother.example,silence,false,false,,false\nchild.other.example,suspend,false,false,,false');
    expect(rows.map((r) => [r.row.input, r.status, r.coveredByLine])).toEqual([
      ['parent.example', 'new', null],
      ['child.parent.example', 'covered', 2],
      ['other.example', 'new', null],
      ['child.other.example', 'new', null],
    ]);
  });

  it('lists each domain and parent once for the lookup', () => {
    const parsed = parseBlocklist('a.b.example\nc.b.example\n');
    expect(lookupDomains(parsed.rows).sort()).toEqual(['a.b.example', 'b.example', 'c.b.example', 'example']);
  });
});
