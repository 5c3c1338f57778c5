import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSessionActor } from '@/db/queries/auth';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { createStaffUser, ensureDefaultRoles, FIXTURE_PASSWORD } from '@/db/testing-fixtures';
import { permissionsOf } from './login-policy';
import { passwordLogin } from './password-login';

describe.each(testBackends())('password sign-in on %s', (backend) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    const db = t.handle.db;
    await ensureDefaultRoles({ db });
    await createStaffUser({ db, username: 'pl_mod', roleId: '1', email: 'pl_mod@fixture.test' });
    await createStaffUser({ db, username: 'pl_otp', roleId: '1', email: 'pl_otp@fixture.test', overrides: { otp_required_for_login: true } });
    await createStaffUser({ db, username: 'pl_frozen', roleId: '1', email: 'pl_frozen@fixture.test', overrides: { disabled: true } });
    await createStaffUser({ db, username: 'pl_pending', roleId: '1', email: 'pl_pending@fixture.test', overrides: { approved: false } });
    await createStaffUser({ db, username: 'pl_unconfirmed', roleId: '1', email: 'pl_unconfirmed@fixture.test', overrides: { confirmed_at: null } });
    await createStaffUser({ db, username: 'pl_member', roleId: null, email: 'pl_member@fixture.test' });
    await createStaffUser({ db, username: 'pl_throttle', roleId: '1', email: 'pl_throttle@fixture.test' });
    const suspended = await createStaffUser({ db, username: 'pl_suspended', roleId: '2', email: 'pl_suspended@fixture.test' });
    await db.updateTable('accounts').set({ suspended_at: new Date(), suspension_origin: 0 }).where('id', '=', suspended.accountId).execute();
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  const login = (email: string, password = FIXTURE_PASSWORD, ip: string | null = '192.0.2.10') =>
    passwordLogin({ db: t.handle.db, email, password, ip, userAgent: 'vitest' });

  it('signs in a moderator (case-insensitive e-mail) and stores a server-side session', async () => {
    const result = await login('  PL_MOD@fixture.test ');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const actor = await findSessionActor({ db: t.handle.db, sessionId: result.sessionId });
    expect(actor?.username).toBe('pl_mod');
    expect(actor?.roleName).toBe('Moderator');
    expect(actor && permissionsOf(actor)).toBe(65536n | 1049884n);
    expect(actor?.provider).toBe('password');
    expect(actor?.accessTokenCiphertext).toBeNull();
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    expect(await login('nobody@fixture.test')).toEqual({ ok: false, error: 'InvalidCredentials' });
    expect(await login('pl_mod@fixture.test', 'wrong password')).toEqual({ ok: false, error: 'InvalidCredentials' });
  });

  it('refuses 2FA, frozen, pending, unconfirmed, suspended and role-less users', async () => {
    expect(await login('pl_otp@fixture.test')).toEqual({ ok: false, error: 'TwoFactorRequired' });
    expect(await login('pl_frozen@fixture.test')).toEqual({ ok: false, error: 'Disabled' });
    expect(await login('pl_pending@fixture.test')).toEqual({ ok: false, error: 'Pending' });
    expect(await login('pl_unconfirmed@fixture.test')).toEqual({ ok: false, error: 'Unconfirmed' });
    expect(await login('pl_suspended@fixture.test')).toEqual({ ok: false, error: 'Suspended' });
    expect(await login('pl_member@fixture.test')).toEqual({ ok: false, error: 'NoPermission' });
  });

  it('refuses a wrong password without revealing the account state', async () => {
    expect(await login('pl_frozen@fixture.test', 'wrong password')).toEqual({ ok: false, error: 'InvalidCredentials' });
  });

  it('throttles after five failures for one e-mail, even with the right password', async () => {
    for (let i = 0; i < 5; i += 1) expect((await login('pl_throttle@fixture.test', `guess ${i}`, `198.51.100.${i}`)).ok).toBe(false);
    expect(await login('pl_throttle@fixture.test', FIXTURE_PASSWORD, '198.51.100.99')).toEqual({ ok: false, error: 'Throttled' });
    // Other users are not locked out by someone else's guessing.
    expect((await login('pl_mod@fixture.test', FIXTURE_PASSWORD, '198.51.100.99')).ok).toBe(true);
  });

  it('stops reading a session once the user is frozen', async () => {
    const result = await login('pl_mod@fixture.test');
    if (!result.ok) throw new Error('expected sign-in');
    await t.handle.db.updateTable('users').set({ disabled: true }).where('account_id', '=', result.accountId).execute();
    const actor = await findSessionActor({ db: t.handle.db, sessionId: result.sessionId });
    expect(actor?.disabled).toBe(true);
    await t.handle.db.updateTable('users').set({ disabled: false }).where('account_id', '=', result.accountId).execute();
  });

  it('verifies Devise’s $2a$ bcrypt hashes as Mastodon writes them', () => {
    const devise = bcrypt.hashSync('palisade-demo', '$2a$10$abcdefghijklmnopqrstuu');
    expect(devise.startsWith('$2a$10$')).toBe(true);
    expect(bcrypt.compareSync('palisade-demo', devise)).toBe(true);
  });
});
