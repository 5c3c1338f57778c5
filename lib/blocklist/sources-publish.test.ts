import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PublishableBlock } from '@/db/queries/blocklist-publishing';
import { mergeableRows } from './merge';
import { domainDigest, publicDomain } from './obfuscation';
import { parseBlocklist } from './parse';
import { hasLimitations } from './severity';
import { decideAccess, etagFor, formatForFile, hashToken, newAllyToken, notModified, publishPath, renderList, tokenFromAuthorization } from './sources-publish';
import { publishTargetFor } from './sources-serve';

const dir = path.join(import.meta.dirname, 'fixtures');
const FILES = fs.readdirSync(dir).filter((f) => f !== 'SOURCES.md');

function blocksOf(file: string): PublishableBlock[] {
  return mergeableRows(parseBlocklist(fs.readFileSync(path.join(dir, file))).rows)
    .filter((r) => r.domain !== null)
    .map((r, i) => ({ id: String(i + 1), domain: r.domain!, severity: r.severity, rejectMedia: r.rejectMedia, rejectReports: r.rejectReports, obfuscate: r.obfuscate, publicComment: r.publicComment, updatedAt: new Date('2026-11-21T00:00:00Z') }));
}

const key = (r: { domain: string | null; severity: string; rejectMedia: boolean; rejectReports: boolean; obfuscate: boolean; publicComment: string | null }) => [r.domain, r.severity, r.rejectMedia, r.rejectReports, r.obfuscate, r.publicComment];

describe('publishing formats round-trip every shared list', () => {
  for (const file of FILES) {
    it(`${file}: what we publish reads back the same`, () => {
      const blocks = blocksOf(file);
      const limited = blocks.filter((b) => hasLimitations(b));
      const settings = { commentVisibility: 'public' as const };

      for (const format of ['mastodon_csv', 'fediblockhole_csv'] as const) {
        const back = parseBlocklist(renderList(format, blocks, 'allies', settings)).rows;
        expect(back.map(key), format).toEqual((format === 'fediblockhole_csv' ? [...limited].sort((a, b) => (a.domain < b.domain ? -1 : 1)) : limited).map(key));
      }
      const body = renderList('plain_text', blocks, 'allies', settings);
      const suspended = limited.filter((b) => b.severity === 'suspend').map((b) => b.domain);
      expect(body === '' ? [] : parseBlocklist(body, { format: 'plain_text' }).rows.map((r) => r.domain)).toEqual(suspended);

      const json = parseBlocklist(renderList('mastodon_public_json', blocks, 'public', settings)).rows;
      const shown = limited.filter((b) => b.severity !== 'noop');
      expect(json).toHaveLength(shown.length);
      for (const row of json) {
        if (row.obfuscated) {
          // Obfuscated for the public, but the digest names the real domain.
          const real = shown.find((b) => b.obfuscate && domainDigest(b.domain) === row.digest)!;
          expect(publicDomain(real.domain)).toBe(row.input);
        } else expect(shown.some((b) => b.domain === row.domain && !b.obfuscate)).toBe(true);
      }
    });
  }
});

describe('what each audience sees', () => {
  const blocks: PublishableBlock[] = [
    { id: '1', domain: 'open.example', severity: 'suspend', rejectMedia: false, rejectReports: false, obfuscate: false, publicComment: 'spam', updatedAt: new Date() },
    { id: '2', domain: 'hidden.example', severity: 'suspend', rejectMedia: false, rejectReports: false, obfuscate: true, publicComment: 'harassment', updatedAt: new Date() },
    { id: '3', domain: 'limited.example', severity: 'silence', rejectMedia: true, rejectReports: false, obfuscate: false, publicComment: '=cmd()', updatedAt: new Date() },
    { id: '4', domain: 'reports.example', severity: 'noop', rejectMedia: false, rejectReports: true, obfuscate: false, publicComment: null, updatedAt: new Date() },
  ];

  it('gives allies the real names with the obfuscate flag, and the public the pattern', () => {
    const allies = renderList('mastodon_csv', blocks, 'allies', { commentVisibility: 'allies' });
    expect(allies).toBe(
      ['#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate', 'open.example,suspend,false,false,spam,false', 'hidden.example,suspend,false,false,harassment,true', "limited.example,silence,true,false,'=cmd(),false", ''].join('\n'),
    );
    const publicCsv = renderList('mastodon_csv', blocks, 'public', { commentVisibility: 'allies' });
    expect(publicCsv).toContain(`${publicDomain('hidden.example')},suspend,false,false,,true`);
    expect(publicCsv).not.toContain('hidden.example');
    expect(publicCsv).not.toContain('spam');
    // Plain text cannot carry a pattern: the obfuscated block is simply not in it.
    expect(renderList('plain_text', blocks, 'public', { commentVisibility: 'public' })).toBe('open.example\n');
    expect(renderList('plain_text', blocks, 'allies', { commentVisibility: 'public' })).toBe('open.example\nhidden.example\n');
  });

  it('answers by visibility: off is 404, allies need a valid token, a revoked token is refused everywhere', () => {
    const ally = { kind: 'ally', allyId: '1', allyName: 'A', tokenId: '1' } as const;
    const anonymous = { kind: 'anonymous' } as const;
    const refused = { kind: 'refused', allyId: '1', tokenId: '1' } as const;
    expect(decideAccess('off', ally)).toEqual({ ok: false, status: 404 });
    expect(decideAccess('allies', anonymous)).toEqual({ ok: false, status: 401 });
    expect(decideAccess('allies', ally)).toEqual({ ok: true, audience: 'allies' });
    expect(decideAccess('public', anonymous)).toEqual({ ok: true, audience: 'public' });
    expect(decideAccess('public', ally)).toEqual({ ok: true, audience: 'allies' });
    expect(decideAccess('public', refused)).toEqual({ ok: false, status: 401 });
  });

  it('takes the token from a bearer or a basic Authorization header', () => {
    const { token, hash, hint } = newAllyToken();
    expect(token).toMatch(/^plb_[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(hashToken(token));
    expect(hint).not.toContain(token.slice(8, 30));
    expect(tokenFromAuthorization(`Bearer ${token}`)).toBe(token);
    expect(tokenFromAuthorization(`Basic ${Buffer.from(`gts:${token}`).toString('base64')}`)).toBe(token);
    expect(tokenFromAuthorization('Digest x')).toBeNull();
    expect(tokenFromAuthorization(null)).toBeNull();
  });

  it('answers conditional requests, If-None-Match first', () => {
    const etag = etagFor('body');
    const at = new Date('2026-11-21T10:00:00.500Z');
    expect(notModified({ ifNoneMatch: etag, ifModifiedSince: null, etag, lastModified: at })).toBe(true);
    expect(notModified({ ifNoneMatch: `W/${etag}`, ifModifiedSince: null, etag, lastModified: at })).toBe(true);
    expect(notModified({ ifNoneMatch: '"other"', ifModifiedSince: at.toUTCString(), etag, lastModified: at })).toBe(false);
    expect(notModified({ ifNoneMatch: null, ifModifiedSince: at.toUTCString(), etag, lastModified: at })).toBe(true);
    expect(notModified({ ifNoneMatch: null, ifModifiedSince: new Date('2026-11-21T09:00:00Z').toUTCString(), etag, lastModified: at })).toBe(false);
  });

  it('maps every published path to its endpoint and back', () => {
    for (const format of ['mastodon_csv', 'fediblockhole_csv', 'plain_text', 'mastodon_public_json'] as const) {
      expect(publishTargetFor(publishPath(format))).toEqual({ kind: 'file', format });
      expect(formatForFile(publishPath(format).split('/').at(-1)!)).toBe(format);
    }
    expect(publishTargetFor('/api/blocklists/fires')).toEqual({ kind: 'fires', part: 'dataset' });
    expect(publishTargetFor('/api/blocklists/fires/changes/0192f0c2-0000-7000-8000-000000000000')).toEqual({ kind: 'fires', part: 'change', id: '0192f0c2-0000-7000-8000-000000000000' });
    expect(publishTargetFor('/api/blocklists/../secrets')).toBeNull();
  });
});
