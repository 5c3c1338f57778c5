import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionType, type AuditActionType } from '@/lib/audit-actions';
import { createAccount, createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import type { Db } from '../client';
import { insertAdminActionLog, type AuditTargetType } from './audit';
import { listAuditActors, listAuditEntries, type AuditEntry, type AuditQuery } from './audit-log';
import { listEventsForTarget, recordEvent } from './events';

const T0 = new Date('2026-11-01T00:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const NO_FILTER: AuditQuery = { actorIds: [], actions: [], targetType: null, targetDomain: null, from: null, until: null, query: null };
const type = (key: string): AuditActionType => {
  const found = auditActionType(key);
  if (!found) throw new Error(key);
  return found;
};

describe.each(testBackends())('audit log on %s', (backend) => {
  let t: TestDatabase;
  let db: Db;
  let alice: string;
  let bob: string;
  let carol: string;
  let remote: string;
  /** Every row written, as `source:what`, in the order the log must show them (newest first). */
  const expected: string[] = [];

  async function log(by: string, action: string, targetType: AuditTargetType, targetId: string | null, humanIdentifier: string | null, minute: number, extra: { routeParam?: string; permalink?: string } = {}) {
    await insertAdminActionLog({ db, accountId: by, action, targetType, targetId, humanIdentifier, at: at(minute), ...extra });
    expected.unshift(`mastodon:${action}_${targetType}:${humanIdentifier}`);
  }

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    db = t.handle.db;
    await ensureDefaultRoles({ db });
    alice = (await createStaffUser({ db, username: 'alice', roleId: '1' })).accountId;
    bob = (await createStaffUser({ db, username: 'bob', roleId: '2' })).accountId;
    carol = (await createStaffUser({ db, username: 'carol', roleId: '1' })).accountId; // staff who never acted
    remote = await createAccount({ db, username: 'spammer', domain: 'spam.example' });
    const local = await createAccount({ db, username: 'neighbour' });

    // Interleaved minute by minute: Mastodon rows at even minutes, Palisade events at odd ones.
    await log(alice, 'assigned_to_self', 'Report', '11', '11', 0);
    await recordEvent({ db, actorId: alice, targetType: 'Report', action: 'note_created', targetId: '11', humanIdentifier: '11', at: at(1) });
    expected.unshift('palisade:note_created_Report:11');
    await log(alice, 'resolve', 'Report', '11', '11', 2);
    await recordEvent({ db, actorId: bob, targetType: 'Report', action: 'assigned', targetId: '12', humanIdentifier: '12', data: { assignee: 'alice' }, at: at(3) });
    expected.unshift('palisade:assigned_Report:12');
    await log(bob, 'suspend', 'Account', remote, 'spammer@spam.example', 4);
    await log(bob, 'create', 'DomainBlock', '7', 'spam.example', 6);
    await log(alice, 'silence', 'Account', local, 'neighbour', 8);
    await recordEvent({ db, actorId: null, targetType: 'BlocklistSource', action: 'refresh', targetId: '3', humanIdentifier: 'Garden Fence', at: at(9) });
    expected.unshift('palisade:refresh_BlocklistSource:Garden Fence');
    await log(bob, 'destroy', 'Status', '900', 'spammer@spam.example', 10, { permalink: 'https://spam.example/statuses/900' });
    await log(alice, 'resolve', 'Report', '12', '12', 12);
    await recordEvent({ db, actorId: alice, targetType: 'Instance', action: 'note_created', targetId: null, humanIdentifier: 'spam.example', at: at(13) });
    expected.unshift('palisade:note_created_Instance:spam.example');
    // A burst in the same minute from both sources, inserted out of time order in Mastodon's table.
    await log(bob, 'reject', 'User', '55', '100%_real@fake.example', 20, { routeParam: '55' });
    await recordEvent({ db, actorId: bob, targetType: 'Rule', action: 'update', targetId: '2', humanIdentifier: 'Be kind', at: at(20) });
    expected.unshift('palisade:update_Rule:Be kind');
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  const describeEntry = (e: AuditEntry) => `${e.source}:${e.action}_${e.targetType}:${e.humanIdentifier}`;

  async function everything(filter: AuditQuery, limit: number): Promise<{ rows: string[]; pages: number }> {
    const rows: string[] = [];
    let cursor = null;
    let pages = 0;
    do {
      const page = await listAuditEntries({ db, filter, cursor, limit });
      pages += 1;
      rows.push(...page.entries.map(describeEntry));
      cursor = page.next;
      if (pages > 50) throw new Error('paging does not end');
    } while (cursor);
    return { rows, pages };
  }

  it('merges both sources newest first', async () => {
    const page = await listAuditEntries({ db, filter: NO_FILTER, cursor: null, limit: 100 });
    // Equal times: Mastodon's row first.
    expect(page.entries.map(describeEntry)).toEqual(expected.slice(0, 2).reverse().concat(expected.slice(2)));
    expect(page.next).toBeNull();
    const first = page.entries.find((e) => e.action === 'suspend');
    expect(first).toMatchObject({ source: 'mastodon', actorId: bob, actorUsername: 'bob', actorDomain: null, targetType: 'Account', targetId: remote });
    expect(typeof first?.id).toBe('string');
    const automatic = page.entries.find((e) => e.targetType === 'BlocklistSource');
    expect(automatic).toMatchObject({ actorId: null, actorUsername: null });
    expect(page.entries.find((e) => e.action === 'assigned')?.details).toEqual({ assignee: 'alice' });
  });

  it('pages through the merged log with one cursor per source, whatever the page size', async () => {
    const all = (await listAuditEntries({ db, filter: NO_FILTER, cursor: null, limit: 100 })).entries.map(describeEntry);
    for (const limit of [1, 2, 3, 5]) {
      const { rows, pages } = await everything(NO_FILTER, limit);
      expect(rows).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / limit));
    }
  });

  it('filters by actor and by several action types at once', async () => {
    const filter = { ...NO_FILTER, actorIds: [alice], actions: [type('resolve_report'), type('silence_account')] };
    const { rows } = await everything(filter, 2);
    expect(rows).toEqual(['mastodon:resolve_Report:12', 'mastodon:silence_Account:neighbour', 'mastodon:resolve_Report:11']);
    // Mixed sources in one action filter.
    const mixed = await listAuditEntries({ db, filter: { ...NO_FILTER, actions: [type('palisade.note_created_report'), type('assigned_to_self_report')] }, cursor: null, limit: 10 });
    expect(mixed.entries.map(describeEntry)).toEqual(['palisade:note_created_Report:11', 'mastodon:assigned_to_self_Report:11']);
    // Several actors.
    const both = await listAuditEntries({ db, filter: { ...NO_FILTER, actorIds: [alice, bob] }, cursor: null, limit: 100 });
    expect(both.entries).toHaveLength(expected.length - 1); // all but the automatic refresh
    expect((await listAuditEntries({ db, filter: { ...NO_FILTER, actorIds: [carol] }, cursor: null, limit: 10 })).entries).toEqual([]);
  });

  it('filters by target type, target domain, dates and free text', async () => {
    const byType = await listAuditEntries({ db, filter: { ...NO_FILTER, targetType: 'Report' }, cursor: null, limit: 100 });
    expect(byType.entries.map(describeEntry)).toEqual([
      'mastodon:resolve_Report:12',
      'palisade:assigned_Report:12',
      'mastodon:resolve_Report:11',
      'palisade:note_created_Report:11',
      'mastodon:assigned_to_self_Report:11',
    ]);
    const byDomain = await listAuditEntries({ db, filter: { ...NO_FILTER, targetDomain: 'spam.example' }, cursor: null, limit: 100 });
    expect(byDomain.entries.map(describeEntry)).toEqual([
      'palisade:note_created_Instance:spam.example',
      'mastodon:destroy_Status:spammer@spam.example',
      'mastodon:create_DomainBlock:spam.example',
      'mastodon:suspend_Account:spammer@spam.example',
    ]);
    const byDates = await listAuditEntries({ db, filter: { ...NO_FILTER, from: at(4), until: at(9) }, cursor: null, limit: 100 });
    expect(byDates.entries.map(describeEntry)).toEqual(['mastodon:silence_Account:neighbour', 'mastodon:create_DomainBlock:spam.example', 'mastodon:suspend_Account:spammer@spam.example']);
    const text = await listAuditEntries({ db, filter: { ...NO_FILTER, query: 'SPAMMER' }, cursor: null, limit: 100 });
    expect(text.entries.map(describeEntry)).toEqual(['mastodon:destroy_Status:spammer@spam.example', 'mastodon:suspend_Account:spammer@spam.example']);
    // LIKE wildcards in the text are literal: `100%_` matches only the row that contains it.
    const literal = await listAuditEntries({ db, filter: { ...NO_FILTER, query: '100%_' }, cursor: null, limit: 100 });
    expect(literal.entries.map(describeEntry)).toEqual(['mastodon:reject_User:100%_real@fake.example']);
    expect((await listAuditEntries({ db, filter: { ...NO_FILTER, query: '%' }, cursor: null, limit: 100 })).entries).toHaveLength(1);
    // Free text also finds a Palisade event's details and a post's permalink.
    expect((await listAuditEntries({ db, filter: { ...NO_FILTER, query: 'assignee' }, cursor: null, limit: 100 })).entries.map(describeEntry)).toEqual(['palisade:assigned_Report:12']);
    expect((await listAuditEntries({ db, filter: { ...NO_FILTER, query: 'statuses/900' }, cursor: null, limit: 100 })).entries.map(describeEntry)).toEqual(['mastodon:destroy_Status:spammer@spam.example']);
  });

  it('lists every actor: those who acted in either source and staff who did not', async () => {
    const actors = await listAuditActors({ db });
    expect(actors.map((a) => a.username)).toEqual(['alice', 'bob', 'carol']);
    expect(actors[0]).toEqual({ accountId: alice, username: 'alice', domain: null });
  });

  it('records events inside the caller’s transaction and refuses unknown pairs', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await recordEvent({ db: trx, actorId: alice, targetType: 'Account', action: 'note_created', targetId: remote, humanIdentifier: 'spammer@spam.example' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await listEventsForTarget({ db, targetType: 'Account', targetId: remote })).toEqual([]);

    await db.transaction().execute(async (trx) => {
      await recordEvent({ db: trx, actorId: alice, targetType: 'Account', action: 'note_created', targetId: remote, humanIdentifier: 'spammer@spam.example', routeParam: remote, data: { note_id: '5' } });
    });
    const events = await listEventsForTarget({ db, targetType: 'Account', targetId: remote });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ accountId: alice, action: 'note_created', targetType: 'Account', targetId: remote, humanIdentifier: 'spammer@spam.example', routeParam: remote, data: { note_id: '5' } });
    expect(Math.abs(events[0]!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);

    // @ts-expect-error: not in PALISADE_EVENTS
    await expect(recordEvent({ db, actorId: alice, targetType: 'Report', action: 'explode', targetId: '1', humanIdentifier: '1' })).rejects.toThrow('Unknown Palisade event');
  });
});
