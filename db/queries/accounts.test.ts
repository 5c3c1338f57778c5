import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAccountSearch } from '@/lib/account-filters';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing';
import { createAccount, createReport, createStaffUser, ensureDefaultRoles } from '../testing-fixtures';
import { getAccountProfile, listAccountAuditEntries, listAccountIps, listAccounts, listStrikes } from './accounts';
import { insertAdminActionLog } from './audit';

describe.each(testBackends())('account queries on %s', (backend) => {
  let t: TestDatabase;
  const ids: Record<string, string> = {};
  const at = new Date('2026-11-01T12:00:00Z');
  const db = () => t.handle.db;
  const search = (params: Record<string, string>, before?: string, limit = 50) => listAccounts({ db: db(), filters: parseAccountSearch(params).filters, before, limit, withIps: true });
  const names = async (params: Record<string, string>) => (await search(params)).map((r) => (r.domain ? `${r.username}@${r.domain}` : r.username));

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    await ensureDefaultRoles({ db: db() });
    ids.alice = (await createStaffUser({ db: db(), username: 'alice', roleId: null, email: 'alice@mail.example' })).accountId;
    ids.alicia = (await createStaffUser({ db: db(), username: 'alicia_b', roleId: '1', email: 'alicia@other.example' })).accountId;
    ids.bob = (await createStaffUser({ db: db(), username: 'bob', roleId: null, email: 'bob@mail.example', overrides: { approved: false } })).accountId;
    ids.carol = (await createStaffUser({ db: db(), username: 'carol', roleId: null, email: 'carol@mail.example', overrides: { disabled: true } })).accountId;
    ids.remoteAlice = await createAccount({ db: db(), username: 'Alice', domain: 'far.example' });
    ids.spam = await createAccount({ db: db(), username: 'spam1', domain: 'spam.example' });
    ids.spam2 = await createAccount({ db: db(), username: 'a_b', domain: 'spam.example' });
    ids.axb = await createAccount({ db: db(), username: 'axb', domain: 'spam.example' });
    await db().updateTable('accounts').set({ display_name: 'Kim Okafor 🛡️' }).where('id', '=', ids.alice).execute();
    await db().updateTable('accounts').set({ silenced_at: at }).where('id', '=', ids.spam).execute();
    await db().updateTable('accounts').set({ suspended_at: at, suspension_origin: 0 }).where('id', '=', ids.spam2).execute();
    await db().updateTable('accounts').set({ sensitized_at: at }).where('id', '=', ids.remoteAlice).execute();
    // IPs: bob signed up from one address, alice logged in from the same /24.
    const user = async (accountId: string) => (await db().selectFrom('users').select('id').where('account_id', '=', accountId).executeTakeFirstOrThrow()).id;
    await db().updateTable('users').set({ sign_up_ip: '198.51.100.7' }).where('account_id', '=', ids.bob).execute();
    await db().insertInto('login_activities').values({ user_id: await user(ids.alice), ip: '198.51.100.9', success: true, created_at: at, authentication_method: 'password' }).execute();
    await db().insertInto('login_activities').values({ user_id: await user(ids.alicia), ip: '203.0.113.5', success: false, created_at: at, authentication_method: 'password' }).execute();
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  it('lists newest first without the instance actor, and pages by keyset', async () => {
    await db().insertInto('accounts').values({ id: '-99', username: 'mastodon.internal', created_at: at, updated_at: at }).onConflict((oc) => oc.column('id').doNothing()).execute();
    const all = await search({});
    expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1)));
    expect(all.some((r) => r.id === '-99')).toBe(false);
    const first = await search({}, undefined, 3);
    const second = await search({}, first.at(-1)!.id, 3);
    expect([...first, ...second].map((r) => r.id)).toEqual(all.slice(0, 6).map((r) => r.id));
  });

  it('filters by origin, domain and status as Mastodon’s AccountFilter does', async () => {
    expect(await names({ origin: 'remote', by_domain: 'SPAM.example' })).toEqual(['axb@spam.example', 'a_b@spam.example', 'spam1@spam.example']);
    expect(await names({ status: 'silenced' })).toEqual(['spam1@spam.example']);
    expect(await names({ status: 'suspended' })).toEqual(['a_b@spam.example']);
    expect(await names({ status: 'sensitized' })).toEqual(['Alice@far.example']);
    expect(await names({ status: 'pending' })).toEqual(['bob']);
    expect(await names({ status: 'disabled' })).toEqual(['carol']);
    expect(await names({ origin: 'local', status: 'active' })).toEqual(expect.arrayContaining(['alice', 'alicia_b', 'bob', 'carol']));
    expect(await names({ role: '1' })).toEqual(['alicia_b']);
  });

  it('matches usernames by case-insensitive prefix, treats _ literally, and splits pasted handles', async () => {
    expect(await names({ username: 'ALI' })).toEqual(['Alice@far.example', 'alicia_b', 'alice']);
    expect(await names({ username: 'a_' })).toEqual(['a_b@spam.example']);
    expect(await names({ username: '@alice@far.example' })).toEqual(['Alice@far.example']);
  });

  it('finds display names by word prefix through Mastodon’s search index', async () => {
    expect(await names({ display_name: 'oka' })).toEqual(['alice']);
    expect(await names({ display_name: 'kim oka' })).toEqual(['alice']);
    expect(await names({ display_name: 'okafor kimberly' })).toEqual([]);
  });

  it('searches e-mail exactly, by prefix, or by @domain', async () => {
    expect(await names({ email: 'Alice@mail.example' })).toEqual(['alice']);
    expect(await names({ email: 'ali' })).toEqual(['alicia_b', 'alice']);
    expect(await names({ email: '@mail.example' })).toEqual(['carol', 'bob', 'alice']);
  });

  it('searches IPs and ranges through user_ips (successful sign-ins and sign-up IPs only) and shows the last one', async () => {
    expect(await names({ ip: '198.51.100.0/24' })).toEqual(['bob', 'alice']);
    expect(await names({ ip: '198.51.100.7' })).toEqual(['bob']);
    expect(await names({ ip: '203.0.113.5' })).toEqual([]);
    const [bob] = await search({ username: 'bob' });
    expect(bob?.lastIp).toBe('198.51.100.7');
  });

  it('reads the profile, IPs and strikes', async () => {
    const profile = await getAccountProfile({ db: db(), accountId: ids.carol! });
    expect(profile).toMatchObject({ username: 'carol', disabled: true, rolePosition: -1, email: 'carol@mail.example', statusesCount: '0', emailBlocked: false });
    expect((await getAccountProfile({ db: db(), accountId: ids.spam! }))?.rolePosition).toBeNull();
    const aliceUser = (await getAccountProfile({ db: db(), accountId: ids.alice! }))!.userId!;
    expect(await listAccountIps({ db: db(), userId: aliceUser })).toEqual([{ ip: '198.51.100.9', usedAt: at }]);
    expect(await listStrikes({ db: db(), accountId: ids.alice! })).toEqual([]);
  });

  it('collects the audit rows about an account from every target that points at it', async () => {
    const admin = await createStaffUser({ db: db(), username: 'auditor', roleId: '2' });
    const target = await createStaffUser({ db: db(), username: 'audited', roleId: null });
    const other = await createAccount({ db: db(), username: 'unrelated', domain: 'x.example' });
    const report = await createReport({ db: db(), reporterId: other, targetId: target.accountId });
    await db().updateTable('reports').set({ status_ids: ['116000000000000001'] }).where('id', '=', report).execute();
    const strike = await db().insertInto('account_warnings').values({ account_id: admin.accountId, target_account_id: target.accountId, action: 3000, status_ids: ['116000000000000002'], created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    const log = (action: string, targetType: 'Account' | 'User' | 'Report' | 'AccountWarning' | 'Status', targetId: string, minutes: number) =>
      insertAdminActionLog({ db: db(), accountId: admin.accountId, action, targetType, targetId, humanIdentifier: 'audited', at: new Date(at.getTime() + minutes * 60_000) });
    await log('silence', 'Account', target.accountId, 1);
    await log('disable', 'User', target.userId, 2);
    await log('resolve', 'Report', report, 3);
    await log('create', 'AccountWarning', strike.id, 4);
    await log('destroy', 'Status', '116000000000000001', 5);
    await log('update', 'Status', '116000000000000002', 6);
    await log('silence', 'Account', other, 7);
    const entries = await listAccountAuditEntries({ db: db(), accountId: target.accountId, userId: target.userId });
    expect(entries.map((e) => `${e.action} ${e.targetType}`)).toEqual(['update Status', 'destroy Status', 'create AccountWarning', 'resolve Report', 'disable User', 'silence Account']);
    expect(entries[0]).toMatchObject({ actorUsername: 'auditor', actorDomain: null });
    expect(await listAccountAuditEntries({ db: db(), accountId: target.accountId, userId: target.userId, limit: 2 })).toHaveLength(2);
  });
});
