/**
 * A small, strict argument parser: every command declares its options, anything else is a usage
 * error (exit 2) naming the offending argument. `--name value`, `--name=value`, repeatable
 * options, `--` to end options, and `-` as a positional (standard input).
 */
export interface OptionSpec {
  name: string;
  /** `boolean` takes no value; `string` takes one; `list` takes one and may repeat. */
  type: 'boolean' | 'string' | 'list';
  short?: string;
  /** Shown in the help: `--plan max|min`. */
  value?: string;
  choices?: readonly string[];
  help: string;
}

export interface CommandSpec {
  /** As typed: `blocklist merge`. */
  name: string;
  /** The one-line synopsis after `Usage: palisade `. */
  synopsis: string;
  summary: string;
  /** Positional arguments: at least `min`, at most `max` (Infinity for a list). */
  positionals: { name: string; min: number; max: number };
  options: OptionSpec[];
  /** Paragraphs after the option list. */
  notes?: string[];
}

/** Every command accepts these. */
export const COMMON_OPTIONS: OptionSpec[] = [
  { name: 'json', type: 'boolean', help: 'print one JSON object on stdout (for scripts) instead of text' },
  { name: 'help', short: 'h', type: 'boolean', help: 'show this help' },
];

export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: CommandSpec | null = null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export type OptionValue = boolean | string | string[] | undefined;

export interface ParsedArgs {
  options: Record<string, OptionValue>;
  positionals: string[];
}

export function usageLine(spec: CommandSpec): string {
  return `Usage: palisade ${spec.name}${spec.synopsis ? ` ${spec.synopsis}` : ''}`;
}

export function helpText(spec: CommandSpec): string {
  const options = [...spec.options, ...COMMON_OPTIONS];
  const label = (o: OptionSpec) => `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.type === 'boolean' ? '' : ` ${o.value ?? (o.choices ? o.choices.join('|') : 'VALUE')}`}`;
  const width = Math.min(34, Math.max(...options.map((o) => label(o).length)) + 2);
  const lines = [usageLine(spec), '', spec.summary, '', 'Options:'];
  for (const o of options) {
    const l = label(o);
    lines.push(l.length >= width ? `  ${l}\n  ${' '.repeat(width)}${o.help}` : `  ${l.padEnd(width)}${o.help}`);
  }
  for (const note of spec.notes ?? []) lines.push('', note);
  return `${lines.join('\n')}\n`;
}

export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const all = [...spec.options, ...COMMON_OPTIONS];
  const byName = new Map(all.map((o) => [o.name, o]));
  const byShort = new Map(all.filter((o) => o.short).map((o) => [o.short!, o]));
  const options: Record<string, OptionValue> = {};
  const positionals: string[] = [];
  let onlyPositionals = false;

  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    let option: OptionSpec | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
      option = byName.get(name);
    } else {
      name = arg.slice(1);
      option = name.length === 1 ? byShort.get(name) : undefined;
    }
    if (!option) throw new UsageError(`unknown option ${arg.split('=')[0]}`, spec);
    if (option.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${option.name} takes no value`, spec);
      options[option.name] = true;
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i += 1;
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${option.name} needs a value${option.value ? ` (${option.value})` : ''}`, spec);
    if (option.choices && !option.choices.includes(value)) throw new UsageError(`--${option.name} must be one of ${option.choices.join(', ')}; got "${value}"`, spec);
    if (option.type === 'list') options[option.name] = [...((options[option.name] as string[] | undefined) ?? []), value];
    else if (options[option.name] !== undefined) throw new UsageError(`--${option.name} given twice`, spec);
    else options[option.name] = value;
  }

  if (!options.help) {
    const { name, min, max } = spec.positionals;
    if (positionals.length < min) throw new UsageError(max === 0 ? 'missing argument' : `missing ${name}`, spec);
    if (positionals.length > max) throw new UsageError(max === 0 ? `unexpected argument "${positionals[0]}"` : `unexpected argument "${positionals[max]}"`, spec);
  }
  return { options, positionals };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

export function listOption(args: ParsedArgs, name: string): string[] {
  const v = args.options[name];
  return Array.isArray(v) ? v : [];
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options[name] === true;
}
