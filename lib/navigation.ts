import { canAny, type Permission } from './permissions';

export type NavKey = 'overview' | 'reports' | 'accounts' | 'appeals' | 'federation' | 'rules' | 'blocklists' | 'audit';

export interface NavItem {
  key: NavKey;
  href: string;
  /** Any one of these opens the section (Mastodon's permission for the same admin screen). */
  permissions: readonly Permission[];
  /** Second key of the `g` shortcut. */
  shortcut: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'overview', href: '/', permissions: [], shortcut: 'o' },
  { key: 'reports', href: '/reports', permissions: ['manage_reports'], shortcut: 'r' },
  { key: 'accounts', href: '/accounts', permissions: ['manage_users'], shortcut: 'u' },
  { key: 'appeals', href: '/appeals', permissions: ['manage_appeals'], shortcut: 'p' },
  { key: 'federation', href: '/federation', permissions: ['manage_federation', 'manage_blocks'], shortcut: 'f' },
  { key: 'rules', href: '/rules', permissions: ['manage_rules'], shortcut: 'l' },
  { key: 'blocklists', href: '/blocklists', permissions: ['manage_federation'], shortcut: 'b' },
  { key: 'audit', href: '/audit', permissions: ['view_audit_log'], shortcut: 'a' },
];

export function visibleNavItems(permissions: bigint): NavItem[] {
  return NAV_ITEMS.filter((item) => item.permissions.length === 0 || canAny(permissions, item.permissions));
}

/** The section a path belongs to, for highlighting: the longest matching prefix. */
export function activeNavKey(pathname: string): NavKey | null {
  let best: NavItem | null = null;
  for (const item of NAV_ITEMS) {
    const matches = item.href === '/' ? pathname === '/' : pathname === item.href || pathname.startsWith(`${item.href}/`);
    if (matches && (!best || item.href.length > best.href.length)) best = item;
  }
  return best?.key ?? null;
}
