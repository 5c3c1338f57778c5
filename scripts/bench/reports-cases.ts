import type { Db } from '../../db/client';
import { getStatusesForModeration } from '../../db/queries/report-statuses';
import {
  findNextReportInQueue,
  getReportDetail,
  listAccountModerationTimeline,
  listReportQueue,
  listReportQueueGroups,
  listReportsAgainstAccount,
  listStrikesAgainstAccount,
} from '../../db/queries/reports';
import { DEFAULT_FILTERS, type ReportQueueFilters } from '../../lib/report-filters';
import type { BenchCase } from './cases';

const ACTOR = '0';
const queue = (db: Db, changes: Partial<ReportQueueFilters>, cursor: Parameters<typeof listReportQueue>[0]['cursor'] = null) =>
  listReportQueue({ db, filters: { ...DEFAULT_FILTERS, ...changes }, cursor, actorAccountId: ACTOR, asOf: new Date(), limit: 50 });

/** The server with the most open reports (what a moderator filters on during a spam wave). */
async function busiestDomain(db: Db): Promise<string | null> {
  const { rows } = await listReportQueueGroups({ db, filters: { ...DEFAULT_FILTERS, group: 'domain', sort: 'most_reports' }, cursor: null, actorAccountId: ACTOR, asOf: new Date(), limit: 5 });
  return rows.find((g) => g.domain !== null)?.domain ?? null;
}

/** The report queue and the report page: what a moderator waits for on every click. */
export const REPORTS_BENCH_CASES: BenchCase[] = [
  { name: 'report_queue_first_page', run: (db) => queue(db, {}) },
  {
    name: 'report_queue_deep_page',
    // A cursor deep in the open backlog: keyset paging must not slow down with depth.
    prepare: async (db) => {
      let cursor = null;
      for (let i = 0; i < 20; i++) {
        const page = await queue(db, {}, cursor);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return cursor;
    },
    run: (db, cursor) => queue(db, {}, cursor as Parameters<typeof listReportQueue>[0]['cursor']),
  },
  { name: 'report_queue_all_newest', run: (db) => queue(db, { status: 'all', sort: 'newest' }) },
  { name: 'report_queue_priority', run: (db) => queue(db, { sort: 'priority' }) },
  { name: 'report_queue_most_reports', run: (db) => queue(db, { sort: 'most_reports' }) },
  {
    name: 'report_queue_spam_from_domain',
    prepare: busiestDomain,
    run: (db, domain) => queue(db, { category: 'spam', targetDomain: (domain as string | null) ?? 'spam.example' }),
  },
  { name: 'report_queue_text_search_open', run: (db) => queue(db, { query: 'spam' }) },
  { name: 'report_queue_text_search_all', run: (db) => queue(db, { status: 'all', query: 'harass' }) },
  { name: 'report_queue_unassigned_remote', run: (db) => queue(db, { assigned: 'none', targetOrigin: 'remote' }) },
  {
    name: 'report_queue_grouped_by_account',
    run: (db) => listReportQueueGroups({ db, filters: { ...DEFAULT_FILTERS, group: 'account', sort: 'most_reports' }, cursor: null, actorAccountId: ACTOR, asOf: new Date(), limit: 50 }),
  },
  {
    name: 'report_queue_grouped_by_domain',
    run: (db) => listReportQueueGroups({ db, filters: { ...DEFAULT_FILTERS, group: 'domain' }, cursor: null, actorAccountId: ACTOR, asOf: new Date(), limit: 50 }),
  },
  {
    name: 'report_page',
    // The report against the account with the most open reports: the heaviest history to load.
    prepare: async (db) => {
      const { rows } = await listReportQueueGroups({ db, filters: { ...DEFAULT_FILTERS, group: 'account', sort: 'most_reports' }, cursor: null, actorAccountId: ACTOR, asOf: new Date(), limit: 1 });
      return rows[0]?.firstReportId ?? null;
    },
    run: async (db, reportId) => {
      const detail = await getReportDetail({ db, reportId: (reportId as string | null) ?? '1' });
      if (!detail) return null;
      return Promise.all([
        getStatusesForModeration({ db, ids: detail.statusIds }),
        listReportsAgainstAccount({ db, targetAccountId: detail.target.id, excludeReportId: detail.id }),
        listStrikesAgainstAccount({ db, targetAccountId: detail.target.id }),
        listAccountModerationTimeline({ db, targetAccountId: detail.target.id, userId: detail.target.user?.id ?? null }),
      ]);
    },
  },
  {
    name: 'report_submit_and_next',
    prepare: async (db) => (await queue(db, {})).rows[10]?.id ?? null,
    run: (db, reportId) => findNextReportInQueue({ db, filters: DEFAULT_FILTERS, currentReportId: (reportId as string | null) ?? '1', actorAccountId: ACTOR, asOf: new Date() }),
  },
];
