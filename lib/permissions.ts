/**
 * Mastodon's role permission flags (`user_roles.permissions`, app/models/user_role.rb, 4.7).
 * Values are bit positions of a bigint column, so they are handled as BigInt.
 */
export const PERMISSION_BITS = {
  administrator: 0,
  view_devops: 1,
  view_audit_log: 2,
  view_dashboard: 3,
  manage_reports: 4,
  manage_federation: 5,
  manage_settings: 6,
  manage_blocks: 7,
  manage_taxonomies: 8,
  manage_appeals: 9,
  manage_users: 10,
  manage_invites: 11,
  manage_rules: 12,
  manage_announcements: 13,
  manage_custom_emojis: 14,
  manage_webhooks: 15,
  invite_users: 16,
  manage_roles: 17,
  manage_user_access: 18,
  delete_user_data: 19,
  view_feeds: 20,
  invite_bypass_approval: 21,
  manage_email_subscriptions: 22,
} as const;

export type Permission = keyof typeof PERMISSION_BITS;

export const ALL_PERMISSIONS = Object.keys(PERMISSION_BITS) as Permission[];

export function flag(permission: Permission): bigint {
  return 1n << BigInt(PERMISSION_BITS[permission]);
}

/** Parses the bigint column as pg returns it (a decimal string). Garbage grants nothing. */
export function parsePermissions(value: string | number | bigint | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  try {
    const parsed = BigInt(value);
    return parsed < 0n ? 0n : parsed;
  } catch {
    return 0n;
  }
}

/** A user holds the Everyone role (-99) plus their own; `administrator` on either grants every flag. */
export function effectivePermissions(everyone: bigint, own: bigint | null): bigint {
  return everyone | (own ?? 0n);
}

export function can(permissions: bigint, permission: Permission): boolean {
  if ((permissions & flag('administrator')) !== 0n) return true;
  return (permissions & flag(permission)) !== 0n;
}

export function canAny(permissions: bigint, wanted: readonly Permission[]): boolean {
  return wanted.some((p) => can(permissions, p));
}

export function permissionList(permissions: bigint): Permission[] {
  return ALL_PERMISSIONS.filter((p) => can(permissions, p));
}

/**
 * Flags that make someone a user of this console. Mastodon lets anyone with an admin permission
 * into /admin; invite-only or devops-only roles have nothing to do here, so they are refused.
 */
export const CONSOLE_PERMISSIONS: readonly Permission[] = [
  'view_dashboard',
  'view_audit_log',
  'manage_reports',
  'manage_federation',
  'manage_settings',
  'manage_blocks',
  'manage_appeals',
  'manage_users',
  'manage_rules',
];

export function canUseConsole(permissions: bigint): boolean {
  return canAny(permissions, CONSOLE_PERMISSIONS);
}
