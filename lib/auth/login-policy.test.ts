import { describe, expect, it } from 'vitest';
import { isThrottled, refusalFor, type AccountStanding } from './login-policy';

const moderator: AccountStanding = {
  confirmed: true,
  approved: true,
  disabled: false,
  otpRequired: false,
  suspended: false,
  deleted: false,
  memorial: false,
  roleRequires2fa: false,
  ownPermissions: '1049884',
  everyonePermissions: '65536',
};

describe('refusalFor', () => {
  it('admits a confirmed, approved moderator', () => {
    expect(refusalFor(moderator, 'password')).toBeNull();
  });

  it('refuses password sign-in with 2FA but admits the same user through Mastodon', () => {
    expect(refusalFor({ ...moderator, otpRequired: true }, 'password')).toBe('TwoFactorRequired');
    expect(refusalFor({ ...moderator, otpRequired: true }, 'mastodon')).toBeNull();
    expect(refusalFor({ ...moderator, roleRequires2fa: true }, 'password')).toBe('TwoFactorRequired');
  });

  it('refuses frozen, unconfirmed, pending, suspended and deleted users', () => {
    expect(refusalFor({ ...moderator, disabled: true }, 'password')).toBe('Disabled');
    expect(refusalFor({ ...moderator, confirmed: false }, 'password')).toBe('Unconfirmed');
    expect(refusalFor({ ...moderator, approved: false }, 'password')).toBe('Pending');
    expect(refusalFor({ ...moderator, suspended: true }, 'mastodon')).toBe('Suspended');
    expect(refusalFor({ ...moderator, deleted: true }, 'password')).toBe('Suspended');
  });

  it('refuses users whose roles carry no moderation permission', () => {
    expect(refusalFor({ ...moderator, ownPermissions: null }, 'password')).toBe('NoPermission');
    expect(refusalFor({ ...moderator, ownPermissions: '2' }, 'password')).toBe('NoPermission');
    // The Everyone role can grant a permission to every user.
    expect(refusalFor({ ...moderator, ownPermissions: null, everyonePermissions: String(65536 + 16) }, 'password')).toBeNull();
  });
});

describe('isThrottled', () => {
  it('throttles after five failures for one e-mail or thirty from one address', () => {
    expect(isThrottled({ byEmail: 4, byIp: 4 })).toBe(false);
    expect(isThrottled({ byEmail: 5, byIp: 5 })).toBe(true);
    expect(isThrottled({ byEmail: 0, byIp: 30 })).toBe(true);
  });
});
