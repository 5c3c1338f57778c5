import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSource, isPrivateAddress, nextLink, SourceFetchError } from './sources-fetch';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function serve(handler: Handler): Promise<{ url: string; seen: http.IncomingHttpHeaders[]; close: () => Promise<void> }> {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise((r) => server.close(() => r())) };
}

async function failure(promise: Promise<unknown>): Promise<SourceFetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SourceFetchError) return error;
    throw error;
  }
  throw new Error('expected a SourceFetchError');
}

describe('address checks', () => {
  it('refuses loopback, private, link-local, shared and reserved addresses, IPv4-mapped ones included', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses a loopback list unless the operator allows it, before any connection', async () => {
    const s = await serve((_req, res) => res.end('a.example\n'));
    try {
      const refused = await failure(fetchSource({ url: `${s.url}/list.txt` }));
      expect(refused.code).toBe('refused_address');
      expect(s.seen).toHaveLength(0);
      // A name that resolves to loopback is refused at connection time.
      const byName = await failure(fetchSource({ url: `${s.url.replace('127.0.0.1', 'localhost')}/list.txt` }));
      expect(byName.code).toBe('refused_address');
      expect(s.seen).toHaveLength(0);
      const ok = await fetchSource({ url: `${s.url}/list.txt`, allowPrivate: true });
      expect(ok.status === 'ok' && ok.body.toString()).toBe('a.example\n');
    } finally {
      await s.close();
    }
  });

  it('refuses other schemes and credentials in the URL', async () => {
    expect((await failure(fetchSource({ url: 'file:///etc/passwd' }))).code).toBe('bad_url');
    expect((await failure(fetchSource({ url: 'https://user:pw@example.com/list.csv' }))).code).toBe('bad_url');
  });
});

describe('fetching', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  let other: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    other = await serve((_req, res) => res.end('elsewhere.example\n'));
    s = await serve((req, res) => {
      switch (req.url) {
        case '/etag':
          if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { ETag: '"v1"' }).end();
          else res.writeHead(200, { ETag: '"v1"', 'Last-Modified': 'Sat, 21 Nov 2026 10:00:00 GMT' }).end('a.example\n');
          return;
        case '/future':
          res.writeHead(200, { 'Last-Modified': 'Fri, 01 Jan 2100 00:00:00 GMT' }).end('a.example\n');
          return;
        case '/gzip':
          res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync(Buffer.from('zipped.example\n')));
          return;
        case '/bomb':
          res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync(Buffer.alloc(5_000_000, 'a')));
          return;
        case '/big':
          res.writeHead(200, { 'Content-Length': '50000000' }).end('x');
          return;
        case '/redirect':
          res.writeHead(302, { Location: '/etag' }).end();
          return;
        case '/away':
          res.writeHead(302, { Location: `${other.url}/list` }).end();
          return;
        case '/loop':
          res.writeHead(302, { Location: '/loop' }).end();
          return;
        case '/secret':
          res.writeHead(req.headers.authorization === 'Bearer t0k' ? 200 : 401).end('ok.example\n');
          return;
        case '/slow':
          return; // never answers
        default:
          res.writeHead(404).end();
      }
    });
  });
  afterAll(async () => {
    await s.close();
    await other.close();
  });
  const get = (path: string, extra: Partial<Parameters<typeof fetchSource>[0]> = {}) => fetchSource({ url: `${s.url}${path}`, allowPrivate: true, ...extra });

  it('sends the stored ETag and Last-Modified back; a 304 carries no body', async () => {
    const first = await get('/etag');
    expect(first).toMatchObject({ status: 'ok', etag: '"v1"', lastModified: 'Sat, 21 Nov 2026 10:00:00 GMT' });
    const again = await get('/etag', { etag: '"v1"', lastModified: 'Sat, 21 Nov 2026 10:00:00 GMT' });
    expect(again).toMatchObject({ status: 'not_modified', httpStatus: 304, etag: '"v1"' });
    expect(s.seen.at(-1)!['if-modified-since']).toBe('Sat, 21 Nov 2026 10:00:00 GMT');
  });

  it('forgets a Last-Modified from the future', async () => {
    expect(await get('/future', { now: () => new Date('2026-11-21T12:00:00Z') })).toMatchObject({ status: 'ok', lastModified: null });
  });

  it('decompresses, and stops at the size limit, declared or not', async () => {
    const zipped = await get('/gzip');
    expect(zipped.status === 'ok' && zipped.body.toString()).toBe('zipped.example\n');
    expect((await failure(get('/bomb', { maxBytes: 1_000_000 }))).code).toBe('too_large');
    expect((await failure(get('/big', { maxBytes: 1_000_000 }))).code).toBe('too_large');
  });

  it('follows redirects on the same server with credentials, drops them elsewhere, and stops loops', async () => {
    expect(await get('/redirect')).toMatchObject({ status: 'ok', url: `${s.url}/etag` });
    const before = other.seen.length;
    await get('/away', { auth: { type: 'bearer', token: 'secret' } });
    expect(other.seen.slice(before).map((h) => h.authorization)).toEqual([undefined]);
    expect((await failure(get('/loop'))).code).toBe('too_many_redirects');
  });

  it('sends bearer and basic credentials, and explains a refusal', async () => {
    expect(await get('/secret', { auth: { type: 'bearer', token: 't0k' } })).toMatchObject({ status: 'ok' });
    const refused = await failure(get('/secret', { auth: { type: 'basic', username: 'ally', password: 'nope' } }));
    expect(refused).toMatchObject({ code: 'unauthorized', httpStatus: 401 });
    expect(s.seen.at(-1)!.authorization).toBe(`Basic ${Buffer.from('ally:nope').toString('base64')}`);
    expect((await failure(get('/missing'))).code).toBe('not_found');
  });

  it('gives up on a server that never answers', async () => {
    expect((await failure(get('/slow', { timeoutMs: 300 }))).code).toBe('timeout');
  });

  it('reads the next page from a Link header', () => {
    expect(nextLink('<https://m.example/api/v1/admin/domain_blocks?max_id=5>; rel="next", <https://m.example/x?min_id=9>; rel="prev"')).toBe('https://m.example/api/v1/admin/domain_blocks?max_id=5');
    expect(nextLink('<https://m.example/x?min_id=9>; rel="prev"')).toBeNull();
    expect(nextLink(null)).toBeNull();
  });
});
