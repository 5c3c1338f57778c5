import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing';
import { createStaffUser, ensureDefaultRoles } from '../testing-fixtures';
import { countPendingSignups, getEmailDomainFacts, getIpFacts, listPendingSignups } from './signups';

describe.each(testBackends())('sign-up queue queries on %s', (backend) => {
  let t: TestDatabase;
  const at = new Date('2026-11-01T12:00:00Z');
  const db = () => t.handle.db;

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    await ensureDefaultRoles({ db: db() });
    const inviter = await createStaffUser({ db: db(), username: 'inviter', roleId: null, email: 'inviter@known.example' });
    const invite = await db().insertInto('invites').values({ user_id: inviter.userId, code: 'ABCD1234', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    const first = await createStaffUser({ db: db(), username: 'first_wait', roleId: null, email: 'one@known.example', overrides: { approved: false, confirmed_at: null } });
    const second = await createStaffUser({ db: db(), username: 'second_wait', roleId: null, email: 'two@sub.spam.example', overrides: { approved: false } });
    await createStaffUser({ db: db(), username: 'approved_one', roleId: null, email: 'x@fresh.example' });
    await db().updateTable('users').set({ invite_id: invite.id, sign_up_ip: '192.0.2.10' }).where('id', '=', first.userId).execute();
    await db().updateTable('users').set({ sign_up_ip: '192.0.2.10' }).where('id', '=', second.userId).execute();
    await db().insertInto('user_invite_requests').values({ user_id: second.userId, text: 'I want to join the book club.', created_at: at, updated_at: at }).execute();
    await db().insertInto('email_domain_blocks').values({ domain: 'spam.example', allow_with_approval: true, created_at: at, updated_at: at }).execute();
    await db().insertInto('ip_blocks').values([
      { ip: '192.0.2.0/24', severity: 5000, created_at: at, updated_at: at },
      { ip: '192.0.2.10/32', severity: 5500, created_at: at, updated_at: at, expires_at: new Date('2020-01-01T00:00:00Z') },
    ]).execute();
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  it('lists users awaiting approval, the longest wait first, with reason and invite', async () => {
    const rows = await listPendingSignups({ db: db() });
    expect(rows.map((r) => r.username)).toEqual(['first_wait', 'second_wait']);
    expect(rows[0]).toMatchObject({ inviteCode: 'ABCD1234', inviterUsername: 'inviter', confirmedAt: null, signUpIp: '192.0.2.10', inviteRequest: null });
    expect(rows[1]).toMatchObject({ inviteRequest: 'I want to join the book club.', inviterUsername: null });
    expect(await listPendingSignups({ db: db(), after: rows[0]!.userId })).toHaveLength(1);
    expect(await countPendingSignups({ db: db() })).toBe(2);
  });

  it('knows blocked parent domains and how many users share each e-mail domain', async () => {
    const facts = await getEmailDomainFacts({ db: db(), domains: ['known.example', 'sub.spam.example', 'fresh.example', 'nobody.example'] });
    expect(facts.get('known.example')).toEqual({ blocks: [], users: 2 });
    expect(facts.get('sub.spam.example')).toEqual({ blocks: [{ domain: 'spam.example', allowWithApproval: true }], users: 1 });
    expect(facts.get('nobody.example')).toEqual({ blocks: [], users: 0 });
  });

  it('counts accounts on a sign-up IP and finds the strictest unexpired IP rule', async () => {
    const facts = await getIpFacts({ db: db(), ips: ['192.0.2.10', '198.51.100.1'] });
    expect(facts.get('192.0.2.10')).toEqual({ users: 2, blockSeverity: 5000 });
    expect(facts.get('198.51.100.1')).toEqual({ users: 0, blockSeverity: null });
  });
});
