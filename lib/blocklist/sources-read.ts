import { normalizeDomain } from './domain';
import { entryFromFires, readFiresCollection, readFiresDataset, type FiresChange } from './fires';
import { labelsFromComment, mergeableRows } from './merge';
import { BlocklistParseError, parseBlocklist, type BlocklistFormat, type BlocklistRow } from './parse';
import { entryKey, keyEntries, type SourceEntry, type SourceFormat, type SourceRole } from './sources';
import { nextLink, type FetchAuth, type FetchOptions, type FetchResult } from './sources-fetch';

/**
 * Reads one source into entries, whatever it speaks: a list file (CSV, text, JSON), a Mastodon
 * server's admin API, an allied Palisade (which says what it publishes for us), or a FIRES dataset
 * (snapshot first, then only the changes since the last one). Network access goes through the
 * injected `fetch` so the rules of sources-fetch (address checks, limits) always apply.
 */
export interface SourceToRead {
  url: string;
  format: SourceFormat;
  role: SourceRole;
  auth: FetchAuth;
  etag: string | null;
  lastModified: string | null;
  /** FIRES: the id of the last change already applied. */
  cursor: string | null;
}

export type ReadResult =
  | { status: 'not_modified'; etag: string | null; lastModified: string | null }
  | {
      status: 'ok';
      entries: SourceEntry[];
      /** The format actually read (what `auto` or an ally resolved to). */
      format: Exclude<SourceFormat, 'auto' | 'palisade'>;
      url: string;
      etag: string | null;
      lastModified: string | null;
      bytes: number;
      /** The body as fetched (list files), for the snapshot record. */
      body: Buffer | null;
      cursor: string | null;
      /** Rows the parser could not use (invalid, repeated). */
      skippedRows: number;
    };

export interface ReadContext {
  fetch: (options: FetchOptions) => Promise<FetchResult>;
  /** The entries stored from the last successful read (FIRES change feeds build on them). */
  previous: () => Promise<SourceEntry[]>;
}

export class SourceReadError extends Error {
  constructor(
    readonly code: 'parse' | 'empty' | 'html' | 'not_a_dataset' | 'no_format' | 'too_many_pages',
    message: string,
  ) {
    super(message);
    this.name = 'SourceReadError';
  }
}

const ACCEPT: Partial<Record<SourceFormat, string>> = {
  mastodon_csv: 'text/csv, */*;q=0.5',
  fediblockhole_csv: 'text/csv, */*;q=0.5',
  plain_text: 'text/plain, */*;q=0.5',
  mastodon_public_json: 'application/json',
  mastodon_admin_json: 'application/json',
  fires: 'application/ld+json, application/activity+json;q=0.9, application/json;q=0.8',
};

/** Page cap for paged sources: 100 admin-API pages of 200 is Mastodon's import limit of 20 000. */
const MAX_PAGES = 200;

export function entriesFromRows(rows: readonly BlocklistRow[]): { entries: SourceEntry[]; skipped: number } {
  const usable = mergeableRows(rows);
  const entries = usable.map((r) => ({
    key: entryKey(r),
    domain: r.domain,
    input: r.obfuscated ? r.input.toLowerCase() : (r.domain ?? r.input),
    digest: r.digest,
    severity: r.severity,
    rejectMedia: r.rejectMedia,
    rejectReports: r.rejectReports,
    obfuscate: r.obfuscate,
    obfuscated: r.obfuscated,
    publicComment: r.publicComment,
    privateComment: r.privateComment,
    canary: r.canary,
    labels: labelsFromComment(r.publicComment),
  }));
  return { entries, skipped: rows.length - usable.length };
}

function parseFile(body: Buffer, format: SourceFormat, contentType: string | null): { entries: SourceEntry[]; skipped: number; format: BlocklistFormat } {
  if (/^text\/html/i.test(contentType ?? '') || /^\s*<(!doctype|html)/i.test(body.subarray(0, 200).toString('utf8'))) {
    throw new SourceReadError('html', 'The address returned a web page, not a list. Link the file itself (the "raw" link on a code host).');
  }
  try {
    const parsed = parseBlocklist(body, { format: format === 'auto' ? 'auto' : (format as BlocklistFormat) });
    return { ...entriesFromRows(parsed.rows), format: parsed.format };
  } catch (error) {
    if (error instanceof BlocklistParseError) throw new SourceReadError('parse', error.message);
    throw error;
  }
}

/** A server's base URL → its public domain-block endpoint (a full URL is taken as given). */
export function publicEndpoint(url: string): string {
  const u = new URL(url);
  if (u.pathname === '/' || u.pathname === '') u.pathname = '/api/v1/instance/domain_blocks';
  return u.toString();
}

function json(body: Buffer, what: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new SourceReadError('parse', `${what} is not valid JSON.`);
  }
}

export async function readSource(source: SourceToRead, ctx: ReadContext): Promise<ReadResult> {
  switch (source.format) {
    case 'mastodon_admin_api':
      return readAdminApi(source, ctx);
    case 'palisade':
      return readPalisade(source, ctx);
    case 'fires':
      return readFires(source, ctx);
    default: {
      const url = source.format === 'mastodon_public_json' ? publicEndpoint(source.url) : source.url;
      const res = await ctx.fetch({ url, auth: source.auth, etag: source.etag, lastModified: source.lastModified, accept: ACCEPT[source.format] });
      if (res.status === 'not_modified') return { status: 'not_modified', etag: res.etag, lastModified: res.lastModified };
      const parsed = parseFile(res.body, source.format, res.contentType);
      return { status: 'ok', entries: parsed.entries, format: parsed.format, url: res.url, etag: res.etag, lastModified: res.lastModified, bytes: res.body.length, body: res.body, cursor: null, skippedRows: parsed.skipped };
    }
  }
}

/** Mastodon's admin API, 200 blocks a page, following the Link header (FediBlockHole's admin source). */
async function readAdminApi(source: SourceToRead, ctx: ReadContext): Promise<ReadResult> {
  const base = new URL(source.url);
  let url: string | null = `${base.origin}/api/v1/admin/domain_blocks?limit=200`;
  const all: unknown[] = [];
  let bytes = 0;
  let pages = 0;
  while (url) {
    if ((pages += 1) > MAX_PAGES) throw new SourceReadError('too_many_pages', 'The server’s list goes on for more pages than any real blocklist has.');
    const res = await ctx.fetch({ url, auth: source.auth, accept: 'application/json' });
    if (res.status !== 'ok') break;
    const page = json(res.body, 'The admin API answer');
    if (!Array.isArray(page)) throw new SourceReadError('parse', 'The admin API did not answer with a list of domain blocks.');
    all.push(...page);
    bytes += res.body.length;
    const next = nextLink(res.link);
    // Stay on the same server whatever the header says.
    url = next && new URL(next, url).origin === base.origin ? new URL(next, url).toString() : null;
  }
  const parsed = parseFile(Buffer.from(JSON.stringify(all)), 'mastodon_admin_json', 'application/json');
  return { status: 'ok', entries: parsed.entries, format: 'mastodon_admin_api', url: `${base.origin}/api/v1/admin/domain_blocks`, etag: null, lastModified: null, bytes, body: null, cursor: null, skippedRows: parsed.skipped };
}

/** What an allied Palisade publishes at /api/blocklists (see app/api/blocklists/route.ts). */
export interface PalisadeIndex {
  formats: Array<{ format: string; url: string }>;
}

/**
 * Mastodon's CSV first: it carries every flag including `#obfuscate` (so a block the ally keeps
 * obfuscated stays obfuscated here and never shows by name in our own public list), comments,
 * and ETag/304. Our FIRES feed has no obfuscate flag; retractions come from the snapshot diff.
 */
const ALLY_PREFERENCE = ['mastodon_csv', 'fediblockhole_csv', 'fires', 'mastodon_public_json', 'plain_text'] as const;

async function readPalisade(source: SourceToRead, ctx: ReadContext): Promise<ReadResult> {
  const base = new URL(source.url);
  const indexUrl = base.pathname.replace(/\/+$/, '').endsWith('/api/blocklists') ? base.toString() : `${base.origin}/api/blocklists`;
  const res = await ctx.fetch({ url: indexUrl, auth: source.auth, accept: 'application/json' });
  if (res.status !== 'ok') throw new SourceReadError('no_format', 'The allied Palisade did not describe its published lists.');
  const index = json(res.body, 'The allied Palisade’s list index') as Partial<PalisadeIndex>;
  const offered = Array.isArray(index.formats) ? index.formats.filter((f) => typeof f?.format === 'string' && typeof f?.url === 'string') : [];
  const choice = ALLY_PREFERENCE.map((f) => offered.find((o) => o.format === f)).find(Boolean);
  if (!choice) throw new SourceReadError('no_format', 'The allied Palisade publishes no list this token may read. Ask them to share a format with allies.');
  const url = new URL(choice.url, indexUrl);
  if (url.origin !== base.origin) throw new SourceReadError('no_format', 'The allied Palisade pointed to another server; not followed.');
  return readSource({ ...source, url: url.toString(), format: choice.format as SourceFormat }, ctx);
}

/**
 * Folds FIRES changes into a source's entries: the latest change per domain wins (a retraction,
 * an advisory or a non-block policy removes the entry). A tombstone names only a change id, which
 * the stored entries do not keep: the caller then reads the snapshot again.
 */
export function foldFiresChanges(entries: Map<string, SourceEntry>, changes: readonly FiresChange[], role: SourceRole): { entries: Map<string, SourceEntry>; tombstone: boolean } {
  let tombstone = false;
  for (const change of changes) {
    if (change.type === 'Tombstone') {
      tombstone = true;
      continue;
    }
    if (change.entityKind !== 'domain' || !change.entityKey) continue;
    const n = normalizeDomain(change.entityKey);
    if (!n.ok) continue;
    const entry = entryFromFires(change, role);
    if (entry) entries.set(n.ascii, { ...entry, key: n.ascii, labels: [...(entry.labels ?? [])] });
    else entries.delete(n.ascii);
  }
  return { entries, tombstone };
}

function sinceOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).searchParams.get('since');
  } catch {
    return null;
  }
}

async function readFires(source: SourceToRead, ctx: ReadContext): Promise<ReadResult> {
  const accept = ACCEPT.fires;
  const first = await ctx.fetch({ url: source.url, auth: source.auth, accept });
  if (first.status !== 'ok') throw new SourceReadError('not_a_dataset', 'The FIRES dataset did not answer.');
  const doc = json(first.body, 'The FIRES dataset');
  const dataset = readFiresDataset(doc);
  let bytes = first.body.length;
  let snapshotUrl = dataset?.snapshot ?? null;
  const changesUrl = dataset?.changes ?? null;
  if (!dataset) {
    // A snapshot URL pasted directly.
    if (!readFiresCollection(doc)) throw new SourceReadError('not_a_dataset', 'This is not a FIRES dataset, snapshot or change feed.');
    snapshotUrl = source.url;
  }

  if (source.cursor && changesUrl) {
    const entries = keyEntries(await ctx.previous());
    const changes: FiresChange[] = [];
    let cursor = source.cursor;
    let url: string | null = withSince(changesUrl, cursor);
    const seen = new Set<string>();
    for (let pages = 0; url && !seen.has(url); pages += 1) {
      if (pages >= MAX_PAGES) throw new SourceReadError('too_many_pages', 'The change feed goes on for more pages than expected.');
      seen.add(url);
      const res = await ctx.fetch({ url, auth: source.auth, accept });
      if (res.status !== 'ok') break;
      bytes += res.body.length;
      const page = readFiresCollection(json(res.body, 'A FIRES changes page'));
      if (!page) throw new SourceReadError('not_a_dataset', 'A FIRES changes page is not a collection.');
      if (page.items.length === 0) break;
      changes.push(...page.items);
      cursor = page.items.at(-1)!.id;
      url = page.next ? new URL(page.next, url).toString() : withSince(changesUrl, cursor);
    }
    const folded = foldFiresChanges(entries, changes, source.role);
    if (!folded.tombstone) {
      return { status: 'ok', entries: [...folded.entries.values()], format: 'fires', url: changesUrl, etag: null, lastModified: null, bytes, body: null, cursor, skippedRows: 0 };
    }
  }

  if (!snapshotUrl) throw new SourceReadError('not_a_dataset', 'The FIRES dataset has no snapshot endpoint.');
  const snap = snapshotUrl === source.url ? first : await ctx.fetch({ url: snapshotUrl, auth: source.auth, accept });
  if (snap.status !== 'ok') throw new SourceReadError('not_a_dataset', 'The FIRES snapshot did not answer.');
  if (snap !== first) bytes += snap.body.length;
  const collection = readFiresCollection(json(snap.body, 'The FIRES snapshot'));
  if (!collection) throw new SourceReadError('not_a_dataset', 'The FIRES snapshot is not a collection.');
  const folded = foldFiresChanges(new Map(), collection.items, source.role);
  const newest = collection.items.map((c) => c.id).sort().at(-1) ?? null;
  return { status: 'ok', entries: [...folded.entries.values()], format: 'fires', url: snapshotUrl, etag: null, lastModified: null, bytes, body: null, cursor: sinceOf(collection.changes) ?? newest, skippedRows: collection.skipped };
}

function withSince(url: string, since: string): string {
  const u = new URL(url);
  u.searchParams.set('since', since);
  return u.toString();
}

