import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import zlib from 'node:zlib';
import { SourceFetchError } from './fetch-error';
import { MAX_BLOCKLIST_BYTES } from './parse';

/**
 * Fetches a subscribed list the way a careful server fetches untrusted URLs:
 * - only http(s), no credentials in the URL, at most 5 redirects (auth never follows to another origin);
 * - every address the name resolves to is checked when the connection is made (no DNS-rebinding
 *   window): loopback, private, link-local, CGNAT, multicast and reserved ranges are refused unless
 *   the operator allows them (PALISADE_BLOCKLIST_ALLOW_PRIVATE, for tests and private networks);
 * - one deadline for the whole exchange, a byte limit on the decompressed body;
 * - conditional requests (If-None-Match / If-Modified-Since): a 304 costs nothing. Like
 *   GoToSocial, a Last-Modified more than a minute in the future is not kept.
 */
export { SourceFetchError, type FetchErrorCode } from './fetch-error';

export type FetchAuth = { type: 'bearer'; token: string } | { type: 'basic'; username: string; password: string } | null;

export interface FetchOptions {
  url: string;
  auth?: FetchAuth;
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  timeoutMs?: number;
  maxBytes?: number;
  allowPrivate?: boolean;
  maxRedirects?: number;
  now?: () => Date;
}

export type FetchResult =
  | { status: 'not_modified'; httpStatus: 304; url: string; etag: string | null; lastModified: string | null }
  | { status: 'ok'; httpStatus: number; url: string; body: Buffer; contentType: string | null; etag: string | null; lastModified: string | null; link: string | null };

export const USER_AGENT = 'Palisade/0.1 (Mastodon moderation console; blocklist subscription)';

const BLOCKED = new net.BlockList();
for (const [net4, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(net4, prefix, 'ipv4');
}
for (const [net6, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(net6, prefix, 'ipv6');
}

/** Loopback, private, link-local, shared, documentation, multicast or reserved: never a public list server. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  // IPv4-mapped (::ffff:a.b.c.d or ::ffff:xxxx:xxxx) is the IPv4 address in disguise.
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return BLOCKED.check(mapped[1]!, 'ipv4');
  const hexMapped = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hexMapped) {
    const hi = parseInt(hexMapped[1]!, 16);
    const lo = parseInt(hexMapped[2]!, 16);
    return BLOCKED.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
  }
  return BLOCKED.check(address, 'ipv6');
}

const REFUSED = 'EPALISADE_REFUSED';

function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as dns.LookupAddress[];
      const refused = list.find((a) => isPrivateAddress(a.address));
      if (!allowPrivate && refused) {
        const err = Object.assign(new Error(`${hostname} resolves to ${refused.address}, a private or local address`), { code: REFUSED });
        return callback(err, '', 4);
      }
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4);
      callback(null, first.address, first.family);
    });
  };
}

function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SourceFetchError('bad_url', 'The address is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SourceFetchError('bad_url', 'Only http and https addresses can be fetched.');
  if (url.username || url.password) throw new SourceFetchError('bad_url', 'Put credentials in the source’s authentication settings, not in the URL.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && !allowPrivate && isPrivateAddress(host)) {
    throw new SourceFetchError('refused_address', `${host} is a private or local address; Palisade does not fetch lists from there unless the operator allows it.`);
  }
  return url;
}

function authHeader(auth: FetchAuth | undefined): string | null {
  if (!auth) return null;
  if (auth.type === 'bearer') return `Bearer ${auth.token}`;
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function requestOnce(url: URL, headers: Record<string, string>, options: { allowPrivate: boolean; maxBytes: number; deadline: number; timeoutMs: number }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const remaining = options.deadline - Date.now();
    if (remaining <= 0) return reject(new SourceFetchError('timeout', 'The server did not answer in time.'));
    const lib = url.protocol === 'https:' ? https : http;
    let settled = false;
    const fail = (error: SourceFetchError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };
    const req = lib.request(url, { method: 'GET', headers, lookup: guardedLookup(options.allowPrivate), agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      // Redirects and errors: the body is irrelevant, only the headers matter.
      if (status < 200 || status >= 300) {
        res.resume();
        settled = true;
        clearTimeout(timer);
        resolve({ status, headers: res.headers, body: Buffer.alloc(0) });
        return;
      }
      const declared = Number(res.headers['content-length'] ?? '0');
      if (declared > options.maxBytes) return fail(tooLarge(options.maxBytes));
      const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
      let stream: NodeJS.ReadableStream = res;
      if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(zlib.createGunzip());
      else if (encoding === 'deflate') stream = res.pipe(zlib.createInflate());
      else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) return fail(tooLarge(options.maxBytes));
        chunks.push(chunk);
      });
      stream.on('error', (error: Error) => fail(new SourceFetchError('network', `The answer could not be read (${error.message}).`)));
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    const timer = setTimeout(() => fail(new SourceFetchError('timeout', `The server did not answer within ${Math.round(options.timeoutMs / 1000)} s.`)), remaining);
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === REFUSED) return fail(new SourceFetchError('refused_address', `${error.message}; Palisade does not fetch lists from there unless the operator allows it.`));
      fail(new SourceFetchError('network', `Could not connect (${error.code ?? error.message}).`));
    });
    req.end();
  });
}

function tooLarge(max: number): SourceFetchError {
  return new SourceFetchError('too_large', `The list is larger than ${Math.round(max / 1024 / 1024)} MB, far beyond any real blocklist.`);
}

function header(headers: http.IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

export async function fetchSource(options: FetchOptions): Promise<FetchResult> {
  const allowPrivate = options.allowPrivate ?? false;
  const maxBytes = options.maxBytes ?? MAX_BLOCKLIST_BYTES;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  const maxRedirects = options.maxRedirects ?? 5;
  const now = options.now ?? (() => new Date());
  let url = checkUrl(options.url, allowPrivate);
  const origin = url.origin;
  for (let hop = 0; ; hop += 1) {
    const headers: Record<string, string> = {
      'User-Agent': USER_AGENT,
      Accept: options.accept ?? 'text/csv, text/plain;q=0.9, application/json;q=0.9, */*;q=0.5',
      'Accept-Encoding': 'gzip, deflate, br',
    };
    const auth = url.origin === origin ? authHeader(options.auth) : null;
    if (auth) headers.Authorization = auth;
    if (options.etag) headers['If-None-Match'] = options.etag;
    if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;

    const res = await requestOnce(url, headers, { allowPrivate, maxBytes, deadline, timeoutMs });
    const location = header(res.headers, 'location');
    if ([301, 302, 303, 307, 308].includes(res.status) && location) {
      if (hop >= maxRedirects) throw new SourceFetchError('too_many_redirects', 'The server redirected too many times.');
      url = checkUrl(new URL(location, url).toString(), allowPrivate);
      continue;
    }
    const etag = header(res.headers, 'etag');
    let lastModified = header(res.headers, 'last-modified');
    if (lastModified) {
      const at = Date.parse(lastModified);
      if (Number.isNaN(at) || at > now().getTime() + 60_000) lastModified = null;
    }
    if (res.status === 304) return { status: 'not_modified', httpStatus: 304, url: url.toString(), etag: etag ?? options.etag ?? null, lastModified: lastModified ?? options.lastModified ?? null };
    if (res.status === 401 || res.status === 403) throw new SourceFetchError('unauthorized', `The server refused access (HTTP ${res.status}): check the token or password.`, res.status);
    if (res.status === 404 || res.status === 410) throw new SourceFetchError('not_found', `The server has no list at this address (HTTP ${res.status}).`, res.status);
    if (res.status < 200 || res.status >= 300) throw new SourceFetchError('http_error', `The server answered HTTP ${res.status}.`, res.status);
    return { status: 'ok', httpStatus: res.status, url: url.toString(), body: res.body, contentType: header(res.headers, 'content-type'), etag, lastModified, link: header(res.headers, 'link') };
  }
}

/** The `rel="next"` target of a Link header (Mastodon's admin API pagination). */
export function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part.trim());
    if (m) return m[1]!;
  }
  return null;
}
