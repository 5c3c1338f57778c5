import { describe, expect, it } from 'vitest';
import { encodeCursor } from './keyset';
import { decodeQueueCursor, DEFAULT_FILTERS, encodeQueueCursor, hasNarrowingFilters, parseReportFilters, reportDateBounds, reportFiltersToSearchParams, reportInstant, reportQueueHref } from './report-filters';

describe('parseReportFilters', () => {
  it('defaults to open reports, oldest first, ungrouped', () => {
    expect(parseReportFilters({})).toEqual({ filters: DEFAULT_FILTERS, ignored: [] });
    expect(parseReportFilters(new URLSearchParams('status=&category='))).toEqual({ filters: DEFAULT_FILTERS, ignored: [] });
  });

  it('reads every filter from the URL', () => {
    const { filters, ignored } = parseReportFilters(
      new URLSearchParams('status=all&category=spam&origin=remote&domain=Spam-Wave.Example&reporter_domain=@Friendly.Example&target=115000000000000001&assigned=me&forwarded=no&q=%20crypto%20&sort=priority&group=account'),
    );
    expect(ignored).toEqual([]);
    expect(filters).toEqual({
      ...DEFAULT_FILTERS,
      status: 'all',
      category: 'spam',
      targetOrigin: 'remote',
      targetDomain: 'spam-wave.example',
      reporterDomain: 'friendly.example',
      targetAccountId: '115000000000000001',
      assigned: 'me',
      forwarded: false,
      query: 'crypto',
      sort: 'priority',
      group: 'account',
    });
  });

  it('stores IDN domains the way Mastodon does (punycode), even when pasted as a URL', () => {
    expect(parseReportFilters({ domain: 'https://ÑANDÚ.example/@someone' }).filters.targetDomain).toBe('xn--and-6ma2c.example');
  });

  it('drops values it cannot trust and says which, keeping the rest', () => {
    const { filters, ignored } = parseReportFilters({ status: 'deleted', category: 'legal', sort: 'random', domain: 'not a domain', rule: '1 OR 1=1', target: '1.5', q: 'x'.repeat(201), assigned: ['me', 'none'] });
    expect(ignored.sort()).toEqual(['domain', 'q', 'rule', 'sort', 'status', 'target']);
    expect(filters).toEqual({ ...DEFAULT_FILTERS, category: 'legal', assigned: 'me' });
  });

  it('reads a rule filter as a rule-violation filter, and refuses it with another category', () => {
    expect(parseReportFilters({ rule: '4' }).filters).toMatchObject({ category: 'violation', ruleId: '4' });
    const conflicting = parseReportFilters({ rule: '4', category: 'spam' });
    expect(conflicting.filters).toMatchObject({ category: 'spam', ruleId: null });
    expect(conflicting.ignored).toEqual(['rule']);
  });

  it('lets a target domain win over origin=local', () => {
    const { filters, ignored } = parseReportFilters({ origin: 'local', domain: 'remote.example' });
    expect(filters).toMatchObject({ targetOrigin: null, targetDomain: 'remote.example' });
    expect(ignored).toEqual(['origin']);
  });
});

describe('date range', () => {
  it('reads UTC days and instants, in their canonical spelling', () => {
    const { filters, ignored } = parseReportFilters({ from: '2026-11-03', to: '2026-11-20T13:05:00.000Z', date: 'created' });
    expect(ignored).toEqual([]);
    expect(filters).toMatchObject({ from: '2026-11-03', to: '2026-11-20T13:05:00Z', dateField: 'created' });
    expect(parseReportFilters({ from: '2026-11-20T13:05Z' }).filters.from).toBe('2026-11-20T13:05:00Z');
    expect(parseReportFilters({ from: '2026-11-20T13:05:00.250Z' }).filters.from).toBe('2026-11-20T13:05:00.250Z');
  });

  it('drops dates that are not real UTC days or instants', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '20261103', '2026-11-03T25:00:00Z', '2026-11-03T10:00:00+02:00', '2026-11-03T10:00:00', 'yesterday', '1999-12-31', "2026-11-03' OR 1=1"]) {
      const { filters, ignored } = parseReportFilters({ from: bad, to: bad });
      expect([filters.from, filters.to], bad).toEqual([null, null]);
      expect(ignored.sort(), bad).toEqual(['from', 'to']);
    }
    expect(parseReportFilters({ date: 'updated', status: 'all' }).ignored).toEqual(['date']);
  });

  it('reads swapped days the right way round', () => {
    expect(parseReportFilters({ from: '2026-11-20', to: '2026-11-03' }).filters).toMatchObject({ from: '2026-11-03', to: '2026-11-20' });
  });

  it('refuses resolution dates on the open queue, which has none', () => {
    const { filters, ignored } = parseReportFilters({ date: 'resolved', from: '2026-11-03' });
    expect(filters).toMatchObject({ status: 'open', dateField: 'created', from: '2026-11-03' });
    expect(ignored).toEqual(['date']);
    expect(parseReportFilters({ date: 'resolved', status: 'resolved' }).filters.dateField).toBe('resolved');
  });

  it('bounds a day range from the first day’s start to the end of the last, and instants exactly', () => {
    expect(reportDateBounds({ from: '2026-11-03', to: '2026-11-03' })).toEqual({ from: new Date('2026-11-03T00:00:00Z'), until: new Date('2026-11-04T00:00:00Z') });
    expect(reportDateBounds({ from: '2026-11-03T10:00:00Z', to: '2026-11-03T16:00:00Z' })).toEqual({ from: new Date('2026-11-03T10:00:00Z'), until: new Date('2026-11-03T16:00:00Z') });
    expect(reportDateBounds({ from: null, to: '2026-12-31' })).toEqual({ from: null, until: new Date('2027-01-01T00:00:00Z') });
    expect(reportDateBounds({ from: null, to: null })).toEqual({ from: null, until: null });
  });

  it('round-trips through the URL and narrows the queue', () => {
    const { filters } = parseReportFilters(new URLSearchParams('status=resolved&date=resolved&from=2026-11-03&to=2026-11-20T13:05:00Z&category=spam'));
    expect(parseReportFilters(reportFiltersToSearchParams(filters)).filters).toEqual(filters);
    expect(reportQueueHref(DEFAULT_FILTERS, { status: 'all', from: '2026-11-03', to: '2026-11-03' })).toBe('/reports?status=all&from=2026-11-03&to=2026-11-03');
    expect(reportQueueHref(DEFAULT_FILTERS, { from: reportInstant(new Date('2026-11-20T11:00:00.000Z')) })).toBe('/reports?from=2026-11-20T11%3A00%3A00Z');
    expect(hasNarrowingFilters({ ...DEFAULT_FILTERS, to: '2026-11-03' })).toBe(true);
  });
});

describe('reportFiltersToSearchParams / reportQueueHref', () => {
  it('round-trips through the URL and leaves defaults out', () => {
    const { filters } = parseReportFilters(new URLSearchParams('status=resolved&category=violation&rule=3&domain=a.example&assigned=none&forwarded=yes&q=hello%20world&sort=newest&group=domain'));
    const params = reportFiltersToSearchParams(filters);
    expect(parseReportFilters(params).filters).toEqual(filters);
    expect(reportQueueHref(DEFAULT_FILTERS)).toBe('/reports');
    expect(reportQueueHref(DEFAULT_FILTERS, { category: 'spam' })).toBe('/reports?category=spam');
  });

  it('starts at page one whenever anything but the cursor changes', () => {
    const onPageTwo = { ...DEFAULT_FILTERS, cursor: 'abc' };
    expect(reportQueueHref(onPageTwo, { sort: 'newest' })).toBe('/reports?sort=newest');
    expect(reportQueueHref(onPageTwo, { cursor: 'def' })).toBe('/reports?cursor=def');
  });

  it('knows when a queue is narrowed', () => {
    expect(hasNarrowingFilters(DEFAULT_FILTERS)).toBe(false);
    expect(hasNarrowingFilters({ ...DEFAULT_FILTERS, status: 'all', sort: 'priority' })).toBe(false);
    expect(hasNarrowingFilters({ ...DEFAULT_FILTERS, forwarded: false })).toBe(true);
  });
});

describe('queue cursors', () => {
  it('round-trip for every sort', () => {
    const cursors = [
      { sort: 'oldest', id: '1234' },
      { sort: 'newest', id: '99' },
      { sort: 'most_reports', count: 7, id: '5' },
      { sort: 'priority', asOf: '2026-11-20T12:00:00.000Z', score: 360, id: '12' },
    ] as const;
    for (const cursor of cursors) expect(decodeQueueCursor(encodeQueueCursor(cursor), cursor.sort)).toEqual(cursor);
  });

  it('ignores a cursor from another sort or a forged one', () => {
    expect(decodeQueueCursor(encodeQueueCursor({ sort: 'oldest', id: '5' }), 'newest')).toBeNull();
    expect(decodeQueueCursor(encodeCursor(['oldest', '5; DROP TABLE reports']), 'oldest')).toBeNull();
    expect(decodeQueueCursor(encodeCursor(['most_reports', -1, '5']), 'most_reports')).toBeNull();
    expect(decodeQueueCursor(encodeCursor(['priority', 'yesterday', 3, '5']), 'priority')).toBeNull();
    expect(decodeQueueCursor('%%%not-base64', 'oldest')).toBeNull();
    expect(decodeQueueCursor(null, 'oldest')).toBeNull();
  });
});
