import { describe, expect, it } from 'vitest';
import { mergeTimeline, reportCategoryName, type TimelineItem, utcMinute } from './account-timeline';

const sentence = { message: 'unknown', values: { name: 'mod', label: 'x', detail: '', action: 'silence', targetType: 'Account' }, href: null, external: false, deleted: false };

describe('account timeline', () => {
  it('merges every source newest first, the report before the action taken on it at the same instant', () => {
    const t0 = new Date('2026-11-01T10:00:00Z');
    const t1 = new Date('2026-11-02T10:00:00Z');
    const items: TimelineItem[] = [
      { kind: 'report', id: '5', at: t0, side: 'against', other: 'a', category: 1000, open: false },
      { kind: 'strike', id: '9', at: t1, actor: 'mod', action: 3000, text: '', overruled: false },
      { kind: 'audit', id: '120000000000000001', at: t1, source: 'mastodon', sentence },
      { kind: 'audit', id: '120000000000000002', at: t1, source: 'mastodon', sentence },
      { kind: 'note', id: '3', at: new Date('2026-11-03T00:00:00Z'), actor: 'mod', content: 'watch' },
    ];
    expect(mergeTimeline(items, 10).map((i) => `${i.kind}:${i.id}`)).toEqual(['note:3', 'audit:120000000000000002', 'audit:120000000000000001', 'strike:9', 'report:5']);
    expect(mergeTimeline(items, 2)).toHaveLength(2);
  });

  it('names report categories and writes UTC to the minute', () => {
    expect([0, 1000, 1500, 2000, 7].map(reportCategoryName)).toEqual(['other', 'spam', 'legal', 'violation', 'other']);
    expect(utcMinute(new Date('2026-11-20T14:05:59.999Z'))).toBe('2026-11-20 14:05 UTC');
  });
});
