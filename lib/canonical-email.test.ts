import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalEmail, canonicalEmailHash } from './canonical-email';

describe('canonical e-mail', () => {
  it('drops dots and +tags from the local part only, on every domain', () => {
    expect(canonicalEmail('Foo.Bar+spam@Example.ORG')).toBe('foobar@example.org');
    expect(canonicalEmail('a.b.c@mail.example.co.uk')).toBe('abc@mail.example.co.uk');
    expect(canonicalEmail('x+1+2@ex.am.ple')).toBe('x@ex.am.ple');
  });

  it('hashes the canonical form with SHA-256', () => {
    expect(canonicalEmailHash('Foo.Bar+spam@example.org')).toBe(crypto.createHash('sha256').update('foobar@example.org').digest('hex'));
    expect(canonicalEmailHash('foobar@example.org')).toHaveLength(64);
  });
});
