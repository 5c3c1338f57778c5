import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { decodeQueueCursor, DEFAULT_FILTERS, encodeQueueCursor, reportDateBounds, type ReportQueueFilters } from '@/lib/report-filters';
import { reportPriority } from '@/lib/report-priority';
import type { Db } from '../client';
import { recordEvent } from './events';
import {
  countReportsFiledBy,
  findNextReportInQueue,
  getReportAssignment,
  getReportDetail,
  isReportTeammate,
  listAccountModerationTimeline,
  listReportQueue,
  listReportQueueGroups,
  listReportsAgainstAccount,
  listReportTeammates,
  listRulesByIds,
  listStrikesAgainstAccount,
} from './reports';

interface Fixture {
  id: string;
  reporter: string;
  target: string;
  category: number;
  createdAt: Date;
  resolved: boolean;
  assigned: string | null;
  forwarded: boolean | null;
  comment: string;
  ruleIds: string[] | null;
  statusIds: string[];
}

const AS_OF = new Date('2026-11-20T12:00:00Z');
const hoursAgo = (h: number) => new Date(AS_OF.getTime() - h * 3_600_000);

/**
 * The queue's SQL checked against a plain TypeScript oracle over the same rows: every filter,
 * every sort, keyset paging across pages, grouping, on PGlite and PostgreSQL.
 */
describe.each(testBackends())('report queue queries on %s', (backend) => {
  let t: TestDatabase;
  let db: Db;
  let me: string;
  let other: string;
  const accounts: Record<string, { id: string; domain: string | null; username: string }> = {};
  const fixtures: Fixture[] = [];

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    db = t.handle.db;
    await ensureDefaultRoles({ db });
    me = (await createStaffUser({ db, username: 'queue_me', roleId: '1' })).accountId;
    other = (await createStaffUser({ db, username: 'queue_other', roleId: '2' })).accountId;
    await createStaffUser({ db, username: 'queue_member', roleId: null });
    const make = async (key: string, username: string, domain: string | null) => {
      accounts[key] = { id: await createAccount({ db, username, domain }), domain, username };
    };
    await make('spam1', 'cheapfollowers', 'spam-wave.example');
    await make('spam2', 'airdrop', 'spam-wave.example');
    await make('troll', 'troll', 'troll.example');
    await make('local1', 'grumpy', null);
    await make('local2', 'nightowl', null);
    await make('r_local', 'alice', null);
    await make('r_local2', 'bob', null);
    await make('r_remote', 'mod', 'friendly.example');
    await make('r_remote2', 'instance', 'troll.example');
    const rule = await db.insertInto('rules').values({ text: 'No harassment', created_at: AS_OF, updated_at: AS_OF }).returning('id').executeTakeFirstOrThrow();
    const deletedRule = await db.insertInto('rules').values({ text: 'Old rule', created_at: AS_OF, updated_at: AS_OF, deleted_at: AS_OF }).returning('id').executeTakeFirstOrThrow();

    const targets = ['spam1', 'spam2', 'troll', 'local1', 'local2'];
    const reporters = ['r_local', 'r_local2', 'r_remote', 'r_remote2'];
    const categories = [1000, 2000, 0, 1500, 1000, 2000];
    for (let i = 0; i < 36; i++) {
      const target = targets[(i * 7) % targets.length]!;
      const reporter = reporters[(i * 3 + (i >> 2)) % reporters.length]!;
      const category = categories[i % categories.length]!;
      const f: Omit<Fixture, 'id'> = {
        reporter: accounts[reporter]!.id,
        target: accounts[target]!.id,
        category,
        // Filing order = id order, as in Mastodon (a plain sequence).
        createdAt: hoursAgo(200 - i * 5),
        resolved: i % 5 === 0,
        assigned: i % 4 === 0 ? me : i % 4 === 1 ? other : null,
        forwarded: accounts[target]!.domain && !accounts[reporter]!.domain ? i % 2 === 0 : accounts[reporter]!.domain ? false : null,
        comment: i % 6 === 0 ? `Crypto airdrop spam #${i}` : i % 6 === 1 ? `100% pile-on_${i}` : '',
        ruleIds: category === 2000 ? (i % 4 === 1 ? [rule.id, deletedRule.id] : [rule.id]) : null,
        statusIds: [],
      };
      const row = await db
        .insertInto('reports')
        .values({
          account_id: f.reporter,
          target_account_id: f.target,
          category: f.category,
          comment: f.comment,
          forwarded: f.forwarded,
          rule_ids: f.ruleIds,
          assigned_account_id: f.assigned,
          action_taken_at: f.resolved ? AS_OF : null,
          action_taken_by_account_id: f.resolved ? other : null,
          created_at: f.createdAt,
          updated_at: f.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      fixtures.push({ ...f, id: row.id });
    }
    await db.insertInto('account_warnings').values([
      { account_id: other, target_account_id: accounts.troll!.id, action: 3000, created_at: AS_OF, updated_at: AS_OF },
      { account_id: other, target_account_id: accounts.troll!.id, action: 0, created_at: AS_OF, updated_at: AS_OF, overruled_at: AS_OF },
    ]).execute();
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  const byId = (a: Fixture, b: Fixture) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1);
  const domainOf = (accountId: string) => Object.values(accounts).find((a) => a.id === accountId)!.domain;
  const usernameOf = (accountId: string) => Object.values(accounts).find((a) => a.id === accountId)!.username;

  function oracle(filters: ReportQueueFilters): Fixture[] {
    const inScope = (f: Fixture) => (filters.status === 'open' ? !f.resolved : filters.status === 'resolved' ? f.resolved : true);
    const q = filters.query?.toLowerCase();
    const bounds = reportDateBounds(filters);
    const inRange = (f: Fixture) => {
      const at = filters.dateField === 'resolved' ? (f.resolved ? AS_OF : null) : f.createdAt;
      if (!bounds.from && !bounds.until) return true;
      return at !== null && (!bounds.from || at >= bounds.from) && (!bounds.until || at < bounds.until);
    };
    const rows = fixtures.filter(
      (f) =>
        inScope(f) &&
        (!filters.category || f.category === { other: 0, spam: 1000, legal: 1500, violation: 2000 }[filters.category]) &&
        (!filters.ruleId || (f.ruleIds ?? []).includes(filters.ruleId)) &&
        (filters.targetOrigin !== 'local' || domainOf(f.target) === null) &&
        (filters.targetOrigin !== 'remote' || domainOf(f.target) !== null) &&
        (!filters.targetDomain || domainOf(f.target) === filters.targetDomain) &&
        (!filters.targetAccountId || f.target === filters.targetAccountId) &&
        (!filters.reporterDomain || domainOf(f.reporter) === filters.reporterDomain) &&
        (filters.assigned !== 'me' || f.assigned === me) &&
        (filters.assigned !== 'others' || (f.assigned !== null && f.assigned !== me)) &&
        (filters.assigned !== 'any' || f.assigned !== null) &&
        (filters.assigned !== 'none' || f.assigned === null) &&
        (filters.forwarded !== true || f.forwarded === true) &&
        (filters.forwarded !== false || f.forwarded !== true) &&
        (!q || f.comment.toLowerCase().includes(q) || usernameOf(f.target).toLowerCase().includes(q)) &&
        inRange(f),
    );
    const counts = (target: string) => {
      const against = fixtures.filter((f) => f.target === target && inScope(f));
      return { n: against.length, reporters: new Set(against.map((f) => f.reporter)).size };
    };
    const score = (f: Fixture) => reportPriority({ category: f.category, createdAt: f.createdAt, reporters: counts(f.target).reporters, asOf: AS_OF });
    const sorted = [...rows].sort(byId);
    if (filters.sort === 'newest') return sorted.reverse();
    if (filters.sort === 'most_reports') return sorted.sort((a, b) => counts(b.target).n - counts(a.target).n || byId(a, b));
    if (filters.sort === 'priority') return sorted.sort((a, b) => score(b) - score(a) || byId(a, b));
    return sorted;
  }

  async function allPages(filters: ReportQueueFilters, limit: number) {
    const ids: string[] = [];
    let cursor = null;
    for (let page = 0; page < 50; page++) {
      // Through the URL encoding, as the page does it.
      const decoded = cursor ? decodeQueueCursor(encodeQueueCursor(cursor), filters.sort) : null;
      const result = await listReportQueue({ db, filters, cursor: decoded, actorAccountId: me, asOf: AS_OF, limit });
      ids.push(...result.rows.map((r) => r.id));
      if (!result.nextCursor) return ids;
      cursor = result.nextCursor;
    }
    throw new Error('paging did not end');
  }

  const cases: Array<[string, Partial<ReportQueueFilters>]> = [
    ['the default open queue', {}],
    ['all reports, newest first', { status: 'all', sort: 'newest' }],
    ['resolved reports', { status: 'resolved' }],
    ['spam from one domain', { category: 'spam', targetDomain: 'spam-wave.example' }],
    ['a cited rule', { category: 'violation', ruleId: 'RULE' }],
    ['local targets', { targetOrigin: 'local' }],
    ['remote targets reported from a domain', { targetOrigin: 'remote', reporterDomain: 'friendly.example' }],
    ['assigned to me', { assigned: 'me', status: 'all' }],
    ['assigned to others', { assigned: 'others' }],
    ['assigned to anyone', { assigned: 'any' }],
    ['unassigned', { assigned: 'none' }],
    ['forwarded', { forwarded: true, status: 'all' }],
    ['not forwarded', { forwarded: false }],
    ['free text on the comment, LIKE wildcards taken literally', { query: '100%', status: 'all' }],
    ['free text on the username', { query: 'AIRDROP' }],
    ['one reported account', { targetAccountId: 'TROLL' }],
    ['most reports against the account', { sort: 'most_reports', status: 'all' }],
    ['priority', { sort: 'priority' }],
    ['priority over everything', { sort: 'priority', status: 'all' }],
    ['filed on one day', { status: 'all', from: '2026-11-15', to: '2026-11-15' }],
    ['open, filed since a day, newest first', { from: '2026-11-17', sort: 'newest' }],
    ['filed before an instant, by priority', { status: 'all', to: '2026-11-14T09:30:00Z', sort: 'priority' }],
    ['a date range with other filters', { status: 'all', from: '2026-11-13', to: '2026-11-18', targetOrigin: 'remote', sort: 'most_reports' }],
    ['resolved on a day', { status: 'resolved', dateField: 'resolved', from: '2026-11-20', to: '2026-11-20' }],
  ];

  it.each(cases)('%s: same rows, same order, over every page', async (_name, partial) => {
    const ruleId = fixtures.find((f) => f.ruleIds && f.ruleIds.length === 2)!.ruleIds![0]!;
    const filters: ReportQueueFilters = { ...DEFAULT_FILTERS, ...partial, ruleId: partial.ruleId ? ruleId : null, targetAccountId: partial.targetAccountId ? accounts.troll!.id : null };
    const expected = oracle(filters).map((f) => f.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(await allPages(filters, 4)).toEqual(expected);
    expect(await allPages(filters, 100)).toEqual(expected);
  });

  it('bounds dates on created_at, UTC, from inclusive and to through its day (or exclusive as an instant)', async () => {
    // Report i was filed 200 − 5i hours before 2026-11-20T12:00Z: i = 14…18 fall on 2026-11-15.
    const ids = (from: number, to: number) => fixtures.slice(from, to + 1).map((f) => f.id);
    const day = { ...DEFAULT_FILTERS, status: 'all' as const, from: '2026-11-15', to: '2026-11-15' };
    expect((await listReportQueue({ db, filters: day, cursor: null, actorAccountId: me, asOf: AS_OF })).rows.map((r) => r.id)).toEqual(ids(14, 18));
    expect((await listReportQueue({ db, filters: { ...day, sort: 'newest' }, cursor: null, actorAccountId: me, asOf: AS_OF })).rows.map((r) => r.id)).toEqual(ids(14, 18).reverse());
    // i = 14 at 02:00 exactly is in; i = 16 at 12:00 exactly is out.
    const instants = { ...day, from: '2026-11-15T02:00:00Z', to: '2026-11-15T12:00:00Z' };
    expect((await listReportQueue({ db, filters: instants, cursor: null, actorAccountId: me, asOf: AS_OF })).rows.map((r) => r.id)).toEqual(ids(14, 15));
    // Open ones only: i = 15 is resolved (every fifth).
    expect((await listReportQueue({ db, filters: { ...day, status: 'open' }, cursor: null, actorAccountId: me, asOf: AS_OF })).rows.map((r) => r.id)).toEqual([...ids(14, 14), ...ids(16, 18)]);
    // Resolution dates: everything resolved was resolved on 2026-11-20.
    const resolvedOn = (d: string) => ({ ...DEFAULT_FILTERS, status: 'resolved' as const, dateField: 'resolved' as const, from: d, to: d });
    expect((await listReportQueue({ db, filters: resolvedOn('2026-11-20'), cursor: null, actorAccountId: me, asOf: AS_OF })).rows.map((r) => r.id)).toEqual(fixtures.filter((f) => f.resolved).map((f) => f.id));
    expect((await listReportQueue({ db, filters: resolvedOn('2026-11-19'), cursor: null, actorAccountId: me, asOf: AS_OF })).rows).toEqual([]);

    const grouped = await listReportQueueGroups({ db, filters: { ...day, group: 'account' }, cursor: null, actorAccountId: me, asOf: AS_OF });
    expect(grouped.rows.reduce((a, g) => a + g.reports, 0)).toBe(5);
    expect(grouped.rows.map((g) => g.firstReportId).sort()).toEqual([...new Set(fixtures.slice(14, 19).map((f) => f.target))].map((target) => fixtures.slice(14, 19).find((f) => f.target === target)!.id).sort());
    expect(await findNextReportInQueue({ db, filters: day, currentReportId: ids(16, 16)[0]!, actorAccountId: me, asOf: AS_OF })).toBe(ids(17, 17)[0]);
    expect(await findNextReportInQueue({ db, filters: day, currentReportId: ids(18, 18)[0]!, actorAccountId: me, asOf: AS_OF })).toBe(ids(14, 14)[0]);
  });

  it('fills each row with what the queue shows', async () => {
    const { rows } = await listReportQueue({ db, filters: { ...DEFAULT_FILTERS, targetAccountId: accounts.troll!.id, status: 'all' }, cursor: null, actorAccountId: me, asOf: AS_OF });
    const row = rows[0]!;
    const f = fixtures.find((x) => x.id === row.id)!;
    expect(row.target).toMatchObject({ id: accounts.troll!.id, username: 'troll', domain: 'troll.example', strikes: 1, suspended: false });
    expect(row.reporter.id).toBe(f.reporter);
    expect(row.assignee?.id ?? null).toBe(f.assigned);
    expect(row.category).toBe(f.category);
    expect(row.commentExcerpt).toBe(f.comment);
    expect(row.targetReports).toBe(fixtures.filter((x) => x.target === accounts.troll!.id).length);
    expect(row.createdAt.toISOString()).toBe(f.createdAt.toISOString());
    expect(typeof row.id).toBe('string');
  });

  it('finds the next report for Submit & next, wrapping to the start', async () => {
    const queue = oracle(DEFAULT_FILTERS).map((f) => f.id);
    expect(await findNextReportInQueue({ db, filters: DEFAULT_FILTERS, currentReportId: queue[2]!, actorAccountId: me, asOf: AS_OF })).toBe(queue[3]);
    expect(await findNextReportInQueue({ db, filters: DEFAULT_FILTERS, currentReportId: queue.at(-1)!, actorAccountId: me, asOf: AS_OF })).toBe(queue[0]);
    const priority = { ...DEFAULT_FILTERS, sort: 'priority' as const };
    const top = oracle(priority).map((f) => f.id);
    expect(await findNextReportInQueue({ db, filters: priority, currentReportId: top[0]!, actorAccountId: me, asOf: AS_OF })).toBe(top[1]);
    // Ranked sorts continue from the report's own place, not from the head of the queue.
    expect(await findNextReportInQueue({ db, filters: priority, currentReportId: top[3]!, actorAccountId: me, asOf: AS_OF })).toBe(top[4]);
    expect(await findNextReportInQueue({ db, filters: priority, currentReportId: top.at(-1)!, actorAccountId: me, asOf: AS_OF })).toBe(top[0]);
    const most = { ...DEFAULT_FILTERS, sort: 'most_reports' as const };
    const byCount = oracle(most).map((f) => f.id);
    expect(await findNextReportInQueue({ db, filters: most, currentReportId: byCount[5]!, actorAccountId: me, asOf: AS_OF })).toBe(byCount[6]);
  });

  describe('grouped', () => {
    async function allGroups(filters: ReportQueueFilters, limit: number) {
      const keys: string[] = [];
      let cursor = null;
      for (let page = 0; page < 20; page++) {
        const result = await listReportQueueGroups({ db, filters, cursor, actorAccountId: me, asOf: AS_OF, limit });
        keys.push(...result.rows.map((g) => `${g.key}:${g.reports}`));
        if (!result.nextCursor) return keys;
        cursor = result.nextCursor;
      }
      throw new Error('paging did not end');
    }

    it.each(['oldest', 'newest', 'most_reports', 'priority'] as const)('by account, %s, one row per account with its count', async (sort) => {
      const filters = { ...DEFAULT_FILTERS, group: 'account' as const, sort };
      const rows = oracle({ ...filters, sort: 'oldest' });
      const groups = new Map<string, Fixture[]>();
      for (const f of rows) groups.set(f.target, [...(groups.get(f.target) ?? []), f]);
      const entries = [...groups.entries()].map(([target, list]) => ({
        target,
        list,
        first: list[0]!.id,
        last: list.at(-1)!.id,
        score: Math.max(...list.map((f) => reportPriority({ category: f.category, createdAt: f.createdAt, reporters: 1, asOf: AS_OF }))) * new Set(list.map((f) => f.reporter)).size,
      }));
      const cmp = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : 1);
      entries.sort((a, b) =>
        sort === 'newest' ? cmp(b.last, a.last) : sort === 'most_reports' ? b.list.length - a.list.length || cmp(a.first, b.first) : sort === 'priority' ? b.score - a.score || cmp(a.first, b.first) : cmp(a.first, b.first),
      );
      expect(await allGroups(filters, 2)).toEqual(entries.map((e) => `${e.target}:${e.list.length}`));
      const { rows: page } = await listReportQueueGroups({ db, filters, cursor: null, actorAccountId: me, asOf: AS_OF });
      const troll = page.find((g) => g.key === accounts.troll!.id);
      expect(troll?.target).toMatchObject({ username: 'troll', strikes: 1 });
      expect(troll?.firstReportId).toBe(groups.get(accounts.troll!.id)![0]!.id);
    });

    it('by domain, with this server’s own accounts as one group', async () => {
      const filters = { ...DEFAULT_FILTERS, group: 'domain' as const, status: 'all' as const };
      const { rows } = await listReportQueueGroups({ db, filters, cursor: null, actorAccountId: me, asOf: AS_OF });
      const expected = new Map<string, number>();
      for (const f of oracle(filters)) expected.set(domainOf(f.target) ?? '', (expected.get(domainOf(f.target) ?? '') ?? 0) + 1);
      expect(new Map(rows.map((g) => [g.key, g.reports]))).toEqual(expected);
      expect(rows.find((g) => g.key === '')?.domain).toBeNull();
      expect(rows.find((g) => g.key === 'spam-wave.example')?.accounts).toBe(2);
    });
  });

  describe('report page', () => {
    it('loads the report with both parties, or nothing for an unknown or malformed id', async () => {
      const f = fixtures.find((x) => x.target === accounts.troll!.id && x.assigned === other)!;
      const detail = await getReportDetail({ db, reportId: f.id });
      expect(detail).toMatchObject({ id: f.id, category: f.category, comment: f.comment, reporter: { id: f.reporter }, target: { id: accounts.troll!.id, domain: 'troll.example', statusesCount: 0, user: null }, assignee: { id: other } });
      expect(await getReportDetail({ db, reportId: '999999999' })).toBeUndefined();
      expect(await getReportDetail({ db, reportId: '1 OR 1=1' })).toBeUndefined();
      const local = await getReportDetail({ db, reportId: fixtures.find((x) => x.target === accounts.local1!.id)!.id });
      expect(local?.target.user).toBeNull();
    });

    it('lists the cited rules, deleted ones flagged', async () => {
      const f = fixtures.find((x) => x.ruleIds?.length === 2)!;
      const rules = await listRulesByIds({ db, ids: f.ruleIds! });
      expect(rules.map((r) => [r.text, r.deleted])).toEqual([
        ['No harassment', false],
        ['Old rule', true],
      ]);
    });

    it('lists previous reports with counts and outcomes, and the strikes', async () => {
      const against = fixtures.filter((x) => x.target === accounts.troll!.id);
      const current = against[0]!;
      await db.insertInto('account_warnings').values({ account_id: other, target_account_id: accounts.troll!.id, action: 1500, report_id: against[1]!.id, created_at: AS_OF, updated_at: AS_OF }).execute();
      const previous = await listReportsAgainstAccount({ db, targetAccountId: accounts.troll!.id, excludeReportId: current.id });
      expect(previous.rows.map((r) => r.id)).toEqual(against.slice(1).sort(byId).reverse().map((x) => x.id));
      expect(previous.open + previous.resolved).toBe(against.length - 1);
      expect(previous.rows.find((r) => r.id === against[1]!.id)?.strikeActions).toEqual([1500]);
      const strikes = await listStrikesAgainstAccount({ db, targetAccountId: accounts.troll!.id });
      expect(strikes.map((s) => s.action).sort()).toEqual([0, 1500, 3000]);
      expect(strikes.find((s) => s.action === 0)?.overruledAt).not.toBeNull();
    });

    it('builds the timeline from audit rows about the account, its reports and notes, newest first', async () => {
      const reportId = fixtures.find((x) => x.target === accounts.local1!.id)!.id;
      const at = (m: number) => new Date(AS_OF.getTime() + m * 60_000);
      await db.insertInto('admin_action_logs').values([
        { account_id: other, action: 'silence', target_type: 'Account', target_id: accounts.local1!.id, human_identifier: 'grumpy', created_at: at(1), updated_at: at(1) },
        { account_id: me, action: 'resolve', target_type: 'Report', target_id: reportId, human_identifier: reportId, created_at: at(2), updated_at: at(2) },
        { account_id: me, action: 'silence', target_type: 'Account', target_id: accounts.local2!.id, human_identifier: 'nightowl', created_at: at(3), updated_at: at(3) },
      ]).execute();
      await db.insertInto('account_moderation_notes').values({ account_id: me, target_account_id: accounts.local1!.id, content: 'Watch this one', created_at: at(4), updated_at: at(4) }).execute();
      await db.insertInto('report_notes').values({ account_id: other, report_id: reportId, content: 'Second opinion', created_at: at(5), updated_at: at(5) }).execute();
      const timeline = await listAccountModerationTimeline({ db, targetAccountId: accounts.local1!.id, userId: null });
      expect(timeline.map((e) => [e.kind, e.action ?? e.content, e.actorAcct])).toEqual([
        ['report_note', 'Second opinion', 'queue_other'],
        ['account_note', 'Watch this one', 'queue_me'],
        ['log', 'resolve', 'queue_me'],
        ['log', 'silence', 'queue_other'],
      ]);
    });

    it('tells who gave the current assignee the report, from Mastodon’s log or Palisade’s events', async () => {
      const [f, g] = fixtures.filter((x) => x.assigned === other);
      const reportId = f!.id;
      const at = (m: number) => new Date(AS_OF.getTime() + m * 60_000);
      const tookIt = (accountId: string, reportId: string, m: number) => ({
        account_id: accountId, action: 'assigned_to_self', target_type: 'Report', target_id: reportId, human_identifier: reportId, created_at: at(m), updated_at: at(m),
      });
      const assigned = (actorId: string, assigneeId: string, reportId: string, m: number) =>
        recordEvent({ db, actorId, targetType: 'Report', action: 'assigned', targetId: reportId, humanIdentifier: reportId, data: { assignee: 'x', assignee_id: assigneeId }, at: at(m) });
      expect(await getReportAssignment({ db, reportId, assigneeAccountId: other })).toBeUndefined();

      // They took it, then I took it; then I gave it to them: the latest assignment to them is mine.
      await db.insertInto('admin_action_logs').values([tookIt(other, reportId, 10), tookIt(me, reportId, 11), { ...tookIt(other, reportId, 12), action: 'unassigned' }]).execute();
      expect(await getReportAssignment({ db, reportId, assigneeAccountId: other })).toEqual({ byAccountId: other, byUsername: 'queue_other', byDomain: null, at: at(10) });
      await assigned(me, other, reportId, 13);
      // Later rows that are not about this report, or that gave it to someone else, do not count.
      await assigned(me, me, reportId, 14);
      await assigned(other, other, g!.id, 15);
      await db.insertInto('admin_action_logs').values([tookIt(me, reportId, 16), tookIt(other, g!.id, 17), { ...tookIt(other, reportId, 18), target_type: 'Account' }]).execute();
      expect(await getReportAssignment({ db, reportId, assigneeAccountId: other })).toEqual({ byAccountId: me, byUsername: 'queue_me', byDomain: null, at: at(13) });
      expect(await getReportAssignment({ db, reportId, assigneeAccountId: me })).toEqual({ byAccountId: me, byUsername: 'queue_me', byDomain: null, at: at(16) });

      // Then they took it back themselves.
      await db.insertInto('admin_action_logs').values(tookIt(other, reportId, 20)).execute();
      expect(await getReportAssignment({ db, reportId, assigneeAccountId: other })).toEqual({ byAccountId: other, byUsername: 'queue_other', byDomain: null, at: at(20) });

      // An assignment by automatic work (no person) keeps its time without a name.
      await db.insertInto('palisade.events').values({ account_id: null, action: 'assigned', target_type: 'Report', target_id: reportId, human_identifier: reportId, data: JSON.stringify({ assignee_id: other }), created_at: at(21) }).execute();
      expect(await getReportAssignment({ db, reportId, assigneeAccountId: other })).toEqual({ byAccountId: null, byUsername: null, byDomain: null, at: at(21) });

      expect(await getReportAssignment({ db, reportId, assigneeAccountId: null })).toBeUndefined();
      expect(await getReportAssignment({ db, reportId: '1 OR 1=1', assigneeAccountId: other })).toBeUndefined();
    });

    it('counts the reports an account has filed', async () => {
      const reporter = accounts.r_remote!.id;
      const filed = fixtures.filter((f) => f.reporter === reporter);
      expect(await countReportsFiledBy({ db, accountId: reporter })).toEqual({ total: filed.length, open: filed.filter((f) => !f.resolved).length });
    });

    it('knows who may be assigned a report', async () => {
      const teammates = await listReportTeammates({ db });
      expect(teammates.map((m) => m.username)).toEqual(['queue_me', 'queue_other']);
      expect(await isReportTeammate({ db, accountId: me })).toBe(true);
      expect(await isReportTeammate({ db, accountId: accounts.troll!.id })).toBe(false);
    });
  });
});
