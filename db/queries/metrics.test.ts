import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '@/db/testing-fixtures';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import type { Db } from '../client';
import { insertAdminActionLog } from './audit';
import { recordEvent } from './events';
import {
  getAppealFigures,
  getModeratorWorkload,
  getOpenReportAges,
  getReportFlow,
  getResponseTimes,
  getTopReportedDomains,
  getTopReportingDomains,
  getTransparencyReport,
} from './metrics';

/**
 * A small instance whose every figure is worked out by hand (see the comments next to each
 * expectation). `now` = 2026-11-20 12:00 UTC; the 30-day window starts 2026-10-22 00:00 UTC.
 */
const NOW = new Date('2026-11-20T12:00:00Z');
const H = 3_600_000;
const D = 24 * H;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const after = (base: Date, ms: number) => new Date(base.getTime() + ms);

const SPAM = 1000;
const VIOLATION = 2000;
const LEGAL = 1500;
const OTHER = 0;

interface Fixture {
  modA: string;
  modB: string;
  reports: Record<string, string>;
}

async function insertReport(db: Db, v: { reporter: string; target: string; category: number; createdAt: Date; resolvedAt?: Date; resolvedBy?: string; assignedTo?: string }) {
  const row = await db
    .insertInto('reports')
    .values({
      account_id: v.reporter,
      target_account_id: v.target,
      category: v.category,
      comment: '',
      created_at: v.createdAt,
      updated_at: v.resolvedAt ?? v.createdAt,
      action_taken_at: v.resolvedAt ?? null,
      action_taken_by_account_id: v.resolvedBy ?? null,
      assigned_account_id: v.assignedTo ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertStrike(db: Db, v: { by: string; target: string; action: number; at: Date; reportId?: string }) {
  const row = await db
    .insertInto('account_warnings')
    .values({ account_id: v.by, target_account_id: v.target, action: v.action, created_at: v.at, updated_at: v.at, report_id: v.reportId ?? null, text: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertAppeal(db: Db, v: { account: string; strike: string; at: Date; approvedAt?: Date; rejectedAt?: Date; by?: string }) {
  await db
    .insertInto('appeals')
    .values({
      account_id: v.account,
      account_warning_id: v.strike,
      created_at: v.at,
      updated_at: v.at,
      approved_at: v.approvedAt ?? null,
      approved_by_account_id: v.approvedAt ? (v.by ?? null) : null,
      rejected_at: v.rejectedAt ?? null,
      rejected_by_account_id: v.rejectedAt ? (v.by ?? null) : null,
      text: 'please',
    })
    .execute();
}

async function insertNote(db: Db, v: { by: string; reportId: string; at: Date }) {
  await db.insertInto('report_notes').values({ account_id: v.by, report_id: v.reportId, content: 'looked at it', created_at: v.at, updated_at: v.at }).execute();
}

async function buildFixture(db: Db): Promise<Fixture> {
  const modA = await createAccount({ db, username: 'mod_a' });
  const modB = await createAccount({ db, username: 'mod_b' });
  const local1 = await createAccount({ db, username: 'local_reporter' });
  const alpha = await createAccount({ db, username: 'r1', domain: 'alpha.example' });
  const beta = await createAccount({ db, username: 'r2', domain: 'beta.example' });
  const t1 = await createAccount({ db, username: 't1', domain: 'spam.example' });
  const t2 = await createAccount({ db, username: 't2', domain: 'spam.example' });
  const t3 = await createAccount({ db, username: 't3', domain: 'other.example' });
  const t4 = await createAccount({ db, username: 't4' });

  const log = (accountId: string, action: string, reportId: string, at: Date) =>
    insertAdminActionLog({ db, accountId, action, targetType: 'Report', targetId: reportId, humanIdentifier: reportId, at });

  // r1: spam about t1 from alpha, 10 days ago; note +2 h, resolved +5 h with a suspension.
  const r1Created = ago(10 * D);
  const r1 = await insertReport(db, { reporter: alpha, target: t1, category: SPAM, createdAt: r1Created, resolvedAt: after(r1Created, 5 * H), resolvedBy: modA });
  await insertNote(db, { by: modA, reportId: r1, at: after(r1Created, 2 * H) });
  await log(modA, 'resolve', r1, after(r1Created, 5 * H));
  await insertAdminActionLog({ db, accountId: modA, action: 'suspend', targetType: 'Account', targetId: t1, humanIdentifier: 't1@spam.example', at: after(r1Created, 5 * H) });
  const s1 = await insertStrike(db, { by: modA, target: t1, action: 4000, at: after(r1Created, 5 * H), reportId: r1 });

  // r2: spam about t2 from alpha, 5 days ago; assigned +30 min, resolved +1 day without action.
  const r2Created = ago(5 * D);
  const r2 = await insertReport(db, { reporter: alpha, target: t2, category: SPAM, createdAt: r2Created, resolvedAt: after(r2Created, D), resolvedBy: modB, assignedTo: modB });
  await log(modB, 'assigned_to_self', r2, after(r2Created, 30 * 60_000));
  await log(modB, 'resolve', r2, after(r2Created, D));

  // r3: violation about t3 from a local user, 3 days 2 hours ago; assigned to mod_b by mod_a in Palisade +10 min; open.
  const r3Created = ago(3 * D + 2 * H);
  const r3 = await insertReport(db, { reporter: local1, target: t3, category: VIOLATION, createdAt: r3Created, assignedTo: modB });
  await recordEvent({ db, actorId: modA, targetType: 'Report', action: 'assigned', targetId: r3, humanIdentifier: r3, data: { assignee: 'mod_b' }, at: after(r3Created, 10 * 60_000) });

  // r4: legal about a local account from beta, 2 hours ago; untouched.
  const r4 = await insertReport(db, { reporter: beta, target: t4, category: LEGAL, createdAt: ago(2 * H) });

  // r5: spam about t1 from a local user, 40 days ago (before the window); noted 39 days ago; open.
  const r5 = await insertReport(db, { reporter: local1, target: t1, category: SPAM, createdAt: ago(40 * D) });
  await insertNote(db, { by: modA, reportId: r5, at: ago(39 * D) });

  // r6: other about t3 from beta, 45 days ago; resolved 20 days ago (in the window) while t3 was limited.
  const r6 = await insertReport(db, { reporter: beta, target: t3, category: OTHER, createdAt: ago(45 * D), resolvedAt: ago(20 * D), resolvedBy: modB });
  await log(modB, 'resolve', r6, ago(20 * D));
  await insertAdminActionLog({ db, accountId: modB, action: 'silence', targetType: 'Account', targetId: t3, humanIdentifier: 't3@other.example', at: ago(20 * D) });
  const s3 = await insertStrike(db, { by: modB, target: t3, action: 3000, at: ago(20 * D) });

  // r7: spam about t2, created and resolved before the window.
  const r7 = await insertReport(db, { reporter: alpha, target: t2, category: SPAM, createdAt: ago(60 * D), resolvedAt: ago(50 * D), resolvedBy: modA });
  await log(modA, 'resolve', r7, ago(50 * D));

  // r8: violation about t3 from a local user, 1 day ago; mod_b's note +1 h; resolved +3 h with a warning.
  const r8Created = ago(D);
  const r8 = await insertReport(db, { reporter: local1, target: t3, category: VIOLATION, createdAt: r8Created, resolvedAt: after(r8Created, 3 * H), resolvedBy: modA });
  await insertNote(db, { by: modB, reportId: r8, at: after(r8Created, H) });
  await log(modA, 'resolve', r8, after(r8Created, 3 * H));
  const s8 = await insertStrike(db, { by: modA, target: t3, action: 0, at: after(r8Created, 3 * H), reportId: r8 });

  // Appeals: approved, pending, rejected in the window; one decided long before it.
  await insertAppeal(db, { account: t1, strike: s1, at: ago(9 * D), approvedAt: ago(8 * D), by: modA });
  await insertAppeal(db, { account: t3, strike: s8, at: ago(12 * H) });
  await insertAppeal(db, { account: t3, strike: s3, at: ago(19 * D), rejectedAt: ago(18 * D), by: modA });
  const old = await insertStrike(db, { by: modA, target: t2, action: 0, at: ago(72 * D) });
  await insertAppeal(db, { account: t2, strike: old, at: ago(70 * D), rejectedAt: ago(69 * D), by: modA });

  return { modA, modB, reports: { r1, r2, r3, r4, r5, r6, r7, r8 } };
}

describe.each(testBackends())('overview metrics on %s', (backend) => {
  let t: TestDatabase;
  let db: Db;
  let f: Fixture;

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    db = t.handle.db;
    f = await buildFixture(db);
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  it('counts reports opened and resolved per day and rebuilds the backlog', async () => {
    const flow = await getReportFlow({ db, now: NOW, days: 30 });
    expect(flow).toHaveLength(30);
    expect(flow[0]).toEqual({ day: '2026-10-22', opened: 0, resolved: 0, backlog: 2 }); // r5 and r6 carried in
    const byDay = Object.fromEntries(flow.map((d) => [d.day, d]));
    expect(byDay['2026-10-31']).toEqual({ day: '2026-10-31', opened: 0, resolved: 1, backlog: 1 }); // r6
    expect(byDay['2026-11-10']).toEqual({ day: '2026-11-10', opened: 1, resolved: 1, backlog: 1 }); // r1 in and out
    expect(byDay['2026-11-15']).toMatchObject({ opened: 1, resolved: 0, backlog: 2 });
    expect(byDay['2026-11-16']).toMatchObject({ opened: 0, resolved: 1, backlog: 1 });
    expect(byDay['2026-11-17']).toMatchObject({ opened: 1, resolved: 0, backlog: 2 });
    expect(byDay['2026-11-19']).toMatchObject({ opened: 1, resolved: 1, backlog: 2 });
    expect(flow.at(-1)).toEqual({ day: '2026-11-20', opened: 1, resolved: 0, backlog: 3 }); // r3, r4, r5 open now
    expect(flow.reduce((a, d) => a + d.opened, 0)).toBe(5);
    expect(flow.reduce((a, d) => a + d.resolved, 0)).toBe(4);
    expect((await getReportFlow({ db, now: NOW, days: 90 }))).toHaveLength(90);
  });

  it('computes time to first action and to resolution, median and p90 per category', async () => {
    const rows = await getResponseTimes({ db, now: NOW, days: 30 });
    const by = Object.fromEntries(rows.map((r) => [String(r.category), r]));
    // Filed in the window: r1 first touched after 2 h (note), r2 30 min (assignment), r3 10 min
    // (Palisade event), r8 1 h (note); r4 untouched. r5 and r6 were filed before the window.
    expect(by.null?.firstAction).toEqual({ count: 4, median: 2_700, p90: 6_120 });
    expect(by.null?.untouched).toBe(1);
    expect(by[SPAM]?.firstAction).toEqual({ count: 2, median: 4_500, p90: 6_660 });
    expect(by[VIOLATION]?.firstAction).toEqual({ count: 2, median: 2_100, p90: 3_300 });
    expect(by[OTHER]?.firstAction).toEqual({ count: 0, median: null, p90: null });
    expect(by[LEGAL]?.firstAction).toEqual({ count: 0, median: null, p90: null });
    expect(by[LEGAL]?.untouched).toBe(1);
    expect(by[SPAM]?.untouched).toBe(0);
    // Resolved in the window: r1 5 h, r2 1 d, r6 25 d, r8 3 h.
    expect(by.null?.resolution).toEqual({ count: 4, median: 52_200, p90: 1_537_920 });
    expect(by[SPAM]?.resolution).toEqual({ count: 2, median: 52_200, p90: 79_560 });
    expect(by[VIOLATION]?.resolution).toEqual({ count: 1, median: 10_800, p90: 10_800 });
    expect(by[OTHER]?.resolution).toEqual({ count: 1, median: 2_160_000, p90: 2_160_000 });
    expect(by[LEGAL]?.resolution).toEqual({ count: 0, median: null, p90: null });
  });

  it('buckets open reports by age', async () => {
    expect(await getOpenReportAges({ db, now: NOW })).toEqual([
      { bucket: 1, category: LEGAL, count: 1 }, // r4, 2 h
      { bucket: 4, category: VIOLATION, count: 1 }, // r3, 3 d 2 h
      { bucket: 6, category: SPAM, count: 1 }, // r5, 40 d
    ]);
  });

  it('ranks reported remote domains and reporting domains with their action share', async () => {
    expect(await getTopReportedDomains({ db, now: NOW, days: 30 })).toEqual([
      { domain: 'other.example', reports: 2, open: 1, accounts: 1 },
      { domain: 'spam.example', reports: 2, open: 0, accounts: 2 },
    ]);
    expect(await getTopReportingDomains({ db, now: NOW, days: 30 })).toEqual([
      { domain: null, reports: 2, resolved: 1, actioned: 1 },
      { domain: 'alpha.example', reports: 2, resolved: 2, actioned: 1 },
      { domain: 'beta.example', reports: 1, resolved: 0, actioned: 0 },
    ]);
    expect(await getTopReportedDomains({ db, now: NOW, days: 30, limit: 1 })).toHaveLength(1);
  });

  it('counts appeals per week and the overturn inputs', async () => {
    const appeals = await getAppealFigures({ db, now: NOW, days: 30 });
    expect(appeals).toEqual({
      weeks: [
        { week: '2026-10-19', filed: 0, approved: 0, rejected: 0 },
        { week: '2026-10-26', filed: 1, approved: 0, rejected: 0 },
        { week: '2026-11-02', filed: 0, approved: 0, rejected: 1 },
        { week: '2026-11-09', filed: 1, approved: 1, rejected: 0 },
        { week: '2026-11-16', filed: 1, approved: 0, rejected: 0 },
      ],
      filed: 3,
      approved: 1,
      rejected: 1,
      pending: 1,
    });
  });

  it('shows each moderator’s share of the work, by name', async () => {
    expect(await getModeratorWorkload({ db, now: NOW, days: 30 })).toEqual([
      { accountId: f.modA, username: 'mod_a', resolved: 2, notes: 1, otherActions: 2, assignedOpen: 0 },
      { accountId: f.modB, username: 'mod_b', resolved: 2, notes: 1, otherActions: 2, assignedOpen: 1 },
    ]);
  });

  it('builds the monthly transparency figures', async () => {
    const november = await getTransparencyReport({ db, month: '2026-11', start: new Date('2026-11-01T00:00:00Z'), end: new Date('2026-12-01T00:00:00Z') });
    expect(november.received).toEqual([
      { reporterOrigin: 'local', targetOrigin: 'remote', category: VIOLATION, count: 2 },
      { reporterOrigin: 'remote', targetOrigin: 'local', category: LEGAL, count: 1 },
      { reporterOrigin: 'remote', targetOrigin: 'remote', category: SPAM, count: 2 },
    ]);
    expect(new Map(november.outcomes.map((o) => [o.strikeAction, o.count]))).toEqual(
      new Map<number | null, number>([
        [4000, 1],
        [0, 1],
        [null, 1],
      ]),
    );
    expect(november.resolutionHistogram).toEqual([
      { bucket: 1, count: 2 },
      { bucket: 3, count: 1 },
    ]);
    expect(november.resolutionMedianSeconds).toBe(18_000);
    expect(november.resolutionMeanSeconds).toBe(38_400);
    expect(november.appeals).toEqual({ filed: 3, approved: 1, rejected: 1, pendingAtEnd: 1 });
    expect(november.activeModerators).toBe(2);

    const october = await getTransparencyReport({ db, month: '2026-10', start: new Date('2026-10-01T00:00:00Z'), end: new Date('2026-11-01T00:00:00Z') });
    expect(october.received).toEqual([
      { reporterOrigin: 'local', targetOrigin: 'remote', category: SPAM, count: 1 },
      { reporterOrigin: 'remote', targetOrigin: 'remote', category: OTHER, count: 1 },
    ]);
    // r6 (limit while it was open) and r7 (resolved 1 October, no strike).
    expect(new Map(october.outcomes.map((o) => [o.strikeAction, o.count]))).toEqual(
      new Map<number | null, number>([
        [3000, 1],
        [null, 1],
      ]),
    );
    expect(october.resolutionHistogram).toEqual([{ bucket: 5, count: 2 }]); // 25 d and 10 d
    expect(october.activeModerators).toBe(2);
    expect(october.appeals).toEqual({ filed: 0, approved: 0, rejected: 0, pendingAtEnd: 0 });

    const empty = await getTransparencyReport({ db, month: '2020-01', start: new Date('2020-01-01T00:00:00Z'), end: new Date('2020-02-01T00:00:00Z') });
    expect(empty).toMatchObject({ received: [], outcomes: [], resolutionHistogram: [], resolutionMedianSeconds: null, resolutionMeanSeconds: null, activeModerators: 0 });
  });

  // Runs last: it adds a report.
  it('counts a resolution as the first touch when nothing came before it', async () => {
    const modA = f.modA;
    const filed = ago(6 * H);
    const reporter = await createAccount({ db, username: 'late_reporter' });
    await insertReport(db, { reporter, target: reporter, category: OTHER, createdAt: filed, resolvedAt: after(filed, 2 * H), resolvedBy: modA });
    const rows = await getResponseTimes({ db, now: NOW, days: 30 });
    expect(rows.find((r) => r.category === OTHER)?.firstAction).toEqual({ count: 1, median: 7_200, p90: 7_200 });
    // Seen from an hour after filing, its resolution has not happened yet: filed, not touched.
    const earlier = (await getResponseTimes({ db, now: ago(5 * H), days: 30 })).find((r) => r.category === OTHER);
    expect(earlier?.firstAction.count).toBe(0);
    expect(earlier?.untouched).toBe(1);
  });
});
