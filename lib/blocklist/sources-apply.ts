import type { Db } from '@/db/client';
import { deleteBlockProvenance, getSuggestionsByIds, insertDismissal, listBlockProvenance, markSuggestionDecided, noteSuggestionOutcome, upsertBlockProvenance, type SuggestionRow } from '@/db/queries/blocklist-suggestions';
import { findDomainBlocks } from '@/db/queries/domain-blocks';
import { recordEvent } from '@/db/queries/events';
import { assertCan } from '@/lib/write-path/guard';
import type { ImportOperation, ImportRowOutcome } from '@/lib/write-path/federation/types';
import { WritePathError, type WriteActor, type WritePath } from '@/lib/write-path/types';
import type { Severity } from './severity';

/**
 * Applying and dismissing suggestions. Blocks are written only through the domain-block write
 * path (Admin API in connected mode; BlockDomainService's rows and audit entries in standalone
 * mode), in one batch: adds, escalations and downgrades as one import (one transaction in
 * standalone mode), retractions one removal each. Palisade's own bookkeeping (provenance, the
 * suggestion's state, an audit event) follows in a transaction of its own.
 *
 * If that bookkeeping were lost after a block was written, the block would have no provenance and
 * would count as hand-made: never downgraded or retracted by a list. That is the safe side.
 */
export interface ApplyContext {
  db: Db;
  writePath: WritePath;
  now?: () => Date;
}

export interface ApplyOutcome {
  id: string;
  domain: string;
  action: SuggestionRow['action'];
  status: 'applied' | 'skipped' | 'failed' | 'stale';
  reason: string | null;
  blockId: string | null;
}

/** Marks blocks Palisade wrote, so a later import of our own list does not count it twice. */
export const PROVENANCE_SOURCE_NAME = 'Palisade blocklist subscriptions';

export function provenanceNote(s: Pick<SuggestionRow, 'backing' | 'backingCount' | 'totalSources'>): string {
  const names = s.backing.map((b) => b.sourceName);
  return `Backed by ${names.join(', ')} (${s.backingCount} of ${s.totalSources} sources)`;
}

export async function applySuggestions(ctx: ApplyContext, { ids, actor, overrides, mode }: { ids: string[]; actor: WriteActor; overrides: readonly string[]; mode: 'manual' | 'auto' }): Promise<ApplyOutcome[]> {
  assertCan(actor, 'manage_federation');
  const now = ctx.now ?? (() => new Date());
  const suggestions = (await getSuggestionsByIds({ db: ctx.db, ids })).filter((s) => s.state === 'pending');
  const override = new Set(overrides);
  const outcomes: ApplyOutcome[] = [];
  const outcome = (s: SuggestionRow, status: ApplyOutcome['status'], reason: string | null, blockId: string | null = null) => outcomes.push({ id: s.id, domain: s.domain, action: s.action, status, reason, blockId });

  // The world may have moved since the suggestion was made: check the blocks it was about.
  const current = new Map((await findDomainBlocks({ db: ctx.db, domains: suggestions.map((s) => s.domain) })).map((b) => [b.domain, b]));
  const provenance = await listBlockProvenance({ db: ctx.db });
  const operations: Array<ImportOperation & { suggestion: SuggestionRow; severity: Severity }> = [];
  const retractions: SuggestionRow[] = [];
  for (const s of suggestions) {
    const block = current.get(s.domain) ?? null;
    if (s.action === 'add') {
      if (block) {
        outcome(s, 'stale', `${s.domain} was blocked meanwhile (${block.severity}); the queue will be updated.`);
        continue;
      }
    } else if (!block || block.id !== s.existingBlockId) {
      outcome(s, 'stale', `The block on ${s.domain} changed or was removed meanwhile; the queue will be updated.`);
      continue;
    }
    if (s.action === 'retract') {
      const p = provenance.get(s.domain);
      if (!p || p.origin !== 'subscription' || p.blockId !== block!.id) {
        outcome(s, 'stale', `${s.domain} is no longer a block the subscriptions created; it is left alone.`);
        continue;
      }
      retractions.push(s);
      continue;
    }
    const severity = (s.heldSeverity && !override.has(s.id) ? s.heldSeverity : s.severity)!;
    if (s.heldIsNoop && !override.has(s.id)) {
      outcome(s, 'skipped', `${s.domain} has local follow relationships: it stays limited unless you choose to suspend anyway.`);
      continue;
    }
    operations.push({
      suggestion: s,
      severity,
      domain: s.domain,
      action: s.action === 'add' ? 'create' : 'update',
      line: operations.length + 1,
      rejectMedia: s.rejectMedia,
      rejectReports: s.rejectReports,
      obfuscate: s.obfuscate,
      publicComment: s.action === 'add' ? s.publicComment : null,
      privateComment: provenanceNote(s),
    });
  }

  if (operations.length) {
    let results: ImportRowOutcome[];
    try {
      results = await ctx.writePath.importDomainBlocks({ actor, operations: operations.map(({ suggestion: _s, ...op }) => op), sourceName: PROVENANCE_SOURCE_NAME });
    } catch (error) {
      const reason = error instanceof WritePathError ? error.detail : 'The blocks could not be written; nothing was changed.';
      if (!(error instanceof WritePathError)) console.error('[palisade] applying blocklist suggestions failed:', (error as Error).message);
      for (const op of operations) outcome(op.suggestion, 'failed', reason);
      results = [];
    }
    const byLine = new Map(results.map((r) => [r.line, r]));
    for (const op of operations) {
      const r = byLine.get(op.line);
      if (!r) continue;
      if (r.status === 'created' || r.status === 'updated') outcome(op.suggestion, 'applied', r.status, r.id);
      else if (r.status === 'skipped' || r.status === 'failed') outcome(op.suggestion, r.status, r.reason);
    }
  }

  for (const s of retractions) {
    try {
      await ctx.writePath.removeDomainBlock({ actor, id: s.existingBlockId! });
      outcome(s, 'applied', 'removed', null);
    } catch (error) {
      outcome(s, 'failed', error instanceof WritePathError ? error.detail : 'The block could not be removed.');
      if (!(error instanceof WritePathError)) console.error('[palisade] blocklist retraction failed:', (error as Error).message);
    }
  }

  const at = now();
  const byId = new Map(suggestions.map((s) => [s.id, s]));
  await ctx.db.transaction().execute(async (trx) => {
    for (const o of outcomes) {
      const s = byId.get(o.id)!;
      if (o.status === 'applied') {
        await markSuggestionDecided({ db: trx, id: s.id, state: 'applied', outcome: o.reason, decidedBy: mode === 'auto' ? null : actor.accountId, appliedBlockId: o.blockId, at });
        if (s.action === 'retract') await deleteBlockProvenance({ db: trx, domain: s.domain });
        else {
          const severity = operations.find((op) => op.suggestion.id === s.id)!.severity;
          await upsertBlockProvenance({
            db: trx,
            values: {
              domain: s.domain,
              blockId: o.blockId!,
              origin: s.action === 'add' && o.reason === 'created' ? 'subscription' : 'manual',
              mode,
              sources: s.backing.map((b) => ({ id: b.sourceId, name: b.sourceName, severity: b.severity })),
              backingCount: s.backingCount,
              totalSources: s.totalSources,
              labels: s.labels,
              severity,
              suggestionId: s.id,
              appliedBy: mode === 'auto' ? null : actor.accountId,
              at,
            },
          });
        }
        await recordEvent({
          db: trx,
          actorId: mode === 'auto' ? null : actor.accountId,
          targetType: 'BlocklistSuggestion',
          action: 'apply',
          targetId: s.id,
          humanIdentifier: s.domain,
          data: { suggestion: s.action, severity: s.action === 'retract' ? null : (operations.find((op) => op.suggestion.id === s.id)?.severity ?? null), automatic: mode === 'auto' },
          at,
        });
      } else {
        // Stays in the queue with the reason; the next merge brings it up to date.
        await noteSuggestionOutcome({ db: trx, id: s.id, outcome: o.reason, at });
      }
    }
  });
  return outcomes;
}

export async function dismissSuggestions(ctx: { db: Db; now?: () => Date }, { ids, actor }: { ids: string[]; actor: WriteActor }): Promise<{ dismissed: string[] }> {
  assertCan(actor, 'manage_federation');
  const at = (ctx.now ?? (() => new Date()))();
  return ctx.db.transaction().execute(async (trx) => {
    const rows = (await getSuggestionsByIds({ db: trx, ids, lock: true })).filter((s) => s.state === 'pending');
    const dismissed: string[] = [];
    for (const s of rows) {
      if (!(await markSuggestionDecided({ db: trx, id: s.id, state: 'dismissed', outcome: null, decidedBy: actor.accountId, at }))) continue;
      await insertDismissal({ db: trx, domain: s.domain, fingerprint: s.fingerprint, action: s.action, accountId: actor.accountId, at });
      await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'BlocklistSuggestion', action: 'dismiss', targetId: s.id, humanIdentifier: s.domain, data: { suggestion: s.action }, at });
      dismissed.push(s.id);
    }
    return { dismissed };
  });
}
