import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { DatabaseKind, Db } from '@/db/client';
import { findLoginCandidateByAccountId } from '@/db/queries/auth';
import {
  getBlocklistSource,
  getLatestSnapshotHash,
  insertBlocklistFetch,
  listBlocklistSources,
  listDueBlocklistSources,
  listEnabledSourceEntries,
  listSourceEntries,
  postponeBlocklistSource,
  pruneSnapshotBodies,
  storeSnapshot,
  updateBlocklistSourceFetchState,
  withAdvisoryLock,
  type BlocklistSourceRow,
} from '@/db/queries/blocklist-sources';
import {
  getBlocklistSettings,
  listBlockProvenance,
  listBlocklistExcludes,
  listCurrentBlocks,
  listPendingSuggestionsForDomains,
  loadDomainImpact,
  recordBlocklistRun,
  syncPendingSuggestions,
} from '@/db/queries/blocklist-suggestions';
import { listKnownDomainsOfLengths } from '@/db/queries/domain-blocks';
import { recordEvent } from '@/db/queries/events';
import { openToken } from '@/lib/auth/token-crypto';
import { permissionsOf, refusalFor } from '@/lib/auth/login-policy';
import { can, flag } from '@/lib/permissions';
import type { WritePath, WriteActor } from '@/lib/write-path/types';
import { mergeBlocklists, type HeldBack, type MergeSource } from './merge';
import { planSuggestions, selectAutoApply, type SuggestionAction } from './merge-suggestions';
import { diffEntries, keyEntries, type SourceEntry } from './sources';
import { applySuggestions, type ApplyOutcome } from './sources-apply';
import { fetchSource, SourceFetchError, type FetchAuth } from './sources-fetch';
import { readSource, SourceReadError } from './sources-read';

/**
 * The subscription worker's steps, shared by the background loop, the console's "Refresh now"
 * and the CLI: fetch a source (under a lock, so no two processes fetch it at once), store what
 * changed as a snapshot, merge every enabled source into the review queue, and apply what the
 * sources marked for automatic application within the per-run cap.
 */
export interface ExchangeContext {
  db: Db;
  kind: DatabaseKind;
  /** Key that seals source credentials at rest (the console's auth secret). */
  secret: string;
  /** Operator setting: fetch from loopback and private addresses (tests, private networks). */
  allowPrivate: boolean;
  now?: () => Date;
  fetch?: typeof fetchSource;
  /** For automatic application; without it suggestions wait for a moderator. */
  writePath?: WritePath;
  /** Connected mode: the token automatic actions are taken with (PALISADE_AUTOMATION_TOKEN). */
  automationToken?: string | null;
  log?: (line: string) => void;
}

export type RefreshOutcome =
  | { status: 'busy' }
  | { status: 'not_found' }
  | { status: 'ok'; entries: number; added: number; changed: number; removed: number }
  | { status: 'unchanged' | 'not_modified'; entries: number }
  | { status: 'error'; error: string };

const MINUTE = 60_000;

export function sourceAuth(source: Pick<BlocklistSourceRow, 'authType' | 'authUsername' | 'authSecretSealed'>, secret: string): FetchAuth {
  if (source.authType === 'none' || !source.authSecretSealed) return null;
  const value = openToken(source.authSecretSealed, secret);
  if (value === null) return null;
  return source.authType === 'bearer' ? { type: 'bearer', token: value } : { type: 'basic', username: source.authUsername ?? '', password: value };
}

/** A stable hash of a list's content, whatever order or encoding it came in. */
export function entriesHash(entries: readonly SourceEntry[]): string {
  const hash = createHash('sha256');
  for (const e of [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    hash.update(JSON.stringify([e.key, e.severity, e.rejectMedia, e.rejectReports, e.obfuscate, e.publicComment, e.privateComment, e.digest, e.labels]));
    hash.update('\n');
  }
  return hash.digest('hex');
}

function describeError(error: unknown): string {
  if (error instanceof SourceFetchError || error instanceof SourceReadError) return error.message;
  return `Unexpected failure (${(error as Error)?.message ?? String(error)}).`;
}

export async function refreshSource(ctx: ExchangeContext, sourceId: string, { actorId = null, onlyIfDue = false }: { actorId?: string | null; onlyIfDue?: boolean } = {}): Promise<RefreshOutcome> {
  const now = ctx.now ?? (() => new Date());
  const result = await withAdvisoryLock({ db: ctx.db, kind: ctx.kind, key: `source:${sourceId}` }, async (): Promise<RefreshOutcome> => {
    const source = await getBlocklistSource({ db: ctx.db, id: sourceId });
    if (!source) return { status: 'not_found' };
    const started = now();
    // The worker's due list may be stale: another process can have fetched this source between
    // the list and the lock. Checked under the lock, so the source is fetched once.
    if (onlyIfDue && source.nextFetchAt > started) return { status: 'busy' };
    // Claim: other processes looking for due sources pass this one by while it is fetched.
    await postponeBlocklistSource({ db: ctx.db, id: source.id, until: new Date(started.getTime() + 10 * MINUTE) });
    const nextOk = new Date(started.getTime() + source.refreshMinutes * MINUTE);
    const t0 = Date.now();
    const elapsed = () => Date.now() - t0;
    const fetch = ctx.fetch ?? fetchSource;

    const fail = async (message: string, httpStatus: number | null): Promise<RefreshOutcome> => {
      const backoff = Math.min(source.refreshMinutes, 5 * 2 ** Math.min(source.consecutiveFailures, 8)) * MINUTE;
      await ctx.db.transaction().execute(async (trx) => {
        await insertBlocklistFetch({ db: trx, fetch: { sourceId: source.id, startedAt: started, durationMs: elapsed(), status: 'error', httpStatus, error: message, entries: null, bytes: null, triggeredBy: actorId } });
        await updateBlocklistSourceFetchState({ db: trx, id: source.id, at: started, success: false, error: message, nextFetchAt: new Date(started.getTime() + backoff) });
      });
      ctx.log?.(`source ${source.id} (${source.name}): ${message}`);
      return { status: 'error', error: message };
    };

    let read;
    try {
      read = await readSource(
        { url: source.url, format: source.format, role: source.role, auth: sourceAuth(source, ctx.secret), etag: source.etag, lastModified: source.lastModified, cursor: source.cursor },
        { fetch: (options) => fetch({ ...options, allowPrivate: ctx.allowPrivate }), previous: () => listSourceEntries({ db: ctx.db, sourceId: source.id }) },
      );
    } catch (error) {
      return fail(describeError(error), error instanceof SourceFetchError ? error.httpStatus : null);
    }

    if (read.status === 'not_modified') {
      await ctx.db.transaction().execute(async (trx) => {
        await insertBlocklistFetch({ db: trx, fetch: { sourceId: source.id, startedAt: started, durationMs: elapsed(), status: 'not_modified', httpStatus: 304, error: null, entries: source.entriesCount, bytes: 0, triggeredBy: actorId } });
        await updateBlocklistSourceFetchState({ db: trx, id: source.id, at: started, success: true, nextFetchAt: nextOk, etag: read.etag, lastModified: read.lastModified });
      });
      return { status: 'not_modified', entries: source.entriesCount };
    }

    // A list that suddenly comes back empty is far likelier a broken server than a retraction of everything.
    if (read.entries.length === 0 && source.entriesCount > 0) {
      return fail(`The list came back empty (it had ${source.entriesCount} entries); the previous version is kept.`, null);
    }
    const hash = entriesHash(read.entries);
    const stateUpdate = { etag: read.etag, lastModified: read.lastModified, cursor: read.cursor, entriesCount: read.entries.length, resolvedFormat: read.format, resolvedUrl: read.url };
    if (hash === (await getLatestSnapshotHash({ db: ctx.db, sourceId: source.id }))) {
      await ctx.db.transaction().execute(async (trx) => {
        await insertBlocklistFetch({ db: trx, fetch: { sourceId: source.id, startedAt: started, durationMs: elapsed(), status: 'unchanged', httpStatus: 200, error: null, entries: read.entries.length, bytes: read.bytes, triggeredBy: actorId } });
        await updateBlocklistSourceFetchState({ db: trx, id: source.id, at: started, success: true, nextFetchAt: nextOk, ...stateUpdate });
      });
      return { status: 'unchanged', entries: read.entries.length };
    }

    const previous = keyEntries(await listSourceEntries({ db: ctx.db, sourceId: source.id }));
    const changes = diffEntries(previous, keyEntries(read.entries));
    const count = (k: string) => changes.filter((c) => c.kind === k).length;
    await ctx.db.transaction().execute(async (trx) => {
      const fetchId = await insertBlocklistFetch({
        db: trx,
        fetch: { sourceId: source.id, startedAt: started, durationMs: elapsed(), status: 'ok', httpStatus: 200, error: null, entries: read.entries.length, bytes: read.bytes, added: count('added'), changed: count('changed'), removed: count('removed'), triggeredBy: actorId },
      });
      await storeSnapshot({ db: trx, sourceId: source.id, fetchId, format: read.format, entries: read.entries.length, changes, contentHash: hash, body: read.body ? gzipSync(read.body) : null, at: started });
      await updateBlocklistSourceFetchState({ db: trx, id: source.id, at: started, success: true, nextFetchAt: nextOk, ...stateUpdate });
      await pruneSnapshotBodies({ db: trx, sourceId: source.id });
    });
    return { status: 'ok', entries: read.entries.length, added: count('added'), changed: count('changed'), removed: count('removed') };
  });
  if (!result.locked) return { status: 'busy' };
  if (actorId && result.value.status !== 'not_found') {
    const source = await getBlocklistSource({ db: ctx.db, id: sourceId });
    if (source) await recordEvent({ db: ctx.db, actorId, targetType: 'BlocklistSource', action: 'refresh', targetId: source.id, humanIdentifier: source.name, data: { status: result.value.status } });
  }
  return result.value;
}

// -------------------------------------------------------------------------------------------------
// Merge into the review queue

export interface RunSummary {
  at: string;
  sources: number;
  entries: number;
  domains: number;
  passing: number;
  pending: Record<SuggestionAction, number>;
  inserted: number;
  superseded: number;
  dismissedAgain: number;
  resolvedByDigest: number;
  heldBack: HeldBack[];
  heldBackTotal: number;
  auto: { eligible: number; applied: number; overLimit: boolean; limit: number; skipped: string | null; failed: number };
}

const HELD_BACK_KEPT = 500;

export type RecomputeOutcome = { status: 'busy' } | { status: 'ok'; summary: RunSummary; applied: ApplyOutcome[] };

/**
 * The worker's merge → plan step over the given lists (by source id): every enabled source merged
 * with the settings, compared with Mastodon's blocks and Palisade's provenance, with the impact of
 * each planned change loaded. The worker syncs the queue with `planned`; `palisade blocklist sync
 * --dry-run` shows it, over the lists it has just fetched.
 */
export async function planFromEntries(db: Db, entries: ReadonlyMap<string, readonly SourceEntry[]>) {
  const [settings, sources, excludes, blocks, provenance] = await Promise.all([
    getBlocklistSettings({ db }),
    listBlocklistSources({ db, enabledOnly: true }),
    listBlocklistExcludes({ db }),
    listCurrentBlocks({ db }),
    listBlockProvenance({ db }),
  ]);
  const digestLengths = new Set<number>();
  for (const list of entries.values()) for (const e of list) if (e.obfuscated && e.digest) digestLengths.add(e.input.length);
  const knownDomains = digestLengths.size ? await listKnownDomainsOfLengths({ db, lengths: [...digestLengths] }) : [];
  const mergeSources: MergeSource[] = sources.map((s) => ({ id: s.id, name: s.name, weight: s.weight, maxSeverity: s.maxSeverity, priority: s.priority, role: s.role }));
  const merge = mergeBlocklists({
    sources: mergeSources,
    entries,
    plan: settings.mergePlan,
    threshold: { type: settings.thresholdType, value: settings.thresholdValue },
    excludes,
    knownDomains: [...knownDomains, ...blocks.keys()],
  });
  const planSources = sources.map((s) => ({ id: s.id, name: s.name, autoApply: s.autoApply, autoRetract: s.autoRetract }));
  const base = { merge, blocks, provenance, sources: planSources, preserveRelationships: settings.preserveRelationships };
  // Impact (follows, accounts) is loaded only for the domains a first plan names.
  const draft = planSuggestions(base);
  const impact = await loadDomainImpact({ db, domains: draft.map((s) => s.domain) });
  return { settings, sources, merge, planned: planSuggestions({ ...base, impact }) };
}

/**
 * Merges every enabled source with the settings, compares the result with Mastodon's blocks and
 * Palisade's provenance, and makes the pending queue match. With `auto`, applies what sources
 * marked for automatic application, unless the run exceeds the per-run cap.
 */
export async function recomputeSuggestions(ctx: ExchangeContext, { auto = false }: { auto?: boolean } = {}): Promise<RecomputeOutcome> {
  const now = ctx.now ?? (() => new Date());
  const result = await withAdvisoryLock({ db: ctx.db, kind: ctx.kind, key: 'recompute' }, async () => {
    const db = ctx.db;
    const entries = await listEnabledSourceEntries({ db });
    const { settings, sources, merge, planned } = await planFromEntries(db, entries);
    const at = now();
    const blockSources = sources.filter((s) => s.role === 'block').length;
    const sync = await db.transaction().execute((trx) => syncPendingSuggestions({ db: trx, planned, totalSources: blockSources, at }));

    const pendingCounts: Record<SuggestionAction, number> = { add: 0, escalate: 0, downgrade: 0, retract: 0 };
    for (const p of sync.pending) pendingCounts[p.action] += 1;
    const summary: RunSummary = {
      at: at.toISOString(),
      sources: sources.length,
      entries: [...entries.values()].reduce((n, l) => n + l.length, 0),
      domains: merge.domains.length,
      passing: merge.domains.filter((d) => d.passes).length,
      pending: pendingCounts,
      inserted: sync.inserted,
      superseded: sync.superseded,
      dismissedAgain: sync.dismissed,
      resolvedByDigest: merge.resolved.length,
      heldBack: merge.heldBack.slice(0, HELD_BACK_KEPT),
      heldBackTotal: merge.heldBack.length,
      auto: { eligible: 0, applied: 0, overLimit: false, limit: settings.maxChangesPerRun, skipped: null, failed: 0 },
    };

    let applied: ApplyOutcome[] = [];
    if (auto) {
      const run = selectAutoApply(sync.pending, settings.maxChangesPerRun);
      summary.auto.eligible = run.eligible;
      summary.auto.overLimit = run.overLimit;
      if (run.apply.length > 0) {
        const outcome = await applyAutomatically(ctx, run.apply.map((s) => s.domain), sources);
        applied = outcome.applied;
        summary.auto.skipped = outcome.skipped;
        summary.auto.applied = applied.filter((a) => a.status === 'applied').length;
        summary.auto.failed = applied.filter((a) => a.status !== 'applied').length;
      }
    }
    await recordBlocklistRun({ db, summary: summary as unknown as Record<string, unknown>, at });
    return { summary, applied };
  });
  if (!result.locked) return { status: 'busy' };
  return { status: 'ok', ...result.value };
}

/**
 * The actor automatic changes are made as. Standalone: the moderator who switched automation on
 * for the source, re-checked now (still staff, still allowed to manage federation). Connected:
 * the operator's automation token, if one is configured; Mastodon attributes the changes to it.
 */
async function automationActor(ctx: ExchangeContext, accountId: string | null): Promise<WriteActor | null> {
  if (ctx.writePath?.mode === 'api') {
    if (!ctx.automationToken) return null;
    return { accountId: accountId ?? '0', username: 'palisade-automation', permissions: flag('manage_federation'), rolePosition: 0, accessToken: ctx.automationToken };
  }
  if (!accountId) return null;
  const candidate = await findLoginCandidateByAccountId({ db: ctx.db, accountId });
  if (!candidate || refusalFor(candidate, 'mastodon')) return null;
  const permissions = permissionsOf(candidate);
  if (!can(permissions, 'manage_federation')) return null;
  return { accountId: candidate.accountId, username: candidate.username, permissions, rolePosition: 0, accessToken: null };
}

async function applyAutomatically(ctx: ExchangeContext, domains: string[], sources: BlocklistSourceRow[]): Promise<{ applied: ApplyOutcome[]; skipped: string | null }> {
  if (!ctx.writePath) return { applied: [], skipped: 'no_write_path' };
  const suggestions = await listPendingSuggestionsForDomains({ db: ctx.db, domains });
  // Group by whose automation it is: the source that asked for it (first in priority order).
  const bySource = new Map(sources.map((s) => [s.id, s]));
  const groups = new Map<string | null, string[]>();
  for (const s of suggestions) {
    const owner =
      s.action === 'retract'
        ? s.retractedBy.map((id) => bySource.get(id)).find((src) => src?.autoRetract)
        : s.backing.map((b) => bySource.get(b.sourceId)).find((src) => src?.autoApply);
    const key = owner?.autoApplyAccountId ?? null;
    groups.set(key, [...(groups.get(key) ?? []), s.id]);
  }
  const applied: ApplyOutcome[] = [];
  let skipped: string | null = null;
  for (const [accountId, ids] of groups) {
    const actor = await automationActor(ctx, accountId);
    if (!actor) {
      skipped = ctx.writePath.mode === 'api' ? 'no_automation_token' : 'automation_actor_unavailable';
      continue;
    }
    applied.push(...(await applySuggestions({ db: ctx.db, writePath: ctx.writePath, now: ctx.now }, { ids, actor, overrides: [], mode: 'auto' })));
  }
  return { applied, skipped };
}

/** One pass of the worker: fetch what is due, then merge if anything changed. */
export async function runDueSources(ctx: ExchangeContext): Promise<{ fetched: number; changed: number; recomputed: boolean }> {
  const now = ctx.now ?? (() => new Date());
  const due = await listDueBlocklistSources({ db: ctx.db, now: now() });
  let changed = 0;
  for (const id of due) {
    const outcome = await refreshSource(ctx, id, { onlyIfDue: true });
    if (outcome.status === 'ok') changed += 1;
  }
  let recomputed = false;
  if (changed > 0) {
    const r = await recomputeSuggestions(ctx, { auto: true });
    recomputed = r.status === 'ok';
  }
  return { fetched: due.length, changed, recomputed };
}

