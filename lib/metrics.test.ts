import { describe, expect, it } from 'vitest';
import { csvLine } from './audit-csv';
import { DURATION_BUCKET_EDGES, DURATION_BUCKETS, durationBucket, hours, metricsWindow, monthBounds, outcomeKey, overviewAccess, parseOverviewRange, previousMonth, readableDuration, share } from './metrics';
import { flag } from './permissions';
import { transparencyCsv, transparencyDocument, type TransparencyInput } from './metrics-export';

describe('metric windows and buckets', () => {
  it('windows are whole UTC days ending today', () => {
    expect(metricsWindow(new Date('2026-11-20T12:34:00Z'), 30)).toEqual({ start: new Date('2026-10-22T00:00:00Z'), end: new Date('2026-11-20T12:34:00Z') });
    expect(metricsWindow(new Date('2026-03-01T00:00:00Z'), 1).start).toEqual(new Date('2026-03-01T00:00:00Z'));
  });

  it('accepts only the ranges the overview offers', () => {
    expect(parseOverviewRange('90')).toBe(90);
    expect(parseOverviewRange(['90', '30'])).toBe(90);
    expect(parseOverviewRange('365')).toBe(30);
    expect(parseOverviewRange(undefined)).toBe(30);
  });

  it('buckets durations with inclusive lower bounds, matching SQL width_bucket', () => {
    expect(DURATION_BUCKET_EDGES).toEqual([3_600, 21_600, 86_400, 259_200, 604_800, 2_592_000]);
    expect(durationBucket(0)).toBe('under1h');
    expect(durationBucket(3_599)).toBe('under1h');
    expect(durationBucket(3_600)).toBe('h1to6');
    expect(durationBucket(86_400)).toBe('d1to3');
    expect(durationBucket(40 * 86_400)).toBe('over30d');
    expect(DURATION_BUCKETS).toHaveLength(DURATION_BUCKET_EDGES.length + 1);
  });

  it('parses months strictly', () => {
    expect(monthBounds('2026-02')).toEqual({ start: new Date('2026-02-01T00:00:00Z'), end: new Date('2026-03-01T00:00:00Z') });
    expect(monthBounds('2026-12')).toEqual({ start: new Date('2026-12-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
    for (const bad of ['2026-13', '2026-1', '26-01', '2026-01-01', '', '1999-12']) expect(monthBounds(bad), bad).toBeNull();
    expect(previousMonth(new Date('2026-01-15T00:00:00Z'))).toBe('2025-12');
    expect(previousMonth(new Date('2026-11-20T00:00:00Z'))).toBe('2026-10');
  });

  it('reads handling times in the unit people use', () => {
    expect(readableDuration(600)).toEqual({ unit: 'minutes', value: 10 });
    expect(readableDuration(7_200)).toEqual({ unit: 'hours', value: 2 });
    expect(readableDuration(5_400 * 10)).toEqual({ unit: 'hours', value: 15 });
    expect(readableDuration(3 * 86_400 + 43_200)).toEqual({ unit: 'days', value: 3.5 });
    expect(hours(5_400)).toBe(1.5);
    expect(hours(null)).toBeNull();
  });

  it('never divides by zero into a misleading 0 %', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBeNull();
  });

  it('names outcomes after the strongest strike', () => {
    expect(outcomeKey(null)).toBe('no_action');
    expect(outcomeKey(0)).toBe('warning');
    expect(outcomeKey(4000)).toBe('suspension');
    expect(outcomeKey(1250)).toBe('posts_marked_sensitive');
  });
});

describe('csvLine', () => {
  it('neutralises formulas in text cells, quotes separators, keeps numbers', () => {
    expect(csvLine(['=HYPERLINK("http://evil")', '+1', '-x', '@SUM(A1)', '\tx', 'a,b', 'plain', 3, -2, null, true])).toBe(
      `"'=HYPERLINK(""http://evil"")",'+1,'-x,'@SUM(A1),'\tx,"a,b",plain,3,-2,,true\r\n`,
    );
    expect(csvLine(['line\nbreak'])).toBe('"line\nbreak"\r\n');
    expect(csvLine([Number.NaN])).toBe('\r\n');
  });
});

describe('transparency export', () => {
  const input: TransparencyInput = {
    month: '2026-11',
    start: new Date('2026-11-01T00:00:00Z'),
    end: new Date('2026-12-01T00:00:00Z'),
    received: [
      { reporterOrigin: 'local', targetOrigin: 'remote', category: 2000, count: 2 },
      { reporterOrigin: 'remote', targetOrigin: 'local', category: 1500, count: 1 },
      { reporterOrigin: 'remote', targetOrigin: 'remote', category: 1000, count: 2 },
      { reporterOrigin: 'remote', targetOrigin: 'remote', category: 4242, count: 1 },
    ],
    outcomes: [
      { strikeAction: 4000, count: 1 },
      { strikeAction: null, count: 1 },
      { strikeAction: 0, count: 1 },
    ],
    resolutionHistogram: [
      { bucket: 1, count: 2 },
      { bucket: 3, count: 1 },
    ],
    resolutionMedianSeconds: 18_000,
    resolutionMeanSeconds: 38_400,
    appeals: { filed: 3, approved: 1, rejected: 3, pendingAtEnd: 1 },
    activeModerators: 2,
  };
  const doc = transparencyDocument(input, { instance: 'palisade.test', generatedAt: new Date('2026-12-02T08:00:00Z') });

  it('fills every category, outcome and bucket, zeros included', () => {
    expect(doc.reports_received.total).toBe(6);
    expect(doc.reports_received.by_category).toEqual({ other: 1, spam: 2, legal: 1, violation: 2 }); // 4242: a category this version does not know counts as other
    expect(doc.reports_received.by_reporter_origin.local).toEqual({ other: 0, spam: 0, legal: 0, violation: 2 });
    expect(doc.reports_received.by_target_origin.local).toEqual({ other: 0, spam: 0, legal: 1, violation: 0 });
    expect(doc.reports_resolved.total).toBe(3);
    expect(doc.reports_resolved.outcomes).toEqual({ no_action: 1, warning: 1, freeze: 0, posts_marked_sensitive: 0, posts_removed: 0, account_sensitive: 0, limit: 0, suspension: 1 });
    expect(doc.reports_resolved.resolution_time).toEqual({
      median_seconds: 18_000,
      mean_seconds: 38_400,
      histogram: { under1h: 0, h1to6: 2, h6to24: 0, d1to3: 1, d3to7: 0, d7to30: 0, over30d: 0 },
    });
    expect(doc.appeals).toEqual({ filed: 3, approved: 1, rejected: 3, pending_at_end: 1, overturn_rate: 0.25 });
    expect(doc).toMatchObject({ instance: 'palisade.test', month: '2026-11', period: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' }, active_moderators: 2 });
  });

  it('writes the same figures as one tidy CSV table', () => {
    const lines = transparencyCsv(doc).trimEnd().split('\r\n');
    expect(lines[0]).toBe('month,section,metric,category,origin,value');
    expect(lines).toContain('2026-11,reports_received,total,,,6');
    expect(lines).toContain('2026-11,reports_received,count,violation,reporter:local,2');
    expect(lines).toContain('2026-11,outcomes,suspension,,,1');
    expect(lines).toContain('2026-11,resolution_time,h1to6,,,2');
    expect(lines).toContain('2026-11,appeals,overturn_rate,,,0.25');
    expect(lines.at(-1)).toBe('2026-11,moderators,active,,,2');
    expect(lines).toHaveLength(1 + 1 + 4 + 16 + 1 + 8 + 2 + 7 + 5 + 1);
  });

  it('has no overturn rate when nothing was decided', () => {
    expect(transparencyDocument({ ...input, appeals: { filed: 1, approved: 0, rejected: 0, pendingAtEnd: 1 } }, { instance: 'x', generatedAt: new Date() }).appeals.overturn_rate).toBeNull();
  });
});

describe('overviewAccess', () => {
  const bits = (...names: Parameters<typeof flag>[0][]) => names.reduce((a, n) => a | flag(n), 0n);
  it('shows the charts for view_dashboard and the workload balance only with view_audit_log too', () => {
    expect(overviewAccess(bits('view_dashboard'))).toEqual({ charts: true, workload: false, reportLinks: false, appealLinks: false });
    expect(overviewAccess(bits('view_dashboard', 'view_audit_log', 'manage_reports'))).toEqual({ charts: true, workload: true, reportLinks: true, appealLinks: false });
    // The audit-log permission alone does not open the dashboard's charts.
    expect(overviewAccess(bits('view_audit_log', 'manage_appeals'))).toEqual({ charts: false, workload: false, reportLinks: false, appealLinks: true });
    // Mastodon's default Moderator role (1 049 884) and the administrator flag.
    expect(overviewAccess(1_049_884n)).toEqual({ charts: true, workload: true, reportLinks: true, appealLinks: false });
    expect(overviewAccess(1n)).toEqual({ charts: true, workload: true, reportLinks: true, appealLinks: true });
  });
});
