import { helpText, parseArgs, UsageError, usageLine, type CommandSpec } from './args';
import type { Command } from './command';
import { processContext, type CliContext } from './context';
import { describeError } from './errors';

/**
 * `palisade <command>`: the console's second front door, for shells and cron. Exit status 0 on
 * success, 1 on failure, 2 on bad usage; errors are one line on standard error (and, with
 * `--json`, an `{ "ok": false, "error": … }` object on standard output).
 */
export const VERSION = '0.1.0';

interface Entry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

/** Loaded on demand: `doctor` never pays for the blocklist code, nor `merge` for the database's. */
const COMMANDS: Entry[] = [
  { name: 'blocklist merge', summary: 'merge blocklists by consensus and print the result (no database needed)', load: async () => (await import('./commands/blocklist-merge')).blocklistMerge },
  { name: 'blocklist import', summary: 'import a blocklist through the write path, with the console’s review rules', load: async () => (await import('./commands/blocklist-import')).blocklistImport },
  { name: 'blocklist export', summary: 'print this instance’s blocklist as the publishing endpoints serve it', load: async () => (await import('./commands/blocklist-export')).blocklistExport },
  { name: 'blocklist sync', summary: 'run the subscription worker once and print what changed', load: async () => (await import('./commands/blocklist-sync')).blocklistSync },
  { name: 'doctor', summary: 'check the database, Mastodon’s schema, migrations, privileges, replica lag and indexes', load: async () => (await import('./commands/doctor')).doctor },
  { name: 'migrate', summary: 'apply Palisade’s migrations (schema palisade only)', load: async () => (await import('./commands/migrate')).migrate },
  { name: 'seed', summary: 'seed the embedded database or a throwaway PostgreSQL with the demo instance', load: async () => (await import('./commands/seed')).seed },
];

export function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'Usage: palisade <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Every command takes --help and --json. Database commands read DATABASE_URL (and DATABASE_REPLICA_URL) like the',
    'server; without it they use the embedded database (PALISADE_PGLITE_DIR, default .palisade/pglite).',
    'Exit status: 0 success, 1 failure, 2 bad usage.',
    '',
  ].join('\n');
}

function findCommand(argv: readonly string[]): { entry: Entry; rest: string[] } | null {
  for (const entry of COMMANDS) {
    const words = entry.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { entry, rest: argv.slice(words.length) };
  }
  return null;
}

function usageFailure(ctx: CliContext, json: boolean, message: string, spec: CommandSpec | null, commandName: string | null): number {
  const prefix = commandName ? `palisade ${commandName}` : 'palisade';
  ctx.io.err(`${prefix}: ${message}\n${spec ? usageLine(spec) : 'Usage: palisade <command> [options]   (palisade --help lists the commands)'}\n`);
  if (json) ctx.io.out(`${JSON.stringify({ ok: false, command: commandName, error: { code: 'usage', message } })}\n`);
  return 2;
}

export async function main(argv: readonly string[], ctx?: CliContext): Promise<number> {
  const json = argv.includes('--json');
  let context: CliContext;
  try {
    context = ctx ?? processContext();
  } catch (error) {
    // An invalid environment (a malformed DATABASE_URL): nothing can run.
    const { message } = describeError(error);
    process.stderr.write(`palisade: ${message}\n`);
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, command: null, error: { code: 'environment', message } })}\n`);
    return 1;
  }

  if (argv.length === 0) return usageFailure(context, json, 'no command given', null, null);
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    const target = argv[0] === 'help' ? findCommand(argv.slice(1)) : null;
    context.io.out(target ? helpText((await target.entry.load()).spec) : overview());
    return 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    context.io.out(`palisade ${VERSION}\n`);
    return 0;
  }

  const found = findCommand(argv);
  if (!found) {
    const known = argv[0] === 'blocklist' ? `unknown blocklist command "${argv[1] ?? ''}" (merge, import, export, sync)` : `unknown command "${argv[0]}"`;
    return usageFailure(context, json, known, null, null);
  }
  const command = await found.entry.load();
  try {
    const args = parseArgs(command.spec, found.rest);
    if (args.options.help) {
      context.io.out(helpText(command.spec));
      return 0;
    }
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(context, json, error.message, error.command ?? command.spec, command.spec.name);
    const described = describeError(error);
    context.io.err(`palisade ${command.spec.name}: ${described.message}\n`);
    if (context.vars.PALISADE_DEBUG && error instanceof Error && error.stack) context.io.err(`${error.stack}\n`);
    if (json) context.io.out(`${JSON.stringify({ ok: false, command: command.spec.name, error: described })}\n`);
    return 1;
  }
}
