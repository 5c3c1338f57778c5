import { describe, expect, it } from 'vitest';
import { CATEGORY_WEIGHTS, categoryName, categoryWeight, categoryWeightSql, hoursWaiting, reportPriority } from './report-priority';

const asOf = new Date('2026-11-20T12:00:00Z');
const hoursAgo = (h: number) => new Date(asOf.getTime() - h * 3_600_000);

describe('reportPriority', () => {
  it('multiplies category weight, whole hours waiting and distinct reporters', () => {
    expect(reportPriority({ category: 1500, createdAt: hoursAgo(10), reporters: 3, asOf })).toBe(5 * 10 * 3);
    expect(reportPriority({ category: 2000, createdAt: hoursAgo(10), reporters: 3, asOf })).toBe(3 * 10 * 3);
    expect(reportPriority({ category: 1000, createdAt: hoursAgo(10), reporters: 3, asOf })).toBe(2 * 10 * 3);
    expect(reportPriority({ category: 0, createdAt: hoursAgo(10), reporters: 3, asOf })).toBe(10 * 3);
  });

  it('ranks a legal report above an older spam report, and many reporters above one', () => {
    const legal = reportPriority({ category: 1500, createdAt: hoursAgo(5), reporters: 1, asOf });
    const spam = reportPriority({ category: 1000, createdAt: hoursAgo(10), reporters: 1, asOf });
    expect(legal).toBeGreaterThan(spam);
    expect(reportPriority({ category: 0, createdAt: hoursAgo(5), reporters: 4, asOf })).toBeGreaterThan(reportPriority({ category: 0, createdAt: hoursAgo(5), reporters: 1, asOf }));
  });

  it('counts a fresh report (or a clock skew into the future) as one hour and at least one reporter', () => {
    expect(hoursWaiting(hoursAgo(0.2), asOf)).toBe(1);
    expect(hoursWaiting(hoursAgo(-3), asOf)).toBe(1);
    expect(hoursWaiting(hoursAgo(47.9), asOf)).toBe(47);
    expect(reportPriority({ category: 0, createdAt: asOf, reporters: 0, asOf })).toBe(1);
  });

  it('treats category values Mastodon may add later as "other"', () => {
    expect(categoryName(1750)).toBe('other');
    expect(categoryWeight(1750)).toBe(CATEGORY_WEIGHTS.other);
  });
});

describe('categoryWeightSql', () => {
  it('is the same table as the TypeScript weights', () => {
    expect(categoryWeightSql('r.category')).toBe('(CASE r.category WHEN 1000 THEN 2 WHEN 1500 THEN 5 WHEN 2000 THEN 3 ELSE 1 END)');
  });
  it('refuses anything but a column reference', () => {
    expect(() => categoryWeightSql('1); DROP TABLE reports; --')).toThrow();
  });
});
