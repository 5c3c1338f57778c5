import type { DbHandle } from '@/db/client';
import { detectMastodonVersion } from '@/db/mastodon/version';
import { listAppliedMigrations } from '@/db/migrate';
import { migrations } from '@/db/migrations';
import { prepareDatabase } from '@/db/prepare';
import { listBlocklistSources, listEnabledSourceEntries, listSourceEntries, type BlocklistSourceRow } from '@/db/queries/blocklist-sources';
import { listSuggestionFingerprints } from '@/db/queries/cli-sync';
import { authSecret } from '@/lib/auth/secret';
import type { PlannedSuggestion, SuggestionAction } from '@/lib/blocklist/merge-suggestions';
import type { SourceEntry } from '@/lib/blocklist/sources';
import { fetchSource, SourceFetchError } from '@/lib/blocklist/sources-fetch';
import { readSource, SourceReadError } from '@/lib/blocklist/sources-read';
import { planFromEntries, recomputeSuggestions, refreshSource, sourceAuth, type ExchangeContext, type RefreshOutcome, type RunSummary } from '@/lib/blocklist/sources-sync';
import { writePathFor } from '../actor';
import { flag, listOption, type CommandSpec, type ParsedArgs } from '../args';
import type { Command } from '../command';
import { formatCount, note, printJson, progress, type CliContext } from '../context';
import { CliError } from '../errors';
import { databaseLabel } from './migrate';

const spec: CommandSpec = {
  name: 'blocklist sync',
  synopsis: '[--source NAME]... [--dry-run] [--json]',
  summary:
    'Runs the subscription worker once, now: fetches every enabled source (or the ones named) the way the background worker does — conditional requests, ' +
    'locks against other Palisade processes, a snapshot and change log per fetch — then merges them into the review queue and applies what sources marked for ' +
    'automatic application (within the per-run cap). Prints what changed.',
  positionals: { name: '', min: 0, max: 0 },
  options: [
    { name: 'source', type: 'list', value: 'NAME', help: 'only this source (its name or id; repeatable)' },
    { name: 'dry-run', type: 'boolean', help: 'fetch and merge in memory, show the suggestions it would create; store and apply nothing' },
  ],
  notes: [
    'Automatic changes are made as the moderator who enabled automation on the source (standalone) or with PALISADE_AUTOMATION_TOKEN (connected mode).',
    'Exit status: 0 every source fetched (or unchanged), 1 a source could not be fetched or read, 2 bad usage.',
  ],
};

function secretOf(ctx: CliContext): string {
  return ctx.env.AUTH_SECRET ?? ctx.env.NEXTAUTH_SECRET ?? authSecret();
}

function exchangeContext(ctx: CliContext, handle: DbHandle): ExchangeContext {
  return {
    db: handle.db,
    kind: handle.kind,
    secret: secretOf(ctx),
    allowPrivate: ctx.env.PALISADE_BLOCKLIST_ALLOW_PRIVATE,
    now: ctx.now,
    writePath: writePathFor(ctx, handle.db),
    automationToken: ctx.env.PALISADE_AUTOMATION_TOKEN ?? null,
    log: (line) => note(ctx, line),
  };
}

/** The sources to run: every enabled one, or those named (by name, case-insensitively, or id). */
async function chooseSources(handle: DbHandle, names: string[]): Promise<BlocklistSourceRow[]> {
  const all = await listBlocklistSources({ db: handle.db });
  if (names.length === 0) return all.filter((s) => s.enabled);
  return names.map((name) => {
    const hit = all.find((s) => s.id === name) ?? all.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!hit) throw new CliError(`no blocklist source named "${name}"${all.length ? ` (sources: ${all.map((s) => s.name).join(', ')})` : ' (none is configured: add one on the Blocklists page)'}`, 'not_found');
    if (!hit.enabled) throw new CliError(`the source "${hit.name}" is disabled; enable it on the Blocklists page first`, 'disabled');
    return hit;
  });
}

function outcomeLine(source: BlocklistSourceRow, o: RefreshOutcome): string {
  switch (o.status) {
    case 'ok':
      return `${source.name}: ${formatCount(o.entries)} entries, ${o.added} added, ${o.changed} changed, ${o.removed} removed`;
    case 'unchanged':
      return `${source.name}: unchanged (${formatCount(o.entries)} entries)`;
    case 'not_modified':
      return `${source.name}: not modified since the last fetch (${formatCount(o.entries)} entries)`;
    case 'busy':
      return `${source.name}: another Palisade process is fetching it right now; skipped`;
    case 'not_found':
      return `${source.name}: removed meanwhile`;
    case 'error':
      return `${source.name}: FAILED: ${o.error}`;
  }
}

function pendingLine(summary: RunSummary): string {
  const p = summary.pending;
  return `Review queue: ${p.add} to add, ${p.escalate} to escalate, ${p.downgrade} to downgrade, ${p.retract} to retract (${summary.inserted} new, ${summary.superseded} replaced, ${summary.dismissedAgain} still dismissed).`;
}

async function runSync(ctx: CliContext, handle: DbHandle, sources: BlocklistSourceRow[], json: boolean): Promise<number> {
  const ex = exchangeContext(ctx, handle);
  const bar = progress(ctx);
  const results: Array<{ source: BlocklistSourceRow; outcome: RefreshOutcome }> = [];
  try {
    for (const [i, source] of sources.entries()) {
      bar.update(`fetching ${i + 1}/${sources.length}: ${source.name}`);
      results.push({ source, outcome: await refreshSource(ex, source.id) });
    }
  } finally {
    bar.done();
  }
  const recomputed = await recomputeSuggestions(ex, { auto: true });
  const failed = results.filter((r) => r.outcome.status === 'error');
  if (json) {
    printJson(ctx, {
      ok: failed.length === 0,
      command: 'blocklist sync',
      dryRun: false,
      database: databaseLabel(handle, ctx),
      sources: results.map((r) => ({ id: r.source.id, name: r.source.name, ...r.outcome })),
      review: recomputed.status === 'ok' ? { ...recomputed.summary, applied: recomputed.applied } : { busy: true },
    });
    return failed.length ? 1 : 0;
  }
  const lines = results.map((r) => outcomeLine(r.source, r.outcome));
  if (recomputed.status === 'busy') lines.push('Review queue: another Palisade process is merging right now; it will include these fetches.');
  else {
    const s = recomputed.summary;
    lines.push(`Merged ${s.sources} sources (${formatCount(s.entries)} entries): ${formatCount(s.passing)} domains pass the threshold.`);
    lines.push(pendingLine(s));
    if (s.auto.eligible || s.auto.skipped) {
      lines.push(
        s.auto.overLimit
          ? `Automatic application: ${s.auto.eligible} eligible changes exceed the per-run cap of ${s.auto.limit}; none applied, a moderator decides.`
          : `Automatic application: ${s.auto.applied} applied, ${s.auto.failed} failed${s.auto.skipped ? ` (skipped: ${s.auto.skipped})` : ''}.`,
      );
    }
    for (const a of recomputed.applied) lines.push(`  ${a.status} ${a.action} ${a.domain}${a.reason ? ` (${a.reason})` : ''}`);
  }
  ctx.io.out(`${lines.join('\n')}\n`);
  if (failed.length) ctx.io.err(`palisade blocklist sync: ${failed.length} source${failed.length === 1 ? '' : 's'} could not be fetched: ${failed.map((f) => f.source.name).join(', ')}\n`);
  return failed.length ? 1 : 0;
}

interface DryFetch {
  source: BlocklistSourceRow;
  status: 'fetched' | 'not_modified' | 'error';
  entries: number;
  error: string | null;
}

/**
 * The dry run: the same reads as the worker (readSource), then the worker's merge and plan
 * (planFromEntries), held in memory. Fetched lists replace the stored ones for the merge; nothing
 * is stored, no suggestion is written, nothing is applied.
 */
async function dryRun(ctx: CliContext, handle: DbHandle, sources: BlocklistSourceRow[], json: boolean): Promise<number> {
  const db = handle.db;
  const secret = secretOf(ctx);
  const entries = await listEnabledSourceEntries({ db });
  const fetches: DryFetch[] = [];
  const bar = progress(ctx);
  try {
    for (const [i, source] of sources.entries()) {
      bar.update(`fetching ${i + 1}/${sources.length}: ${source.name}`);
      try {
        const read = await readSource(
          { url: source.url, format: source.format, role: source.role, auth: sourceAuth(source, secret), etag: source.etag, lastModified: source.lastModified, cursor: source.cursor },
          { fetch: (options) => fetchSource({ ...options, allowPrivate: ctx.env.PALISADE_BLOCKLIST_ALLOW_PRIVATE }), previous: () => listSourceEntries({ db, sourceId: source.id }) },
        );
        if (read.status === 'not_modified') fetches.push({ source, status: 'not_modified', entries: source.entriesCount, error: null });
        else {
          entries.set(source.id, read.entries as SourceEntry[]);
          fetches.push({ source, status: 'fetched', entries: read.entries.length, error: null });
        }
      } catch (error) {
        if (!(error instanceof SourceFetchError || error instanceof SourceReadError)) throw error;
        fetches.push({ source, status: 'error', entries: 0, error: error.message });
      }
    }
  } finally {
    bar.done();
  }

  // The worker's own step, over the lists just fetched instead of the stored ones.
  const [{ planned }, known] = await Promise.all([planFromEntries(db, entries), listSuggestionFingerprints({ db })]);
  const isNew = (p: PlannedSuggestion) => !known.dismissed.has(`${p.domain}\n${p.fingerprint}`) && known.pending.get(p.domain) !== p.fingerprint;
  const created = planned.filter(isNew);
  const counts: Record<SuggestionAction, number> = { add: 0, escalate: 0, downgrade: 0, retract: 0 };
  for (const p of created) counts[p.action] += 1;
  const failed = fetches.filter((f) => f.status === 'error');

  if (json) {
    printJson(ctx, {
      ok: failed.length === 0,
      command: 'blocklist sync',
      dryRun: true,
      database: databaseLabel(handle, ctx),
      sources: fetches.map((f) => ({ id: f.source.id, name: f.source.name, status: f.status, entries: f.entries, error: f.error })),
      wouldCreate: created.map((p) => ({ domain: p.domain, action: p.action, reason: p.reason, severity: p.policy?.severity ?? null, heldSeverity: p.heldPolicy?.severity ?? null, count: p.count, percent: Math.round(p.percent * 100) / 100, sources: p.backing.map((b) => b.sourceName), autoEligible: p.auto.eligible })),
      unchangedPending: planned.length - created.length,
    });
    return failed.length ? 1 : 0;
  }
  const lines = fetches.map((f) => (f.status === 'error' ? `${f.source.name}: FAILED: ${f.error}` : f.status === 'not_modified' ? `${f.source.name}: not modified since the last fetch` : `${f.source.name}: ${formatCount(f.entries)} entries fetched`));
  lines.push(`Dry run: would create ${created.length} suggestion${created.length === 1 ? '' : 's'} (${counts.add} add, ${counts.escalate} escalate, ${counts.downgrade} downgrade, ${counts.retract} retract); nothing was stored.`);
  for (const p of created.slice(0, 200)) {
    const policy = p.policy ? `${p.heldPolicy ? `${p.heldPolicy.severity} (sources: ${p.policy.severity}, held for local follows)` : p.policy.severity}` : 'lift the block';
    lines.push(`  ${p.action.padEnd(9)} ${p.domain}  ${policy}  — ${p.count} source${p.count === 1 ? '' : 's'}${p.auto.eligible ? ', would apply automatically' : ''}`);
  }
  if (created.length > 200) lines.push(`  … and ${created.length - 200} more (--json lists them all)`);
  ctx.io.out(`${lines.join('\n')}\n`);
  if (failed.length) ctx.io.err(`palisade blocklist sync: ${failed.length} source${failed.length === 1 ? '' : 's'} could not be fetched: ${failed.map((f) => f.source.name).join(', ')}\n`);
  return failed.length ? 1 : 0;
}

async function run(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const handle = await ctx.openDatabase({ mustExist: flag(args, 'dry-run') });
  try {
    if (flag(args, 'dry-run')) {
      // A dry run changes nothing, Palisade's own schema included.
      await detectMastodonVersion({ db: handle.db });
      const applied = await listAppliedMigrations({ db: handle.db });
      if (Object.keys(migrations).some((m) => !applied.includes(m))) throw new CliError('Palisade’s migrations are pending and a dry run applies none: run palisade migrate first', 'migrations_pending');
    } else {
      await prepareDatabase({ handle, seedDemo: false, migrate: handle.kind === 'pglite' || ctx.env.PALISADE_AUTO_MIGRATE });
    }
    const sources = await chooseSources(handle, listOption(args, 'source'));
    if (sources.length === 0) {
      if (flag(args, 'json')) printJson(ctx, { ok: true, command: 'blocklist sync', dryRun: flag(args, 'dry-run'), sources: [] });
      else ctx.io.out('No enabled blocklist source: add one on the Blocklists page.\n');
      return 0;
    }
    return flag(args, 'dry-run') ? await dryRun(ctx, handle, sources, flag(args, 'json')) : await runSync(ctx, handle, sources, flag(args, 'json'));
  } finally {
    await handle.close().catch(() => {});
  }
}

export const blocklistSync: Command = { spec, run };
