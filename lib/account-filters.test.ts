import { describe, expect, it } from 'vitest';
import { accountSearchHref, displayNameWords, escapeLike, normalizeDomain, parseAccountSearch, parseIpQuery } from './account-filters';

describe('account search parameters', () => {
  it('keeps Mastodon’s filters and drops values that are not among them', () => {
    const parsed = parseAccountSearch({ origin: 'remote', status: 'silenced', role: '3', username: 'Alice', by_domain: 'Spam.Example', after: 'abc' });
    expect(parsed.filters).toEqual({ origin: 'remote', status: 'silenced', roleId: '3', username: 'alice', domain: 'spam.example' });
    expect(parsed.after).toBe('abc');
    expect(parseAccountSearch({ origin: 'mars', status: 'banned', role: 'x' }).filters).toEqual({});
  });

  it('splits a pasted handle into username and domain', () => {
    expect(parseAccountSearch({ username: '@bob@Mastodon.Social' }).filters).toEqual({ username: 'bob', domain: 'mastodon.social' });
  });

  it('normalises domains like Mastodon stores them, including IDNs', () => {
    expect(normalizeDomain('Bücher.example')).toBe('xn--bcher-kva.example');
    expect(normalizeDomain('example.com/')).toBe('example.com');
    expect(normalizeDomain('not a domain')).toBeNull();
    expect(parseAccountSearch({ by_domain: 'a b' }).invalid).toEqual(['by_domain']);
  });

  it('accepts IPv4/IPv6 addresses and CIDR ranges only', () => {
    expect(parseIpQuery('198.51.100.7')).toBe('198.51.100.7');
    expect(parseIpQuery('198.51.100.0/24')).toBe('198.51.100.0/24');
    expect(parseIpQuery('2001:DB8::/32')).toBe('2001:db8::/32');
    expect(parseIpQuery('::1')).toBe('::1');
    for (const bad of ['300.1.1.1', '1.2.3.4/33', "1.2.3.4'; --", '1.2.3', '2001:db8::1::2', 'abc']) expect(parseIpQuery(bad)).toBeNull();
    expect(parseAccountSearch({ ip: 'nope' }).invalid).toEqual(['ip']);
  });

  it('reads e-mail searches as exact, prefix or @domain', () => {
    expect(parseAccountSearch({ email: 'Someone@Mail.Example' }).filters.email).toEqual({ kind: 'exact', value: 'someone@mail.example' });
    expect(parseAccountSearch({ email: 'some' }).filters.email).toEqual({ kind: 'prefix', value: 'some' });
    expect(parseAccountSearch({ email: '@mailinator.com' }).filters.email).toEqual({ kind: 'domain', value: 'mailinator.com' });
  });

  it('turns display names into tsquery-safe words', () => {
    expect(displayNameWords('Kim O’Kafor 🛡️')).toEqual(['kim', 'o', 'kafor']);
    expect(displayNameWords(':*&|!')).toEqual([]);
    expect(parseAccountSearch({ display_name: '🛡️' }).invalid).toEqual(['display_name']);
  });

  it('escapes LIKE wildcards and builds links back', () => {
    expect(escapeLike('a_b%c\\')).toBe('a\\_b\\%c\\\\');
    const { form } = parseAccountSearch({ origin: 'local', username: 'x' });
    expect(accountSearchHref('/accounts', form, 'CUR')).toBe('/accounts?origin=local&username=x&after=CUR');
  });
});
