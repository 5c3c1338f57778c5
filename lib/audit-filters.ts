import { z } from 'zod';
import { auditActionType, AUDIT_TARGET_TYPES, type AuditActionType } from './audit-actions';
import { normalizeDomain } from './blocklist/domain';
import { decodeCursor, encodeCursor } from './keyset';

/**
 * The audit log's state in the URL: `?actor=…&action=resolve_report&action=suspend_account&
 * target_type=…&domain=…&from=2026-11-01&to=2026-11-20&q=…&cursor=…`. Several `actor` and
 * `action` values combine with OR; different filters combine with AND. A value that does not
 * parse is dropped and named in `ignored` (URLs get edited and shared), never an error page.
 */

export const AUDIT_QUERY_MAX_LENGTH = 200;
export const AUDIT_PAGE_SIZE = 50;
/** A spreadsheet's worth; past it, a date range keeps the export meaningful and the server healthy. */
export const AUDIT_EXPORT_MAX = 100_000;
/** More than a filter UI offers; bounds the SQL a hand-edited URL can ask for. */
const MAX_MULTI = 100;

export interface AuditFilters {
  actorIds: string[];
  actions: AuditActionType[];
  targetType: string | null;
  /** Stored (punycode, lower-case) form. */
  targetDomain: string | null;
  /** Inclusive UTC days, `YYYY-MM-DD`. */
  from: string | null;
  to: string | null;
  query: string | null;
  cursor: string | null;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { actorIds: [], actions: [], targetType: null, targetDomain: null, from: null, to: null, query: null, cursor: null };

export type AuditParam = 'actor' | 'action' | 'target_type' | 'domain' | 'from' | 'to' | 'q' | 'cursor';

const id = z.string().regex(/^-?\d{1,19}$/);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v));

type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function all(input: SearchParamsInput, key: string): string[] {
  if (input instanceof URLSearchParams) return input.getAll(key);
  const value = input[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function parseAuditFilters(input: SearchParamsInput): { filters: AuditFilters; ignored: AuditParam[] } {
  const filters: AuditFilters = { ...EMPTY_AUDIT_FILTERS, actorIds: [], actions: [] };
  const ignored = new Set<AuditParam>();
  const values = (key: AuditParam) => all(input, key).filter((v) => v !== '');

  for (const raw of values('actor').slice(0, MAX_MULTI)) {
    if (id.safeParse(raw).success) {
      if (!filters.actorIds.includes(raw)) filters.actorIds.push(raw);
    } else ignored.add('actor');
  }
  for (const raw of values('action').slice(0, MAX_MULTI)) {
    const type = auditActionType(raw);
    if (type) {
      if (!filters.actions.some((a) => a.key === type.key)) filters.actions.push(type);
    } else ignored.add('action');
  }
  const targetType = values('target_type')[0];
  if (targetType !== undefined) {
    if (AUDIT_TARGET_TYPES.includes(targetType)) filters.targetType = targetType;
    else ignored.add('target_type');
  }
  const domain = values('domain')[0];
  if (domain !== undefined) {
    const normalized = normalizeDomain(domain.replace(/^@+/, ''));
    if (normalized.ok) filters.targetDomain = normalized.ascii;
    else ignored.add('domain');
  }
  for (const key of ['from', 'to'] as const) {
    const raw = values(key)[0];
    if (raw === undefined) continue;
    if (day.safeParse(raw).success) filters[key] = raw;
    else ignored.add(key);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    // Swapped bounds are a slip, not a wish for nothing: read them the right way round.
    [filters.from, filters.to] = [filters.to, filters.from];
  }
  const q = values('q')[0]?.trim();
  if (q !== undefined && q !== '') {
    if (q.length <= AUDIT_QUERY_MAX_LENGTH) filters.query = q;
    else ignored.add('q');
  }
  const cursor = values('cursor')[0];
  if (cursor !== undefined) {
    if (decodeAuditCursor(cursor)) filters.cursor = cursor;
    else ignored.add('cursor');
  }
  // A target type that none of the chosen actions has would match nothing: the actions win.
  if (filters.targetType && filters.actions.length > 0 && !filters.actions.some((a) => a.targetType === filters.targetType)) {
    ignored.add('target_type');
    filters.targetType = null;
  }
  return { filters, ignored: [...ignored] };
}

/** Query string for filters; anything but a cursor change starts again at page one. */
export function auditFiltersToSearchParams(filters: AuditFilters, changes: Partial<AuditFilters> = {}): URLSearchParams {
  const next = { ...filters, ...changes };
  if (!('cursor' in changes)) next.cursor = null;
  const params = new URLSearchParams();
  for (const actor of next.actorIds) params.append('actor', actor);
  for (const action of next.actions) params.append('action', action.key);
  if (next.targetType) params.set('target_type', next.targetType);
  if (next.targetDomain) params.set('domain', next.targetDomain);
  if (next.from) params.set('from', next.from);
  if (next.to) params.set('to', next.to);
  if (next.query) params.set('q', next.query);
  if (next.cursor) params.set('cursor', next.cursor);
  return params;
}

export function auditHref(filters: AuditFilters, changes: Partial<AuditFilters> = {}, base = '/audit'): string {
  const query = auditFiltersToSearchParams(filters, changes).toString();
  return query ? `${base}?${query}` : base;
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return filters.actorIds.length > 0 || filters.actions.length > 0 || !!(filters.targetType || filters.targetDomain || filters.from || filters.to || filters.query);
}

/** The [from, until) instants of the inclusive day range. */
export function auditTimeBounds(filters: Pick<AuditFilters, 'from' | 'to'>): { from: Date | null; until: Date | null } {
  return {
    from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : null,
    until: filters.to ? new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000) : null,
  };
}

/**
 * The merged list is paged with one cursor per source: the smallest `admin_action_logs.id` and
 * `palisade.events.id` already shown (null = nothing shown from that source yet). Each source is
 * read in id order, so the two keysets stay exact however the timestamps interleave.
 */
export interface AuditCursor {
  mastodon: string | null;
  palisade: string | null;
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return encodeCursor(['audit', cursor.mastodon, cursor.palisade]);
}

export function decodeAuditCursor(raw: string | null | undefined): AuditCursor | null {
  const values = decodeCursor(raw, 3);
  if (!values || values[0] !== 'audit') return null;
  const [, mastodon, palisade] = values;
  const ok = (v: unknown): v is string | null => v === null || (typeof v === 'string' && /^\d{1,19}$/.test(v));
  if (!ok(mastodon) || !ok(palisade) || (mastodon === null && palisade === null)) return null;
  return { mastodon, palisade };
}
