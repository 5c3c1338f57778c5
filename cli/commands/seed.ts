import type { DbHandle } from '@/db/client';
import { ensureMastodonSchema } from '@/db/mastodon/load';
import { detectMastodonVersion } from '@/db/mastodon/version';
import { migrateToLatest } from '@/db/migrate';
import { prepareDatabase } from '@/db/prepare';
import { DEMO_PASSWORD, DEMO_STAFF, inspectSeedTarget, seed as seedDatabase, SeedRefusedError, wipeSeededData, type SeedScale } from '@/db/seed';
import { flag, stringOption, UsageError, type CommandSpec, type ParsedArgs } from '../args';
import type { Command } from '../command';
import { note, printJson, type CliContext } from '../context';
import { CliError } from '../errors';
import { databaseLabel } from './migrate';

const spec: CommandSpec = {
  name: 'seed',
  synopsis: '--scale demo|large [--force] [--now ISO_TIME] [--json]',
  summary:
    'Seeds the embedded database, or an empty PostgreSQL database at DATABASE_URL, with the demo instance palisade.test; --scale large adds 1 M accounts, 5 M posts and 200 k reports (PostgreSQL only, ~10 min). ' +
    'A database holding Mastodon accounts Palisade did not write is refused, with or without --force: a real instance is never touched.',
  positionals: { name: '', min: 0, max: 0 },
  options: [
    { name: 'scale', type: 'string', choices: ['demo', 'large'], value: 'demo|large', help: 'demo (~3 000 accounts, ~20 000 posts, ~400 reports) or large' },
    { name: 'force', type: 'boolean', help: 'wipe a database Palisade seeded before and seed it again' },
    { name: 'now', type: 'string', value: 'ISO_TIME', help: 'clock for the generated data (default: the current minute); same --now, same data' },
  ],
  notes: ['Exit status: 0 seeded, 1 refused or failed, 2 bad usage. `npm run seed -- …` runs this command.'],
};

interface SeedArgs {
  scale: SeedScale;
  force: boolean;
  now?: Date;
}

async function prepareUrlTarget(handle: DbHandle, args: SeedArgs, log: (line: string) => void): Promise<void> {
  const target = await inspectSeedTarget(handle.db);
  if (target.publicTables === 0) {
    log('Empty database: creating Mastodon 4.7 schema…');
    await ensureMastodonSchema({ handle });
  } else if (!target.mastodonSchema) {
    throw new CliError('DATABASE_URL points at a database that has tables but is not a Mastodon database; refusing to seed it.', 'refused');
  }
  await detectMastodonVersion({ db: handle.db });
  await migrateToLatest({ db: handle.db });
  const meta = target.meta;
  if (!meta && target.accounts > 0) {
    throw new CliError(
      `refusing to seed: this database holds ${target.accounts.toLocaleString('en-US')} Mastodon accounts that Palisade's seeder did not write. It looks like a real instance, and --force does not override this check. Point DATABASE_URL at a throwaway database.`,
      'refused',
    );
  }
  if (meta && !(args.scale === 'large' && meta.scale === 'demo')) {
    if (!args.force) throw new CliError(`this database was already seeded by Palisade (scale ${meta.scale}, now ${meta.now}). Use --force to wipe it and seed again.`, 'already_seeded');
    log('Wiping the previous Palisade seed (--force)…');
    await wipeSeededData(handle.db);
  }
}

async function prepareEmbeddedTarget(handle: DbHandle, args: SeedArgs, log: (line: string) => void): Promise<void> {
  await prepareDatabase({ handle, seedDemo: false, log });
  const target = await inspectSeedTarget(handle.db);
  if (target.meta) {
    if (!args.force) throw new CliError(`the embedded database is already seeded (scale ${target.meta.scale}, now ${target.meta.now}). Use --force to wipe it and seed again.`, 'already_seeded');
    log('Wiping the previous seed (--force)…');
    await wipeSeededData(handle.db);
  } else if (target.accounts > 0) {
    throw new CliError('the embedded database holds accounts that Palisade did not seed; refusing.', 'refused');
  }
}

function parse(args: ParsedArgs): SeedArgs {
  const scale = stringOption(args, 'scale');
  if (!scale) throw new UsageError('missing --scale (demo or large)', spec);
  const raw = stringOption(args, 'now');
  let now: Date | undefined;
  if (raw !== undefined) {
    now = new Date(raw);
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now needs an ISO date-time, got "${raw}"`, spec);
  }
  return { scale: scale as SeedScale, force: flag(args, 'force'), ...(now ? { now } : {}) };
}

async function run(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const options = parse(args);
  if (!ctx.env.DATABASE_URL && options.scale === 'large') {
    throw new CliError('the large scale needs a real PostgreSQL: set DATABASE_URL to a throwaway database. The embedded database only holds the demo scale.', 'needs_postgres');
  }
  const log = (line: string) => note(ctx, line);
  const handle = await ctx.openDatabase();
  try {
    log(`Seeding ${databaseLabel(handle, ctx)} at scale ${options.scale}…`);
    if (handle.kind === 'pglite') await prepareEmbeddedTarget(handle, options, log);
    else await prepareUrlTarget(handle, options, log);
    const summary = await seedDatabase({ handle, scale: options.scale, ...(options.now ? { now: options.now } : {}), log: (line) => log(`  ${line}`) });
    if (flag(args, 'json')) {
      printJson(ctx, { ok: true, command: 'seed', scale: options.scale, database: { kind: handle.kind, target: databaseLabel(handle, ctx) }, summary, staff: DEMO_STAFF.map((s) => ({ email: s.email, role: s.role, note: s.note })), password: DEMO_PASSWORD });
      return 0;
    }
    const lines = [`Seeded ${summary}`, '', `Staff sign-ins (password for all: ${DEMO_PASSWORD}):`];
    for (const staff of DEMO_STAFF) lines.push(`  ${staff.email.padEnd(26)} ${(staff.role ?? 'no role').padEnd(10)} ${staff.note}`);
    ctx.io.out(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof SeedRefusedError) throw new CliError(error.message, 'refused');
    throw error;
  } finally {
    await handle.close().catch(() => {});
  }
}

export const seed: Command = { spec, run };
