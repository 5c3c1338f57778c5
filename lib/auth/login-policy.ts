import { canUseConsole, effectivePermissions, parsePermissions } from '@/lib/permissions';

/** Error codes travel through next-auth's `?error=` parameter; the login page translates them. */
export const LOGIN_ERRORS = [
  'InvalidCredentials',
  'Throttled',
  'TwoFactorRequired',
  'Disabled',
  'Unconfirmed',
  'Pending',
  'Suspended',
  'NoPermission',
  'NotLocal',
  'DatabaseUnavailable',
] as const;
export type LoginError = (typeof LOGIN_ERRORS)[number];

export function isLoginError(value: unknown): value is LoginError {
  return typeof value === 'string' && (LOGIN_ERRORS as readonly string[]).includes(value);
}

export interface AccountStanding {
  confirmed: boolean;
  approved: boolean;
  disabled: boolean;
  otpRequired: boolean;
  suspended: boolean;
  deleted: boolean;
  memorial: boolean;
  roleRequires2fa: boolean;
  ownPermissions: string | null;
  everyonePermissions: string | null;
}

export function permissionsOf(standing: Pick<AccountStanding, 'ownPermissions' | 'everyonePermissions'>): bigint {
  return effectivePermissions(parsePermissions(standing.everyonePermissions), standing.ownPermissions === null ? null : parsePermissions(standing.ownPermissions));
}

/**
 * Who may use the console, in Mastodon's own order of checks. Only reached after the password
 * matched, so the specific reason can be told without leaking whether an e-mail exists.
 * Password sign-in never bypasses two-factor authentication: such users sign in through Mastodon.
 */
export function refusalFor(standing: AccountStanding, method: 'password' | 'mastodon'): LoginError | null {
  if (standing.suspended || standing.deleted || standing.memorial) return 'Suspended';
  if (standing.disabled) return 'Disabled';
  if (!standing.confirmed) return 'Unconfirmed';
  if (!standing.approved) return 'Pending';
  if (method === 'password' && (standing.otpRequired || standing.roleRequires2fa)) return 'TwoFactorRequired';
  if (!canUseConsole(permissionsOf(standing))) return 'NoPermission';
  return null;
}

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

/** Slows down guessing against one account and spraying from one address. */
export function isThrottled(failures: { byEmail: number; byIp: number }): boolean {
  return failures.byEmail >= MAX_FAILURES_PER_EMAIL || failures.byIp >= MAX_FAILURES_PER_IP;
}
