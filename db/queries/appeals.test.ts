import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAppealCursor, parseAppealSearch } from '@/lib/appeal-filters';
import { strikeWithAppeal } from '@/lib/write-path/appeals/fixtures';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing';
import { createAccount, createStaffUser, ensureDefaultRoles } from '../testing-fixtures';
import { getAppealDetail, listAppeals } from './appeals';
import { getOverviewFigures } from './overview';

describe.each(testBackends())('appeal queue queries on %s', (backend) => {
  let t: TestDatabase;
  const db = () => t.handle.db;
  const ids: Record<string, string> = {};
  const day = (n: number) => new Date(Date.UTC(2026, 10, n, 12));

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    await ensureDefaultRoles({ db: db() });
    const admin = await createStaffUser({ db: db(), username: 'decider', roleId: '2' });
    const make = async (name: string, created: number, decided?: 'approve' | 'reject') => {
      const target = await createAccount({ db: db(), username: name, domain: 'far.example' });
      const { appealId } = await strikeWithAppeal(db(), { target, issuer: admin.accountId, action: 'silence', at: day(1) });
      const at = day(created);
      await db()
        .updateTable('appeals')
        .set({
          created_at: at,
          ...(decided === 'approve' ? { approved_at: day(created + 1), approved_by_account_id: admin.accountId } : {}),
          ...(decided === 'reject' ? { rejected_at: day(created + 1), rejected_by_account_id: admin.accountId } : {}),
        })
        .where('id', '=', appealId)
        .execute();
      ids[name] = appealId;
    };
    await make('newer_pending', 9);
    await make('older_pending', 3);
    await make('approved_old', 2, 'approve');
    await make('rejected_new', 8, 'reject');
    await make('middle_pending', 5);
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  const usernames = async (status: 'pending' | 'approved' | 'rejected' | 'all', after: string | null = null, limit = 50) =>
    (await listAppeals({ db: db(), status, after: parseAppealSearch({ status, ...(after ? { after } : {}) }).after, limit })).map((r) => r.username);

  it('puts pending appeals first, oldest first, then decided ones newest first', async () => {
    expect(await usernames('pending')).toEqual(['older_pending', 'middle_pending', 'newer_pending']);
    expect(await usernames('all')).toEqual(['older_pending', 'middle_pending', 'newer_pending', 'rejected_new', 'approved_old']);
    expect(await usernames('approved')).toEqual(['approved_old']);
    expect(await usernames('rejected')).toEqual(['rejected_new']);
  });

  it('pages through the mixed order without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const page = await listAppeals({ db: db(), status: 'all', after: parseAppealSearch({ status: 'all', ...(after ? { after } : {}) }).after, limit: 2 });
      seen.push(...page.map((r) => r.username));
      if (page.length < 2) break;
      after = encodeAppealCursor(page.at(-1)!);
    }
    expect(seen).toEqual(['older_pending', 'middle_pending', 'newer_pending', 'rejected_new', 'approved_old']);
  });

  it('reads an appeal with its strike, decider and state', async () => {
    const detail = await getAppealDetail({ db: db(), appealId: ids.approved_old! });
    expect(detail).toMatchObject({ username: 'approved_old', approvedByUsername: 'decider', strikeAction: 3000, reportId: null, reply: null, strikeStatusIds: [] });
    expect(await getAppealDetail({ db: db(), appealId: '999999' })).toBeUndefined();
  });

  it('feeds the overview the count and the oldest pending appeal', async () => {
    const figures = await getOverviewFigures({ db: db() });
    expect(figures.pendingAppeals).toBe(3);
    expect(figures.oldestPendingAppealAt).toEqual(day(3));
  });
});
