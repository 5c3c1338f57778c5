import { describe, expect, it } from 'vitest';
import { bulkProgress, emailDomainOf, parentDomains, signupSignals } from './account-signups';

describe('sign-up signals', () => {
  const row = { email: 'Someone@Mail.Example', confirmedAt: null, signUpIp: '192.0.2.1', inviteCode: null, inviteRequest: '  ' };

  it('reads the e-mail domain and its parents', () => {
    expect(emailDomainOf('a@B.Example')).toBe('b.example');
    expect(emailDomainOf('nope')).toBe('');
    expect(parentDomains('a.b.example')).toEqual(['a.b.example', 'b.example', 'example']);
  });

  it('turns facts into the signals moderators weigh', () => {
    expect(signupSignals(row, { domain: { blocks: [{ allowWithApproval: true }], users: 1 }, ip: { users: 3, blockSeverity: 5500 } })).toEqual({
      emailDomain: 'mail.example',
      emailDomainBlock: 'approval',
      othersOnDomain: 0,
      emailDomainNew: true,
      othersOnIp: 2,
      ipRule: 'sign_up_block',
      confirmed: false,
      invited: false,
      noReason: true,
    });
    const known = signupSignals({ ...row, inviteCode: 'x', inviteRequest: 'hi' }, { domain: { blocks: [{ allowWithApproval: true }, { allowWithApproval: false }], users: 5 } });
    expect(known).toMatchObject({ emailDomainBlock: 'block', othersOnDomain: 4, emailDomainNew: false, othersOnIp: 0, ipRule: null, invited: true, noReason: false });
  });

  it('measures bulk progress over finished rows', () => {
    expect(bulkProgress([{ state: 'done' }, { state: 'failed', message: 'x' }, { state: 'running' }, { state: 'queued' }])).toEqual({ finished: 2, failed: 1, total: 4, percent: 50 });
    expect(bulkProgress([])).toEqual({ finished: 0, failed: 0, total: 0, percent: 100 });
  });
});
