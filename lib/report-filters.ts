import { z } from 'zod';
import { normalizeDomain } from './blocklist/domain';
import { decodeCursor, encodeCursor, type CursorValue } from './keyset';
import { REPORT_CATEGORIES, type ReportCategory } from './report-priority';

/**
 * The report queue's state lives in the URL: filters, sort, grouping and the keyset cursor. This
 * parses `?status=open&category=spam&domain=…` into typed filters and writes them back, so links
 * are shareable and the back button works. A value that does not parse is dropped (and reported
 * in `ignored`) rather than failing the page: URLs get edited and shared.
 */

export const REPORT_STATUSES = ['open', 'resolved', 'all'] as const;
export const REPORT_SORTS = ['oldest', 'newest', 'most_reports', 'priority'] as const;
export const REPORT_GROUPS = ['none', 'account', 'domain'] as const;
export const ASSIGNMENT_FILTERS = ['me', 'others', 'any', 'none'] as const;
export const ORIGINS = ['local', 'remote'] as const;
/** Which moment `from`/`to` bound: when the report was filed, or when it was resolved. */
export const DATE_FIELDS = ['created', 'resolved'] as const;

export type ReportStatusFilter = (typeof REPORT_STATUSES)[number];
export type ReportSort = (typeof REPORT_SORTS)[number];
export type ReportGrouping = (typeof REPORT_GROUPS)[number];
export type AssignmentFilter = (typeof ASSIGNMENT_FILTERS)[number];
export type Origin = (typeof ORIGINS)[number];
export type DateField = (typeof DATE_FIELDS)[number];

export const QUERY_MAX_LENGTH = 200;
export const PAGE_SIZE = 50;

export interface ReportQueueFilters {
  status: ReportStatusFilter;
  category: ReportCategory | null;
  /** A rule id; implies category = violation (only violation reports cite rules). */
  ruleId: string | null;
  targetOrigin: Origin | null;
  /** Stored (punycode, lower-case) form. */
  targetDomain: string | null;
  reporterDomain: string | null;
  /** One reported account (a group opened from the grouped view, or "other reports against"). */
  targetAccountId: string | null;
  assigned: AssignmentFilter | null;
  forwarded: boolean | null;
  /** Free text matched against the comment and the target's username. */
  query: string | null;
  /**
   * UTC bounds: a day `YYYY-MM-DD` (from its start; as `to`, through its end) or an instant
   * `YYYY-MM-DDTHH:MM:SSZ` (as `to`, exclusive). Instants let a figure such as "open for 1–6 hours"
   * link to exactly the reports it counted.
   */
  from: string | null;
  to: string | null;
  dateField: DateField;
  sort: ReportSort;
  group: ReportGrouping;
  cursor: string | null;
}

export const DEFAULT_FILTERS: ReportQueueFilters = {
  status: 'open',
  category: null,
  ruleId: null,
  targetOrigin: null,
  targetDomain: null,
  reporterDomain: null,
  targetAccountId: null,
  assigned: null,
  forwarded: null,
  query: null,
  from: null,
  to: null,
  dateField: 'created',
  sort: 'oldest',
  group: 'none',
  cursor: null,
};

const id = z.string().regex(/^\d{1,19}$/);
const domain = z.string().transform((value, ctx) => {
  const normalized = normalizeDomain(value.replace(/^@+/, ''));
  if (!normalized.ok) {
    ctx.addIssue({ code: 'custom', message: normalized.problem });
    return z.NEVER;
  }
  return normalized.ascii;
});

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/** A day or UTC instant in its canonical spelling (no `.000`), or null when it is not a real one. */
export function normalizeReportDate(value: string): string | null {
  const day = DAY.exec(value);
  if (day) {
    const date = new Date(`${value}T00:00:00Z`);
    // Rejects 2026-02-30, which Date would roll over into March.
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && Number(day[1]) >= 2000 ? value : null;
  }
  if (!INSTANT.test(value)) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000 || !date.toISOString().startsWith(value.slice(0, 16))) return null;
  return reportInstant(date);
}

/** An instant as a `from`/`to` value. */
export function reportInstant(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

const isDay = (value: string) => DAY.test(value);

/** The [from, until) instants the range covers: a `to` day runs through its end. */
export function reportDateBounds(filters: Pick<ReportQueueFilters, 'from' | 'to'>): { from: Date | null; until: Date | null } {
  const at = (value: string) => new Date(isDay(value) ? `${value}T00:00:00Z` : value);
  return {
    from: filters.from ? at(filters.from) : null,
    until: filters.to ? (isDay(filters.to) ? new Date(at(filters.to).getTime() + DAY_MS) : at(filters.to)) : null,
  };
}

const reportDate = z.string().transform((value, ctx) => {
  const normalized = normalizeReportDate(value.trim());
  if (!normalized) {
    ctx.addIssue({ code: 'custom', message: 'not a date' });
    return z.NEVER;
  }
  return normalized;
});

/** One schema per parameter, so one bad value drops only itself. */
const PARAMS = {
  status: z.enum(REPORT_STATUSES),
  category: z.enum(REPORT_CATEGORIES as [ReportCategory, ...ReportCategory[]]),
  rule: id,
  origin: z.enum(ORIGINS),
  domain,
  reporter_domain: domain,
  target: z.string().regex(/^-?\d{1,19}$/),
  assigned: z.enum(ASSIGNMENT_FILTERS),
  forwarded: z.enum(['yes', 'no']).transform((v) => v === 'yes'),
  q: z
    .string()
    .transform((v) => v.trim())
    .pipe(z.string().min(1).max(QUERY_MAX_LENGTH)),
  from: reportDate,
  to: reportDate,
  date: z.enum(DATE_FIELDS),
  sort: z.enum(REPORT_SORTS),
  group: z.enum(REPORT_GROUPS),
  cursor: z.string().max(512),
} as const;

export type ReportQueueParam = keyof typeof PARAMS;
export const REPORT_QUEUE_PARAMS = Object.keys(PARAMS) as ReportQueueParam[];

type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function first(input: SearchParamsInput, key: string): string | undefined {
  if (input instanceof URLSearchParams) return input.get(key) ?? undefined;
  const value = input[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseReportFilters(input: SearchParamsInput): { filters: ReportQueueFilters; ignored: ReportQueueParam[] } {
  const filters: ReportQueueFilters = { ...DEFAULT_FILTERS };
  const ignored: ReportQueueParam[] = [];
  for (const key of REPORT_QUEUE_PARAMS) {
    const raw = first(input, key);
    // An empty value is how a form says "any": not an error.
    if (raw === undefined || raw === '') continue;
    const parsed = PARAMS[key].safeParse(raw);
    if (!parsed.success) {
      ignored.push(key);
      continue;
    }
    const value = parsed.data;
    switch (key) {
      case 'status':
        filters.status = value as ReportStatusFilter;
        break;
      case 'category':
        filters.category = value as ReportCategory;
        break;
      case 'rule':
        filters.ruleId = value as string;
        break;
      case 'origin':
        filters.targetOrigin = value as Origin;
        break;
      case 'domain':
        filters.targetDomain = value as string;
        break;
      case 'reporter_domain':
        filters.reporterDomain = value as string;
        break;
      case 'target':
        filters.targetAccountId = value as string;
        break;
      case 'assigned':
        filters.assigned = value as AssignmentFilter;
        break;
      case 'forwarded':
        filters.forwarded = value as boolean;
        break;
      case 'q':
        filters.query = value as string;
        break;
      case 'from':
        filters.from = value as string;
        break;
      case 'to':
        filters.to = value as string;
        break;
      case 'date':
        filters.dateField = value as DateField;
        break;
      case 'sort':
        filters.sort = value as ReportSort;
        break;
      case 'group':
        filters.group = value as ReportGrouping;
        break;
      case 'cursor':
        filters.cursor = value as string;
        break;
    }
  }
  // Rules are only cited by rule-violation reports: a rule filter means that category.
  if (filters.ruleId) {
    if (filters.category && filters.category !== 'violation') {
      ignored.push('rule');
      filters.ruleId = null;
    } else {
      filters.category = 'violation';
    }
  }
  // Local accounts have no domain: "local" and a domain contradict each other; the domain wins.
  if (filters.targetDomain && filters.targetOrigin === 'local') {
    ignored.push('origin');
    filters.targetOrigin = null;
  }
  // Swapped days are a slip, not a wish for nothing (as in the audit log): read them the right way round.
  if (filters.from && filters.to && isDay(filters.from) && isDay(filters.to) && filters.from > filters.to) {
    [filters.from, filters.to] = [filters.to, filters.from];
  }
  // Open reports have no resolution date: dating them by it would always be empty.
  if (filters.dateField === 'resolved' && filters.status === 'open') {
    ignored.push('date');
    filters.dateField = 'created';
  }
  return { filters, ignored };
}

/** The URL query for filters (defaults left out, so links stay short). Changing anything but the cursor starts at page one. */
export function reportFiltersToSearchParams(filters: ReportQueueFilters, changes: Partial<ReportQueueFilters> = {}): URLSearchParams {
  const next = { ...filters, ...changes };
  if (!('cursor' in changes)) next.cursor = null;
  const params = new URLSearchParams();
  if (next.status !== DEFAULT_FILTERS.status) params.set('status', next.status);
  if (next.category) params.set('category', next.category);
  if (next.ruleId) params.set('rule', next.ruleId);
  if (next.targetOrigin) params.set('origin', next.targetOrigin);
  if (next.targetDomain) params.set('domain', next.targetDomain);
  if (next.reporterDomain) params.set('reporter_domain', next.reporterDomain);
  if (next.targetAccountId) params.set('target', next.targetAccountId);
  if (next.assigned) params.set('assigned', next.assigned);
  if (next.forwarded !== null) params.set('forwarded', next.forwarded ? 'yes' : 'no');
  if (next.query) params.set('q', next.query);
  if (next.from) params.set('from', next.from);
  if (next.to) params.set('to', next.to);
  if (next.dateField !== DEFAULT_FILTERS.dateField) params.set('date', next.dateField);
  if (next.sort !== DEFAULT_FILTERS.sort) params.set('sort', next.sort);
  if (next.group !== DEFAULT_FILTERS.group) params.set('group', next.group);
  if (next.cursor) params.set('cursor', next.cursor);
  return params;
}

export function reportQueueHref(filters: ReportQueueFilters, changes: Partial<ReportQueueFilters> = {}): string {
  const query = reportFiltersToSearchParams(filters, changes).toString();
  return query ? `/reports?${query}` : '/reports';
}

/** Any filter narrower than "all open reports"? (For the empty-queue message.) */
export function hasNarrowingFilters(filters: ReportQueueFilters): boolean {
  return Boolean(filters.category || filters.ruleId || filters.targetOrigin || filters.targetDomain || filters.reporterDomain || filters.targetAccountId || filters.assigned || filters.forwarded !== null || filters.query || filters.from || filters.to);
}

/**
 * Keyset cursors per sort. Report ids come from a plain sequence, so id order is filing order.
 * Priority cursors carry the moment the first page was computed (`asOf`): priorities grow with
 * time, and a page must continue the ordering its predecessor used.
 */
export type QueueCursor =
  | { sort: 'oldest' | 'newest'; id: string }
  | { sort: 'most_reports'; count: number; id: string }
  | { sort: 'priority'; asOf: string; score: number; id: string };

export function encodeQueueCursor(cursor: QueueCursor): string {
  const values: CursorValue[] =
    cursor.sort === 'priority' ? [cursor.sort, cursor.asOf, cursor.score, cursor.id] : cursor.sort === 'most_reports' ? [cursor.sort, cursor.count, cursor.id] : [cursor.sort, cursor.id];
  return encodeCursor(values);
}

/** The cursor if it parses and belongs to this sort; otherwise null (page one). */
export function decodeQueueCursor(raw: string | null, sort: ReportSort): QueueCursor | null {
  if (!raw) return null;
  const length = sort === 'priority' ? 4 : sort === 'most_reports' ? 3 : 2;
  const values = decodeCursor(raw, length);
  if (!values || values[0] !== sort) return null;
  const idValue = values[length - 1];
  if (typeof idValue !== 'string' || !/^\d{1,19}$/.test(idValue)) return null;
  if (sort === 'oldest' || sort === 'newest') return { sort, id: idValue };
  if (sort === 'most_reports') {
    const count = values[1];
    return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? { sort, count, id: idValue } : null;
  }
  const [, asOf, score] = values;
  if (typeof asOf !== 'string' || Number.isNaN(Date.parse(asOf)) || typeof score !== 'number' || !Number.isFinite(score)) return null;
  return { sort, asOf, score, id: idValue };
}
