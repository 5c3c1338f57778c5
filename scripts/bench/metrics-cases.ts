import type { Db } from '../../db/client';
import { listAuditActors, listAuditEntries, type AuditQuery } from '../../db/queries/audit-log';
import { getOverviewMetrics, getReportFlow, getResponseTimes, getTopReportedDomains, getTransparencyReport } from '../../db/queries/metrics';
import { auditActionType, type AuditActionType } from '../../lib/audit-actions';
import { monthBounds, previousMonth } from '../../lib/metrics';
import type { BenchCase } from './cases';

const ALL: AuditQuery = { actorIds: [], actions: [], targetType: null, targetDomain: null, from: null, until: null, query: null };
const type = (key: string) => auditActionType(key) as AuditActionType;
const DAY = 86_400_000;

/** The overview and audit log at scale: each chart query, the whole overview, the export, and the audit filters. */
export const METRICS_BENCH_CASES: BenchCase[] = [
  { name: 'overview_metrics_30d', run: (db) => getOverviewMetrics({ db, now: new Date(), days: 30, includeWorkload: true }) },
  { name: 'overview_metrics_90d', run: (db) => getOverviewMetrics({ db, now: new Date(), days: 90, includeWorkload: true }) },
  { name: 'overview_report_flow_90d', run: (db) => getReportFlow({ db, now: new Date(), days: 90 }) },
  { name: 'overview_response_times_90d', run: (db) => getResponseTimes({ db, now: new Date(), days: 90 }) },
  {
    name: 'transparency_previous_month',
    run: (db) => {
      const month = previousMonth(new Date());
      return getTransparencyReport({ db, month, ...monthBounds(month)! });
    },
  },
  { name: 'audit_log_first_page', run: (db) => listAuditEntries({ db, filter: ALL, cursor: null, limit: 50 }) },
  {
    name: 'audit_log_deep_page',
    // 2 000 rows in: keyset paging must not slow down with depth.
    prepare: async (db) => {
      let cursor = null;
      for (let i = 0; i < 2; i += 1) cursor = (await listAuditEntries({ db, filter: ALL, cursor, limit: 1000 })).next;
      return cursor;
    },
    run: (db, cursor) => listAuditEntries({ db, filter: ALL, cursor: cursor as Parameters<typeof listAuditEntries>[0]['cursor'], limit: 50 }),
  },
  {
    name: 'audit_log_actor_two_actions',
    prepare: async (db) => (await listAuditActors({ db }))[0]?.accountId ?? '0',
    run: (db, actor) =>
      listAuditEntries({ db, filter: { ...ALL, actorIds: [actor as string], actions: [type('resolve_report'), type('silence_account')] }, cursor: null, limit: 50 }),
  },
  {
    name: 'audit_log_target_domain',
    prepare: async (db: Db) => (await getTopReportedDomains({ db, now: new Date(), days: 90, limit: 1 }))[0]?.domain ?? 'example.com',
    run: (db, domain) => listAuditEntries({ db, filter: { ...ALL, targetDomain: domain as string }, cursor: null, limit: 50 }),
  },
  { name: 'audit_log_free_text_rare', run: (db) => listAuditEntries({ db, filter: { ...ALL, query: 'no-such-identifier' }, cursor: null, limit: 50 }) },
  {
    name: 'audit_log_one_day_60_days_ago',
    run: (db) => {
      const day = Math.floor(Date.now() / DAY) * DAY - 60 * DAY;
      return listAuditEntries({ db, filter: { ...ALL, from: new Date(day), until: new Date(day + DAY) }, cursor: null, limit: 50 });
    },
  },
  { name: 'audit_log_actors', run: (db) => listAuditActors({ db }) },
];
