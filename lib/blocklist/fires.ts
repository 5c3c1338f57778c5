import { randomBytes } from 'node:crypto';
import { detectCanary } from './canary';
import { normalizeDomain } from './domain';
import { labelsFromComment, type MergeEntry } from './merge';
import { domainDigest } from './obfuscation';
import type { BlockPolicy } from './severity';

/**
 * FIRES (fedimod/fires, reference server 0.8): datasets of moderation advisories published as an
 * append-only change log. Consumed as snapshot + `changes?since=<id>`, and produced for our own
 * list. Property names follow the JSON-LD context (https://fires.fedimod.org/context/fires.jsonld:
 * `entity_kind`, `entity_key`, `recommended_policy`, `recommended_filters`); the camelCase names of
 * the prose docs and the older `entity: { type, value }` shape are read too.
 *
 * Policies map onto Mastodon's severities the way FIRES's own CSV import and FediBlockHole's FIRES
 * work do: `drop` and `reject` → suspend; `filter` → limit, or only reject_media/reject_reports when
 * those are its only filters; `accept` → an allow. Advisories carry no policy and are not merged.
 */
export const FIRES_CONTEXT = ['https://www.w3.org/ns/activitystreams', 'https://fires.fedimod.org/context/fires.jsonld'] as const;
/** The change id `first` pages start after (the reference server's genesis id). */
export const FIRES_GENESIS = '00000000-0000-0000-0000-000000000000';

export type FiresChangeType = 'Advisory' | 'Recommendation' | 'Retraction' | 'Tombstone';

export interface FiresChange {
  /** The change's own id: the last path segment of its URI (a UUIDv7 on the reference server). */
  id: string;
  type: FiresChangeType;
  entityKind: string | null;
  entityKey: string | null;
  labels: string[];
  policy: string | null;
  filters: string[];
  published: string | null;
  comment: string | null;
}

const TYPES: readonly FiresChangeType[] = ['Advisory', 'Recommendation', 'Retraction', 'Tombstone'];

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `https://x/datasets/1/changes/0192…` → `0192…`. */
export function firesChangeId(id: string): string {
  const tail = id.split(/[/#]/).filter(Boolean).at(-1) ?? id;
  return tail;
}

/** The last path segment or fragment of a label or filter URI, lower-cased (`…/filters/reject-media` → `reject-media`). */
function term(uri: string): string {
  return (uri.split(/[/#]/).filter(Boolean).at(-1) ?? uri).toLowerCase();
}

export function readFiresChange(item: unknown): FiresChange | null {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return null;
  const o = item as Record<string, unknown>;
  const rawType = str(o.type) ?? str(o['@type']);
  const type = TYPES.find((t) => t.toLowerCase() === rawType?.replace(/^fires:/, '').toLowerCase());
  const id = str(o.id) ?? str(o['@id']);
  if (!type || !id) return null;
  const entity = o.entity && typeof o.entity === 'object' ? (o.entity as Record<string, unknown>) : null;
  return {
    id: firesChangeId(id),
    type,
    entityKind: (str(o.entity_kind) ?? str(o.entityKind) ?? str(entity?.type))?.toLowerCase() ?? null,
    entityKey: str(o.entity_key) ?? str(o.entityKey) ?? str(entity?.value),
    labels: strings(o.labels).map(term),
    policy: (str(o.recommended_policy) ?? str(o.recommendedPolicy))?.toLowerCase() ?? null,
    filters: strings(o.recommended_filters ?? o.recommendedFilters).map(term),
    published: str(o.published) ?? str(o.created),
    comment: str(o.comment),
  };
}

export interface FiresCollection {
  items: FiresChange[];
  /** Items that were not FIRES changes (counted, never guessed at). */
  skipped: number;
  next: string | null;
  /** A snapshot's link to the changes after it. */
  changes: string | null;
  totalItems: number | null;
}

function link(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return str((value as Record<string, unknown>).id) ?? str((value as Record<string, unknown>).href);
  return null;
}

/** A snapshot (`OrderedCollection` with `items`) or a changes page (`orderedItems`, `next`). */
export function readFiresCollection(doc: unknown): FiresCollection | null {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const o = doc as Record<string, unknown>;
  const raw = Array.isArray(o.orderedItems) ? o.orderedItems : Array.isArray(o.items) ? o.items : null;
  if (!raw) return null;
  const items: FiresChange[] = [];
  let skipped = 0;
  for (const item of raw) {
    const change = readFiresChange(item);
    if (change) items.push(change);
    else skipped += 1;
  }
  return { items, skipped, next: link(o.next), changes: link(o.changes), totalItems: typeof o.totalItems === 'number' ? o.totalItems : null };
}

export interface FiresDataset {
  id: string;
  name: string | null;
  summary: string | null;
  snapshot: string | null;
  changes: string | null;
}

export function readFiresDataset(doc: unknown): FiresDataset | null {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const o = doc as Record<string, unknown>;
  const endpoints = o.endpoints && typeof o.endpoints === 'object' ? (o.endpoints as Record<string, unknown>) : {};
  const snapshot = link(endpoints.snapshot);
  const changes = link(endpoints.changes);
  if (!snapshot && !changes) return null;
  return { id: str(o.id) ?? '', name: str(o.name), summary: str(o.summary), snapshot, changes };
}

const FLAG_FILTERS = new Set(['reject-media', 'reject-reports', 'ignore-reports']);

/** What a recommendation means for a Mastodon domain block, or null when it is no block. */
export function policyFromFires(policy: string | null, filters: readonly string[]): BlockPolicy | 'accept' | null {
  const rejectMedia = filters.includes('reject-media');
  const rejectReports = filters.includes('reject-reports') || filters.includes('ignore-reports');
  switch (policy) {
    case 'drop':
    case 'reject':
      return { severity: 'suspend', rejectMedia, rejectReports };
    case 'filter': {
      const onlyFlags = filters.length > 0 && filters.every((f) => FLAG_FILTERS.has(f));
      return { severity: onlyFlags ? 'noop' : 'silence', rejectMedia, rejectReports };
    }
    case 'accept':
      return 'accept';
    default:
      return null;
  }
}

/** Mastodon's limit, decomposed the way FIRES's filter vocabulary describes it. */
const SILENCE_FILTERS = ['auto-unlisted', 'prevent-trending', 'prevent-recommendations'];

/** Our block as a FIRES recommendation; null for a block that limits nothing (published as a retraction). */
export function firesFromPolicy(policy: BlockPolicy): { policy: 'drop' | 'filter'; filters: string[] } | null {
  if (policy.severity === 'suspend') return { policy: 'drop', filters: [] };
  const filters = [...(policy.severity === 'silence' ? SILENCE_FILTERS : []), ...(policy.rejectMedia ? ['reject-media'] : []), ...(policy.rejectReports ? ['reject-reports'] : [])];
  return filters.length ? { policy: 'filter', filters } : null;
}

/**
 * A dataset entry as a merge entry. Block sources use recommendations; allow sources use `accept`
 * recommendations. Anything else is not an entry of that kind.
 */
export function entryFromFires(change: FiresChange, role: 'block' | 'allow'): MergeEntry | null {
  if (change.type !== 'Recommendation' || change.entityKind !== 'domain' || !change.entityKey) return null;
  const n = normalizeDomain(change.entityKey);
  if (!n.ok) return null;
  const domain = n.ascii;
  const mapped = policyFromFires(change.policy, change.filters);
  if (mapped === null) return null;
  if ((mapped === 'accept') !== (role === 'allow')) return null;
  const policy = mapped === 'accept' ? { severity: 'noop' as const, rejectMedia: false, rejectReports: false } : mapped;
  const labels = change.labels;
  return {
    domain,
    input: domain,
    digest: domainDigest(domain),
    ...policy,
    obfuscate: false,
    obfuscated: false,
    publicComment: labels.length ? labels.join(', ') : null,
    privateComment: null,
    canary: detectCanary(domain, labels),
    labels: labels.length ? labels : labelsFromComment(change.comment),
  };
}

let lastMs = 0;
let lastRandom: Buffer = Buffer.alloc(10);

/**
 * RFC 9562 UUIDv7: 48-bit Unix milliseconds, version 7, 12 + 62 random bits. Ids from one process
 * stay strictly increasing within a millisecond (the random part is incremented), so they sort in
 * the order they were made, as a FIRES change log requires.
 */
export function uuidv7(now: number = Date.now()): string {
  let random: Buffer;
  if (now <= lastMs) {
    now = lastMs;
    random = Buffer.from(lastRandom);
    for (let i = random.length - 1; i >= 0; i -= 1) {
      random[i] = (random[i]! + 1) & 0xff;
      if (random[i] !== 0) break;
    }
  } else {
    random = randomBytes(10);
  }
  lastMs = now;
  lastRandom = random;
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(now, 0, 6);
  random.copy(bytes, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
