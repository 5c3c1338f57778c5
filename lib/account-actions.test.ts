import { describe, expect, it } from 'vitest';
import { availableActionTypes, refuseAccountAction, refuseUndo, strikeActionName, warningText, type TargetStanding } from './account-actions';

const local: TargetStanding = { local: true, instanceActor: false, suspended: false, suspendedLocally: false, silenced: false, sensitized: false, rolePosition: -1 };
const remote: TargetStanding = { ...local, local: false, rolePosition: null };
const moderator = { permissions: 1049884n | 65536n, rolePosition: 10 };
const reportsOnly = { permissions: 16n, rolePosition: 10 };

describe('account actions', () => {
  it('offers remote accounts only sensitive, silence and suspend', () => {
    expect(availableActionTypes(remote)).toEqual(['sensitive', 'silence', 'suspend']);
    expect(availableActionTypes(local)).toEqual(['none', 'disable', 'sensitive', 'silence', 'suspend']);
  });

  it('does not offer what is already applied', () => {
    expect(availableActionTypes({ ...local, silenced: true })).toEqual(['none', 'disable', 'sensitive', 'suspend']);
    expect(availableActionTypes({ ...local, suspended: true, suspendedLocally: true })).toEqual(['none', 'disable', 'sensitive']);
  });

  it('follows Mastodon’s policies', () => {
    expect(refuseAccountAction(moderator, local, 'silence')).toBeNull();
    expect(refuseAccountAction(reportsOnly, local, 'disable')).toBe('permission');
    expect(refuseAccountAction(reportsOnly, local, 'suspend')).toBeNull();
    expect(refuseAccountAction({ permissions: 65536n, rolePosition: 10 }, local, 'none')).toBe('permission');
    expect(refuseAccountAction(moderator, { ...local, rolePosition: 10 }, 'silence')).toBe('outranked');
    expect(refuseAccountAction(moderator, { ...local, rolePosition: 100 }, 'none')).toBe('outranked');
    expect(refuseAccountAction(moderator, { ...remote, instanceActor: true }, 'suspend')).toBe('instance_actor');
    expect(refuseAccountAction(moderator, remote, 'disable')).toBe('unavailable');
  });

  it('lets only manage_users undo, and only local suspensions', () => {
    expect(refuseUndo(moderator, { ...local, silenced: true }, 'unsilence')).toBeNull();
    expect(refuseUndo(reportsOnly, { ...local, silenced: true }, 'unsilence')).toBe('permission');
    expect(refuseUndo(moderator, { ...remote, suspended: true, suspendedLocally: false }, 'unsuspend')).toBe('unavailable');
    expect(refuseUndo(moderator, local, 'unsensitive')).toBe('unavailable');
  });

  it('joins preset and moderator text like Mastodon', () => {
    expect(warningText('Preset.', 'More.')).toBe('Preset.\n\nMore.');
    expect(warningText(null, 'Only this')).toBe('Only this');
    expect(warningText('Preset.', '  ')).toBe('Preset.');
    expect(warningText(undefined, undefined)).toBe('');
  });

  it('maps strike integers to names', () => {
    expect(strikeActionName(1250)).toBe('mark_statuses_as_sensitive');
    expect(strikeActionName(7)).toBeNull();
  });
});
