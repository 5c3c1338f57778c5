import { sql, type SqlBool } from 'kysely';
import { domainVariants } from '@/lib/blocklist/domain';
import type { Backing } from '@/lib/blocklist/merge';
import type { BlockProvenance, CurrentBlock, DomainImpact, PlannedSuggestion, SuggestionAction } from '@/lib/blocklist/merge-suggestions';
import { severityFromDb, type Severity } from '@/lib/blocklist/severity';
import { DEFAULT_SETTINGS, PUBLISH_FORMATS, VISIBILITIES, type BlocklistSettings, type Visibility } from '@/lib/blocklist/sources';
import { decodeCursor, encodeCursor } from '@/lib/keyset';
import type { Db } from '../client';
import { countLocalFollowsByDomain } from './domain-blocks';

// -------------------------------------------------------------------------------------------------
// Settings and excludes

export async function getBlocklistSettings({ db }: { db: Db }): Promise<BlocklistSettings & { lastRunAt: Date | null; lastRun: Record<string, unknown> | null }> {
  const row = await db.selectFrom('palisade.blocklist_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return { ...DEFAULT_SETTINGS, lastRunAt: null, lastRun: null };
  const visibility = { ...DEFAULT_SETTINGS.visibility };
  for (const f of PUBLISH_FORMATS) {
    const v = (row.visibility as Record<string, unknown>)[f];
    if ((VISIBILITIES as readonly string[]).includes(v as string)) visibility[f] = v as Visibility;
  }
  return {
    thresholdType: row.threshold_type,
    thresholdValue: Number(row.threshold_value),
    mergePlan: row.merge_plan,
    maxChangesPerRun: row.max_changes_per_run,
    preserveRelationships: row.preserve_relationships,
    visibility,
    commentVisibility: row.comment_visibility,
    publishSubscribed: row.publish_subscribed,
    lastRunAt: row.last_run_at,
    lastRun: row.last_run,
  };
}

export async function saveBlocklistSettings({ db, values, accountId, at }: { db: Db; values: Partial<BlocklistSettings>; accountId: string | null; at: Date }): Promise<void> {
  const set = {
    ...(values.thresholdType ? { threshold_type: values.thresholdType } : {}),
    ...(values.thresholdValue !== undefined ? { threshold_value: values.thresholdValue } : {}),
    ...(values.mergePlan ? { merge_plan: values.mergePlan } : {}),
    ...(values.maxChangesPerRun !== undefined ? { max_changes_per_run: values.maxChangesPerRun } : {}),
    ...(values.preserveRelationships !== undefined ? { preserve_relationships: values.preserveRelationships } : {}),
    ...(values.visibility ? { visibility: JSON.stringify(values.visibility) } : {}),
    ...(values.commentVisibility ? { comment_visibility: values.commentVisibility } : {}),
    ...(values.publishSubscribed !== undefined ? { publish_subscribed: values.publishSubscribed } : {}),
    updated_by: accountId,
    updated_at: at,
  };
  await db
    .insertInto('palisade.blocklist_settings')
    .values({ id: 1, ...set, visibility: set.visibility ?? JSON.stringify(DEFAULT_SETTINGS.visibility) })
    .onConflict((oc) => oc.column('id').doUpdateSet(set))
    .execute();
}

export async function recordBlocklistRun({ db, summary, at }: { db: Db; summary: Record<string, unknown>; at: Date }): Promise<void> {
  const json = JSON.stringify(summary);
  await db
    .insertInto('palisade.blocklist_settings')
    .values({ id: 1, last_run: json, last_run_at: at, visibility: JSON.stringify(DEFAULT_SETTINGS.visibility) })
    .onConflict((oc) => oc.column('id').doUpdateSet({ last_run: json, last_run_at: at }))
    .execute();
}

export async function listBlocklistExcludes({ db }: { db: Db }): Promise<string[]> {
  const rows = await db.selectFrom('palisade.blocklist_excludes').select('domain').orderBy('domain').execute();
  return rows.map((r) => r.domain);
}

/** Replaces the excludes with this set; returns what was added and removed. */
export async function replaceBlocklistExcludes({ db, domains, accountId, at }: { db: Db; domains: string[]; accountId: string | null; at: Date }): Promise<{ added: string[]; removed: string[] }> {
  const current = new Set(await listBlocklistExcludes({ db }));
  const next = new Set(domains);
  const added = [...next].filter((d) => !current.has(d));
  const removed = [...current].filter((d) => !next.has(d));
  if (removed.length) await db.deleteFrom('palisade.blocklist_excludes').where('domain', 'in', removed).execute();
  if (added.length) await db.insertInto('palisade.blocklist_excludes').values(added.map((domain) => ({ domain, created_by: accountId, created_at: at }))).execute();
  return { added, removed };
}

// -------------------------------------------------------------------------------------------------
// What the merge compares with: Mastodon's blocks, our provenance, what the instance knows

/** Every domain block (20 000 on a large instance: one pass, no private comments needed). */
export async function listCurrentBlocks({ db }: { db: Db }): Promise<Map<string, CurrentBlock>> {
  const rows = await db.selectFrom('domain_blocks').select(['id', 'domain', 'severity', 'reject_media', 'reject_reports', 'obfuscate', 'public_comment', 'private_comment']).execute();
  return new Map(
    rows.map((r) => [
      r.domain,
      { id: r.id, domain: r.domain, severity: severityFromDb(r.severity), rejectMedia: r.reject_media, rejectReports: r.reject_reports, obfuscate: r.obfuscate, publicComment: r.public_comment, privateComment: r.private_comment },
    ]),
  );
}

export async function listBlockProvenance({ db }: { db: Db }): Promise<Map<string, BlockProvenance>> {
  const rows = await db.selectFrom('palisade.blocklist_provenance').select(['domain', 'block_id', 'origin', 'source_ids', 'labels']).execute();
  return new Map(rows.map((r) => [r.domain, { domain: r.domain, blockId: r.block_id, origin: r.origin, sourceIds: r.source_ids.map(String), labels: r.labels ?? [] }]));
}

export interface ProvenanceValues {
  domain: string;
  blockId: string;
  origin: 'subscription' | 'manual';
  mode: 'manual' | 'auto';
  sources: Array<{ id: string; name: string; severity: Severity }>;
  backingCount: number;
  totalSources: number;
  labels: string[];
  severity: Severity;
  suggestionId: string | null;
  appliedBy: string | null;
  at: Date;
}

/** Records (or refreshes) which sources backed a block; a block raised from a hand-made one stays `manual`. */
export async function upsertBlockProvenance({ db, values }: { db: Db; values: ProvenanceValues }): Promise<void> {
  const row = {
    domain: values.domain,
    block_id: values.blockId,
    origin: values.origin,
    mode: values.mode,
    source_ids: values.sources.map((s) => s.id),
    sources: JSON.stringify(values.sources),
    backing_count: values.backingCount,
    total_sources: values.totalSources,
    labels: values.labels,
    severity: values.severity,
    suggestion_id: values.suggestionId,
    applied_by: values.appliedBy,
    applied_at: values.at,
  };
  await db
    .insertInto('palisade.blocklist_provenance')
    .values(row)
    .onConflict((oc) =>
      oc.column('domain').doUpdateSet({
        ...row,
        // The same block keeps its origin; a different block (re-created) takes the new one.
        origin: sql<'subscription' | 'manual'>`CASE WHEN palisade.blocklist_provenance.block_id = EXCLUDED.block_id THEN palisade.blocklist_provenance.origin ELSE EXCLUDED.origin END`,
      }),
    )
    .execute();
}

export async function deleteBlockProvenance({ db, domain }: { db: Db; domain: string }): Promise<void> {
  await db.deleteFrom('palisade.blocklist_provenance').where('domain', '=', domain).execute();
}

/**
 * Accounts and local follow relationships for each target domain, its subdomains included: the
 * known instances with accounts are read once and attributed to every target they fall under,
 * then follows are counted in one grouped pass over just those domains.
 */
export async function loadDomainImpact({ db, domains }: { db: Db; domains: string[] }): Promise<Map<string, DomainImpact>> {
  const out = new Map<string, DomainImpact>(domains.map((d) => [d, { accounts: 0, localFollows: 0 }]));
  if (domains.length === 0) return out;
  const targets = new Set(domains);
  const instances = await db.selectFrom('instances').select(['domain', 'accounts_count']).where('accounts_count', '>', '0').execute();
  const under = new Map<string, string[]>();
  for (const i of instances) {
    if (!i.domain) continue;
    for (const v of domainVariants(i.domain)) {
      if (!targets.has(v)) continue;
      out.get(v)!.accounts += Number(i.accounts_count ?? 0);
      const list = under.get(i.domain);
      if (list) list.push(v);
      else under.set(i.domain, [v]);
    }
  }
  if (under.size === 0) return out;
  const follows = await countLocalFollowsByDomain({ db, domains: [...under.keys()] });
  for (const [domain, n] of follows) for (const target of under.get(domain) ?? []) out.get(target)!.localFollows += n;
  return out;
}

// -------------------------------------------------------------------------------------------------
// The review queue

export interface StoredBacking {
  sourceId: string;
  sourceName: string;
  severity: Severity;
  cappedFrom: Severity | null;
  rejectMedia: boolean;
  rejectReports: boolean;
  publicComment: string | null;
  labels: string[];
  via: Backing['via'];
  listedAs: string;
}

export interface StoredBlock {
  id: string;
  domain: string;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  obfuscate: boolean;
}

export interface SuggestionRow {
  id: string;
  domain: string;
  action: SuggestionAction;
  reason: string;
  state: 'pending' | 'applied' | 'dismissed' | 'superseded' | 'failed';
  fingerprint: string;
  severity: Severity | null;
  rejectMedia: boolean;
  rejectReports: boolean;
  obfuscate: boolean;
  heldSeverity: Severity | null;
  heldIsNoop: boolean;
  publicComment: string | null;
  labels: string[];
  backing: StoredBacking[];
  backingCount: number;
  backingPercent: number;
  totalSources: number;
  retractedBy: string[];
  existingBlockId: string | null;
  existing: StoredBlock | null;
  parent: StoredBlock | null;
  accounts: number | null;
  localFollows: number | null;
  autoEligible: boolean;
  autoBlocker: string | null;
  outcome: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  appliedBlockId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type SuggestionRecord = {
  id: string;
  domain: string;
  action: SuggestionAction;
  reason: string;
  state: SuggestionRow['state'];
  fingerprint: string;
  severity: Severity | null;
  reject_media: boolean;
  reject_reports: boolean;
  obfuscate: boolean;
  held_severity: Severity | null;
  held_is_noop: boolean;
  public_comment: string | null;
  labels: string[];
  backing: unknown[];
  backing_count: number;
  backing_percent: string;
  total_sources: number;
  retracted_by: string[];
  existing_block_id: string | null;
  existing: Record<string, unknown> | null;
  parent: Record<string, unknown> | null;
  accounts: number | null;
  local_follows: number | null;
  auto_eligible: boolean;
  auto_blocker: string | null;
  outcome: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  applied_block_id: string | null;
  created_at: Date;
  updated_at: Date;
};

function toSuggestion(r: SuggestionRecord): SuggestionRow {
  return {
    id: r.id,
    domain: r.domain,
    action: r.action,
    reason: r.reason,
    state: r.state,
    fingerprint: r.fingerprint,
    severity: r.severity,
    rejectMedia: r.reject_media,
    rejectReports: r.reject_reports,
    obfuscate: r.obfuscate,
    heldSeverity: r.held_severity,
    heldIsNoop: r.held_is_noop,
    publicComment: r.public_comment,
    labels: r.labels ?? [],
    backing: r.backing as StoredBacking[],
    backingCount: r.backing_count,
    backingPercent: Number(r.backing_percent),
    totalSources: r.total_sources,
    retractedBy: (r.retracted_by ?? []).map(String),
    existingBlockId: r.existing_block_id,
    existing: r.existing as SuggestionRow['existing'],
    parent: r.parent as SuggestionRow['parent'],
    accounts: r.accounts,
    localFollows: r.local_follows,
    autoEligible: r.auto_eligible,
    autoBlocker: r.auto_blocker,
    outcome: r.outcome,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    appliedBlockId: r.applied_block_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function blockJson(b: CurrentBlock | null) {
  return b ? { id: b.id, domain: b.domain, severity: b.severity, rejectMedia: b.rejectMedia, rejectReports: b.rejectReports, obfuscate: b.obfuscate } : null;
}

function suggestionPayload(s: PlannedSuggestion, totalSources: number) {
  return {
    domain: s.domain,
    action: s.action,
    reason: s.reason,
    fingerprint: s.fingerprint,
    severity: s.policy?.severity ?? null,
    reject_media: s.policy?.rejectMedia ?? false,
    reject_reports: s.policy?.rejectReports ?? false,
    obfuscate: s.policy?.obfuscate ?? false,
    held_severity: s.heldPolicy?.severity ?? null,
    held_is_noop: s.heldIsNoop,
    public_comment: s.publicComment,
    labels: s.labels,
    backing: s.backing.map(
      (b): StoredBacking => ({ sourceId: b.sourceId, sourceName: b.sourceName, severity: b.severity, cappedFrom: b.cappedFrom, rejectMedia: b.rejectMedia, rejectReports: b.rejectReports, publicComment: b.publicComment, labels: b.labels, via: b.via, listedAs: b.listedAs }),
    ),
    backing_count: s.count,
    backing_percent: Math.round(s.percent * 100) / 100,
    total_sources: totalSources,
    retracted_by: s.retractedBy,
    existing_block_id: s.existing?.id ?? null,
    existing: blockJson(s.existing),
    parent: blockJson(s.parent),
    accounts: s.impact?.accounts ?? null,
    local_follows: s.impact?.localFollows ?? null,
    auto_eligible: s.auto.eligible,
    auto_blocker: s.auto.blocker,
  };
}

const RECORDSET = sql.raw(`x(domain text, action text, reason text, fingerprint text, severity text, reject_media boolean, reject_reports boolean, obfuscate boolean,
  held_severity text, held_is_noop boolean, public_comment text, labels jsonb, backing jsonb, backing_count integer, backing_percent numeric,
  total_sources integer, retracted_by jsonb, existing_block_id bigint, existing jsonb, parent jsonb, accounts integer, local_follows integer,
  auto_eligible boolean, auto_blocker text)`);

export interface SuggestionSync {
  inserted: number;
  updated: number;
  superseded: number;
  /** Planned suggestions a moderator dismissed with the same fingerprint: not queued again. */
  dismissed: number;
}

/**
 * Makes the pending queue equal the plan (in the caller's transaction): a suggestion whose
 * fingerprint is unchanged keeps its row (figures refreshed), a changed one replaces it, one no
 * longer planned is superseded, and a planned one matching a dismissal is not queued. Bulk
 * statements over jsonb, so a first merge of 20 000 suggestions is three round trips.
 */
export async function syncPendingSuggestions({ db, planned, totalSources, at }: { db: Db; planned: readonly PlannedSuggestion[]; totalSources: number; at: Date }): Promise<SuggestionSync & { pending: PlannedSuggestion[] }> {
  const pendingRows = await db.selectFrom('palisade.blocklist_suggestions').select(['id', 'domain', 'fingerprint']).where('state', '=', 'pending').execute();
  const pending = new Map(pendingRows.map((r) => [r.domain, r]));
  const dismissals = await db.selectFrom('palisade.blocklist_dismissals').select(['domain', 'fingerprint']).execute();
  const dismissed = new Set(dismissals.map((d) => `${d.domain}\n${d.fingerprint}`));

  const keep: PlannedSuggestion[] = [];
  let skipped = 0;
  for (const p of planned) {
    if (dismissed.has(`${p.domain}\n${p.fingerprint}`)) skipped += 1;
    else keep.push(p);
  }
  const inserts = keep.filter((p) => pending.get(p.domain)?.fingerprint !== p.fingerprint);
  const updates = keep.filter((p) => pending.get(p.domain)?.fingerprint === p.fingerprint);
  const wanted = new Map(keep.map((p) => [p.domain, p.fingerprint]));
  const supersede = pendingRows.filter((r) => wanted.get(r.domain) !== r.fingerprint).map((r) => r.id);

  if (supersede.length) {
    await db.updateTable('palisade.blocklist_suggestions').set({ state: 'superseded', updated_at: at }).where('id', '=', sql<string>`ANY(${supersede}::bigint[])`).execute();
  }
  if (inserts.length) {
    const payload = JSON.stringify(inserts.map((s) => suggestionPayload(s, totalSources)));
    await sql`
      INSERT INTO palisade.blocklist_suggestions (domain, action, reason, fingerprint, severity, reject_media, reject_reports, obfuscate, held_severity, held_is_noop, public_comment,
             labels, backing, backing_count, backing_percent, total_sources, retracted_by, existing_block_id, existing, parent, accounts, local_follows, auto_eligible, auto_blocker, created_at, updated_at)
      SELECT x.domain, x.action, x.reason, x.fingerprint, x.severity, x.reject_media, x.reject_reports, x.obfuscate, x.held_severity, x.held_is_noop, x.public_comment,
             ARRAY(SELECT jsonb_array_elements_text(x.labels)), x.backing, x.backing_count, x.backing_percent, x.total_sources,
             ARRAY(SELECT jsonb_array_elements_text(x.retracted_by))::bigint[], x.existing_block_id, x.existing, x.parent, x.accounts, x.local_follows, x.auto_eligible, x.auto_blocker,
             ${at}::timestamp, ${at}::timestamp
        FROM jsonb_to_recordset(${payload}::jsonb) AS ${RECORDSET}`.execute(db);
  }
  if (updates.length) {
    const payload = JSON.stringify(updates.map((s) => suggestionPayload(s, totalSources)));
    await sql`
      UPDATE palisade.blocklist_suggestions s SET
        severity = x.severity, reject_media = x.reject_media, reject_reports = x.reject_reports, obfuscate = x.obfuscate,
        held_severity = x.held_severity, held_is_noop = x.held_is_noop, public_comment = x.public_comment,
        labels = ARRAY(SELECT jsonb_array_elements_text(x.labels)), backing = x.backing, backing_count = x.backing_count,
        backing_percent = x.backing_percent, total_sources = x.total_sources, existing_block_id = x.existing_block_id,
        existing = x.existing, parent = x.parent, accounts = x.accounts, local_follows = x.local_follows,
        auto_eligible = x.auto_eligible, auto_blocker = x.auto_blocker
        FROM jsonb_to_recordset(${payload}::jsonb) AS ${RECORDSET}
       WHERE s.state = 'pending' AND s.domain = x.domain AND s.fingerprint = x.fingerprint`.execute(db);
  }
  return { inserted: inserts.length, updated: updates.length, superseded: supersede.length, dismissed: skipped, pending: keep };
}

export interface SuggestionFilters {
  action?: SuggestionAction | null;
  q?: string | null;
  cursor?: string | null;
}

/** The queue, by domain, 50 a page (keyset on domain; partial indexes on pending rows). */
export async function listPendingSuggestions({ db, filters, limit = 50 }: { db: Db; filters: SuggestionFilters; limit?: number }): Promise<{ rows: SuggestionRow[]; nextCursor: string | null }> {
  let q = db.selectFrom('palisade.blocklist_suggestions').selectAll().where('state', '=', 'pending');
  if (filters.action) q = q.where('action', '=', filters.action);
  if (filters.q) q = q.where('domain', 'like', `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const after = decodeCursor(filters.cursor ?? undefined, 1);
  if (after && typeof after[0] === 'string') q = q.where('domain', '>', after[0]);
  const rows = await q.orderBy('domain').limit(limit + 1).execute();
  const page = rows.slice(0, limit).map((r) => toSuggestion(r as SuggestionRecord));
  return { rows: page, nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.domain]) : null };
}

export async function countPendingSuggestions({ db }: { db: Db }): Promise<Record<SuggestionAction, number>> {
  const rows = await db.selectFrom('palisade.blocklist_suggestions').select(['action', sql<number>`count(*)::int`.as('n')]).where('state', '=', 'pending').groupBy('action').execute();
  const out: Record<SuggestionAction, number> = { add: 0, escalate: 0, downgrade: 0, retract: 0 };
  for (const r of rows) out[r.action] = r.n;
  return out;
}

/** Ids of every pending suggestion matching the filters (for "apply all" in batches). */
export async function listPendingSuggestionIds({ db, filters, limit = 20_000 }: { db: Db; filters: Omit<SuggestionFilters, 'cursor'>; limit?: number }): Promise<string[]> {
  let q = db.selectFrom('palisade.blocklist_suggestions').select('id').where('state', '=', 'pending');
  if (filters.action) q = q.where('action', '=', filters.action);
  if (filters.q) q = q.where('domain', 'like', `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await q.orderBy('domain').limit(limit).execute();
  return rows.map((r) => r.id);
}

export async function getSuggestionsByIds({ db, ids, lock = false }: { db: Db; ids: string[]; lock?: boolean }): Promise<SuggestionRow[]> {
  const valid = ids.filter((id) => /^\d+$/.test(id));
  if (valid.length === 0) return [];
  let q = db.selectFrom('palisade.blocklist_suggestions').selectAll().where('id', '=', sql<string>`ANY(${valid}::bigint[])`);
  if (lock) q = q.forUpdate();
  const rows = await q.orderBy('domain').execute();
  return rows.map((r) => toSuggestion(r as SuggestionRecord));
}

export async function listPendingSuggestionsForDomains({ db, domains }: { db: Db; domains: string[] }): Promise<SuggestionRow[]> {
  if (domains.length === 0) return [];
  const rows = await db.selectFrom('palisade.blocklist_suggestions').selectAll().where('state', '=', 'pending').where(sql<SqlBool>`domain = ANY(${domains}::text[])`).orderBy('domain').execute();
  return rows.map((r) => toSuggestion(r as SuggestionRecord));
}

export async function markSuggestionDecided({
  db,
  id,
  state,
  outcome,
  decidedBy,
  appliedBlockId = null,
  at,
}: {
  db: Db;
  id: string;
  state: 'applied' | 'dismissed' | 'failed';
  outcome: string | null;
  decidedBy: string | null;
  appliedBlockId?: string | null;
  at: Date;
}): Promise<boolean> {
  const result = await db
    .updateTable('palisade.blocklist_suggestions')
    .set({ state, outcome, decided_by: decidedBy, decided_at: at, applied_block_id: appliedBlockId, updated_at: at })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A failed or skipped attempt: the suggestion stays queued, with the reason shown. */
export async function noteSuggestionOutcome({ db, id, outcome, at }: { db: Db; id: string; outcome: string | null; at: Date }): Promise<void> {
  await db.updateTable('palisade.blocklist_suggestions').set({ outcome, updated_at: at }).where('id', '=', id).execute();
}

export async function insertDismissal({ db, domain, fingerprint, action, accountId, at }: { db: Db; domain: string; fingerprint: string; action: string; accountId: string | null; at: Date }): Promise<void> {
  await db
    .insertInto('palisade.blocklist_dismissals')
    .values({ domain, fingerprint, action, dismissed_by: accountId, dismissed_at: at })
    .onConflict((oc) => oc.columns(['domain', 'fingerprint']).doNothing())
    .execute();
}

/** Recently decided suggestions, newest first (the queue's history). */
export async function listDecidedSuggestions({ db, limit = 20 }: { db: Db; limit?: number }): Promise<SuggestionRow[]> {
  const rows = await db
    .selectFrom('palisade.blocklist_suggestions')
    .selectAll()
    .where('state', 'in', ['applied', 'dismissed'])
    .where('decided_at', 'is not', null)
    .orderBy('decided_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => toSuggestion(r as SuggestionRecord));
}

// -------------------------------------------------------------------------------------------------
// Provenance on the domain-block list

export interface BlockSupport {
  /** Enabled block sources listing the domain or a parent now. */
  listedBy: Array<{ id: string; name: string }>;
  totalSources: number;
  /** When Palisade applied it from subscriptions, and with which sources. */
  applied: { at: Date; origin: 'subscription' | 'manual'; mode: 'manual' | 'auto'; sources: string[]; backingCount: number; totalSources: number } | null;
}

/**
 * For a page of domain blocks: which enabled sources list each domain (or a parent) now, and what
 * Palisade recorded when it applied it. One indexed probe per domain and parent (blocklist_entries_domain_idx).
 */
export async function getBlockSupport({ db, blocks }: { db: Db; blocks: Array<{ id: string; domain: string }> }): Promise<Map<string, BlockSupport>> {
  const out = new Map<string, BlockSupport>();
  if (blocks.length === 0) return out;
  const variants = [...new Set(blocks.flatMap((b) => domainVariants(b.domain)))];
  const [entries, total, provenance] = await Promise.all([
    db
      .selectFrom('palisade.blocklist_entries as e')
      .innerJoin('palisade.blocklist_sources as s', 's.id', 'e.source_id')
      .select(['e.domain', 's.id', 's.name'])
      .where('s.enabled', '=', true)
      .where('s.role', '=', 'block')
      .where(sql<SqlBool>`e.domain = ANY(${variants}::text[])`)
      .where('e.canary', 'is', null)
      .execute(),
    db.selectFrom('palisade.blocklist_sources').select(sql<number>`count(*)::int`.as('n')).where('enabled', '=', true).where('role', '=', 'block').executeTakeFirstOrThrow(),
    db
      .selectFrom('palisade.blocklist_provenance')
      .select(['domain', 'block_id', 'origin', 'mode', 'sources', 'backing_count', 'total_sources', 'applied_at'])
      .where('domain', 'in', blocks.map((b) => b.domain))
      .execute(),
  ]);
  const byDomain = new Map<string, Map<string, string>>();
  for (const e of entries) {
    const m = byDomain.get(e.domain!) ?? new Map<string, string>();
    m.set(e.id, e.name);
    byDomain.set(e.domain!, m);
  }
  const prov = new Map(provenance.map((p) => [p.domain, p]));
  for (const b of blocks) {
    const listed = new Map<string, string>();
    for (const v of domainVariants(b.domain)) for (const [id, name] of byDomain.get(v) ?? []) listed.set(id, name);
    const p = prov.get(b.domain);
    const applied =
      p && p.block_id === b.id
        ? { at: p.applied_at, origin: p.origin, mode: p.mode, sources: (p.sources as Array<{ name: string }>).map((s) => s.name), backingCount: p.backing_count, totalSources: p.total_sources }
        : null;
    if (listed.size === 0 && !applied) continue;
    out.set(b.id, { listedBy: [...listed].map(([id, name]) => ({ id, name })), totalSources: total.n, applied });
  }
  return out;
}
