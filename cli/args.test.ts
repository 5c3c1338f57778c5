import { describe, expect, it } from 'vitest';
import { helpText, parseArgs, UsageError, usageLine, type CommandSpec } from './args';
import { overview } from './main';
import { runCli } from './testing';

const spec: CommandSpec = {
  name: 'blocklist demo',
  synopsis: 'FILE... [--plan max|min]',
  summary: 'A command for testing the parser.',
  positionals: { name: 'FILE', min: 1, max: 3 },
  options: [
    { name: 'plan', type: 'string', choices: ['max', 'min'], help: 'plan' },
    { name: 'allow', type: 'list', value: 'FILE', help: 'allowlist' },
    { name: 'dry-run', type: 'boolean', help: 'change nothing' },
  ],
};

describe('parseArgs', () => {
  it('reads values separate or inline, repeated lists, booleans, and -h', () => {
    expect(parseArgs(spec, ['a.csv', '--plan', 'min', '--allow=x.csv', '--allow', 'y.csv', '--dry-run', 'b.csv'])).toEqual({
      options: { plan: 'min', allow: ['x.csv', 'y.csv'], 'dry-run': true },
      positionals: ['a.csv', 'b.csv'],
    });
    expect(parseArgs(spec, ['-h']).options.help).toBe(true);
  });

  it('takes - as a positional (standard input) and everything after -- as positionals', () => {
    expect(parseArgs(spec, ['-', '--', '--plan']).positionals).toEqual(['-', '--plan']);
  });

  it('refuses what it does not know, naming it', () => {
    const cases: Array<[string[], string]> = [
      [['a', '--plans', 'max'], 'unknown option --plans'],
      [['a', '--plan=median'], '--plan must be one of max, min; got "median"'],
      [['a', '--plan'], '--plan needs a value'],
      [['a', '--plan', '--dry-run'], '--plan needs a value'],
      [['a', '--plan', 'max', '--plan', 'min'], '--plan given twice'],
      [['a', '--dry-run=yes'], '--dry-run takes no value'],
      [['a', '-x'], 'unknown option -x'],
      [[], 'missing FILE'],
      [['a', 'b', 'c', 'd'], 'unexpected argument "d"'],
    ];
    for (const [argv, message] of cases) {
      expect(() => parseArgs(spec, argv), argv.join(' ')).toThrow(new UsageError(message, spec));
    }
  });

  it('writes a help text with every option and the common ones', () => {
    const text = helpText(spec);
    expect(text.startsWith(`${usageLine(spec)}\n`)).toBe(true);
    for (const option of ['--plan max|min', '--allow FILE', '--dry-run', '--json', '-h, --help']) expect(text).toContain(option);
  });
});

describe('palisade (no command, help, version, unknown command)', () => {
  it('lists every command for --help and help, on stdout, exit 0', async () => {
    for (const argv of [['--help'], ['help']]) {
      const run = await runCli(argv);
      expect(run).toEqual({ code: 0, stdout: overview(), stderr: '' });
    }
    for (const command of ['blocklist merge', 'blocklist import', 'blocklist export', 'blocklist sync', 'doctor', 'migrate', 'seed']) expect(overview()).toContain(`  ${command} `);
    const doctor = await runCli(['help', 'doctor']);
    expect(doctor.stdout).toMatch(/^Usage: palisade doctor \[--strict\] \[--json\]\n/);
    expect((await runCli(['doctor', '--help'])).stdout).toBe(doctor.stdout);
  });

  it('answers no command, an unknown command or subcommand with exit 2 and a usage line', async () => {
    for (const [argv, message] of [
      [[], 'palisade: no command given'],
      [['frobnicate'], 'palisade: unknown command "frobnicate"'],
      [['blocklist', 'purge'], 'palisade: unknown blocklist command "purge" (merge, import, export, sync)'],
    ] as const) {
      const run = await runCli([...argv]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')[0]).toBe(message);
      expect(run.stderr.split('\n')[1]).toMatch(/^Usage: palisade <command>/);
    }
    expect((await runCli(['--version'])).stdout).toMatch(/^palisade \d+\.\d+\.\d+\n$/);
  });
});
