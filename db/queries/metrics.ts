import { sql } from 'kysely';
import { DURATION_BUCKET_EDGES, metricsWindow } from '@/lib/metrics';
import type { Db } from '../client';

/**
 * The overview's charts and the transparency export, each one SQL statement over Mastodon's tables
 * plus `palisade.events`. Mastodon has no index on `reports.created_at`/`action_taken_at`, so the
 * windowed figures read `reports` once per statement (a sequential scan of a narrow table: ~40 ms at
 * 200 k reports, see `npm run bench`); per-report look-ups go through Mastodon's own indexes
 * (admin_action_logs (target_type, target_id), report_notes (report_id), account_warnings
 * (target_account_id)) and Palisade's events (target_type, target_id, created_at).
 *
 * Figures are computed as of `now` (the database clock unless a test pins it).
 */

export interface WindowInput {
  db: Db;
  now: Date;
  days: number;
}

/**
 * Runs one analytic statement with PostgreSQL's JIT off: over a few hundred thousand rows its
 * compile time (0.3–3 s measured at the large seed) exceeds the query itself. Local to the
 * transaction, so nothing else on the connection changes.
 */
async function analytic<T>(db: Db, run: (db: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    await sql`SET LOCAL jit = off`.execute(db);
    return run(db);
  }
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL jit = off`.execute(trx);
    return run(trx);
  });
}

function edges() {
  return sql.raw(`ARRAY[${DURATION_BUCKET_EDGES.join(',')}]::float8[]`);
}

export interface ReportFlowDay {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  opened: number;
  resolved: number;
  /** Open reports at the end of that day (at `now` for today). */
  backlog: number;
}

/**
 * Reports opened and resolved per UTC day, and the open backlog at the end of each day. The
 * backlog is rebuilt from `created_at`/`action_taken_at`: a report resolved, reopened and resolved
 * again counts from its last resolution (Mastodon keeps only that one).
 */
export async function getReportFlow({ db, now, days }: WindowInput): Promise<ReportFlowDay[]> {
  const { start } = metricsWindow(now, days);
  const { rows } = await analytic(db, (db) =>
    sql<{ day: string; opened: number; resolved: number; backlog: number }>`
    WITH relevant AS MATERIALIZED (
      SELECT created_at, action_taken_at FROM reports
      WHERE created_at <= ${now}::timestamp
        AND (created_at >= ${start}::timestamp OR action_taken_at IS NULL OR action_taken_at >= ${start}::timestamp)
    ),
    days AS (
      SELECT generate_series(${start}::timestamp, date_trunc('day', ${now}::timestamp), interval '1 day') AS day
    ),
    opened AS (
      SELECT date_trunc('day', created_at) AS day, count(*) AS n FROM relevant WHERE created_at >= ${start}::timestamp GROUP BY 1
    ),
    resolved AS (
      SELECT date_trunc('day', action_taken_at) AS day, count(*) AS n FROM relevant
      WHERE action_taken_at >= ${start}::timestamp AND action_taken_at <= ${now}::timestamp GROUP BY 1
    ),
    carried AS (
      SELECT count(*) AS n FROM relevant
      WHERE created_at < ${start}::timestamp AND (action_taken_at IS NULL OR action_taken_at >= ${start}::timestamp)
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
           coalesce(o.n, 0)::int AS opened,
           coalesce(r.n, 0)::int AS resolved,
           ((SELECT n FROM carried) + sum(coalesce(o.n, 0) - coalesce(r.n, 0)) OVER (ORDER BY d.day))::int AS backlog
    FROM days d
    LEFT JOIN opened o ON o.day = d.day
    LEFT JOIN resolved r ON r.day = d.day
    ORDER BY d.day`.execute(db),
  );
  return rows;
}

export interface DurationStats {
  count: number;
  /** Whole seconds; null when count is 0. */
  median: number | null;
  p90: number | null;
}

export interface ResponseTimeRow {
  /** Mastodon's category integer, or null for all categories together. */
  category: number | null;
  /** Reports filed in the window and touched since. */
  firstAction: DurationStats;
  /** Reports filed in the window that nobody has touched yet. */
  untouched: number;
  /** Reports resolved in the window. */
  resolution: DurationStats;
}

/**
 * Time to first action for reports filed in the window (first touch at any time since; those not
 * touched yet are counted apart, never as zero), and time to resolution for reports resolved in the
 * window; median and p90 per category and overall. Touches are gathered set-wise (one pass over
 * the window's audit rows, notes and events, then one hash join) rather than probed per report:
 * 50 k index probes cost more than reading the window's rows once.
 */
export async function getResponseTimes({ db, now, days }: WindowInput): Promise<ResponseTimeRow[]> {
  const { start } = metricsWindow(now, days);
  const { rows } = await analytic(db, (db) =>
    sql<{
      category: number | null;
      fa_count: number;
      fa_median: number | null;
      fa_p90: number | null;
      untouched: number;
      tr_count: number;
      tr_median: number | null;
      tr_p90: number | null;
    }>`
    WITH relevant AS MATERIALIZED (
      SELECT id, category, created_at, action_taken_at FROM reports
      WHERE (created_at >= ${start}::timestamp AND created_at <= ${now}::timestamp)
         OR (action_taken_at >= ${start}::timestamp AND action_taken_at <= ${now}::timestamp)
    ),
    -- A report filed in the window is touched in it or later: the window's rows are all there is to read.
    touches AS (
      SELECT target_id AS report_id, created_at FROM admin_action_logs
      WHERE target_type = 'Report' AND created_at >= ${start}::timestamp AND created_at <= ${now}::timestamp
      UNION ALL
      SELECT report_id, created_at FROM report_notes
      WHERE created_at >= ${start}::timestamp AND created_at <= ${now}::timestamp
      UNION ALL
      SELECT target_id, created_at FROM palisade.events
      WHERE target_type = 'Report' AND created_at >= ${start}::timestamp AND created_at <= ${now}::timestamp
    ),
    first AS (SELECT report_id, min(created_at) AS at FROM touches GROUP BY report_id),
    measured AS (
      SELECT f.category,
             extract(epoch FROM LEAST(t.at, CASE WHEN f.action_taken_at <= ${now}::timestamp THEN f.action_taken_at END) - f.created_at) AS first_action_s,
             NULL::numeric AS resolution_s,
             true AS filed
      FROM relevant f LEFT JOIN first t ON t.report_id = f.id
      WHERE f.created_at >= ${start}::timestamp AND f.created_at <= ${now}::timestamp
      UNION ALL
      SELECT category, NULL, extract(epoch FROM action_taken_at - created_at), false FROM relevant
      WHERE action_taken_at >= ${start}::timestamp AND action_taken_at <= ${now}::timestamp
    )
    SELECT category,
           count(first_action_s)::int AS fa_count,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY first_action_s) AS fa_median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY first_action_s) AS fa_p90,
           count(*) FILTER (WHERE filed AND first_action_s IS NULL)::int AS untouched,
           count(resolution_s)::int AS tr_count,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution_s) AS tr_median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY resolution_s) AS tr_p90
    FROM measured
    GROUP BY GROUPING SETS ((category), ())
    ORDER BY category NULLS FIRST`.execute(db),
  );
  // Whole seconds: percentile_cont interpolates in float8, and nobody reads sub-second handling times.
  const num = (v: number | string | null) => (v === null ? null : Math.round(Number(v)));
  return rows.map((r) => ({
    category: r.category,
    firstAction: { count: r.fa_count, median: num(r.fa_median), p90: num(r.fa_p90) },
    untouched: r.untouched,
    resolution: { count: r.tr_count, median: num(r.tr_median), p90: num(r.tr_p90) },
  }));
}

export interface OpenAgeRow {
  /** Index into DURATION_BUCKETS. */
  bucket: number;
  category: number;
  count: number;
}

/** Open reports by age bucket and category, as of `now`. */
export async function getOpenReportAges({ db, now }: { db: Db; now: Date }): Promise<OpenAgeRow[]> {
  const { rows } = await analytic(db, (db) =>
    sql<OpenAgeRow>`
    SELECT width_bucket(extract(epoch FROM ${now}::timestamp - created_at)::float8, ${edges()}) AS bucket,
           category, count(*)::int AS count
    FROM reports
    WHERE action_taken_at IS NULL AND created_at <= ${now}::timestamp
    GROUP BY 1, 2
    ORDER BY 1, 2`.execute(db),
  );
  return rows;
}

/**
 * An account's domain by primary key, one probe per row. Written as a scalar subquery on purpose:
 * as a join, PostgreSQL hashes all of `accounts` (a million rows at the large seed, seconds) to
 * label a few thousand reports.
 */
function domainOf(accountId: string) {
  return sql<string | null>`(SELECT a.domain FROM accounts a WHERE a.id = ${sql.ref(accountId)})`;
}

export interface ReportedDomainRow {
  domain: string;
  /** Reports filed in the window about accounts of this domain. */
  reports: number;
  /** Of those, still open now. */
  open: number;
  /** Distinct accounts reported. */
  accounts: number;
}

/** Remote domains whose accounts drew the most reports in the window. */
export async function getTopReportedDomains({ db, now, days, limit = 10 }: WindowInput & { limit?: number }): Promise<ReportedDomainRow[]> {
  const { start } = metricsWindow(now, days);
  const { rows } = await analytic(db, (db) =>
    sql<ReportedDomainRow>`
    WITH per_account AS (
      SELECT target_account_id, count(*) AS reports, count(*) FILTER (WHERE action_taken_at IS NULL) AS open
      FROM reports WHERE created_at >= ${start}::timestamp AND created_at <= ${now}::timestamp
      GROUP BY target_account_id
    ),
    labelled AS MATERIALIZED (SELECT ${domainOf('p.target_account_id')} AS domain, reports, open FROM per_account p)
    SELECT domain, sum(reports)::int AS reports, sum(open)::int AS open, count(*)::int AS accounts
    FROM labelled WHERE domain IS NOT NULL
    GROUP BY domain
    ORDER BY reports DESC, domain
    LIMIT ${limit}`.execute(db),
  );
  return rows;
}

/**
 * Ids of resolved reports (from a CTE with id, target_account_id, created_at, action_taken_at) that
 * "led to action": their target received a strike tied to the report, or one issued while it was
 * open (Mastodon ties a strike to one report but resolves every open report on the account with
 * it). A join, not a per-report probe, so it stays one pass however many strikes there are.
 */
function actionedReports(source: string) {
  return sql`
    SELECT DISTINCT f.id FROM ${sql.table(source)} f
    JOIN account_warnings w ON w.target_account_id = f.target_account_id
    WHERE f.action_taken_at IS NOT NULL
      AND (w.report_id = f.id OR w.created_at BETWEEN f.created_at AND f.action_taken_at + interval '1 minute')`;
}

/** The strongest strike behind each resolved report of the CTE (see actionedReports). */
function strongestStrikes(source: string) {
  return sql`
    SELECT f.id, max(w.action) AS action FROM ${sql.table(source)} f
    JOIN account_warnings w ON w.target_account_id = f.target_account_id
    WHERE w.report_id = f.id OR w.created_at BETWEEN f.created_at AND f.action_taken_at + interval '1 minute'
    GROUP BY f.id`;
}

export interface ReportingDomainRow {
  /** Null for reports filed by this instance's own users. */
  domain: string | null;
  reports: number;
  resolved: number;
  actioned: number;
}

/** Where reports came from in the window, and how many of the resolved ones led to action. */
export async function getTopReportingDomains({ db, now, days, limit = 10 }: WindowInput & { limit?: number }): Promise<ReportingDomainRow[]> {
  const { start } = metricsWindow(now, days);
  const { rows } = await analytic(db, (db) =>
    sql<ReportingDomainRow>`
    WITH filed AS MATERIALIZED (
      SELECT id, account_id, target_account_id, created_at, action_taken_at FROM reports
      WHERE created_at >= ${start}::timestamp AND created_at <= ${now}::timestamp
    ),
    actioned AS (${actionedReports('filed')}),
    per_account AS (
      SELECT r.account_id, count(*) AS reports, count(*) FILTER (WHERE r.action_taken_at IS NOT NULL) AS resolved, count(x.id) AS actioned
      FROM filed r LEFT JOIN actioned x ON x.id = r.id
      GROUP BY r.account_id
    ),
    labelled AS MATERIALIZED (SELECT ${domainOf('p.account_id')} AS domain, reports, resolved, actioned FROM per_account p)
    SELECT domain, sum(reports)::int AS reports, sum(resolved)::int AS resolved, sum(actioned)::int AS actioned
    FROM labelled
    GROUP BY domain
    ORDER BY reports DESC, domain NULLS FIRST
    LIMIT ${limit}`.execute(db),
  );
  return rows;
}

export interface AppealWeek {
  /** Monday of the ISO week, `YYYY-MM-DD`. */
  week: string;
  filed: number;
  approved: number;
  rejected: number;
}

export interface AppealFigures {
  weeks: AppealWeek[];
  filed: number;
  approved: number;
  rejected: number;
  /** Pending now, whenever filed. */
  pending: number;
}

/** Appeals filed and decided per week in the window; overturn rate = approved ÷ decided. */
export async function getAppealFigures({ db, now, days }: WindowInput): Promise<AppealFigures> {
  const { start } = metricsWindow(now, days);
  const { rows } = await sql<{ week: string | null; filed: number; approved: number; rejected: number; pending: number }>`
    WITH moments AS (
      SELECT created_at AS at, 'filed' AS kind FROM appeals WHERE created_at >= ${start}::timestamp AND created_at <= ${now}::timestamp
      UNION ALL
      SELECT approved_at, 'approved' FROM appeals WHERE approved_at >= ${start}::timestamp AND approved_at <= ${now}::timestamp
      UNION ALL
      SELECT rejected_at, 'rejected' FROM appeals WHERE rejected_at >= ${start}::timestamp AND rejected_at <= ${now}::timestamp
    ),
    weeks AS (
      SELECT generate_series(date_trunc('week', ${start}::timestamp), date_trunc('week', ${now}::timestamp), interval '1 week') AS week
    )
    SELECT to_char(w.week, 'YYYY-MM-DD') AS week,
           count(*) FILTER (WHERE e.kind = 'filed')::int AS filed,
           count(*) FILTER (WHERE e.kind = 'approved')::int AS approved,
           count(*) FILTER (WHERE e.kind = 'rejected')::int AS rejected,
           NULL::int AS pending
    FROM weeks w LEFT JOIN moments e ON date_trunc('week', e.at) = w.week
    GROUP BY w.week
    UNION ALL
    SELECT NULL, 0, 0, 0, count(*)::int FROM appeals WHERE approved_at IS NULL AND rejected_at IS NULL
    ORDER BY 1 NULLS LAST`.execute(db);
  const weeks = rows.filter((r): r is typeof r & { week: string } => r.week !== null).map(({ week, filed, approved, rejected }) => ({ week, filed, approved, rejected }));
  const sum = (k: 'filed' | 'approved' | 'rejected') => weeks.reduce((a, w) => a + w[k], 0);
  return { weeks, filed: sum('filed'), approved: sum('approved'), rejected: sum('rejected'), pending: rows.find((r) => r.week === null)?.pending ?? 0 };
}

export interface ModeratorLoad {
  accountId: string;
  username: string;
  /** Reports this moderator resolved in the window. */
  resolved: number;
  /** Report notes written in the window. */
  notes: number;
  /** Every other audit-log action and Palisade event in the window. */
  otherActions: number;
  /** Open reports assigned to them now. */
  assignedOpen: number;
}

/**
 * Who carried the work in the window, for balancing it (view_audit_log only). Everyone who acted
 * or holds open assignments is listed, ordered by name: this is a distribution, not a ranking.
 */
export async function getModeratorWorkload({ db, now, days }: WindowInput): Promise<ModeratorLoad[]> {
  const { start } = metricsWindow(now, days);
  const { rows } = await analytic(db, (db) =>
    sql<{ account_id: string; username: string; resolved: number; notes: number; other_actions: number; assigned_open: number }>`
    WITH resolved AS (
      SELECT action_taken_by_account_id AS account_id, count(*) AS n FROM reports
      WHERE action_taken_at >= ${start}::timestamp AND action_taken_at <= ${now}::timestamp AND action_taken_by_account_id IS NOT NULL
      GROUP BY 1
    ),
    notes AS (
      SELECT account_id, count(*) AS n FROM report_notes
      WHERE created_at >= ${start}::timestamp AND created_at <= ${now}::timestamp GROUP BY 1
    ),
    actions AS (
      SELECT account_id, count(*) AS n FROM (
        SELECT account_id FROM admin_action_logs
        WHERE created_at >= ${start}::timestamp AND created_at <= ${now}::timestamp AND NOT (target_type = 'Report' AND action = 'resolve')
        UNION ALL
        SELECT account_id FROM palisade.events
        WHERE created_at >= ${start}::timestamp AND created_at <= ${now}::timestamp AND account_id IS NOT NULL
          AND NOT (target_type = 'Report' AND action = 'note_created')
      ) x GROUP BY 1
    ),
    assigned AS (
      SELECT assigned_account_id AS account_id, count(*) AS n FROM reports
      WHERE assigned_account_id IS NOT NULL AND action_taken_at IS NULL GROUP BY 1
    ),
    people AS (
      SELECT account_id FROM resolved UNION SELECT account_id FROM notes UNION SELECT account_id FROM actions UNION SELECT account_id FROM assigned
    )
    SELECT p.account_id, a.username,
           coalesce(rs.n, 0)::int AS resolved, coalesce(nt.n, 0)::int AS notes,
           coalesce(ac.n, 0)::int AS other_actions, coalesce(asg.n, 0)::int AS assigned_open
    FROM people p
    JOIN accounts a ON a.id = p.account_id
    LEFT JOIN resolved rs ON rs.account_id = p.account_id
    LEFT JOIN notes nt ON nt.account_id = p.account_id
    LEFT JOIN actions ac ON ac.account_id = p.account_id
    LEFT JOIN assigned asg ON asg.account_id = p.account_id
    ORDER BY lower(a.username), p.account_id`.execute(db),
  );
  return rows.map((r) => ({ accountId: r.account_id, username: r.username, resolved: r.resolved, notes: r.notes, otherActions: r.other_actions, assignedOpen: r.assigned_open }));
}

export interface TransparencyReport {
  month: string;
  start: Date;
  end: Date;
  /** Reports received in the month, by reporter origin, target origin and category. */
  received: Array<{ reporterOrigin: 'local' | 'remote'; targetOrigin: 'local' | 'remote'; category: number; count: number }>;
  /** Reports resolved in the month by their strongest outcome (null = resolved without action). */
  outcomes: Array<{ strikeAction: number | null; count: number }>;
  /** Resolution time of reports resolved in the month, by DURATION_BUCKETS index. */
  resolutionHistogram: Array<{ bucket: number; count: number }>;
  resolutionMedianSeconds: number | null;
  resolutionMeanSeconds: number | null;
  appeals: { filed: number; approved: number; rejected: number; pendingAtEnd: number };
  /** Distinct staff who resolved, noted, or took any logged action in the month. */
  activeModerators: number;
}

/** The monthly aggregate set proposed in Mastodon #27561, for DSA-style transparency reports. */
export async function getTransparencyReport({ db, month, start, end }: { db: Db; month: string; start: Date; end: Date }): Promise<TransparencyReport> {
  return analytic(db, async (db) => {
    const received = await sql<{ reporter_origin: 'local' | 'remote'; target_origin: 'local' | 'remote'; category: number; count: number }>`
      WITH per_pair AS (
        SELECT account_id, target_account_id, category, count(*) AS n
        FROM reports WHERE created_at >= ${start}::timestamp AND created_at < ${end}::timestamp
        GROUP BY 1, 2, 3
      )
      SELECT CASE WHEN ${domainOf('p.account_id')} IS NULL THEN 'local' ELSE 'remote' END AS reporter_origin,
             CASE WHEN ${domainOf('p.target_account_id')} IS NULL THEN 'local' ELSE 'remote' END AS target_origin,
             category, sum(n)::int AS count
      FROM per_pair p
      GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3`.execute(db);

    const resolved = await sql<{ kind: 'outcome' | 'bucket' | 'stats'; key: number | null; count: number; median: number | null; mean: number | null }>`
      WITH resolved_reports AS MATERIALIZED (
        SELECT id, target_account_id, created_at, action_taken_at, extract(epoch FROM action_taken_at - created_at)::float8 AS seconds
        FROM reports WHERE action_taken_at >= ${start}::timestamp AND action_taken_at < ${end}::timestamp
      ),
      strikes AS (${strongestStrikes('resolved_reports')}),
      resolved AS (
        SELECT r.seconds, s.action AS strike_action FROM resolved_reports r LEFT JOIN strikes s ON s.id = r.id
      )
      SELECT 'outcome' AS kind, strike_action AS key, count(*)::int AS count, NULL::float8 AS median, NULL::float8 AS mean FROM resolved GROUP BY strike_action
      UNION ALL
      SELECT 'bucket', width_bucket(seconds, ${edges()}), count(*)::int, NULL, NULL FROM resolved GROUP BY 2
      UNION ALL
      SELECT 'stats', NULL, count(*)::int, percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds), avg(seconds) FROM resolved`.execute(db);

    const other = await sql<{ filed: number; approved: number; rejected: number; pending_at_end: number; active_moderators: number }>`
      SELECT
        (SELECT count(*) FROM appeals WHERE created_at >= ${start}::timestamp AND created_at < ${end}::timestamp)::int AS filed,
        (SELECT count(*) FROM appeals WHERE approved_at >= ${start}::timestamp AND approved_at < ${end}::timestamp)::int AS approved,
        (SELECT count(*) FROM appeals WHERE rejected_at >= ${start}::timestamp AND rejected_at < ${end}::timestamp)::int AS rejected,
        (SELECT count(*) FROM appeals WHERE created_at < ${end}::timestamp
           AND (approved_at IS NULL OR approved_at >= ${end}::timestamp)
           AND (rejected_at IS NULL OR rejected_at >= ${end}::timestamp))::int AS pending_at_end,
        (SELECT count(DISTINCT account_id) FROM (
           SELECT action_taken_by_account_id AS account_id FROM reports WHERE action_taken_at >= ${start}::timestamp AND action_taken_at < ${end}::timestamp
           UNION ALL SELECT account_id FROM report_notes WHERE created_at >= ${start}::timestamp AND created_at < ${end}::timestamp
           UNION ALL SELECT account_id FROM admin_action_logs WHERE created_at >= ${start}::timestamp AND created_at < ${end}::timestamp
           UNION ALL SELECT account_id FROM palisade.events WHERE created_at >= ${start}::timestamp AND created_at < ${end}::timestamp
         ) x WHERE account_id IS NOT NULL)::int AS active_moderators`.execute(db);
    const stats = resolved.rows.find((r) => r.kind === 'stats');
    const o = other.rows[0];
    if (!o) throw new Error('The transparency query returned no row');
    return {
      month,
      start,
      end,
      received: received.rows.map((r) => ({ reporterOrigin: r.reporter_origin, targetOrigin: r.target_origin, category: r.category, count: r.count })),
      outcomes: resolved.rows.filter((r) => r.kind === 'outcome').map((r) => ({ strikeAction: r.key === null ? null : Number(r.key), count: r.count })),
      resolutionHistogram: resolved.rows
        .filter((r) => r.kind === 'bucket')
        .map((r) => ({ bucket: Number(r.key), count: r.count }))
        .sort((a, b) => a.bucket - b.bucket),
      resolutionMedianSeconds: stats && stats.count > 0 && stats.median !== null ? Math.round(Number(stats.median)) : null,
      resolutionMeanSeconds: stats && stats.count > 0 && stats.mean !== null ? Math.round(Number(stats.mean)) : null,
      appeals: { filed: o.filed, approved: o.approved, rejected: o.rejected, pendingAtEnd: o.pending_at_end },
      activeModerators: o.active_moderators,
    };
  });
}

export interface OverviewMetrics {
  flow: ReportFlowDay[];
  responseTimes: ResponseTimeRow[];
  openAges: OpenAgeRow[];
  reportedDomains: ReportedDomainRow[];
  reportingDomains: ReportingDomainRow[];
  appeals: AppealFigures;
  /** Only for roles with view_audit_log. */
  workload: ModeratorLoad[] | null;
}

/** Everything the overview charts show, as of `now` (the database clock of the headline figures). */
export async function getOverviewMetrics({ db, now, days, includeWorkload }: WindowInput & { includeWorkload: boolean }): Promise<OverviewMetrics> {
  const [flow, responseTimes, openAges, reportedDomains, reportingDomains, appeals, workload] = await Promise.all([
    getReportFlow({ db, now, days }),
    getResponseTimes({ db, now, days }),
    getOpenReportAges({ db, now }),
    getTopReportedDomains({ db, now, days }),
    getTopReportingDomains({ db, now, days }),
    getAppealFigures({ db, now, days }),
    includeWorkload ? getModeratorWorkload({ db, now, days }) : Promise.resolve(null),
  ]);
  return { flow, responseTimes, openAges, reportedDomains, reportingDomains, appeals, workload };
}
