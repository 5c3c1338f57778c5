import { describe, expect, it } from 'vitest';
import { appealState, normalizeReply, planAppealApproval, type AppealAccountState } from './appeal-decision';

const account: AppealAccountState = { local: true, suspended: false, suspendedLocally: false, silenced: false, sensitized: false, disabled: false, deletionRequested: false };
const at = new Date('2026-11-20T00:00:00Z');

describe('approving an appeal', () => {
  it('undoes the state each strike type set, and knows when it is already undone', () => {
    expect(planAppealApproval({ strikeAction: 3000, strikeStatusIds: [], account: { ...account, silenced: true }, statuses: [], mode: 'database' })).toMatchObject({ action: 'silence', undo: 'unsilence', alreadyReversed: false, apiCall: null });
    expect(planAppealApproval({ strikeAction: 1000, strikeStatusIds: [], account, statuses: [], mode: 'api' })).toMatchObject({ undo: 'enable', alreadyReversed: true, apiCall: null });
    expect(planAppealApproval({ strikeAction: 2000, strikeStatusIds: [], account: { ...account, sensitized: true }, statuses: [], mode: 'api' })).toMatchObject({ undo: 'unsensitive', apiCall: 'unsensitive' });
    expect(planAppealApproval({ strikeAction: 0, strikeStatusIds: [], account, statuses: [], mode: 'api' })).toMatchObject({ action: 'none', undo: null, irreversible: false });
  });

  it('says a suspension whose data was purged comes back empty, and that the API cannot lift a remote suspension', () => {
    const purged = planAppealApproval({ strikeAction: 4000, strikeStatusIds: [], account: { ...account, suspended: true, suspendedLocally: true }, statuses: [], mode: 'api' });
    expect(purged).toMatchObject({ undo: 'unsuspend', dataPurged: true, apiCall: 'unsuspend' });
    const remote = planAppealApproval({ strikeAction: 4000, strikeStatusIds: [], account: { ...account, local: false, suspended: true, deletionRequested: true }, statuses: [], mode: 'api' });
    expect(remote).toMatchObject({ dataPurged: false, apiCall: null, apiSkipsRemoteSuspension: true });
  });

  it('deleted posts cannot be restored; marked posts are restored where they still exist with media', () => {
    expect(planAppealApproval({ strikeAction: 1500, strikeStatusIds: ['1'], account, statuses: [], mode: 'database' })).toMatchObject({ irreversible: true, restorable: [] });
    const statuses = [
      { id: '1', deletedAt: null, sensitive: true, mediaCount: 2 },
      { id: '2', deletedAt: null, sensitive: true, mediaCount: 0 },
      { id: '3', deletedAt: at, sensitive: true, mediaCount: 1 },
      { id: '4', deletedAt: null, sensitive: false, mediaCount: 1 },
    ];
    const plan = planAppealApproval({ strikeAction: 1250, strikeStatusIds: ['1', '2', '3', '4', '5'], account, statuses, mode: 'database' });
    expect(plan).toMatchObject({ restorable: ['1'], lostPosts: 2, needsMastodonUi: false });
    expect(planAppealApproval({ strikeAction: 1250, strikeStatusIds: ['1'], account, statuses, mode: 'api' }).needsMastodonUi).toBe(true);
    expect(planAppealApproval({ strikeAction: 1250, strikeStatusIds: ['4'], account, statuses: [statuses[3]!], mode: 'api' }).needsMastodonUi).toBe(false);
  });
});

describe('appeal helpers', () => {
  it('derives the state from the two timestamps and trims replies', () => {
    expect(appealState({ approvedAt: null, rejectedAt: null })).toBe('pending');
    expect(appealState({ approvedAt: at, rejectedAt: null })).toBe('approved');
    expect(appealState({ approvedAt: null, rejectedAt: at })).toBe('rejected');
    expect(normalizeReply('  ')).toBeNull();
    expect(normalizeReply(' ok ')).toBe('ok');
  });
});
