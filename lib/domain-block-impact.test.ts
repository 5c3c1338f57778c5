import { describe, expect, it } from 'vitest';
import type { BlockPolicy, Severity } from '@/lib/blocklist/severity';
import { assessChange, describeImpact, type ImpactFigures } from './domain-block-impact';

const p = (severity: Severity, rejectMedia = false, rejectReports = false): BlockPolicy => ({ severity, rejectMedia, rejectReports });
const figures: ImpactFigures = {
  accounts: 40,
  suspendedAccounts: 2,
  silencedAccounts: 5,
  linkedSilenced: 30,
  linkedSuspended: 0,
  localFollowers: 7,
  localFollowerFollows: 9,
  localFollowed: 3,
  localFollowedFollows: 4,
  openReports: 2,
  statuses: 1200,
  cachedMedia: 55,
};

describe('describeImpact', () => {
  it('a new limit limits the accounts not yet limited and severs nothing', () => {
    expect(describeImpact(null, p('silence'), figures)).toMatchObject({ limit: 35, suspend: 0, severedFollows: 0, irreversible: false, none: false });
  });

  it('a new suspension suspends, severs follows both ways, deletes posts: irreversible', () => {
    expect(describeImpact(null, p('suspend', true), figures)).toMatchObject({ suspend: 38, severedFollows: 13, affectedLocalAccounts: 10, deletedStatuses: 1200, clearedMedia: 0, irreversible: true });
  });

  it('noop with reject_media clears cached media; noop with only reject_reports changes no account', () => {
    expect(describeImpact(null, p('noop', true), figures)).toMatchObject({ clearedMedia: 55, none: false });
    expect(describeImpact(null, p('noop', false, true), figures)).toMatchObject({ ignoresReports: true, none: true });
  });

  it('editing limit to suspend: the limit made by the block is lifted, accounts suspended', () => {
    expect(describeImpact(p('silence'), p('suspend'), figures)).toMatchObject({ unlimit: 30, suspend: 38 });
  });

  it('editing suspend to limit lifts the suspensions it made (without restoring content)', () => {
    const f = { ...figures, suspendedAccounts: 40, linkedSuspended: 38, linkedSilenced: 0 };
    expect(describeImpact(p('suspend'), p('silence'), f)).toMatchObject({ unsuspend: 38, limit: 35, suspend: 0, irreversible: true });
  });

  it('editing only the comments changes nothing', () => {
    expect(describeImpact(p('silence'), p('silence'), figures)).toMatchObject({ none: true, limit: 0, unlimit: 0 });
  });

  it('removing a limit lifts only the limits that carry its timestamp; removing a noop lifts nothing', () => {
    expect(describeImpact(p('silence'), null, figures)).toMatchObject({ unlimit: 30, unsuspend: 0 });
    expect(describeImpact(p('noop', true), null, figures)).toMatchObject({ unlimit: 0, none: true });
  });
});

describe('assessChange', () => {
  const base = { domain: 'sub.example.com', figures };
  it('refuses a weaker block under a stricter parent, naming the reason', () => {
    expect(assessChange({ ...base, current: null, existing: { domain: 'example.com', ...p('suspend') }, next: p('silence') })).toEqual({ conflict: 'parent_not_stricter', raisesExisting: false, effects: null });
    expect(assessChange({ ...base, domain: 'example.com', current: null, existing: { domain: 'example.com', ...p('suspend') }, next: p('silence') }).conflict).toBe('same_domain_not_stricter');
  });

  it('raises a weaker block on the same domain in place, lifting what it did', () => {
    const a = assessChange({ ...base, domain: 'example.com', current: null, existing: { domain: 'example.com', ...p('silence') }, next: p('suspend') });
    expect(a).toMatchObject({ conflict: null, raisesExisting: true, effects: { unlimit: 30, suspend: 38 } });
  });

  it('allows a stricter subdomain block (Mastodon’s API too answers 422 only when the parent is at least as strict)', () => {
    expect(assessChange({ ...base, current: null, existing: { domain: 'example.com', ...p('silence') }, next: p('suspend') })).toMatchObject({ conflict: null, raisesExisting: false });
  });

  it('edits and removals compare with the block itself', () => {
    expect(assessChange({ ...base, current: p('silence'), existing: null, next: null }).effects).toMatchObject({ unlimit: 30 });
    expect(assessChange({ ...base, current: p('silence'), existing: { domain: 'example.com', ...p('suspend') }, next: p('noop') })).toMatchObject({ conflict: null });
  });
});
