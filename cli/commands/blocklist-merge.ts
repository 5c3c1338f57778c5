import { writeExport, type ExportFormat } from '@/lib/blocklist/export';
import { DomainTable } from '@/lib/blocklist/domain-table';
import { BLOCKLIST_FORMATS, type BlocklistFormat } from '@/lib/blocklist/limits';
import { isMergeableRow, MergeAccumulator, mergeAudit, mergedBlocks, type MergePlan, type MergeResult, type MergeSource, type MergeThreshold } from '@/lib/blocklist/merge';
import { flag, listOption, stringOption, UsageError, type CommandSpec, type ParsedArgs } from '../args';
import { inputName, readBlocklistInput } from '../blocklist-input';
import { formatCount, note, printJson, writeFileAtomic, type CliContext } from '../context';
import type { Command } from '../command';

/** The CLI's format names → the export writers'. */
export const OUTPUT_FORMATS: Record<string, ExportFormat> = {
  mastodon: 'mastodon_csv',
  fediblockhole: 'fediblockhole_csv',
  txt: 'plain_text',
  json: 'mastodon_public_json',
};

/**
 * Merging is not importing: a single list may be far longer than Mastodon's 20 000-row import
 * limit (aggregated lists are), so the merge accepts up to 10× that per input.
 */
export const MERGE_MAX_ROWS = 200_000;
export const MERGE_MAX_BYTES = 64 * 1024 * 1024;

const spec: CommandSpec = {
  name: 'blocklist merge',
  synopsis: 'FILE_OR_URL... [--plan max|min] [--threshold N|N%] [--allow FILE_OR_URL]... [--format mastodon|fediblockhole|txt|json] [--out FILE] [--audit] [--json]',
  summary:
    'Merges blocklists by consensus exactly as the console does (same code) and prints the merged list. ' +
    'Inputs are files, - for standard input, file:// or http(s):// URLs, in any format Palisade reads (Mastodon or FediBlockHole CSV, plain text, Mastodon JSON).',
  positionals: { name: 'FILE_OR_URL', min: 1, max: Infinity },
  options: [
    { name: 'plan', type: 'string', choices: ['max', 'min'], value: 'max|min', help: 'max (default): strictest severity, flags ORed; min: mildest, flags ANDed' },
    { name: 'threshold', type: 'string', value: 'N|N%', help: 'keep a domain listed by at least N inputs, or N% of them (default 0: all)' },
    { name: 'allow', type: 'list', value: 'FILE_OR_URL', help: 'allowlist: its domains and their subdomains are never in the result (repeatable)' },
    { name: 'format', type: 'string', choices: Object.keys(OUTPUT_FORMATS), value: 'mastodon|fediblockhole|txt|json', help: 'mastodon (default: Mastodon’s #-header CSV), fediblockhole, txt (suspensions only), json (Mastodon’s public API shape)' },
    { name: 'input-format', type: 'string', choices: ['auto', ...BLOCKLIST_FORMATS], value: 'FORMAT', help: `read every input as this format (default auto: detected; ${BLOCKLIST_FORMATS.join(', ')})` },
    { name: 'out', type: 'string', value: 'FILE', help: 'write the list to FILE (atomically) instead of standard output' },
    { name: 'audit', type: 'boolean', help: 'print the per-domain domain,count,percent table (FediBlockHole’s audit file) on standard output; the list goes to --out' },
  ],
  notes: [
    'With equal trust, --plan and a % threshold give the domains FediBlockHole gives for the same inputs. Deliberate differences (see README): a list naming a parent domain also backs its subdomains; allowlists cover subdomains; canary rows and obfuscated names (a**.example) are never merged as literal domains and are reported instead; an obfuscated name is counted only when its digest matches a real domain in another input.',
    'Exit status: 0 merged, 1 an input could not be read or parsed (nothing is written), 2 bad usage.',
  ],
};

export function parseThreshold(raw: string | undefined): MergeThreshold {
  if (raw === undefined) return { type: 'count', value: 0 };
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(raw.trim());
  if (percent) {
    const value = Number(percent[1]);
    if (value > 100) throw new UsageError(`--threshold ${raw}: a percentage is at most 100%`, spec);
    return { type: 'percent', value };
  }
  if (/^\d+$/.test(raw.trim())) return { type: 'count', value: Number(raw) };
  throw new UsageError(`--threshold must be a whole number of lists (3) or a percentage (50%); got "${raw}"`, spec);
}

export interface InputSummary {
  input: string;
  name: string;
  role: 'block' | 'allow';
  format: BlocklistFormat;
  rows: number;
  used: number;
  invalid: number;
  duplicates: number;
  obfuscated: number;
  canaries: number;
}

export interface MergeRun {
  result: MergeResult;
  inputs: InputSummary[];
}

/**
 * Reads every input (one after another) and merges it as it streams in: each row goes straight
 * into the merge, which keeps one slot per domain and list, never the rows themselves.
 */
export async function runMerge(
  ctx: CliContext,
  options: {
    inputs: string[];
    allow: string[];
    plan: MergePlan;
    threshold: MergeThreshold;
    inputFormat: BlocklistFormat | 'auto';
    /** Match held-back obfuscated names against every name read (only for output that shows them). */
    candidates?: boolean;
  },
): Promise<MergeRun> {
  const inputs: InputSummary[] = [];
  const all = [...options.inputs.map((input) => ({ input, role: 'block' as const })), ...options.allow.map((input) => ({ input, role: 'allow' as const }))];
  const sources: MergeSource[] = all.map(({ input, role }, i) => ({ id: String(i), name: inputName(input), role }));
  // One numbering of domains for the parser and the merge: each row's domain is looked up once.
  const domains = new DomainTable();
  const merge = new MergeAccumulator({ sources, plan: options.plan, threshold: options.threshold, domains });
  for (const [i, { input, role }] of all.entries()) {
    const summary = { rows: 0, used: 0, invalid: 0, duplicates: 0, obfuscated: 0, canaries: 0 };
    const id = String(i);
    const parsed = await readBlocklistInput(input, ctx, {
      format: options.inputFormat,
      maxRows: MERGE_MAX_ROWS,
      maxBytes: MERGE_MAX_BYTES,
      digests: false,
      domains,
      // Rows are counted and merged as they arrive, never kept.
      reuseRows: true,
      label: `${i + 1}/${all.length} ${inputName(input)}`,
      onRow: (row) => {
        summary.rows += 1;
        if (row.invalid) summary.invalid += 1;
        else if (row.duplicateOfLine !== null) summary.duplicates += 1;
        if (row.obfuscated) summary.obfuscated += 1;
        if (row.canary) summary.canaries += 1;
        if (isMergeableRow(row)) {
          summary.used += 1;
          // A row has every field an entry has (MergeEntry's names are BlocklistRow's); the merge reads `input` and `digest` only for obfuscated rows.
          merge.add(id, row);
        }
      },
    });
    inputs.push({ input, name: inputName(input), role, format: parsed.format, ...summary });
  }
  // Per-source support records are built only for what is printed (--json's passing domains).
  return { result: merge.finish({ lazy: true, candidates: options.candidates ?? true }), inputs };
}

function auditCsv(result: MergeResult): string {
  const lines = ['domain,count,percent'];
  for (const a of mergeAudit(result)) lines.push(`${a.domain},${a.count},${a.percent}`);
  return `${lines.join('\n')}\n`;
}

async function run(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const plan = (stringOption(args, 'plan') ?? 'max') as MergePlan;
  const threshold = parseThreshold(stringOption(args, 'threshold'));
  const format = OUTPUT_FORMATS[stringOption(args, 'format') ?? 'mastodon']!;
  const out = stringOption(args, 'out');
  const audit = flag(args, 'audit');
  const json = flag(args, 'json');

  const { result, inputs } = await runMerge(ctx, {
    inputs: args.positionals,
    allow: listOption(args, 'allow'),
    plan,
    threshold,
    inputFormat: (stringOption(args, 'input-format') ?? 'auto') as BlocklistFormat | 'auto',
    // Held-back names and their candidates are shown in JSON and on a terminal only.
    candidates: json || ctx.io.interactive,
  });
  const blocks = mergedBlocks(result);
  // A bare domain means "suspend" to every reader of plain lists (as on the publishing endpoint).
  const body = writeExport(format, format === 'plain_text' ? blocks.filter((b) => b.severity === 'suspend') : blocks).body;
  if (out) writeFileAtomic(out, body);

  const passing = result.domains.filter((d) => d.passes);
  if (json) {
    printJson(ctx, {
      ok: true,
      command: 'blocklist merge',
      plan,
      threshold,
      format: stringOption(args, 'format') ?? 'mastodon',
      out: out ?? null,
      inputs,
      summary: {
        lists: result.blockSources,
        domains: result.domains.length,
        passing: passing.length,
        coveredByParent: passing.filter((d) => d.coveredBy).length,
        excluded: result.domains.filter((d) => d.excludedBy).length,
        heldBack: result.heldBack.length,
        resolvedObfuscated: result.resolved.length,
      },
      blocks: blocks.map((b) => {
        const d = result.byDomain.get(b.domain)!;
        return { ...b, count: d.count, percent: Math.round(d.percent * 100) / 100, sources: d.backing.map((s) => s.sourceName), coveredBy: d.coveredBy };
      }),
      ...(audit ? { audit: mergeAudit(result) } : {}),
      heldBack: result.heldBack.map((h) => ({ input: h.sourceName, name: h.name, kind: h.kind, reason: h.reason, candidates: h.candidates })),
      resolved: result.resolved.map((r) => ({ input: inputs[Number(r.sourceId)]?.name ?? r.sourceId, pattern: r.pattern, domain: r.domain })),
    });
  } else if (audit) {
    ctx.io.out(auditCsv(result));
  } else if (!out) {
    ctx.io.out(body);
  }

  const t = threshold.value === 0 ? 'no threshold' : threshold.type === 'percent' ? `threshold ${threshold.value}%` : `threshold ${threshold.value}`;
  note(ctx, `Merged ${result.blockSources} list${result.blockSources === 1 ? '' : 's'} (${formatCount(inputs.filter((i) => i.role === 'block').reduce((n, i) => n + i.rows, 0))} rows), plan ${plan}, ${t}: ${formatCount(result.domains.length)} domains, ${formatCount(passing.length)} in the result${out ? ` → ${out}` : ''}.`);
  for (const h of result.heldBack.slice(0, 20)) note(ctx, `  held back from ${h.sourceName}: ${h.name} (${h.kind === 'canary' ? `canary: ${h.reason}` : `obfuscated: ${h.reason}`})`);
  if (result.heldBack.length > 20) note(ctx, `  … and ${result.heldBack.length - 20} more held back (--json lists them all)`);
  return 0;
}

export const blocklistMerge: Command = { spec, run };
