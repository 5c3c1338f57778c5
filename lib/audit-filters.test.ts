import { describe, expect, it } from 'vitest';
import { auditFiltersToSearchParams, auditHref, auditTimeBounds, decodeAuditCursor, encodeAuditCursor, hasAuditFilters, parseAuditFilters, EMPTY_AUDIT_FILTERS } from './audit-filters';

describe('parseAuditFilters', () => {
  it('reads every filter, several actors and actions at once', () => {
    const params = new URLSearchParams('actor=115000000000000001&actor=2&action=resolve_report&action=palisade.note_created_report&target_type=Report&domain=B%C3%BCcher.Example&from=2026-11-01&to=2026-11-20&q=%20spam%20');
    const { filters, ignored } = parseAuditFilters(params);
    expect(ignored).toEqual([]);
    expect(filters.actorIds).toEqual(['115000000000000001', '2']);
    expect(filters.actions.map((a) => a.key)).toEqual(['resolve_report', 'palisade.note_created_report']);
    expect(filters).toMatchObject({ targetType: 'Report', targetDomain: 'xn--bcher-kva.example', from: '2026-11-01', to: '2026-11-20', query: 'spam' });
  });

  it('drops what does not parse and says which', () => {
    const { filters, ignored } = parseAuditFilters({ actor: ['1; DROP TABLE', '7'], action: ['explode_report', 'resolve_report'], target_type: 'Nope', domain: 'not a domain', from: '2026-02-30', to: 'yesterday', q: 'x'.repeat(201), cursor: 'garbage' });
    expect(filters.actorIds).toEqual(['7']);
    expect(filters.actions.map((a) => a.key)).toEqual(['resolve_report']);
    expect(filters).toMatchObject({ targetType: null, targetDomain: null, from: null, to: null, query: null, cursor: null });
    expect(ignored.sort()).toEqual(['action', 'actor', 'cursor', 'domain', 'from', 'q', 'target_type', 'to']);
  });

  it('treats empty values as "any" and de-duplicates', () => {
    const { filters, ignored } = parseAuditFilters({ actor: ['', '5', '5'], action: ['resolve_report', 'resolve_report'], target_type: '', domain: '', q: '   ' });
    expect(ignored).toEqual([]);
    expect(filters.actorIds).toEqual(['5']);
    expect(filters.actions).toHaveLength(1);
    expect(hasAuditFilters(filters)).toBe(true);
    expect(hasAuditFilters(parseAuditFilters({}).filters)).toBe(false);
  });

  it('reads swapped dates the right way round, and drops a target type the actions exclude', () => {
    expect(parseAuditFilters({ from: '2026-11-20', to: '2026-11-01' }).filters).toMatchObject({ from: '2026-11-01', to: '2026-11-20' });
    const { filters, ignored } = parseAuditFilters({ action: 'resolve_report', target_type: 'Account' });
    expect(filters.targetType).toBeNull();
    expect(ignored).toEqual(['target_type']);
  });

  it('turns inclusive days into [from, until) instants', () => {
    expect(auditTimeBounds({ from: '2026-11-01', to: '2026-11-01' })).toEqual({ from: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-11-02T00:00:00Z') });
    expect(auditTimeBounds({ from: null, to: null })).toEqual({ from: null, until: null });
  });
});

describe('audit URLs and cursors', () => {
  it('round-trips filters through the URL and resets the cursor on any change', () => {
    const cursor = encodeAuditCursor({ mastodon: '10', palisade: null });
    const { filters } = parseAuditFilters(new URLSearchParams(`actor=3&action=resolve_report&action=suspend_account&q=a%26b&cursor=${cursor}`));
    expect(filters.cursor).toBe(cursor);
    const again = parseAuditFilters(auditFiltersToSearchParams(filters, { cursor: filters.cursor })).filters;
    expect(again).toEqual(filters);
    expect(auditHref(filters, { query: 'other' })).toBe('/audit?actor=3&action=resolve_report&action=suspend_account&q=other');
    expect(auditHref(EMPTY_AUDIT_FILTERS)).toBe('/audit');
    expect(auditHref(filters, {}, '/audit/export')).toBe('/audit/export?actor=3&action=resolve_report&action=suspend_account&q=a%26b');
  });

  it('accepts only well-formed cursors', () => {
    expect(decodeAuditCursor(encodeAuditCursor({ mastodon: '115000000000000001', palisade: '4' }))).toEqual({ mastodon: '115000000000000001', palisade: '4' });
    expect(decodeAuditCursor(encodeAuditCursor({ mastodon: null, palisade: null }))).toBeNull();
    expect(decodeAuditCursor(Buffer.from(JSON.stringify(['audit', '1; --', null])).toString('base64url'))).toBeNull();
    expect(decodeAuditCursor(Buffer.from(JSON.stringify(['oldest', '1'])).toString('base64url'))).toBeNull();
    expect(decodeAuditCursor(undefined)).toBeNull();
  });
});
