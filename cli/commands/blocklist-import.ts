import { detectMastodonVersion } from '@/db/mastodon/version';
import { prepareDatabase } from '@/db/prepare';
import { BLOCKLIST_FORMATS, type BlocklistFormat } from '@/lib/blocklist/limits';
import { SEVERITIES, type Severity } from '@/lib/blocklist/severity';
import { applyImportSchema, buildImportReview, type ImportReview, type ImportReviewRow } from '@/lib/domain-block-import';
import type { ImportOperation, ImportRowOutcome } from '@/lib/write-path/federation/types';
import type { WriteActor } from '@/lib/write-path/types';
import { isConnected, resolveActor, writePathFor } from '../actor';
import { flag, stringOption, UsageError, type CommandSpec, type ParsedArgs } from '../args';
import { inputName, readBlocklistInput } from '../blocklist-input';
import type { Command } from '../command';
import { formatCount, note, printJson, progress, type CliContext } from '../context';
import { databaseLabel } from './migrate';

const spec: CommandSpec = {
  name: 'blocklist import',
  synopsis: 'FILE_OR_URL [--dry-run] [--as USERNAME] [--input-format FORMAT] [--default-severity noop|silence|suspend] [--name NAME] [--json]',
  summary:
    'Imports a blocklist the way the console’s import does, with its review applied without asking: the rows the review ticks are applied through the write path ' +
    '(Mastodon’s Admin API in connected mode, the database otherwise), and the rest are skipped and reported — canaries, obfuscated names, invalid and repeated rows, ' +
    'domains already covered, downgrades of existing blocks, and suspensions that would sever local follow relationships (decide those in the console).',
  positionals: { name: 'FILE_OR_URL', min: 1, max: 1 },
  options: [
    { name: 'dry-run', type: 'boolean', help: 'show what would be applied and skipped; change nothing' },
    { name: 'as', type: 'string', value: 'USERNAME', help: 'the staff member who acts (default PALISADE_ACTOR); in connected mode, the owner of PALISADE_ACCESS_TOKEN' },
    { name: 'input-format', type: 'string', choices: ['auto', ...BLOCKLIST_FORMATS], value: 'FORMAT', help: 'read the file as this format (default auto)' },
    { name: 'default-severity', type: 'string', choices: SEVERITIES, value: 'noop|silence|suspend', help: 'severity for rows whose file gives none (default: the format’s own)' },
    { name: 'name', type: 'string', value: 'NAME', help: 'the list’s name in the provenance note "Imported from NAME on DATE" (default: the file name)' },
  ],
  notes: [
    'Like Mastodon’s import: at most 20 000 rows; private comments get "Imported from NAME on DATE"; nothing is ever removed.',
    'Exit status: 0 imported (or nothing to do), 1 the file could not be read or a row failed, 2 bad usage.',
  ],
};

/** Connected mode: rows per progress step (one API call each). */
const API_BATCH = 25;

type SkipReason = 'canary' | 'obfuscated' | 'invalid' | 'duplicate' | 'covered' | 'downgrade' | 'follows';

export interface NotApplied {
  line: number;
  domain: string;
  reason: SkipReason;
  detail: string;
}

function skipOf(row: ImportReviewRow): NotApplied | null {
  const domain = row.domain ?? row.input;
  if (row.selected && row.action !== 'none') return null;
  if (row.canary) return { line: row.line, domain, reason: 'canary', detail: `canary row (${row.canary}): planted to catch blind imports` };
  switch (row.status) {
    case 'invalid':
      return { line: row.line, domain, reason: 'invalid', detail: `${row.invalid?.code ?? 'invalid'}${row.invalid?.detail ? `: ${row.invalid.detail}` : ''}` };
    case 'obfuscated':
      return { line: row.line, domain, reason: 'obfuscated', detail: row.candidates.length ? `obfuscated name; could be ${row.candidates.join(', ')} — never applied as written` : 'obfuscated name; no known domain matches — never applied as written' };
    case 'duplicate':
      return { line: row.line, domain, reason: 'duplicate', detail: `repeats line ${row.duplicateOfLine}` };
    case 'covered':
      return {
        line: row.line,
        domain,
        reason: 'covered',
        detail: row.coveredByLine ? `covered by line ${row.coveredByLine} of this file` : row.existing ? `already blocked${row.viaParent ? ` through ${row.existing.domain}` : ''} (${row.existing.severity})` : 'already covered',
      };
    default:
      break;
  }
  if (row.caution === 'downgrade') return { line: row.line, domain, reason: 'downgrade', detail: `would lower the existing block (${row.existing?.severity} → ${row.severity}); do it in the console if meant` };
  if (row.caution === 'follows') return { line: row.line, domain, reason: 'follows', detail: `a suspension would sever ${row.follows} local follow relationship${row.follows === 1 ? '' : 's'}; confirm it in the console` };
  return { line: row.line, domain, reason: 'covered', detail: 'nothing to change' };
}

function operationOf(row: ImportReviewRow): ImportOperation {
  return {
    line: row.line,
    domain: row.domain!,
    action: row.action as 'create' | 'update',
    severity: row.severity,
    rejectMedia: row.rejectMedia,
    rejectReports: row.rejectReports,
    obfuscate: row.obfuscate,
    publicComment: row.publicComment,
    privateComment: row.privateComment,
  };
}

function countBy<T extends string>(items: readonly { reason?: T; status?: T }[], key: 'reason' | 'status'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = item[key] as string;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

async function apply(ctx: CliContext, review: ImportReview, operations: ImportOperation[], actor: WriteActor, sourceName: string, db: Parameters<typeof writePathFor>[1]): Promise<ImportRowOutcome[]> {
  const writePath = writePathFor(ctx, db);
  // The console's apply endpoint validates the same way.
  const input = applyImportSchema.parse({ sourceName, operations });
  if (writePath.mode === 'database') return writePath.importDomainBlocks({ actor, operations: input.operations, sourceName: input.sourceName });
  const bar = progress(ctx);
  const outcomes: ImportRowOutcome[] = [];
  try {
    for (let i = 0; i < input.operations.length; i += API_BATCH) {
      bar.update(`${review.fileName}: ${i} of ${input.operations.length} rows sent to Mastodon`);
      outcomes.push(...(await writePath.importDomainBlocks({ actor, operations: input.operations.slice(i, i + API_BATCH), sourceName: input.sourceName })));
    }
  } finally {
    bar.done();
  }
  return outcomes;
}

async function run(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const input = args.positionals[0]!;
  const dryRun = flag(args, 'dry-run');
  const sourceName = (stringOption(args, 'name') ?? inputName(input)).replace(/[\u0000-\u001f]/g, '').slice(0, 200) || 'a file';
  const defaultSeverity = stringOption(args, 'default-severity') as Severity | undefined;
  if (!dryRun && !isConnected(ctx) && !stringOption(args, 'as') && !ctx.vars.PALISADE_ACTOR) {
    throw new UsageError('say who acts: --as USERNAME (or PALISADE_ACTOR), a local staff member whose role has manage_federation; Mastodon’s audit log names them', spec);
  }
  const parsed = await readBlocklistInput(input, ctx, { format: (stringOption(args, 'input-format') ?? 'auto') as BlocklistFormat | 'auto', digests: false, ...(defaultSeverity ? { defaultSeverity } : {}) });

  const handle = await ctx.openDatabase({ mustExist: dryRun });
  try {
    // A dry run writes nothing at all, not even Palisade's own migrations.
    if (dryRun) await detectMastodonVersion({ db: handle.db });
    else await prepareDatabase({ handle, seedDemo: false, migrate: handle.kind === 'pglite' || ctx.env.PALISADE_AUTO_MIGRATE });
    // A dry run checks the actor only when one is configured (so that it proves the real run would work).
    const configured = isConnected(ctx) ? Boolean(ctx.vars.PALISADE_ACCESS_TOKEN) : Boolean(stringOption(args, 'as') ?? ctx.vars.PALISADE_ACTOR);
    const actor = dryRun && !configured ? null : await resolveActor(ctx, handle.db, { as: stringOption(args, 'as'), permission: 'manage_federation' });

    const review = await buildImportReview({ db: handle.db, parsed, fileName: sourceName });
    const selected = review.rows.filter((r) => r.selected && r.action !== 'none' && r.domain);
    const notApplied = review.rows.map(skipOf).filter((s): s is NotApplied => s !== null);
    const operations = selected.map(operationOf);
    const mode = isConnected(ctx) ? 'connected' : 'standalone';

    const outcomes = dryRun || operations.length === 0 ? [] : await apply(ctx, review, operations, actor!, sourceName, handle.db);
    const tally = { created: 0, updated: 0, skipped: 0, failed: 0 };
    for (const o of outcomes) tally[o.status] += 1;
    if (tally.failed) ctx.io.err(`palisade blocklist import: ${tally.failed} row${tally.failed === 1 ? '' : 's'} failed: ${outcomes.filter((o) => o.status === 'failed').slice(0, 5).map((o) => o.domain).join(', ')}${tally.failed > 5 ? ', …' : ''}\n`);

    if (flag(args, 'json')) {
      printJson(ctx, {
        ok: tally.failed === 0,
        command: 'blocklist import',
        dryRun,
        mode,
        actor: actor?.username ?? null,
        database: databaseLabel(handle, ctx),
        file: { name: review.fileName, format: review.format, rows: review.rows.length, bytes: review.bytes },
        review: review.summary,
        planned: operations.map((o) => ({ line: o.line, domain: o.domain, action: o.action, severity: o.severity, rejectMedia: o.rejectMedia, rejectReports: o.rejectReports, obfuscate: o.obfuscate })),
        notApplied,
        outcomes,
        totals: dryRun ? null : tally,
      });
      return tally.failed ? 1 : 0;
    }

    const lines: string[] = [];
    const head = `${dryRun ? 'Dry run: import' : 'Import'} of ${review.fileName} (${review.format}, ${formatCount(review.rows.length)} rows) into ${databaseLabel(handle, ctx)}, ${mode} mode${actor ? `, as ${actor.username}` : ''}`;
    lines.push(head);
    if (dryRun) {
      const creates = operations.filter((o) => o.action === 'create').length;
      lines.push(`Would create ${formatCount(creates)} and change ${formatCount(operations.length - creates)} blocks:`);
      for (const o of operations.slice(0, 200)) lines.push(`  ${o.action === 'create' ? 'create' : 'change'}  ${o.domain}  ${o.severity}${o.rejectMedia ? ' +reject_media' : ''}${o.rejectReports ? ' +reject_reports' : ''}`);
      if (operations.length > 200) lines.push(`  … and ${formatCount(operations.length - 200)} more (--json lists them all)`);
    } else {
      for (const o of outcomes.filter((x) => x.status === 'skipped' || x.status === 'failed')) lines.push(`  ${o.status.padEnd(7)} line ${o.line}  ${o.domain}: ${'reason' in o ? o.reason : ''}`);
    }
    if (notApplied.length) {
      lines.push(`Not applied by the review rules (${Object.entries(countBy(notApplied, 'reason')).map(([k, n]) => `${n} ${k}`).join(', ')}):`);
      const shown = notApplied.filter((n) => n.reason !== 'covered' && n.reason !== 'duplicate' && n.reason !== 'invalid').slice(0, 50);
      for (const n of shown) lines.push(`  line ${n.line}  ${n.domain}: ${n.detail}`);
      const hidden = notApplied.length - shown.length;
      if (hidden > 0) lines.push(`  (${formatCount(hidden)} more covered, repeated or invalid rows: --json lists every one)`);
    }
    if (!dryRun) lines.push(`${tally.created} created, ${tally.updated} raised or changed, ${tally.skipped} skipped, ${tally.failed} failed.`);
    else lines.push('Nothing was changed.');
    ctx.io.out(`${lines.join('\n')}\n`);
    if (operations.length === 0) note(ctx, 'Nothing to apply.');
    return tally.failed ? 1 : 0;
  } finally {
    await handle.close().catch(() => {});
  }
}

export const blocklistImport: Command = { spec, run };
