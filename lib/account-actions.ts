import { canAny, type Permission } from './permissions';

/** Mastodon's Admin::AccountAction types and the strike (`account_warnings.action`) each writes. */
export const ACCOUNT_ACTION_TYPES = ['none', 'disable', 'sensitive', 'silence', 'suspend'] as const;
export type AccountActionType = (typeof ACCOUNT_ACTION_TYPES)[number];

export const STRIKE_ACTIONS = {
  none: 0,
  disable: 1000,
  mark_statuses_as_sensitive: 1250,
  delete_statuses: 1500,
  sensitive: 2000,
  silence: 3000,
  suspend: 4000,
} as const;
export type StrikeAction = keyof typeof STRIKE_ACTIONS;

export function strikeActionName(value: number): StrikeAction | null {
  return (Object.entries(STRIKE_ACTIONS).find(([, v]) => v === value)?.[0] as StrikeAction | undefined) ?? null;
}

export interface TargetStanding {
  local: boolean;
  instanceActor: boolean;
  suspended: boolean;
  /** suspension_origin = 0 (local); only those can be lifted by moderators. */
  suspendedLocally: boolean;
  silenced: boolean;
  sensitized: boolean;
  /** Position of the target user's role (Everyone = -1); null for remote accounts. */
  rolePosition: number | null;
}

export interface ActingModerator {
  permissions: bigint;
  rolePosition: number;
}

/** Which types Mastodon offers for an account (AccountAction.types_for_account minus disabled_types_for_account). */
export function availableActionTypes(target: TargetStanding): AccountActionType[] {
  const types: AccountActionType[] = target.local ? [...ACCOUNT_ACTION_TYPES] : ['sensitive', 'silence', 'suspend'];
  if (target.suspendedLocally) return types.filter((t) => t !== 'silence' && t !== 'suspend');
  if (target.silenced) return types.filter((t) => t !== 'silence');
  return types;
}

/** UserRole#overrides?: a remote account has no role; otherwise the actor's position must be higher. */
export function outranks(actor: ActingModerator, target: TargetStanding): boolean {
  return target.rolePosition === null || actor.rolePosition > target.rolePosition;
}

const ACTION_PERMISSIONS: Record<AccountActionType, readonly Permission[]> = {
  none: ['manage_users', 'manage_reports'],
  // UserPolicy#disable? needs manage_users; manage_reports alone cannot freeze.
  disable: ['manage_users'],
  sensitive: ['manage_users', 'manage_reports'],
  silence: ['manage_users', 'manage_reports'],
  suspend: ['manage_users', 'manage_reports'],
};

export type ActionRefusal = 'permission' | 'outranked' | 'unavailable' | 'instance_actor';

/** Mastodon's policy checks for an account action (AccountPolicy, UserPolicy), in its order. */
export function refuseAccountAction(actor: ActingModerator, target: TargetStanding, type: AccountActionType): ActionRefusal | null {
  if (!canAny(actor.permissions, ACTION_PERMISSIONS[type])) return 'permission';
  if (!outranks(actor, target)) return 'outranked';
  if (type === 'suspend' && target.instanceActor) return 'instance_actor';
  if (!availableActionTypes(target).includes(type)) return 'unavailable';
  return null;
}

export type UndoAction = 'unsilence' | 'unsuspend' | 'unsensitive' | 'enable';

/** Undoing needs manage_users only (no outranking), and only local-origin suspensions can be lifted. */
export function refuseUndo(actor: ActingModerator, target: TargetStanding, undo: UndoAction): ActionRefusal | null {
  if (!canAny(actor.permissions, ['manage_users'])) return 'permission';
  if (undo === 'unsuspend' && !target.suspendedLocally) return 'unavailable';
  if (undo === 'unsilence' && !target.silenced) return 'unavailable';
  if (undo === 'unsensitive' && !target.sensitized) return 'unavailable';
  if (undo === 'enable' && !target.local) return 'unavailable';
  return null;
}

/** The strike text: preset text then the moderator's words, separated by a blank line. */
export function warningText(presetText: string | null | undefined, text: string | null | undefined): string {
  return [presetText, text].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n\n');
}
