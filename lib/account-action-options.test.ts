import { describe, expect, it } from 'vitest';
import { accountActionChoices, accountActionFormSchema, applicableUndos, describeAccountAction, type ActionPlanInput } from './account-action-options';
import type { TargetStanding } from './account-actions';

const local: TargetStanding = { local: true, instanceActor: false, suspended: false, suspendedLocally: false, silenced: false, sensitized: false, rolePosition: -1 };
const remote: TargetStanding = { ...local, local: false, rolePosition: null };
const moderator = { permissions: 1049884n | 65536n, rolePosition: 10 };
const reportsOnly = { permissions: 16n, rolePosition: 10 };

const base: ActionPlanInput = {
  type: 'silence',
  local: true,
  hasEmail: true,
  reportId: null,
  openReportCount: 0,
  reportOpen: false,
  reportStatusCount: 0,
  includeStatuses: true,
  presetText: null,
  text: '',
  sendEmail: true,
  mode: 'api',
};

describe('action form choices', () => {
  it('lists every type in Mastodon’s order with the policy’s reason for those refused', () => {
    expect(accountActionChoices(reportsOnly, local)).toEqual([
      { type: 'none', refusal: null },
      { type: 'disable', refusal: 'permission' },
      { type: 'sensitive', refusal: null },
      { type: 'silence', refusal: null },
      { type: 'suspend', refusal: null },
    ]);
    expect(accountActionChoices(moderator, { ...remote, silenced: true }).filter((c) => c.refusal === null).map((c) => c.type)).toEqual(['sensitive', 'suspend']);
  });

  it('offers only the undos the account’s state calls for', () => {
    expect(applicableUndos(moderator, { ...local, disabled: false })).toEqual([]);
    expect(applicableUndos(moderator, { ...local, silenced: true, sensitized: true, disabled: true }).map((u) => u.undo)).toEqual(['enable', 'unsensitive', 'unsilence']);
    // Suspended by its own server: shown, but Mastodon refuses to lift it.
    expect(applicableUndos(moderator, { ...remote, suspended: true, suspendedLocally: false, disabled: false })).toEqual([{ undo: 'unsuspend', refusal: 'unavailable' }]);
    expect(applicableUndos(reportsOnly, { ...local, silenced: true, disabled: false })).toEqual([{ undo: 'unsilence', refusal: 'permission' }]);
  });
});

describe('what the confirmation states', () => {
  it('a limit resolves every open report and e-mails a local user in connected mode', () => {
    expect(describeAccountAction({ ...base, openReportCount: 3, presetText: 'Be kind.', text: 'Again.' })).toEqual([
      { key: 'effect', type: 'silence' },
      { key: 'strike', type: 'silence', text: 'Be kind.\n\nAgain.' },
      { key: 'resolveAll', count: 3 },
      { key: 'emailSent' },
    ]);
  });

  it('a warning from a report resolves only that report and is logged when it has text', () => {
    expect(describeAccountAction({ ...base, type: 'none', reportId: '7', reportOpen: true, openReportCount: 4, reportStatusCount: 2, text: 'Stop.', sendEmail: false })).toEqual([
      { key: 'effect', type: 'none' },
      { key: 'strike', type: 'none', text: 'Stop.' },
      { key: 'logWarning' },
      { key: 'resolveOne', reportId: '7' },
      { key: 'includePosts', count: 2 },
      { key: 'emailSkipped' },
    ]);
  });

  it('a suspension mentions the 30-day purge and the e-mail block; standalone mode sends nothing', () => {
    const out = describeAccountAction({ ...base, type: 'suspend', mode: 'database', reportId: '9', reportOpen: true, reportStatusCount: 1, includeStatuses: false });
    expect(out.map((c) => c.key)).toEqual(['effect', 'suspendPurge', 'suspendEmailBlock', 'strike', 'resolveNone', 'emailStandalone']);
  });

  it('a remote account gets no e-mail and no e-mail block', () => {
    const out = describeAccountAction({ ...base, type: 'suspend', local: false, hasEmail: false });
    expect(out.map((c) => c.key)).toEqual(['effect', 'suspendPurge', 'strike', 'resolveNone', 'emailRemote']);
  });
});

describe('form schema', () => {
  it('refuses forged ids and unknown types', () => {
    expect(accountActionFormSchema.safeParse({ accountId: '1/../2', type: 'silence' }).success).toBe(false);
    expect(accountActionFormSchema.safeParse({ accountId: '110000000000000001', type: 'ban' }).success).toBe(false);
    expect(accountActionFormSchema.parse({ accountId: '110000000000000001', type: 'none' })).toMatchObject({ text: '', sendEmailNotification: true, includeStatuses: true });
  });
});
