import { sql, type RawBuilder } from 'kysely';
import { splitPage } from '@/lib/keyset';
import { hasNarrowingFilters, reportDateBounds, type QueueCursor, type ReportQueueFilters } from '@/lib/report-filters';
import { CATEGORY_CODES, categoryWeightSql } from '@/lib/report-priority';
import type { Db } from '../client';

export interface ReportState {
  id: string;
  actionTakenAt: Date | null;
  actionTakenByAccountId: string | null;
  assignedAccountId: string | null;
}

export async function getReportState({ db, reportId, forUpdate = false }: { db: Db; reportId: string; forUpdate?: boolean }): Promise<ReportState | undefined> {
  let query = db
    .selectFrom('reports')
    .select([
      'id',
      'action_taken_at as actionTakenAt',
      'action_taken_by_account_id as actionTakenByAccountId',
      'assigned_account_id as assignedAccountId',
    ])
    .where('id', '=', reportId);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Only an open report is resolved, so two moderators racing cannot both "resolve" it. */
export async function markReportResolved({ db, reportId, accountId, at }: { db: Db; reportId: string; accountId: string; at: Date }): Promise<boolean> {
  const result = await db
    .updateTable('reports')
    .set({ action_taken_at: at, action_taken_by_account_id: accountId, updated_at: at })
    .where('id', '=', reportId)
    .where('action_taken_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function markReportUnresolved({ db, reportId, at }: { db: Db; reportId: string; at: Date }): Promise<boolean> {
  const result = await db
    .updateTable('reports')
    .set({ action_taken_at: null, action_taken_by_account_id: null, updated_at: at })
    .where('id', '=', reportId)
    .where('action_taken_at', 'is not', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function setReportAssignee({ db, reportId, accountId, at }: { db: Db; reportId: string; accountId: string | null; at: Date }): Promise<boolean> {
  const result = await db
    .updateTable('reports')
    .set({ assigned_account_id: accountId, updated_at: at })
    .where('id', '=', reportId)
    .where(sql<boolean>`assigned_account_id IS DISTINCT FROM ${accountId}::bigint`)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export interface ReportQueueRow {
  id: string;
  createdAt: Date;
  category: number;
  targetAccountId: string;
  targetUsername: string;
  targetDomain: string | null;
}

/**
 * Open reports, oldest first, keyset-paginated on the primary key: report ids grow with
 * created_at (a plain sequence), so `id > cursor` walks the queue through `reports_pkey`.
 */
export async function listOpenReportsOldestFirst({ db, after, limit = 50 }: { db: Db; after?: string; limit?: number }): Promise<ReportQueueRow[]> {
  let query = db
    .selectFrom('reports as r')
    .innerJoin('accounts as t', 't.id', 'r.target_account_id')
    .select(['r.id', 'r.created_at as createdAt', 'r.category', 'r.target_account_id as targetAccountId', 't.username as targetUsername', 't.domain as targetDomain'])
    .where('r.action_taken_at', 'is', null)
    .orderBy('r.id', 'asc')
    .limit(limit);
  if (after) query = query.where('r.id', '>', after);
  return query.execute();
}

// ---------------------------------------------------------------------------------------------
// The queue

export interface ReportQueueQuery {
  filters: ReportQueueFilters;
  cursor: QueueCursor | null;
  /** The moderator looking (for "assigned to me"). */
  actorAccountId: string;
  /** Priorities are computed as of this moment (the cursor's, when paging). */
  asOf: Date;
  limit?: number;
}

export interface QueueAccount {
  id: string;
  username: string;
  domain: string | null;
  displayName: string;
}

export interface QueueTargetAccount extends QueueAccount {
  createdAt: Date;
  avatarFileName: string | null;
  avatarStorageSchemaVersion: number | null;
  suspended: boolean;
  silenced: boolean;
  /** Strikes not overruled by an appeal (Account#previous_strikes_count). */
  strikes: number;
}

export interface ReportQueueItem {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  category: number;
  ruleIds: string[];
  /** The first 280 characters of the reporter's comment (plain text). */
  commentExcerpt: string;
  commentLength: number;
  statusCount: number;
  forwarded: boolean | null;
  resolvedAt: Date | null;
  reporter: QueueAccount & { actorType: string | null };
  target: QueueTargetAccount;
  assignee: QueueAccount | null;
  /** Reports against the same account in the queue's status scope (this one included). */
  targetReports: number;
  /** Distinct reporters of those reports. */
  targetReporters: number;
  priority: number;
}

export interface ReportQueueGroup {
  /** Target account id, or the domain ('' for local accounts). */
  key: string;
  kind: 'account' | 'domain';
  reports: number;
  reporters: number;
  /** Distinct reported accounts (domain groups). */
  accounts: number;
  oldestAt: Date;
  newestAt: Date;
  categories: number[];
  /** The group's oldest report, opened when the group is. */
  firstReportId: string;
  lastReportId: string;
  priority: number;
  /** Account groups: the reported account. */
  target: QueueTargetAccount | null;
  /** Domain groups: the domain (null = this server's own accounts). */
  domain: string | null;
}

export type ReportQueuePage<T> = { rows: T[]; nextCursor: QueueCursor | null };

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function statusCondition(status: ReportQueueFilters['status'], alias: string): RawBuilder<boolean> {
  if (status === 'open') return sql<boolean>`${sql.ref(`${alias}.action_taken_at`)} IS NULL`;
  if (status === 'resolved') return sql<boolean>`${sql.ref(`${alias}.action_taken_at`)} IS NOT NULL`;
  return sql<boolean>`TRUE`;
}

/** WHERE conditions over `reports r` joined to its target `t` (and reporter `ra`). */
function queueConditions(filters: ReportQueueFilters, actorAccountId: string): RawBuilder<boolean>[] {
  const where: RawBuilder<boolean>[] = [statusCondition(filters.status, 'r')];
  if (filters.category) where.push(sql<boolean>`r.category = ${CATEGORY_CODES[filters.category]}`);
  if (filters.ruleId) where.push(sql<boolean>`r.rule_ids @> ARRAY[${filters.ruleId}]::bigint[]`);
  if (filters.targetOrigin === 'local') where.push(sql<boolean>`t.domain IS NULL`);
  if (filters.targetOrigin === 'remote') where.push(sql<boolean>`t.domain IS NOT NULL`);
  if (filters.targetDomain) where.push(sql<boolean>`t.domain = ${filters.targetDomain}`);
  if (filters.targetAccountId) where.push(sql<boolean>`r.target_account_id = ${filters.targetAccountId}`);
  if (filters.reporterDomain) where.push(sql<boolean>`ra.domain = ${filters.reporterDomain}`);
  if (filters.assigned === 'me') where.push(sql<boolean>`r.assigned_account_id = ${actorAccountId}`);
  if (filters.assigned === 'others') where.push(sql<boolean>`r.assigned_account_id IS NOT NULL AND r.assigned_account_id <> ${actorAccountId}`);
  if (filters.assigned === 'any') where.push(sql<boolean>`r.assigned_account_id IS NOT NULL`);
  if (filters.assigned === 'none') where.push(sql<boolean>`r.assigned_account_id IS NULL`);
  if (filters.forwarded === true) where.push(sql<boolean>`r.forwarded IS TRUE`);
  if (filters.forwarded === false) where.push(sql<boolean>`r.forwarded IS NOT TRUE`);
  if (filters.query) {
    const pattern = likePattern(filters.query);
    where.push(sql<boolean>`(r.comment ILIKE ${pattern} OR t.username ILIKE ${pattern})`);
  }
  // Dates bound the timestamp itself, never the id: ids follow filing order only by habit. Mastodon
  // has no index on either column, so a range is a filter on rows another condition (the open
  // partial index, the id walk) already reads; it is one comparison each, however narrow.
  // Columns are UTC `timestamp without time zone`: bounds are compared as UTC wall time.
  const { from, until } = reportDateBounds(filters);
  const dated = sql.ref(filters.dateField === 'resolved' ? 'r.action_taken_at' : 'r.created_at');
  if (from) where.push(sql<boolean>`${dated} >= ${from.toISOString()}::timestamp`);
  if (until) where.push(sql<boolean>`${dated} < ${until.toISOString()}::timestamp`);
  return where;
}

/**
 * The reports matching the filters, with what sorting and grouping need. The reported account is
 * joined only when a filter or the domain grouping reads it, and the reporter only when filtered
 * on: the open backlog alone is read from the partial index without touching accounts.
 */
function matchingReports(filters: ReportQueueFilters, actorAccountId: string, { withDomain = false }: { withDomain?: boolean } = {}): RawBuilder<unknown> {
  const targetJoin = withDomain || filters.targetOrigin || filters.targetDomain || filters.query ? sql`JOIN accounts t ON t.id = r.target_account_id` : sql``;
  const reporterJoin = filters.reporterDomain ? sql`JOIN accounts ra ON ra.id = r.account_id` : sql``;
  return sql`
    SELECT r.id, r.target_account_id, r.account_id, r.category, r.created_at${withDomain ? sql`, t.domain AS target_domain` : sql``}
    FROM reports r
    ${targetJoin}
    ${reporterJoin}
    WHERE ${sql.join(queueConditions(filters, actorAccountId), sql` AND `)}`;
}

/**
 * Reports and distinct reporters per reported account over the status scope. When the only
 * filter is the status, the matching set is that scope and is counted directly; otherwise the
 * scope is re-read for the matching accounts (index_reports_on_target_account_id).
 */
function targetCounts(filters: ReportQueueFilters): RawBuilder<unknown> {
  if (!hasNarrowingFilters(filters)) {
    return sql`SELECT target_account_id, count(*)::int AS n, count(DISTINCT account_id)::int AS reporters FROM matching GROUP BY target_account_id`;
  }
  return sql`
    SELECT r.target_account_id, count(*)::int AS n, count(DISTINCT r.account_id)::int AS reporters
    FROM reports r
    WHERE ${statusCondition(filters.status, 'r')} AND r.target_account_id IN (SELECT target_account_id FROM matching)
    GROUP BY r.target_account_id`;
}

const hoursSql = (asOf: Date, column: RawBuilder<unknown>) => sql`GREATEST(1, floor(extract(epoch FROM (${asOf.toISOString()}::timestamp - ${column})) / 3600))::bigint`;

const TARGET_COLUMNS = sql`
  t.id AS t_id, t.username AS t_username, t.domain AS t_domain, t.display_name AS t_display_name, t.created_at AS t_created_at,
  t.avatar_file_name AS t_avatar_file_name, t.avatar_storage_schema_version AS t_avatar_version,
  (t.suspended_at IS NOT NULL AND t.id <> -99) AS t_suspended, (t.silenced_at IS NOT NULL) AS t_silenced,
  (SELECT count(*) FROM account_warnings w WHERE w.target_account_id = t.id AND w.overruled_at IS NULL)::int AS t_strikes`;

interface TargetColumns {
  t_id: string;
  t_username: string;
  t_domain: string | null;
  t_display_name: string;
  t_created_at: Date;
  t_avatar_file_name: string | null;
  t_avatar_version: number | null;
  t_suspended: boolean;
  t_silenced: boolean;
  t_strikes: number;
}

function targetOf(row: TargetColumns): QueueTargetAccount {
  return {
    id: row.t_id,
    username: row.t_username,
    domain: row.t_domain,
    displayName: row.t_display_name,
    createdAt: row.t_created_at,
    avatarFileName: row.t_avatar_file_name,
    avatarStorageSchemaVersion: row.t_avatar_version,
    suspended: row.t_suspended,
    silenced: row.t_silenced,
    strikes: row.t_strikes,
  };
}

/** Per reported account: its reports in the status scope and their distinct reporters. */
function targetCountsLateral(status: ReportQueueFilters['status']): RawBuilder<unknown> {
  return sql`LEFT JOIN LATERAL (
      SELECT count(*)::int AS n, count(DISTINCT x.account_id)::int AS reporters
      FROM reports x WHERE x.target_account_id = r.target_account_id AND ${statusCondition(status, 'x')}
    ) tc ON TRUE`;
}

/**
 * One page of the report queue: filters, sort and keyset paging in SQL, so a page costs the same
 * at the start and deep in the backlog. "oldest"/"newest" walk report ids (they follow filing
 * order) and stop after a page; open reports come from the partial index in
 * lib/recommended-indexes.ts. "most reports" and "priority" rank the matching set, which for the
 * open queue is the open backlog only.
 */
export async function listReportQueue({ db, filters, cursor, actorAccountId, asOf, limit = 50 }: ReportQueueQuery & { db: Db }): Promise<ReportQueuePage<ReportQueueItem>> {
  const sort = filters.sort;
  let page: RawBuilder<unknown>;
  if (sort === 'oldest' || sort === 'newest') {
    const reporterJoin = filters.reporterDomain ? sql`JOIN accounts ra ON ra.id = r.account_id` : sql``;
    const conditions = queueConditions(filters, actorAccountId);
    if (cursor?.sort === sort) conditions.push(sort === 'oldest' ? sql<boolean>`r.id > ${cursor.id}` : sql<boolean>`r.id < ${cursor.id}`);
    page = sql`
      SELECT r.id FROM reports r JOIN accounts t ON t.id = r.target_account_id ${reporterJoin}
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY r.id ${sql.raw(sort === 'oldest' ? 'ASC' : 'DESC')}
      LIMIT ${limit + 1}`;
  } else {
    const weight = sql.raw(categoryWeightSql('m.category'));
    let keyset = sql`TRUE`;
    if (cursor?.sort === 'most_reports' && sort === 'most_reports') keyset = sql`(n < ${cursor.count} OR (n = ${cursor.count} AND id > ${cursor.id}))`;
    if (cursor?.sort === 'priority' && sort === 'priority') keyset = sql`(score < ${cursor.score} OR (score = ${cursor.score} AND id > ${cursor.id}))`;
    page = sql`
      WITH matching AS MATERIALIZED (${matchingReports(filters, actorAccountId)}),
      target_counts AS (${targetCounts(filters)}),
      ranked AS (
        SELECT m.id, tc.n, (${weight} * ${hoursSql(asOf, sql`m.created_at`)} * GREATEST(1, tc.reporters))::bigint AS score
        FROM matching m JOIN target_counts tc ON tc.target_account_id = m.target_account_id
      )
      SELECT id FROM ranked
      WHERE ${keyset}
      ORDER BY ${sort === 'most_reports' ? sql`n DESC, id ASC` : sql`score DESC, id ASC`}
      LIMIT ${limit + 1}`;
  }

  const { rows } = await sql<
    TargetColumns & {
      id: string;
      created_at: Date;
      updated_at: Date;
      category: number;
      rule_ids: string[] | null;
      comment_excerpt: string;
      comment_length: number;
      status_count: number;
      forwarded: boolean | null;
      action_taken_at: Date | null;
      n: number;
      reporters: number;
      score: string;
      rep_id: string;
      rep_username: string;
      rep_domain: string | null;
      rep_display_name: string;
      rep_actor_type: string | null;
      as_id: string | null;
      as_username: string | null;
      as_domain: string | null;
      as_display_name: string | null;
    }
  >`
    WITH page AS (${page}),
    detailed AS (
      SELECT r.id, r.created_at, r.updated_at, r.category, r.rule_ids, left(r.comment, 280) AS comment_excerpt, length(r.comment) AS comment_length,
        cardinality(r.status_ids) AS status_count, r.forwarded, r.action_taken_at, tc.n, tc.reporters,
        (${sql.raw(categoryWeightSql('r.category'))} * ${hoursSql(asOf, sql`r.created_at`)} * GREATEST(1, tc.reporters))::bigint AS score_value,
        ra.id AS rep_id, ra.username AS rep_username, ra.domain AS rep_domain, ra.display_name AS rep_display_name, ra.actor_type AS rep_actor_type,
        asg.id AS as_id, asg.username AS as_username, asg.domain AS as_domain, asg.display_name AS as_display_name,
        ${TARGET_COLUMNS}
      FROM page
      JOIN reports r ON r.id = page.id
      JOIN accounts t ON t.id = r.target_account_id
      JOIN accounts ra ON ra.id = r.account_id
      LEFT JOIN accounts asg ON asg.id = r.assigned_account_id
      ${targetCountsLateral(filters.status)}
    )
    SELECT detailed.*, score_value::text AS score FROM detailed
    ORDER BY ${sort === 'oldest' ? sql`id ASC` : sort === 'newest' ? sql`id DESC` : sort === 'most_reports' ? sql`n DESC, id ASC` : sql`score_value DESC, id ASC`}`.execute(db);

  const { rows: pageRows, hasMore } = splitPage(rows, limit);
  const items: ReportQueueItem[] = pageRows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    category: row.category,
    ruleIds: row.rule_ids ?? [],
    commentExcerpt: row.comment_excerpt,
    commentLength: row.comment_length,
    statusCount: row.status_count,
    forwarded: row.forwarded,
    resolvedAt: row.action_taken_at,
    reporter: { id: row.rep_id, username: row.rep_username, domain: row.rep_domain, displayName: row.rep_display_name, actorType: row.rep_actor_type },
    target: targetOf(row),
    assignee: row.as_id ? { id: row.as_id, username: row.as_username ?? '', domain: row.as_domain, displayName: row.as_display_name ?? '' } : null,
    targetReports: row.n,
    targetReporters: row.reporters,
    priority: Number(row.score),
  }));
  const last = items.at(-1);
  let nextCursor: QueueCursor | null = null;
  if (hasMore && last) {
    if (sort === 'oldest' || sort === 'newest') nextCursor = { sort, id: last.id };
    else if (sort === 'most_reports') nextCursor = { sort, count: last.targetReports, id: last.id };
    else nextCursor = { sort, asOf: asOf.toISOString(), score: last.priority, id: last.id };
  }
  return { rows: items, nextCursor };
}

/**
 * The queue grouped by reported account (one row per account) or by its domain (one row per
 * server; '' is this server's own accounts). Counts are over the reports in view (the filters
 * apply). Keyset on the group's first report id, which is unique across groups.
 */
export async function listReportQueueGroups({ db, filters, cursor, actorAccountId, asOf, limit = 50 }: ReportQueueQuery & { db: Db }): Promise<ReportQueuePage<ReportQueueGroup>> {
  const kind = filters.group === 'domain' ? 'domain' : 'account';
  const sort = filters.sort;
  const key = kind === 'account' ? sql`target_account_id` : sql`target_domain`;
  let keyset = sql`TRUE`;
  let order = sql`first_id ASC`;
  if (sort === 'oldest') {
    if (cursor?.sort === 'oldest') keyset = sql`first_id > ${cursor.id}`;
  } else if (sort === 'newest') {
    order = sql`last_id DESC`;
    if (cursor?.sort === 'newest') keyset = sql`last_id < ${cursor.id}`;
  } else if (sort === 'most_reports') {
    order = sql`n DESC, first_id ASC`;
    if (cursor?.sort === 'most_reports') keyset = sql`(n < ${cursor.count} OR (n = ${cursor.count} AND first_id > ${cursor.id}))`;
  } else {
    order = sql`score DESC, first_id ASC`;
    if (cursor?.sort === 'priority') keyset = sql`(score < ${cursor.score} OR (score = ${cursor.score} AND first_id > ${cursor.id}))`;
  }
  const { rows } = await sql<
    Partial<TargetColumns> & {
      group_key: string | null;
      n: number;
      reporters: number;
      accounts: number;
      first_id: string;
      last_id: string;
      oldest_at: Date;
      newest_at: Date;
      categories: number[];
      score: string;
    }
  >`
    WITH matching AS MATERIALIZED (${matchingReports(filters, actorAccountId, { withDomain: kind === 'domain' })}),
    groups AS (
      SELECT ${key} AS group_key, count(*)::int AS n, count(DISTINCT account_id)::int AS reporters, count(DISTINCT target_account_id)::int AS accounts,
        min(id) AS first_id, max(id) AS last_id, min(created_at) AS oldest_at, max(created_at) AS newest_at,
        array_agg(DISTINCT category ORDER BY category) AS categories,
        (max(${sql.raw(categoryWeightSql('category'))} * ${hoursSql(asOf, sql`created_at`)}) * GREATEST(1, count(DISTINCT account_id)))::bigint AS score
      FROM matching
      GROUP BY ${key}
    ),
    page AS (SELECT * FROM groups WHERE ${keyset} ORDER BY ${order} LIMIT ${limit + 1})
    SELECT page.group_key::text AS group_key, page.n, page.reporters, page.accounts, page.first_id, page.last_id, page.oldest_at, page.newest_at, page.categories, page.score::text AS score
      ${kind === 'account' ? sql`, ${TARGET_COLUMNS}` : sql``}
    FROM page
    ${kind === 'account' ? sql`JOIN accounts t ON t.id = page.group_key` : sql``}
    ORDER BY ${order}`.execute(db);

  const { rows: pageRows, hasMore } = splitPage(rows, limit);
  const groups: ReportQueueGroup[] = pageRows.map((row) => ({
    key: row.group_key ?? '',
    kind,
    reports: row.n,
    reporters: row.reporters,
    accounts: row.accounts,
    oldestAt: row.oldest_at,
    newestAt: row.newest_at,
    categories: (row.categories ?? []).map(Number),
    firstReportId: row.first_id,
    lastReportId: row.last_id,
    priority: Number(row.score),
    target: kind === 'account' ? targetOf(row as TargetColumns) : null,
    domain: kind === 'domain' ? row.group_key : null,
  }));
  const last = groups.at(-1);
  let nextCursor: QueueCursor | null = null;
  if (hasMore && last) {
    if (sort === 'oldest') nextCursor = { sort, id: last.firstReportId };
    else if (sort === 'newest') nextCursor = { sort, id: last.lastReportId };
    else if (sort === 'most_reports') nextCursor = { sort, count: last.reports, id: last.firstReportId };
    else nextCursor = { sort, asOf: asOf.toISOString(), score: last.priority, id: last.firstReportId };
  }
  return { rows: groups, nextCursor };
}

/** Submit & next: the report after `currentReportId` in the queue's order, else the queue's first other report. */
export async function findNextReportInQueue({ db, filters, currentReportId, actorAccountId, asOf }: { db: Db; filters: ReportQueueFilters; currentReportId: string; actorAccountId: string; asOf: Date }): Promise<string | null> {
  const ungrouped = { ...filters, group: 'none' as const, cursor: null };
  const cursor = await queuePositionOf({ db, filters: ungrouped, reportId: currentReportId, asOf });
  if (cursor) {
    const after = await listReportQueue({ db, filters: ungrouped, cursor, actorAccountId, asOf, limit: 1 });
    if (after.rows[0]) return after.rows[0].id;
  }
  // Nothing after it (or it is gone): wrap around to the head of the queue.
  const head = await listReportQueue({ db, filters: ungrouped, cursor: null, actorAccountId, asOf, limit: 2 });
  return head.rows.find((row) => row.id !== currentReportId)?.id ?? null;
}

/**
 * Where a report sits in a sorted queue, as a keyset cursor: its id for the id-ordered sorts; its
 * target's report count or its priority (computed exactly as the queue computes them) for the
 * ranked sorts, so "next" is the report after this one, not the head of the queue again.
 */
async function queuePositionOf({ db, filters, reportId, asOf }: { db: Db; filters: ReportQueueFilters; reportId: string; asOf: Date }): Promise<QueueCursor | null> {
  if (filters.sort === 'oldest' || filters.sort === 'newest') return { sort: filters.sort, id: reportId };
  if (!/^\d{1,19}$/.test(reportId)) return null;
  const { rows } = await sql<{ n: number; score: string }>`
    SELECT tc.n, (${sql.raw(categoryWeightSql('r.category'))} * ${hoursSql(asOf, sql`r.created_at`)} * GREATEST(1, tc.reporters))::bigint::text AS score
    FROM reports r ${targetCountsLateral(filters.status)}
    WHERE r.id = ${reportId}`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return filters.sort === 'most_reports' ? { sort: 'most_reports', count: row.n, id: reportId } : { sort: 'priority', asOf: asOf.toISOString(), score: Number(row.score), id: reportId };
}

// ---------------------------------------------------------------------------------------------
// The report page

export interface ReportPageAccount {
  id: string;
  username: string;
  domain: string | null;
  displayName: string;
  actorType: string | null;
  url: string | null;
  createdAt: Date;
  avatarFileName: string | null;
  avatarStorageSchemaVersion: number | null;
}

export interface ReportTargetDetail extends ReportPageAccount {
  note: string;
  locked: boolean;
  memorial: boolean;
  suspendedAt: Date | null;
  suspensionOrigin: number | null;
  silencedAt: Date | null;
  sensitizedAt: Date | null;
  requestedDeletionAt: Date | null;
  movedToAccountId: string | null;
  /** Pending data deletion (a local suspension's 30-day grace period). */
  deletionRequestedAt: Date | null;
  statusesCount: number;
  followersCount: number;
  followingCount: number;
  lastStatusAt: Date | null;
  /** Local accounts only. */
  user: { id: string; email: string; disabled: boolean; approved: boolean; confirmedAt: Date | null; roleName: string | null; rolePosition: number; signUpIp: string | null } | null;
}

export interface ReportDetail {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  category: number;
  comment: string;
  forwarded: boolean | null;
  ruleIds: string[];
  statusIds: string[];
  uri: string | null;
  resolvedAt: Date | null;
  applicationName: string | null;
  reporter: ReportPageAccount;
  target: ReportTargetDetail;
  assignee: ReportPageAccount | null;
  resolvedBy: ReportPageAccount | null;
}

const ACCOUNT_FIELDS = ['id', 'username', 'domain', 'display_name', 'actor_type', 'url', 'created_at', 'avatar_file_name', 'avatar_storage_schema_version'] as const;

function pageAccount(row: { id: string; username: string; domain: string | null; display_name: string; actor_type: string | null; url: string | null; created_at: Date; avatar_file_name: string | null; avatar_storage_schema_version: number | null }): ReportPageAccount {
  return {
    id: row.id,
    username: row.username,
    domain: row.domain,
    displayName: row.display_name,
    actorType: row.actor_type,
    url: row.url,
    createdAt: row.created_at,
    avatarFileName: row.avatar_file_name,
    avatarStorageSchemaVersion: row.avatar_storage_schema_version,
  };
}

/** Everything the report page shows about the report itself and both parties; undefined for an unknown id. */
export async function getReportDetail({ db, reportId }: { db: Db; reportId: string }): Promise<ReportDetail | undefined> {
  if (!/^\d{1,19}$/.test(reportId)) return undefined;
  const report = await db
    .selectFrom('reports as r')
    .leftJoin('oauth_applications as app', 'app.id', 'r.application_id')
    .select([
      'r.id',
      'r.created_at',
      'r.updated_at',
      'r.category',
      'r.comment',
      'r.forwarded',
      'r.rule_ids',
      'r.status_ids',
      'r.uri',
      'r.action_taken_at',
      'r.account_id',
      'r.target_account_id',
      'r.assigned_account_id',
      'r.action_taken_by_account_id',
      'app.name as application_name',
    ])
    .where('r.id', '=', reportId)
    .executeTakeFirst();
  if (!report) return undefined;

  const accountIds = [report.account_id, report.target_account_id, report.assigned_account_id, report.action_taken_by_account_id].filter((id): id is string => id !== null);
  const [accounts, target] = await Promise.all([
    db.selectFrom('accounts').select(ACCOUNT_FIELDS).where('id', 'in', accountIds).execute(),
    db
      .selectFrom('accounts as a')
      .leftJoin('account_stats as st', 'st.account_id', 'a.id')
      .leftJoin('users as u', 'u.account_id', 'a.id')
      .leftJoin('user_roles as role', 'role.id', 'u.role_id')
      .select([
        'a.note',
        'a.locked',
        'a.memorial',
        'a.suspended_at',
        'a.suspension_origin',
        'a.silenced_at',
        'a.sensitized_at',
        'a.requested_deletion_at',
        'a.moved_to_account_id',
        sql<Date | null>`(SELECT max(d.created_at) FROM account_deletion_requests d WHERE d.account_id = a.id)`.as('deletion_requested_at'),
        sql<number>`COALESCE(st.statuses_count, 0)::int`.as('statuses_count'),
        sql<number>`COALESCE(st.followers_count, 0)::int`.as('followers_count'),
        sql<number>`COALESCE(st.following_count, 0)::int`.as('following_count'),
        'st.last_status_at',
        'u.id as user_id',
        'u.email',
        'u.disabled',
        'u.approved',
        'u.confirmed_at',
        sql<string | null>`host(u.sign_up_ip)`.as('sign_up_ip'),
        'role.name as role_name',
        sql<number>`COALESCE(role.position, -1)`.as('role_position'),
      ])
      .where('a.id', '=', report.target_account_id)
      .executeTakeFirstOrThrow(),
  ]);
  const byId = new Map(accounts.map((a) => [a.id, pageAccount(a)]));
  const find = (id: string | null) => (id ? (byId.get(id) ?? null) : null);
  return {
    id: report.id,
    createdAt: report.created_at,
    updatedAt: report.updated_at,
    category: report.category,
    comment: report.comment,
    forwarded: report.forwarded,
    ruleIds: report.rule_ids ?? [],
    statusIds: report.status_ids,
    uri: report.uri,
    resolvedAt: report.action_taken_at,
    applicationName: report.application_name,
    reporter: find(report.account_id)!,
    target: {
      ...find(report.target_account_id)!,
      note: target.note,
      locked: target.locked,
      memorial: target.memorial,
      suspendedAt: target.suspended_at,
      suspensionOrigin: target.suspension_origin,
      silencedAt: target.silenced_at,
      sensitizedAt: target.sensitized_at,
      requestedDeletionAt: target.requested_deletion_at,
      movedToAccountId: target.moved_to_account_id,
      deletionRequestedAt: (target.deletion_requested_at as Date | null) ?? null,
      statusesCount: target.statuses_count,
      followersCount: target.followers_count,
      followingCount: target.following_count,
      lastStatusAt: target.last_status_at,
      user: target.user_id
        ? {
            id: target.user_id,
            email: target.email ?? '',
            disabled: target.disabled ?? false,
            approved: target.approved ?? true,
            confirmedAt: target.confirmed_at,
            roleName: target.role_name,
            rolePosition: target.role_position,
            signUpIp: target.sign_up_ip,
          }
        : null,
    },
    assignee: find(report.assigned_account_id),
    resolvedBy: find(report.action_taken_by_account_id),
  };
}

export interface ReportAssignment {
  /** Who assigned the report (the assignee themselves when they took it); null when no person did it. */
  byAccountId: string | null;
  /** Null when that account row is gone. */
  byUsername: string | null;
  byDomain: string | null;
  at: Date;
}

/**
 * How the current assignee got the report: the latest assignment to them, from Mastodon's audit log
 * ('assigned_to_self': written by Mastodon itself, its Admin API and Palisade alike) or Palisade's
 * own events ('assigned' to a teammate, which Mastodon cannot do). Undefined when neither log has
 * one (assigned before the log was kept, or outside any console).
 */
export async function getReportAssignment({ db, reportId, assigneeAccountId }: { db: Db; reportId: string; assigneeAccountId: string | null }): Promise<ReportAssignment | undefined> {
  if (!assigneeAccountId || !/^\d{1,19}$/.test(reportId) || !/^-?\d{1,19}$/.test(assigneeAccountId)) return undefined;
  const { rows } = await sql<{ account_id: string | null; created_at: Date; username: string | null; domain: string | null }>`
    SELECT x.account_id::text AS account_id, x.created_at, a.username, a.domain
    FROM (
      -- Both lookups use their (target_type, target_id) index; each keeps only its latest row.
      (SELECT l.account_id, l.created_at, l.id, 0 AS source FROM admin_action_logs l
        WHERE l.target_type = 'Report' AND l.target_id = ${reportId}::bigint AND l.action = 'assigned_to_self' AND l.account_id = ${assigneeAccountId}::bigint
        ORDER BY l.created_at DESC, l.id DESC LIMIT 1)
      UNION ALL
      (SELECT e.account_id, e.created_at, e.id, 1 AS source FROM palisade.events e
        WHERE e.target_type = 'Report' AND e.target_id = ${reportId}::bigint AND e.action = 'assigned' AND e.data->>'assignee_id' = ${assigneeAccountId}
        ORDER BY e.created_at DESC, e.id DESC LIMIT 1)
    ) x
    LEFT JOIN accounts a ON a.id = x.account_id
    ORDER BY x.created_at DESC, x.source DESC
    LIMIT 1`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return { byAccountId: row.account_id, byUsername: row.username, byDomain: row.domain, at: row.created_at };
}

export interface ReportRule {
  id: string;
  text: string;
  hint: string;
  deleted: boolean;
}

/** Rules a report cites, soft-deleted ones included (reports keep pointing at them). */
export async function listRulesByIds({ db, ids }: { db: Db; ids: readonly string[] }): Promise<ReportRule[]> {
  const wanted = ids.filter((id) => /^\d{1,19}$/.test(id));
  if (wanted.length === 0) return [];
  const rows = await db.selectFrom('rules').select(['id', 'text', 'hint', 'deleted_at']).where('id', 'in', wanted).orderBy('priority').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, text: r.text, hint: r.hint, deleted: r.deleted_at !== null }));
}

/** The server's current rules, in their order (for the queue's rule filter). */
export async function listActiveRules({ db }: { db: Db }): Promise<ReportRule[]> {
  const rows = await db.selectFrom('rules').select(['id', 'text', 'hint']).where('deleted_at', 'is', null).orderBy('priority').orderBy('id').execute();
  return rows.map((r) => ({ ...r, deleted: false }));
}

export interface TargetReportSummary {
  id: string;
  createdAt: Date;
  category: number;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  reporterAcct: string;
  commentExcerpt: string;
  /** Strike types (account_warnings.action) issued from this report: its outcome. */
  strikeActions: number[];
}

/** Other reports against the same account, newest first, with their outcome. */
export async function listReportsAgainstAccount({ db, targetAccountId, excludeReportId, limit = 20 }: { db: Db; targetAccountId: string; excludeReportId?: string; limit?: number }): Promise<{ rows: TargetReportSummary[]; open: number; resolved: number }> {
  let query = db
    .selectFrom('reports as r')
    .innerJoin('accounts as rep', 'rep.id', 'r.account_id')
    .leftJoin('accounts as by', 'by.id', 'r.action_taken_by_account_id')
    .select((eb) => [
      'r.id',
      'r.created_at',
      'r.category',
      'r.action_taken_at',
      sql<string>`CASE WHEN rep.domain IS NULL THEN rep.username ELSE rep.username || '@' || rep.domain END`.as('reporter_acct'),
      sql<string | null>`CASE WHEN by.id IS NULL THEN NULL WHEN by.domain IS NULL THEN by.username ELSE by.username || '@' || by.domain END`.as('resolved_by'),
      sql<string>`left(r.comment, 160)`.as('comment_excerpt'),
      eb
        .selectFrom('account_warnings as w')
        .select(sql<number[]>`COALESCE(array_agg(w.action ORDER BY w.id), '{}')`.as('actions'))
        .whereRef('w.report_id', '=', 'r.id')
        .as('strike_actions'),
    ])
    .where('r.target_account_id', '=', targetAccountId)
    .orderBy('r.id', 'desc')
    .limit(limit);
  if (excludeReportId) query = query.where('r.id', '<>', excludeReportId);
  const [rows, counts] = await Promise.all([
    query.execute(),
    db
      .selectFrom('reports')
      .select([sql<number>`count(*) FILTER (WHERE action_taken_at IS NULL)::int`.as('open'), sql<number>`count(*) FILTER (WHERE action_taken_at IS NOT NULL)::int`.as('resolved')])
      .where('target_account_id', '=', targetAccountId)
      .$if(Boolean(excludeReportId), (qb) => qb.where('id', '<>', excludeReportId!))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      category: r.category,
      resolvedAt: r.action_taken_at,
      resolvedBy: r.resolved_by,
      reporterAcct: r.reporter_acct,
      commentExcerpt: r.comment_excerpt,
      strikeActions: ((r.strike_actions as number[] | null) ?? []).map(Number),
    })),
    open: counts.open,
    resolved: counts.resolved,
  };
}

export interface StrikeSummary {
  id: string;
  action: number;
  text: string;
  createdAt: Date;
  overruledAt: Date | null;
  reportId: string | null;
  byAcct: string | null;
  appeal: 'pending' | 'approved' | 'rejected' | null;
}

/** The account's strikes, newest first, with the state of any appeal. */
export async function listStrikesAgainstAccount({ db, targetAccountId, limit = 50 }: { db: Db; targetAccountId: string; limit?: number }): Promise<StrikeSummary[]> {
  const rows = await db
    .selectFrom('account_warnings as w')
    .leftJoin('accounts as by', 'by.id', 'w.account_id')
    .leftJoin('appeals as ap', 'ap.account_warning_id', 'w.id')
    .select([
      'w.id',
      'w.action',
      'w.text',
      'w.created_at',
      'w.overruled_at',
      'w.report_id',
      sql<string | null>`CASE WHEN by.id IS NULL THEN NULL WHEN by.domain IS NULL THEN by.username ELSE by.username || '@' || by.domain END`.as('by_acct'),
      sql<'pending' | 'approved' | 'rejected' | null>`CASE WHEN ap.id IS NULL THEN NULL WHEN ap.approved_at IS NOT NULL THEN 'approved' WHEN ap.rejected_at IS NOT NULL THEN 'rejected' ELSE 'pending' END`.as('appeal'),
    ])
    .where('w.target_account_id', '=', targetAccountId)
    .orderBy('w.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, action: r.action, text: r.text, createdAt: r.created_at, overruledAt: r.overruled_at, reportId: r.report_id, byAcct: r.by_acct, appeal: r.appeal }));
}

export interface ModerationNoteSummary {
  id: string;
  content: string;
  createdAt: Date;
  authorAcct: string;
}

export async function listAccountModerationNotes({ db, targetAccountId, limit = 50 }: { db: Db; targetAccountId: string; limit?: number }): Promise<ModerationNoteSummary[]> {
  const rows = await db
    .selectFrom('account_moderation_notes as n')
    .innerJoin('accounts as a', 'a.id', 'n.account_id')
    .select(['n.id', 'n.content', 'n.created_at', sql<string>`CASE WHEN a.domain IS NULL THEN a.username ELSE a.username || '@' || a.domain END`.as('author_acct')])
    .where('n.target_account_id', '=', targetAccountId)
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, content: r.content, createdAt: r.created_at, authorAcct: r.author_acct }));
}

export interface TimelineEntry {
  kind: 'log' | 'account_note' | 'report_note';
  id: string;
  at: Date;
  actorAcct: string | null;
  /** admin_action_logs.action for logs. */
  action: string | null;
  targetType: string | null;
  targetId: string | null;
  humanIdentifier: string | null;
  /** Notes: their text; report notes: the report they belong to in `targetId`. */
  content: string | null;
}

/**
 * Everything moderators did to an account, newest first: audit-log rows about the account, its
 * user, the reports against it, its strikes and its reported posts, plus account moderation notes
 * and the notes on reports against it. Every branch is an indexed lookup
 * (index_admin_action_logs_on_target_type_and_target_id, index_reports_on_target_account_id, …).
 */
export async function listAccountModerationTimeline({ db, targetAccountId, userId, limit = 60 }: { db: Db; targetAccountId: string; userId: string | null; limit?: number }): Promise<TimelineEntry[]> {
  const { rows } = await sql<{
    kind: TimelineEntry['kind'];
    id: string;
    at: Date;
    actor_acct: string | null;
    action: string | null;
    target_type: string | null;
    target_id: string | null;
    human_identifier: string | null;
    content: string | null;
  }>`
    WITH against AS MATERIALIZED (SELECT id, status_ids FROM reports WHERE target_account_id = ${targetAccountId}::bigint),
    logs AS (
      -- One indexed lookup per target type (index_admin_action_logs_on_target_type_and_target_id);
      -- an OR across types would scan the whole log.
      SELECT l.* FROM admin_action_logs l WHERE l.target_type = 'Account' AND l.target_id = ${targetAccountId}::bigint
      UNION ALL
      SELECT l.* FROM admin_action_logs l WHERE l.target_type = 'User' AND l.target_id = ${userId ?? '-1'}::bigint
      UNION ALL
      SELECT l.* FROM admin_action_logs l WHERE l.target_type = 'Report' AND l.target_id = ANY(ARRAY(SELECT id FROM against))
      UNION ALL
      SELECT l.* FROM admin_action_logs l WHERE l.target_type = 'AccountWarning'
        AND l.target_id = ANY(ARRAY(SELECT w.id FROM account_warnings w WHERE w.target_account_id = ${targetAccountId}::bigint))
      UNION ALL
      SELECT l.* FROM admin_action_logs l WHERE l.target_type = 'Status' AND l.target_id = ANY(ARRAY(SELECT DISTINCT unnest(status_ids) FROM against))
    ),
    entries AS (
      SELECT 'log' AS kind, l.id, l.created_at AS at, l.account_id AS actor_id, l.action, l.target_type, l.target_id, l.human_identifier, NULL::text AS content
      FROM logs l
      UNION ALL
      SELECT 'account_note', n.id, n.created_at, n.account_id, NULL, 'Account', n.target_account_id, NULL, n.content
      FROM account_moderation_notes n WHERE n.target_account_id = ${targetAccountId}::bigint
      UNION ALL
      SELECT 'report_note', n.id, n.created_at, n.account_id, NULL, 'Report', n.report_id, NULL, n.content
      FROM report_notes n WHERE n.report_id = ANY(ARRAY(SELECT id FROM against))
    )
    SELECT e.kind, e.id::text AS id, e.at, e.action, e.target_type, e.target_id::text AS target_id, e.human_identifier, e.content,
      CASE WHEN a.id IS NULL THEN NULL WHEN a.domain IS NULL THEN a.username ELSE a.username || '@' || a.domain END AS actor_acct
    FROM entries e LEFT JOIN accounts a ON a.id = e.actor_id
    ORDER BY e.at DESC, e.id DESC
    LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ kind: r.kind, id: r.id, at: r.at, actorAcct: r.actor_acct, action: r.action, targetType: r.target_type, targetId: r.target_id, humanIdentifier: r.human_identifier, content: r.content }));
}

export interface Teammate {
  accountId: string;
  username: string;
  displayName: string;
  roleName: string | null;
}

/**
 * Staff who may handle reports (their role has manage_reports or administrator), usable accounts
 * only: the people a report can be assigned to.
 */
export async function listReportTeammates({ db }: { db: Db }): Promise<Teammate[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('accounts as a', 'a.id', 'u.account_id')
    .innerJoin('user_roles as r', 'r.id', 'u.role_id')
    .select(['a.id as accountId', 'a.username', 'a.display_name as displayName', 'r.name as roleName'])
    .where(sql<boolean>`(r.permissions & 17) <> 0`)
    .where('u.disabled', '=', false)
    .where('a.suspended_at', 'is', null)
    .orderBy('a.username')
    .limit(200)
    .execute();
  return rows;
}

/** Whether an account is staff who may handle reports (for assigning to them). */
export async function isReportTeammate({ db, accountId }: { db: Db; accountId: string }): Promise<boolean> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('accounts as a', 'a.id', 'u.account_id')
    .leftJoin('user_roles as r', 'r.id', 'u.role_id')
    .select(sql<boolean>`((COALESCE(r.permissions, 0) | (SELECT permissions FROM user_roles WHERE id = -99)) & 17) <> 0`.as('allowed'))
    .where('a.id', '=', accountId)
    .where('u.disabled', '=', false)
    .where('a.suspended_at', 'is', null)
    .executeTakeFirst();
  return row?.allowed === true;
}

export interface ReportSummary {
  id: string;
  targetAccountId: string;
  category: number;
  updatedAt: Date;
  resolvedAt: Date | null;
}

/** The few report fields an action needs before it runs (no lock: the write path locks). */
export async function getReportSummary({ db, reportId }: { db: Db; reportId: string }): Promise<ReportSummary | undefined> {
  if (!/^\d{1,19}$/.test(reportId)) return undefined;
  return db
    .selectFrom('reports')
    .select(['id', 'target_account_id as targetAccountId', 'category', 'updated_at as updatedAt', 'action_taken_at as resolvedAt'])
    .where('id', '=', reportId)
    .executeTakeFirst();
}

/** How many reports an account has filed (index_reports_on_account_id): a serial reporter stands out. */
export async function countReportsFiledBy({ db, accountId }: { db: Db; accountId: string }): Promise<{ total: number; open: number }> {
  const row = await db
    .selectFrom('reports')
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) FILTER (WHERE action_taken_at IS NULL)::int`.as('open')])
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return row;
}
