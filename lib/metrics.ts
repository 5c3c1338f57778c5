/**
 * Definitions behind the overview's figures, shared by the SQL (db/queries/metrics.ts), the charts
 * and the transparency export. Pure: no database, no React.
 *
 * - Time to first action: report created → first moderator touch: an audit row on the report
 *   (assignment, resolve, reopen, update), a report note, a Palisade event on the report, or its
 *   resolution. Counted for reports filed in the window; those nobody touched yet are counted
 *   apart ("not touched yet"), never as a duration.
 * - Time to resolution: created → `action_taken_at`, for reports resolved in the window.
 * - Both as median and 90th percentile (`percentile_cont`), per category and overall.
 * - Windows are whole UTC days ending today (the day `now` falls in).
 */
import { can } from './permissions';
import type { ReportCategory } from './report-priority';

/** Chart order of Mastodon's report categories: the common ones first. */
export const CHART_CATEGORIES = ['spam', 'violation', 'legal', 'other'] as const satisfies readonly ReportCategory[];

export const OVERVIEW_RANGES = [30, 90] as const;
export type OverviewRange = (typeof OVERVIEW_RANGES)[number];

export function parseOverviewRange(value: string | string[] | undefined): OverviewRange {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw === '90' ? 90 : 30;
}

const DAY_MS = 86_400_000;

/** `days` whole UTC days ending with the day `now` is in: [start, now]. */
export function metricsWindow(now: Date, days: number): { start: Date; end: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { start: new Date(today - (days - 1) * DAY_MS), end: now };
}

/**
 * Age and duration buckets (seconds), lower bound inclusive. The same edges serve the open-report
 * age chart and the resolution-time histogram so the two read alike.
 */
export const DURATION_BUCKETS = [
  { key: 'under1h', from: 0, to: 3_600 },
  { key: 'h1to6', from: 3_600, to: 21_600 },
  { key: 'h6to24', from: 21_600, to: 86_400 },
  { key: 'd1to3', from: 86_400, to: 259_200 },
  { key: 'd3to7', from: 259_200, to: 604_800 },
  { key: 'd7to30', from: 604_800, to: 2_592_000 },
  { key: 'over30d', from: 2_592_000, to: null },
] as const;

export type DurationBucketKey = (typeof DURATION_BUCKETS)[number]['key'];

/** Upper edges for SQL's width_bucket: index i = bucket i. */
export const DURATION_BUCKET_EDGES: number[] = DURATION_BUCKETS.slice(1).map((b) => b.from);

export function durationBucket(seconds: number): DurationBucketKey {
  let index = 0;
  for (const edge of DURATION_BUCKET_EDGES) if (seconds >= edge) index += 1;
  return DURATION_BUCKETS[index]!.key;
}

/** `YYYY-MM` → the month's UTC bounds [start, end). Null for anything else. */
export function monthBounds(month: string): { start: Date; end: Date } | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  if (year < 2000 || year > 2999) return null;
  return { start: new Date(Date.UTC(year, index, 1)), end: new Date(Date.UTC(year, index + 1, 1)) };
}

/** The last whole month before `now`, the default of the transparency export. */
export function previousMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A share in [0, 1], or null when there is nothing to divide (never a misleading 0 %). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * Mastodon's strike types (`account_warnings.action`) as transparency outcomes, mildest first.
 * A resolved report with no strike attached was resolved without action.
 */
export const STRIKE_OUTCOMES = [
  { value: 0, key: 'warning' },
  { value: 1000, key: 'freeze' },
  { value: 1250, key: 'posts_marked_sensitive' },
  { value: 1500, key: 'posts_removed' },
  { value: 2000, key: 'account_sensitive' },
  { value: 3000, key: 'limit' },
  { value: 4000, key: 'suspension' },
] as const;

export type OutcomeKey = 'no_action' | (typeof STRIKE_OUTCOMES)[number]['key'];

export function outcomeKey(strikeAction: number | null): OutcomeKey {
  if (strikeAction === null) return 'no_action';
  return STRIKE_OUTCOMES.find((o) => o.value === strikeAction)?.key ?? 'warning';
}

/** A handling time for people: minutes under two hours, hours under two days, then days. */
export function readableDuration(seconds: number): { unit: 'minutes' | 'hours' | 'days'; value: number } {
  if (seconds < 7_200) return { unit: 'minutes', value: Math.round(seconds / 60) };
  if (seconds < 172_800) return { unit: 'hours', value: Math.round(seconds / 360) / 10 };
  return { unit: 'days', value: Math.round(seconds / 8_640) / 10 };
}

/** Seconds → hours with one decimal, the unit of the response-time charts. */
export function hours(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 360) / 10;
}

/**
 * What a role sees on the overview: the charts need Mastodon's dashboard permission, the
 * per-moderator balance the audit-log one, and each figure links to its list only where the role
 * can open that list.
 */
export function overviewAccess(permissions: bigint): { charts: boolean; workload: boolean; reportLinks: boolean; appealLinks: boolean } {
  const charts = can(permissions, 'view_dashboard');
  return {
    charts,
    workload: charts && can(permissions, 'view_audit_log'),
    reportLinks: can(permissions, 'manage_reports'),
    appealLinks: can(permissions, 'manage_appeals'),
  };
}
