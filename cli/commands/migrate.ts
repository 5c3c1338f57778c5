import type { DbHandle } from '@/db/client';
import { ensureMastodonSchema } from '@/db/mastodon/load';
import { detectMastodonVersion } from '@/db/mastodon/version';
import { listAppliedMigrations, migrateToLatest } from '@/db/migrate';
import { flag, type CommandSpec, type ParsedArgs } from '../args';
import type { Command } from '../command';
import { note, printJson, type CliContext } from '../context';

const spec: CommandSpec = {
  name: 'migrate',
  synopsis: '[--json]',
  summary:
    'Brings Palisade’s own schema (palisade) up to date on DATABASE_URL, or on the embedded database. It never creates or alters Mastodon’s tables on a real instance ' +
    '(an empty embedded database gets Mastodon’s schema first). The server does the same on start unless PALISADE_AUTO_MIGRATE=false.',
  positionals: { name: '', min: 0, max: 0 },
  options: [],
  notes: ['Exit status: 0 up to date, 1 failed (a migration that fails is rolled back), 2 bad usage.'],
};

/** Where a handle points, for people: never the password. */
export function databaseLabel(handle: DbHandle, ctx: CliContext): string {
  if (handle.kind === 'pglite') return `the embedded database in ${handle.dataDir}`;
  try {
    const url = new URL(ctx.env.DATABASE_URL ?? '');
    return `${url.host}${url.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

export interface MigrateOutcome {
  createdMastodonSchema: boolean;
  series: string;
  schemaVersion: string;
  applied: string[];
  total: number;
}

/** What `palisade migrate` and `npm run migrate` do. */
export async function migrateDatabase(handle: DbHandle): Promise<MigrateOutcome> {
  const createdMastodonSchema = handle.kind === 'pglite' && (await ensureMastodonSchema({ handle }));
  const version = await detectMastodonVersion({ db: handle.db });
  const result = await migrateToLatest({ db: handle.db });
  const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
  const total = (await listAppliedMigrations({ db: handle.db })).length;
  return { createdMastodonSchema, series: version.series, schemaVersion: version.schemaVersion, applied, total };
}

async function run(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const handle = await ctx.openDatabase();
  try {
    note(ctx, `Migrating ${databaseLabel(handle, ctx)}…`);
    const outcome = await migrateDatabase(handle);
    if (flag(args, 'json')) {
      printJson(ctx, { ok: true, command: 'migrate', database: { kind: handle.kind, target: databaseLabel(handle, ctx) }, mastodon: { series: outcome.series, schemaVersion: outcome.schemaVersion }, ...outcome });
      return 0;
    }
    const lines = [];
    if (outcome.createdMastodonSchema) lines.push('Created the Mastodon 4.7 schema in the embedded database.');
    lines.push(`Mastodon ${outcome.series} (schema ${outcome.schemaVersion}) on ${databaseLabel(handle, ctx)}`);
    lines.push(outcome.applied.length ? `Applied: ${outcome.applied.join(', ')}` : 'Palisade schema already up to date.');
    lines.push(`Migrations in palisade schema: ${outcome.total}`);
    ctx.io.out(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await handle.close();
  }
}

export const migrate: Command = { spec, run };
