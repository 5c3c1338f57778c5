import { describe, expect, it } from 'vitest';
import { ipSeverityFromDb, normalizeEmailDomain, parseCidr } from './domain-access-blocks';

describe('e-mail domain normalisation', () => {
  it('takes the domain of a pasted address and stores punycode', () => {
    expect(normalizeEmailDomain('Spammer@Mail.Example')).toMatchObject({ ok: true, ascii: 'mail.example' });
    expect(normalizeEmailDomain(' bücher.example ')).toMatchObject({ ok: true, ascii: 'xn--bcher-kva.example' });
    expect(normalizeEmailDomain('nobody@')).toEqual({ ok: false, problem: 'empty' });
  });
});

describe('CIDR parsing', () => {
  it('masks host bits like Ruby’s IPAddr and defaults to a single address', () => {
    expect(parseCidr('192.0.2.77/24')).toEqual({ ok: true, cidr: '192.0.2.0/24', address: '192.0.2.0', prefix: 24, version: 4 });
    expect(parseCidr(' 203.0.113.9 ')).toMatchObject({ cidr: '203.0.113.9/32' });
    expect(parseCidr('2001:db8:cafe:1::5/48')).toMatchObject({ cidr: '2001:db8:cafe::/48', version: 6 });
    expect(parseCidr('2001:DB8::1')).toMatchObject({ cidr: '2001:db8::1/128' });
    expect(parseCidr('::ffff:192.0.2.1/128')).toMatchObject({ cidr: '::ffff:c000:201/128' });
    expect(parseCidr('0.0.0.0/0')).toMatchObject({ cidr: '0.0.0.0/0' });
  });

  it('refuses what is not an address or a valid prefix', () => {
    expect(parseCidr('999.1.1.1')).toEqual({ ok: false, problem: 'invalid_address' });
    expect(parseCidr('192.0.2.0/33')).toEqual({ ok: false, problem: 'invalid_prefix' });
    expect(parseCidr('192.0.2.0/-1')).toEqual({ ok: false, problem: 'invalid_prefix' });
    expect(parseCidr('example.com')).toEqual({ ok: false, problem: 'invalid_address' });
    expect(parseCidr('1.2.3.4/8/9')).toEqual({ ok: false, problem: 'invalid_address' });
  });

  it('maps Mastodon’s severities', () => {
    expect([5000, 5500, 9999, 0].map(ipSeverityFromDb)).toEqual(['sign_up_requires_approval', 'sign_up_block', 'no_access', null]);
  });
});
