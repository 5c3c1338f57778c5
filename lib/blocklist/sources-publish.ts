import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseKind, Db } from '@/db/client';
import { withAdvisoryLock } from '@/db/queries/blocklist-sources';
import {
  appendPublishedChanges,
  findAllyToken,
  listPublishableBlocks,
  listPublishedState,
  type Audience,
  type PublishableBlock,
  type PublishedChangeRow,
  type PublishedChangeValues,
} from '@/db/queries/blocklist-publishing';
import { toFediBlockHoleCsv, toMastodonCsv, toPlainText, toPublicJson, type ExportBlock } from './export';
import { FIRES_CONTEXT, FIRES_GENESIS, firesFromPolicy, uuidv7 } from './fires';
import { publicDomain } from './obfuscation';
import { hasLimitations } from './severity';
import type { BlocklistSettings, PublishFormat, Visibility } from './sources';

/**
 * Publishing our list. Who reads decides what they get:
 * - allies (a valid token) read the real domains with the obfuscate flag, so they can keep
 *   obfuscating when they republish; public readers see obfuscated blocks as Mastodon's public
 *   endpoint shows them: the pattern (with its digest in the JSON), and not at all in formats that
 *   cannot carry a pattern (plain text, FIRES);
 * - public comments follow their own visibility (Mastodon's `show_domain_blocks_rationale`);
 * - private comments never leave: the writers' input type has no field for them.
 */
export const PUBLISH_FILES: Record<Exclude<PublishFormat, 'fires'>, { file: string; contentType: string }> = {
  mastodon_csv: { file: 'mastodon.csv', contentType: 'text/csv; charset=utf-8' },
  fediblockhole_csv: { file: 'fediblockhole.csv', contentType: 'text/csv; charset=utf-8' },
  plain_text: { file: 'domains.txt', contentType: 'text/plain; charset=utf-8' },
  mastodon_public_json: { file: 'domain_blocks.json', contentType: 'application/json; charset=utf-8' },
};

export function formatForFile(file: string): Exclude<PublishFormat, 'fires'> | null {
  const hit = Object.entries(PUBLISH_FILES).find(([, v]) => v.file === file);
  return hit ? (hit[0] as Exclude<PublishFormat, 'fires'>) : null;
}

export function publishPath(format: PublishFormat): string {
  return format === 'fires' ? '/api/blocklists/fires' : `/api/blocklists/${PUBLISH_FILES[format].file}`;
}

// -------------------------------------------------------------------------------------------------
// Tokens

const TOKEN_PREFIX = 'plb_';

export function newAllyToken(): { token: string; hash: string; hint: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), hint: `${token.slice(0, TOKEN_PREFIX.length + 4)}…${token.slice(-4)}` };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The secret from `Authorization: Bearer <token>` or `Basic base64(name:token)` (GoToSocial's fetch_password). */
export function tokenFromAuthorization(header: string | null): string | null {
  if (!header) return null;
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!value) return null;
  if (/^bearer$/i.test(scheme!)) return value;
  if (/^basic$/i.test(scheme!)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : null;
  }
  return null;
}

export type Reader =
  | { kind: 'anonymous' }
  | { kind: 'ally'; allyId: string; allyName: string; tokenId: string }
  /** A token was presented and is unknown or revoked: refused even where the format is public. */
  | { kind: 'refused'; allyId: string | null; tokenId: string | null };

export async function identifyReader({ db, authorization }: { db: Db; authorization: string | null }): Promise<Reader> {
  const token = tokenFromAuthorization(authorization);
  if (authorization && !token) return { kind: 'refused', allyId: null, tokenId: null };
  if (!token) return { kind: 'anonymous' };
  const found = await findAllyToken({ db, tokenHash: hashToken(token) });
  if (!found) return { kind: 'refused', allyId: null, tokenId: null };
  if (found.revoked) return { kind: 'refused', allyId: found.allyId, tokenId: found.tokenId };
  return { kind: 'ally', allyId: found.allyId, allyName: found.allyName, tokenId: found.tokenId };
}

export type Access = { ok: true; audience: Audience } | { ok: false; status: 401 | 404 };

/** Off: 404, as Mastodon answers for a disabled list. Allies only: a valid token. Public: anyone. */
export function decideAccess(visibility: Visibility, reader: Reader): Access {
  if (visibility === 'off') return { ok: false, status: 404 };
  if (reader.kind === 'refused') return { ok: false, status: 401 };
  if (reader.kind === 'ally') return { ok: true, audience: 'allies' };
  return visibility === 'public' ? { ok: true, audience: 'public' } : { ok: false, status: 401 };
}

// -------------------------------------------------------------------------------------------------
// Bodies

function commentsFor(audience: Audience, visibility: Visibility): boolean {
  return visibility === 'public' || (visibility === 'allies' && audience === 'allies');
}

/** What a reader of this audience sees of one block (null: not shown in this format). */
function exportBlock(b: PublishableBlock, audience: Audience, comments: boolean, patternAllowed: boolean): ExportBlock | null {
  const hidden = audience === 'public' && b.obfuscate;
  if (hidden && !patternAllowed) return null;
  return {
    domain: hidden ? publicDomain(b.domain) : b.domain,
    severity: b.severity,
    rejectMedia: b.rejectMedia,
    rejectReports: b.rejectReports,
    obfuscate: b.obfuscate,
    publicComment: comments ? b.publicComment : null,
  };
}

export function renderList(format: Exclude<PublishFormat, 'fires'>, blocks: readonly PublishableBlock[], audience: Audience, settings: Pick<BlocklistSettings, 'commentVisibility'>): string {
  const comments = commentsFor(audience, settings.commentVisibility);
  // Mastodon's export set (DomainBlock.with_limitations): silence, suspend, or rejecting media.
  const limited = blocks.filter((b) => hasLimitations(b));
  const pick = (patternAllowed: boolean, list = limited) => list.map((b) => exportBlock(b, audience, comments, patternAllowed)).filter((b): b is ExportBlock => b !== null);
  switch (format) {
    case 'mastodon_csv':
      return toMastodonCsv(pick(true));
    case 'fediblockhole_csv':
      return toFediBlockHoleCsv(pick(true));
    case 'plain_text':
      // A bare domain means "suspend" to every reader of plain lists: only suspensions go there.
      return toPlainText(pick(false, limited.filter((b) => b.severity === 'suspend')));
    case 'mastodon_public_json': {
      // Mastodon computes the pattern and the digest from the real domain: pass it through.
      const list = limited.map((b) => ({ domain: b.domain, severity: b.severity, rejectMedia: b.rejectMedia, rejectReports: b.rejectReports, obfuscate: audience === 'public' && b.obfuscate, publicComment: b.publicComment }));
      return `${JSON.stringify(toPublicJson(list, { comments }), null, 2)}\n`;
    }
  }
}

export function etagFor(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('hex').slice(0, 32)}"`;
}

/**
 * Conditional GET as RFC 9110 §13.2.2 orders it: If-None-Match decides when present; otherwise
 * If-Modified-Since, at one-second resolution.
 */
export function notModified({ ifNoneMatch, ifModifiedSince, etag, lastModified }: { ifNoneMatch: string | null; ifModifiedSince: string | null; etag: string; lastModified: Date | null }): boolean {
  if (ifNoneMatch) return ifNoneMatch.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);
  if (ifModifiedSince && lastModified) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

// -------------------------------------------------------------------------------------------------
// FIRES: our change feed

/**
 * Brings the FIRES feed up to date with Mastodon's blocks: for each audience, a Recommendation for
 * every block that appeared or changed policy and a Retraction for every one that went away. Ids
 * are UUIDv7, so `?since=` pages in order. Runs under a lock; cheap when nothing changed.
 */
export async function syncPublishedFeed({ db, kind, settings, now = () => new Date() }: { db: Db; kind: DatabaseKind; settings: Pick<BlocklistSettings, 'publishSubscribed'>; now?: () => Date }): Promise<number> {
  const result = await withAdvisoryLock({ db, kind, key: 'publish' }, async () => {
    const blocks = await listPublishableBlocks({ db, includeSubscribed: settings.publishSubscribed });
    const at = now();
    const changes: PublishedChangeValues[] = [];
    for (const audience of ['allies', 'public'] as const) {
      const state = await listPublishedState({ db, audience });
      const wanted = new Map<string, { policy: string; filters: string[] }>();
      for (const b of blocks) {
        if (audience === 'public' && b.obfuscate) continue;
        const rec = firesFromPolicy(b);
        if (rec) wanted.set(b.domain, rec);
      }
      for (const [domain, rec] of [...wanted].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const cur = state.get(domain);
        if (cur && cur.policy === rec.policy && cur.filters.join(',') === rec.filters.join(',')) continue;
        changes.push({ id: uuidv7(at.getTime()), audience, type: 'Recommendation', domain, policy: rec.policy, filters: rec.filters, at });
      }
      for (const domain of [...state.keys()].sort()) {
        if (!wanted.has(domain)) changes.push({ id: uuidv7(at.getTime()), audience, type: 'Retraction', domain, policy: null, filters: [], at });
      }
    }
    if (changes.length) await db.transaction().execute((trx) => appendPublishedChanges({ db: trx, changes }));
    return changes.length;
  });
  return result.locked ? result.value : 0;
}

export interface FiresUrls {
  base: string;
}

function datasetUrl(u: FiresUrls): string {
  return `${u.base}/api/blocklists/fires`;
}

export function firesDataset(u: FiresUrls, { name, summary, updated }: { name: string; summary: string; updated: Date | null }) {
  const id = datasetUrl(u);
  return {
    '@context': FIRES_CONTEXT,
    id,
    type: 'Dataset',
    name,
    summary,
    ...(updated ? { updated: updated.toISOString() } : {}),
    endpoints: { snapshot: `${id}/snapshot`, changes: `${id}/changes` },
  };
}

export function firesChangeItem(u: FiresUrls, c: PublishedChangeRow) {
  const item: Record<string, unknown> = { id: `${datasetUrl(u)}/changes/${c.id}`, type: c.type, published: c.createdAt.toISOString(), entity_kind: 'domain', entity_key: c.domain };
  if (c.type === 'Recommendation') {
    item.labels = [];
    item.recommended_policy = c.policy;
    item.recommended_filters = c.filters;
  }
  return item;
}

export function firesSnapshot(u: FiresUrls, items: readonly PublishedChangeRow[], lastId: string | null) {
  const id = datasetUrl(u);
  return {
    '@context': FIRES_CONTEXT,
    id: `${id}/snapshot`,
    type: 'OrderedCollection',
    dataset: id,
    totalItems: items.length,
    items: items.map((c) => firesChangeItem(u, c)),
    ...(items[0] ? { updated: items[0].createdAt.toISOString() } : {}),
    ...(lastId ? { changes: `${id}/changes?since=${lastId}` } : {}),
  };
}

/** `?since=` absent: the collection with `first`/`last`; present: one page after that id. */
export function firesChangesPage(u: FiresUrls, { since, items, total, lastId, pageSize }: { since: string | null; items: readonly PublishedChangeRow[]; total: number; lastId: string | null; pageSize: number }) {
  const id = `${datasetUrl(u)}/changes`;
  const page = (after: string) => `${id}?since=${after}`;
  if (since === null) {
    return { '@context': FIRES_CONTEXT, id, type: 'OrderedCollection', dataset: datasetUrl(u), totalItems: total, ...(total ? { first: page(FIRES_GENESIS), last: page(lastId!) } : {}), orderedItems: [] };
  }
  const more = items.length === pageSize;
  return {
    '@context': FIRES_CONTEXT,
    id: page(since),
    partOf: id,
    type: 'OrderedCollectionPage',
    dataset: datasetUrl(u),
    totalItems: total,
    ...(more ? { next: page(items.at(-1)!.id) } : {}),
    orderedItems: items.map((c) => firesChangeItem(u, c)),
  };
}

export const FIRES_PAGE_SIZE = 100;

export function isChangeId(value: string): boolean {
  return value === FIRES_GENESIS || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
}

