import { describe, expect, it } from 'vitest';
import { openToken, sealToken } from './token-crypto';

describe('token sealing', () => {
  const secret = 'a'.repeat(48);

  it('round-trips and never stores the token in clear', () => {
    const sealed = sealToken('mastodon-token-123', secret);
    expect(sealed).not.toContain('mastodon-token-123');
    expect(openToken(sealed, secret)).toBe('mastodon-token-123');
  });

  it('refuses a tampered value or another secret', () => {
    const sealed = sealToken('mastodon-token-123', secret);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('forged').toString('base64url');
    expect(openToken(parts.join('.'), secret)).toBeNull();
    expect(openToken(sealed, 'b'.repeat(48))).toBeNull();
    expect(openToken('garbage', secret)).toBeNull();
  });
});
