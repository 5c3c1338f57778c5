import { csvLine } from './audit-csv';
import { DURATION_BUCKETS, outcomeKey, STRIKE_OUTCOMES, type DurationBucketKey, type OutcomeKey } from './metrics';
import { categoryName, REPORT_CATEGORIES, type ReportCategory } from './report-priority';

/** The rows of db/queries/metrics.ts `getTransparencyReport`, restated so this module stays pure. */
export interface TransparencyInput {
  month: string;
  start: Date;
  end: Date;
  received: Array<{ reporterOrigin: 'local' | 'remote'; targetOrigin: 'local' | 'remote'; category: number; count: number }>;
  outcomes: Array<{ strikeAction: number | null; count: number }>;
  resolutionHistogram: Array<{ bucket: number; count: number }>;
  resolutionMedianSeconds: number | null;
  resolutionMeanSeconds: number | null;
  appeals: { filed: number; approved: number; rejected: number; pendingAtEnd: number };
  activeModerators: number;
}

export interface TransparencyDocument {
  instance: string;
  month: string;
  period: { start: string; end: string };
  generated_at: string;
  definitions: Record<string, string>;
  reports_received: {
    total: number;
    by_category: Record<ReportCategory, number>;
    by_reporter_origin: Record<'local' | 'remote', Record<ReportCategory, number>>;
    by_target_origin: Record<'local' | 'remote', Record<ReportCategory, number>>;
  };
  reports_resolved: {
    total: number;
    outcomes: Record<OutcomeKey, number>;
    resolution_time: { median_seconds: number | null; mean_seconds: number | null; histogram: Record<DurationBucketKey, number> };
  };
  appeals: { filed: number; approved: number; rejected: number; pending_at_end: number; overturn_rate: number | null };
  active_moderators: number;
}

const DEFINITIONS = {
  reports_received: 'Reports filed during the month (reports.created_at), by the origin of the reporting account and of the reported account.',
  reports_resolved: 'Reports resolved during the month (reports.action_taken_at).',
  outcomes:
    'The strongest strike issued against the reported account for the report (tied to it, or issued while it was open); no_action = resolved without a strike.',
  resolution_time: 'From filing to resolution, in seconds; histogram buckets by lower bound.',
  appeals: 'Appeals filed, approved and rejected during the month; pending_at_end = undecided at the end of the month; overturn_rate = approved / (approved + rejected).',
  active_moderators: 'Distinct staff accounts that resolved a report, wrote a report note, or took any logged moderation action during the month.',
};

function zeroCategories(): Record<ReportCategory, number> {
  return Object.fromEntries(REPORT_CATEGORIES.map((c) => [c, 0])) as Record<ReportCategory, number>;
}

/** The machine-readable transparency report: every category, outcome and bucket present, zeros included. */
export function transparencyDocument(report: TransparencyInput, { instance, generatedAt }: { instance: string; generatedAt: Date }): TransparencyDocument {
  const byCategory = zeroCategories();
  const byReporter = { local: zeroCategories(), remote: zeroCategories() };
  const byTarget = { local: zeroCategories(), remote: zeroCategories() };
  for (const row of report.received) {
    const c = categoryName(row.category);
    byCategory[c] += row.count;
    byReporter[row.reporterOrigin][c] += row.count;
    byTarget[row.targetOrigin][c] += row.count;
  }
  const outcomes = Object.fromEntries([['no_action', 0], ...STRIKE_OUTCOMES.map((o) => [o.key, 0])]) as Record<OutcomeKey, number>;
  for (const row of report.outcomes) outcomes[outcomeKey(row.strikeAction)] += row.count;
  const histogram = Object.fromEntries(DURATION_BUCKETS.map((b) => [b.key, 0])) as Record<DurationBucketKey, number>;
  for (const row of report.resolutionHistogram) {
    const bucket = DURATION_BUCKETS[row.bucket];
    if (bucket) histogram[bucket.key] += row.count;
  }
  const decided = report.appeals.approved + report.appeals.rejected;
  return {
    instance,
    month: report.month,
    period: { start: report.start.toISOString(), end: report.end.toISOString() },
    generated_at: generatedAt.toISOString(),
    definitions: DEFINITIONS,
    reports_received: {
      total: Object.values(byCategory).reduce((a, b) => a + b, 0),
      by_category: byCategory,
      by_reporter_origin: byReporter,
      by_target_origin: byTarget,
    },
    reports_resolved: {
      total: Object.values(outcomes).reduce((a, b) => a + b, 0),
      outcomes,
      resolution_time: { median_seconds: report.resolutionMedianSeconds, mean_seconds: report.resolutionMeanSeconds, histogram },
    },
    appeals: {
      filed: report.appeals.filed,
      approved: report.appeals.approved,
      rejected: report.appeals.rejected,
      pending_at_end: report.appeals.pendingAtEnd,
      overturn_rate: decided > 0 ? Number((report.appeals.approved / decided).toFixed(4)) : null,
    },
    active_moderators: report.activeModerators,
  };
}

export const TRANSPARENCY_CSV_HEADER = ['month', 'section', 'metric', 'category', 'origin', 'value'] as const;

/**
 * The same figures as one tidy table (one figure per row), so a spreadsheet can pivot it.
 * `origin` is `reporter:local`, `target:remote`, … where a figure is split by origin.
 */
export function transparencyCsv(doc: TransparencyDocument): string {
  const lines: string[] = [csvLine([...TRANSPARENCY_CSV_HEADER])];
  const row = (section: string, metric: string, category: string, origin: string, value: number | null) => lines.push(csvLine([doc.month, section, metric, category, origin, value]));
  row('reports_received', 'total', '', '', doc.reports_received.total);
  for (const c of REPORT_CATEGORIES) row('reports_received', 'count', c, '', doc.reports_received.by_category[c]);
  for (const side of ['reporter', 'target'] as const) {
    const split = side === 'reporter' ? doc.reports_received.by_reporter_origin : doc.reports_received.by_target_origin;
    for (const origin of ['local', 'remote'] as const) for (const c of REPORT_CATEGORIES) row('reports_received', 'count', c, `${side}:${origin}`, split[origin][c]);
  }
  row('reports_resolved', 'total', '', '', doc.reports_resolved.total);
  for (const [key, value] of Object.entries(doc.reports_resolved.outcomes)) row('outcomes', key, '', '', value);
  row('resolution_time', 'median_seconds', '', '', doc.reports_resolved.resolution_time.median_seconds);
  row('resolution_time', 'mean_seconds', '', '', doc.reports_resolved.resolution_time.mean_seconds);
  for (const [key, value] of Object.entries(doc.reports_resolved.resolution_time.histogram)) row('resolution_time', key, '', '', value);
  row('appeals', 'filed', '', '', doc.appeals.filed);
  row('appeals', 'approved', '', '', doc.appeals.approved);
  row('appeals', 'rejected', '', '', doc.appeals.rejected);
  row('appeals', 'pending_at_end', '', '', doc.appeals.pending_at_end);
  row('appeals', 'overturn_rate', '', '', doc.appeals.overturn_rate);
  row('moderators', 'active', '', '', doc.active_moderators);
  return lines.join('');
}
