import { describe, expect, it } from 'vitest';
import { domainBlockFiltersHref, parseDomainBlockFilters } from './domain-block-filters';

describe('domain-block filters', () => {
  it('reads valid params and ignores garbage', () => {
    expect(parseDomainBlockFilters({ q: ' spam ', severity: 'suspend', reject_media: 'yes', sort: 'domain', obfuscate: 'maybe', private_comment: ['no', 'yes'] })).toEqual({
      q: 'spam',
      severity: 'suspend',
      reject_media: 'yes',
      reject_reports: undefined,
      obfuscate: undefined,
      private_comment: 'no',
      sort: 'domain',
      cursor: undefined,
    });
    expect(parseDomainBlockFilters({ severity: 'ban', sort: 'random', q: '' })).toMatchObject({ severity: undefined, sort: undefined, q: undefined });
  });

  it('builds hrefs that keep filters and drop the cursor', () => {
    const filters = parseDomainBlockFilters({ severity: 'silence', cursor: 'abc' });
    expect(domainBlockFiltersHref('/federation', filters, { sort: 'oldest' })).toBe('/federation?severity=silence&sort=oldest');
    expect(domainBlockFiltersHref('/federation', filters, { cursor: 'next' })).toBe('/federation?severity=silence&cursor=next');
    expect(domainBlockFiltersHref('/federation', parseDomainBlockFilters({}))).toBe('/federation');
  });
});
