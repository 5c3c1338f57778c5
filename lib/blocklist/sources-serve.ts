import type { DatabaseKind, Db } from '@/db/client';
import { getPublishedChange, insertRead, listPublishableBlocks, listPublishedChanges, listPublishedSnapshot, publishedFeedStats, publishedInputsFingerprint, touchAllyToken, type Audience } from '@/db/queries/blocklist-publishing';
import { getBlocklistSettings } from '@/db/queries/blocklist-suggestions';
import { FIRES_CONTEXT } from './fires';
import { PUBLISH_FORMATS, type BlocklistSettings, type PublishFormat } from './sources';
import {
  decideAccess,
  etagFor,
  FIRES_PAGE_SIZE,
  firesChangeItem,
  firesChangesPage,
  firesDataset,
  firesSnapshot,
  formatForFile,
  identifyReader,
  isChangeId,
  notModified,
  PUBLISH_FILES,
  publishPath,
  renderList,
  syncPublishedFeed,
} from './sources-publish';

/**
 * The publishing endpoints' shared handler (app/api/blocklists/…): identify the reader, check the
 * format's visibility, build the body for their audience, answer conditional requests with 304,
 * and log every read, refused ones included.
 */
export type PublishTarget =
  | { kind: 'index' }
  | { kind: 'file'; format: Exclude<PublishFormat, 'fires'> }
  | { kind: 'fires'; part: 'dataset' | 'snapshot' | 'changes' }
  | { kind: 'fires'; part: 'change'; id: string };

export interface ServeContext {
  db: Db;
  kind: DatabaseKind;
  /** The instance's name for the dataset title. */
  instance: string;
  now?: () => Date;
}

const WWW_AUTHENTICATE = 'Bearer realm="palisade-blocklist", Basic realm="palisade-blocklist"';
const lastSync = ((globalThis as unknown as { __palisadePublishSync?: WeakMap<Db, string> }).__palisadePublishSync ??= new WeakMap<Db, string>());

function baseUrl(request: Request): string {
  const url = new URL(request.url);
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(/:$/, '');
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host') || url.host;
  return `${proto}://${host}`;
}

function clientIp(request: Request): string | null {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || null;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify(body)}\n`, { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}

/** The FIRES feed follows Mastodon's blocks; a cheap fingerprint says when it must be brought up to date. */
async function feedUpToDate(ctx: ServeContext, settings: BlocklistSettings): Promise<void> {
  const fingerprint = `${settings.publishSubscribed}|${await publishedInputsFingerprint({ db: ctx.db })}`;
  if (fingerprint === lastSync.get(ctx.db)) return;
  await syncPublishedFeed({ db: ctx.db, kind: ctx.kind, settings, now: ctx.now });
  lastSync.set(ctx.db, fingerprint);
}

export async function servePublished(request: Request, target: PublishTarget, ctx: ServeContext): Promise<Response> {
  const now = ctx.now ?? (() => new Date());
  const settings = await getBlocklistSettings({ db: ctx.db });
  const reader = await identifyReader({ db: ctx.db, authorization: request.headers.get('authorization') });
  const format = target.kind === 'index' ? 'index' : target.kind === 'file' ? target.format : 'fires';
  const log = async (status: number, bytes: number | null) => {
    await insertRead({
      db: ctx.db,
      read: {
        format: target.kind === 'fires' ? `fires:${target.part}` : format,
        allyId: reader.kind === 'anonymous' ? null : reader.allyId,
        tokenId: reader.kind === 'anonymous' ? null : reader.tokenId,
        status,
        ip: clientIp(request),
        userAgent: request.headers.get('user-agent'),
        bytes,
        at: now(),
      },
    });
    if (reader.kind === 'ally' && status < 400) await touchAllyToken({ db: ctx.db, tokenId: reader.tokenId, at: now() });
  };
  const refuse = async (status: 401 | 404) => {
    await log(status, null);
    return status === 401
      ? json(401, { error: reader.kind === 'refused' ? 'This token is not valid (revoked or unknown).' : 'This list is shared with allies only; send your token.' }, { 'WWW-Authenticate': WWW_AUTHENTICATE })
      : json(404, { error: 'This list is not published.' });
  };

  const base = baseUrl(request);
  if (target.kind === 'index') {
    if (reader.kind === 'refused') return refuse(401);
    const formats = PUBLISH_FORMATS.filter((f) => decideAccess(settings.visibility[f], reader).ok).map((f) => ({ format: f, url: `${base}${publishPath(f)}`, visibility: settings.visibility[f] }));
    const body = { instance: ctx.instance, reader: reader.kind === 'ally' ? { ally: reader.allyName } : null, formats };
    await log(200, null);
    return json(200, body, { 'Cache-Control': 'no-store', Vary: 'Authorization' });
  }

  const access = decideAccess(settings.visibility[format as PublishFormat], reader);
  if (!access.ok) return refuse(access.status);
  const audience = access.audience;
  await feedUpToDate(ctx, settings);

  let body: string;
  let contentType: string;
  let lastModified: Date | null;
  if (target.kind === 'file') {
    const blocks = await listPublishableBlocks({ db: ctx.db, includeSubscribed: settings.publishSubscribed });
    body = renderList(target.format, blocks, audience, settings);
    contentType = PUBLISH_FILES[target.format].contentType;
    const feed = await publishedFeedStats({ db: ctx.db, audience });
    lastModified = latest([...blocks.map((b) => b.updatedAt), feed.lastAt]);
  } else {
    const result = await firesBody(target, audience, ctx, base, new URL(request.url).searchParams.get('since'));
    if (!result) {
      await log(404, null);
      return json(404, { error: 'No such change.' });
    }
    ({ body, lastModified } = result);
    contentType = 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"; charset=utf-8';
  }

  const etag = etagFor(`${audience}\n${body}`);
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    ETag: etag,
    Vary: 'Authorization, Accept',
    'Cache-Control': audience === 'allies' ? 'private, no-cache' : 'public, max-age=60',
    ...(lastModified ? { 'Last-Modified': lastModified.toUTCString() } : {}),
  };
  if (notModified({ ifNoneMatch: request.headers.get('if-none-match'), ifModifiedSince: request.headers.get('if-modified-since'), etag, lastModified })) {
    await log(304, 0);
    return new Response(null, { status: 304, headers });
  }
  await log(200, Buffer.byteLength(body, 'utf8'));
  return new Response(body, { status: 200, headers });
}

function latest(dates: Array<Date | null>): Date | null {
  let max: Date | null = null;
  for (const d of dates) if (d && (!max || d > max)) max = d;
  return max;
}

async function firesBody(target: Extract<PublishTarget, { kind: 'fires' }>, audience: Audience, ctx: ServeContext, base: string, since: string | null): Promise<{ body: string; lastModified: Date | null } | null> {
  const u = { base };
  const stats = await publishedFeedStats({ db: ctx.db, audience });
  const render = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;
  switch (target.part) {
    case 'dataset':
      return {
        body: render(firesDataset(u, { name: `${ctx.instance} domain blocks`, summary: `The domain blocks of ${ctx.instance}, published by Palisade${audience === 'allies' ? ' for allies' : ''}.`, updated: stats.lastAt })),
        lastModified: stats.lastAt,
      };
    case 'snapshot': {
      const items = await listPublishedSnapshot({ db: ctx.db, audience });
      return { body: render(firesSnapshot(u, items, stats.lastId)), lastModified: stats.lastAt };
    }
    case 'changes': {
      if (since !== null && !isChangeId(since)) return null;
      const items = since === null ? [] : await listPublishedChanges({ db: ctx.db, audience, since, limit: FIRES_PAGE_SIZE });
      return { body: render(firesChangesPage(u, { since, items, total: stats.total, lastId: stats.lastId, pageSize: FIRES_PAGE_SIZE })), lastModified: stats.lastAt };
    }
    case 'change': {
      if (!isChangeId(target.id)) return null;
      const change = await getPublishedChange({ db: ctx.db, audience, id: target.id });
      if (!change) return null;
      return { body: render({ '@context': FIRES_CONTEXT, ...firesChangeItem(u, change) }), lastModified: change.createdAt };
    }
  }
}


/** The endpoint a path names (the same map as the route files under app/api/blocklists). */
export function publishTargetFor(pathname: string): PublishTarget | null {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/api/blocklists') return { kind: 'index' };
  if (path === '/api/blocklists/fires') return { kind: 'fires', part: 'dataset' };
  if (path === '/api/blocklists/fires/snapshot') return { kind: 'fires', part: 'snapshot' };
  if (path === '/api/blocklists/fires/changes') return { kind: 'fires', part: 'changes' };
  const change = /^\/api\/blocklists\/fires\/changes\/([^/]+)$/.exec(path);
  if (change) return { kind: 'fires', part: 'change', id: decodeURIComponent(change[1]!) };
  const file = /^\/api\/blocklists\/([^/]+)$/.exec(path);
  const format = file ? formatForFile(file[1]!) : null;
  return format ? { kind: 'file', format } : null;
}
