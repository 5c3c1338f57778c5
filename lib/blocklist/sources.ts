import { z } from 'zod';
import type { MergeEntry } from './merge';
import { SEVERITIES } from './severity';

/**
 * Blocklist subscriptions: what a source is, how it is read, and how one fetch differs from the
 * last. Shared by the console, the worker and the CLI; no I/O and nothing from Node, so the
 * forms can use the schemas in the browser.
 */

/**
 * How a source is read. `auto` sniffs the body (CSV, text or JSON); `mastodon_admin_api` pages
 * through another server's /api/v1/admin/domain_blocks with a token; `palisade` asks an allied
 * Palisade which of its formats this token may read and takes the richest; `fires` follows a FIRES
 * dataset's snapshot and change feed.
 */
export const SOURCE_FORMATS = ['auto', 'mastodon_csv', 'fediblockhole_csv', 'plain_text', 'mastodon_public_json', 'mastodon_admin_json', 'mastodon_admin_api', 'palisade', 'fires'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const SOURCE_ROLES = ['block', 'allow'] as const;
export type SourceRole = (typeof SOURCE_ROLES)[number];

export const AUTH_TYPES = ['none', 'bearer', 'basic'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

export const MIN_REFRESH_MINUTES = 15;
export const MAX_REFRESH_MINUTES = 7 * 24 * 60;

const boolField = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** The source form, shared by the page and its action. A blank secret on edit keeps the stored one. */
export const sourceFormSchema = z
  .object({
    name: z.string().trim().min(1, 'required').max(100, 'tooLong'),
    url: z
      .string()
      .trim()
      .max(2000, 'tooLong')
      .refine((v) => {
        try {
          const u = new URL(v);
          return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
        } catch {
          return false;
        }
      }, 'url'),
    format: z.enum(SOURCE_FORMATS),
    role: z.enum(SOURCE_ROLES),
    priority: z.coerce.number().int('integer').min(0, 'range').max(255, 'range'),
    weight: z.coerce.number().min(0.1, 'range').max(10, 'range'),
    maxSeverity: z.enum(SEVERITIES),
    authType: z.enum(AUTH_TYPES),
    authUsername: z.string().trim().max(200, 'tooLong'),
    authSecret: z.string().max(4000, 'tooLong'),
    autoApply: boolField,
    autoRetract: boolField,
    refreshMinutes: z.coerce.number().int('integer').min(MIN_REFRESH_MINUTES, 'range').max(MAX_REFRESH_MINUTES, 'range'),
    enabled: boolField,
  })
  .superRefine((v, ctx) => {
    if (v.authType === 'basic' && v.authUsername === '') ctx.addIssue({ code: 'custom', path: ['authUsername'], message: 'required' });
    if (v.format === 'mastodon_admin_api' && v.authType !== 'bearer') ctx.addIssue({ code: 'custom', path: ['authType'], message: 'adminApiNeedsToken' });
    if (v.role === 'allow' && (v.autoApply || v.autoRetract)) ctx.addIssue({ code: 'custom', path: ['autoApply'], message: 'allowlistNoAuto' });
  });

export type SourceForm = z.infer<typeof sourceFormSchema>;

export const SOURCE_DEFAULTS: Omit<SourceForm, 'name' | 'url'> = {
  format: 'auto',
  role: 'block',
  priority: 100,
  weight: 1,
  maxSeverity: 'suspend',
  authType: 'none',
  authUsername: '',
  authSecret: '',
  autoApply: false,
  autoRetract: false,
  refreshMinutes: 24 * 60,
  enabled: true,
};

// -------------------------------------------------------------------------------------------------
// Merge settings

export const VISIBILITIES = ['off', 'allies', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Our list's published formats (URL slugs under /api/blocklists). */
export const PUBLISH_FORMATS = ['mastodon_csv', 'fediblockhole_csv', 'plain_text', 'mastodon_public_json', 'fires'] as const;
export type PublishFormat = (typeof PUBLISH_FORMATS)[number];

export const settingsFormSchema = z
  .object({
    thresholdType: z.enum(['count', 'percent']),
    thresholdValue: z.coerce.number().min(0, 'range').max(1000, 'range'),
    mergePlan: z.enum(['max', 'min']),
    maxChangesPerRun: z.coerce.number().int('integer').min(1, 'range').max(100_000, 'range'),
    preserveRelationships: boolField,
    excludes: z.string().max(200_000, 'tooLong'),
  })
  .superRefine((v, ctx) => {
    if (v.thresholdType === 'percent' && v.thresholdValue > 100) ctx.addIssue({ code: 'custom', path: ['thresholdValue'], message: 'range' });
    if (v.thresholdType === 'count' && !Number.isInteger(v.thresholdValue)) ctx.addIssue({ code: 'custom', path: ['thresholdValue'], message: 'integer' });
  });

export type SettingsForm = z.infer<typeof settingsFormSchema>;

export const publishingFormSchema = z.object({
  visibility: z.object(Object.fromEntries(PUBLISH_FORMATS.map((f) => [f, z.enum(VISIBILITIES)])) as Record<PublishFormat, z.ZodEnum<{ off: 'off'; allies: 'allies'; public: 'public' }>>),
  commentVisibility: z.enum(VISIBILITIES),
  publishSubscribed: boolField,
});

export type PublishingForm = z.infer<typeof publishingFormSchema>;

export interface BlocklistSettings {
  thresholdType: 'count' | 'percent';
  thresholdValue: number;
  mergePlan: 'max' | 'min';
  maxChangesPerRun: number;
  preserveRelationships: boolean;
  visibility: Record<PublishFormat, Visibility>;
  commentVisibility: Visibility;
  /** Publish blocks that came from subscriptions too (off: publish only our own judgement). */
  publishSubscribed: boolean;
}

export const DEFAULT_SETTINGS: BlocklistSettings = {
  thresholdType: 'count',
  thresholdValue: 1,
  mergePlan: 'max',
  maxChangesPerRun: 20,
  preserveRelationships: true,
  visibility: { mastodon_csv: 'off', fediblockhole_csv: 'off', plain_text: 'off', mastodon_public_json: 'off', fires: 'off' },
  commentVisibility: 'allies',
  publishSubscribed: false,
};

// -------------------------------------------------------------------------------------------------
// Entries and their changes between fetches

/** One stored entry of a source: a merge entry with its key (the domain, or `*` + the pattern). */
export interface SourceEntry extends MergeEntry {
  key: string;
  labels: string[];
}

export function entryKey(e: Pick<MergeEntry, 'domain' | 'input'>): string {
  return e.domain ?? `*${e.input.toLowerCase()}`;
}

export type EntryChangeKind = 'added' | 'changed' | 'removed';

export interface EntryChange {
  kind: EntryChangeKind;
  key: string;
  before: SourceEntry | null;
  after: SourceEntry | null;
  /** For `changed`: the severity differs (not only a flag or the comment). */
  severityChanged: boolean;
}

function sameEntry(a: SourceEntry, b: SourceEntry): boolean {
  return (
    a.severity === b.severity &&
    a.rejectMedia === b.rejectMedia &&
    a.rejectReports === b.rejectReports &&
    a.obfuscate === b.obfuscate &&
    a.publicComment === b.publicComment &&
    a.privateComment === b.privateComment &&
    a.digest === b.digest &&
    a.labels.join('\n') === b.labels.join('\n')
  );
}

/** What changed from one snapshot of a list to the next; a removal is the source's retraction. */
export function diffEntries(before: ReadonlyMap<string, SourceEntry>, after: ReadonlyMap<string, SourceEntry>): EntryChange[] {
  const out: EntryChange[] = [];
  for (const [key, next] of after) {
    const prev = before.get(key);
    if (!prev) out.push({ kind: 'added', key, before: null, after: next, severityChanged: false });
    else if (!sameEntry(prev, next)) out.push({ kind: 'changed', key, before: prev, after: next, severityChanged: prev.severity !== next.severity });
  }
  for (const [key, prev] of before) if (!after.has(key)) out.push({ kind: 'removed', key, before: prev, after: null, severityChanged: false });
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Entries keyed for diffing; the first of a repeated key wins (as in the parser). */
export function keyEntries(entries: Iterable<SourceEntry>): Map<string, SourceEntry> {
  const map = new Map<string, SourceEntry>();
  for (const e of entries) if (!map.has(e.key)) map.set(e.key, e);
  return map;
}
