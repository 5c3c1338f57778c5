import { describe, expect, it } from 'vitest';
import { activeNavKey, visibleNavItems } from './navigation';
import { effectivePermissions } from './permissions';

const keys = (permissions: bigint) => visibleNavItems(permissions).map((i) => i.key);

describe('navigation', () => {
  it('shows the default Moderator role only its sections', () => {
    expect(keys(effectivePermissions(65536n, 1049884n))).toEqual(['overview', 'reports', 'accounts', 'audit']);
  });

  it('shows the Admin and Owner roles every section', () => {
    expect(keys(effectivePermissions(65536n, 2031612n))).toHaveLength(8);
    expect(keys(1n)).toHaveLength(8);
  });

  it('opens Federation for manage_blocks alone', () => {
    expect(keys(128n)).toEqual(['overview', 'federation']);
  });

  it('highlights the section of nested paths', () => {
    expect(activeNavKey('/')).toBe('overview');
    expect(activeNavKey('/reports/123')).toBe('reports');
    expect(activeNavKey('/reportsx')).toBeNull();
    expect(activeNavKey('/accounts/pending')).toBe('accounts');
  });
});
