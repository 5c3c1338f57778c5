import { openDatabase, type DbHandle } from '@/db/client';
import { detectMastodonVersion, MINIMUM_SERIES, NotMastodonDatabaseError, UnsupportedMastodonVersionError } from '@/db/mastodon/version';
import { listAppliedMigrations } from '@/db/migrate';
import { migrations } from '@/db/migrations';
import { findPublicIndexes, listMissingTablePrivileges, listUnreadablePublicRelations, readPalisadeSchemaFacts, readReplicaFacts, readServerFacts, type ServerFacts, type TablePrivilege } from '@/db/queries/doctor';
import { createIndexStatement, MASTODON_INDEXES_RELIED_ON, RECOMMENDED_INDEXES } from '@/lib/recommended-indexes';
import { flag, type CommandSpec, type ParsedArgs } from '../args';
import type { Command } from '../command';
import { printJson, type CliContext } from '../context';
import { describeError } from '../errors';
import { databaseLabel } from './migrate';

const spec: CommandSpec = {
  name: 'doctor',
  synopsis: '[--strict] [--json]',
  summary:
    'Checks what Palisade needs from the database, changing nothing: the connection, Mastodon’s schema version (4.3 or newer), Palisade’s migrations, ' +
    'the role’s privileges (reading Mastodon’s tables, the palisade schema, the tables standalone mode writes), the replica’s lag when DATABASE_REPLICA_URL is set, ' +
    'and the indexes Palisade’s hot queries need — printing the CREATE INDEX CONCURRENTLY statements for missing ones, which it never runs itself.',
  positionals: { name: '', min: 0, max: 0 },
  options: [{ name: 'strict', type: 'boolean', help: 'exit 1 on warnings too, not only on failures (for monitoring)' }],
  notes: ['Exit status: 0 nothing failed, 1 a check failed (or warned, with --strict), 2 bad usage.'],
};

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface Check {
  id: 'connection' | 'mastodon' | 'migrations' | 'privileges' | 'standalone_writes' | 'replica' | 'indexes';
  status: CheckStatus;
  summary: string;
  details: string[];
  /** SQL for the administrator to run (never run by Palisade). */
  statements: string[];
}

/**
 * The rows standalone mode writes, by area (lib/write-path/<area>/database.ts and the queries they
 * call). Connected mode writes through Mastodon's Admin API and needs none of them.
 */
export const STANDALONE_WRITES: Record<string, readonly TablePrivilege[]> = {
  'reports and notes': [
    { table: 'reports', privilege: 'UPDATE' },
    { table: 'report_notes', privilege: 'INSERT' },
    { table: 'report_notes', privilege: 'DELETE' },
    { table: 'statuses', privilege: 'UPDATE' },
    { table: 'admin_action_logs', privilege: 'INSERT' },
  ],
  'account actions and appeals': [
    { table: 'accounts', privilege: 'UPDATE' },
    { table: 'users', privilege: 'UPDATE' },
    { table: 'account_warnings', privilege: 'INSERT' },
    { table: 'account_warnings', privilege: 'UPDATE' },
    { table: 'appeals', privilege: 'UPDATE' },
    { table: 'account_moderation_notes', privilege: 'INSERT' },
    { table: 'account_moderation_notes', privilege: 'DELETE' },
    { table: 'account_warning_presets', privilege: 'INSERT' },
    { table: 'account_warning_presets', privilege: 'UPDATE' },
    { table: 'account_warning_presets', privilege: 'DELETE' },
    { table: 'canonical_email_blocks', privilege: 'INSERT' },
    { table: 'canonical_email_blocks', privilege: 'DELETE' },
    { table: 'account_deletion_requests', privilege: 'INSERT' },
    { table: 'account_deletion_requests', privilege: 'DELETE' },
  ],
  'domain blocks and federation': [
    { table: 'domain_blocks', privilege: 'INSERT' },
    { table: 'domain_blocks', privilege: 'UPDATE' },
    { table: 'domain_blocks', privilege: 'DELETE' },
    { table: 'domain_allows', privilege: 'INSERT' },
    { table: 'domain_allows', privilege: 'DELETE' },
    { table: 'email_domain_blocks', privilege: 'INSERT' },
    { table: 'email_domain_blocks', privilege: 'DELETE' },
    { table: 'ip_blocks', privilege: 'INSERT' },
    { table: 'ip_blocks', privilege: 'DELETE' },
    { table: 'instance_moderation_notes', privilege: 'INSERT' },
    { table: 'instance_moderation_notes', privilege: 'DELETE' },
    { table: 'account_stats', privilege: 'UPDATE' },
    { table: 'follows', privilege: 'DELETE' },
    { table: 'follow_requests', privilege: 'DELETE' },
    { table: 'blocks', privilege: 'DELETE' },
    { table: 'mutes', privilege: 'DELETE' },
    { table: 'mentions', privilege: 'DELETE' },
    { table: 'statuses', privilege: 'DELETE' },
    { table: 'media_attachments', privilege: 'UPDATE' },
    { table: 'media_attachments', privilege: 'DELETE' },
    { table: 'severed_relationships', privilege: 'INSERT' },
    { table: 'relationship_severance_events', privilege: 'INSERT' },
    { table: 'account_relationship_severance_events', privilege: 'INSERT' },
  ],
  'server rules': [
    { table: 'rules', privilege: 'INSERT' },
    { table: 'rules', privilege: 'UPDATE' },
    { table: 'rule_translations', privilege: 'INSERT' },
    { table: 'rule_translations', privilege: 'DELETE' },
  ],
};

/** Replica lag at which doctor warns, and at which it fails (reads would look minutes old). */
export const REPLICA_WARN_SECONDS = 30;
export const REPLICA_FAIL_SECONDS = 300;

function check(id: Check['id'], status: CheckStatus, summary: string, details: string[] = [], statements: string[] = []): Check {
  return { id, status, summary, details, statements };
}

function connected(ctx: CliContext): boolean {
  return Boolean(ctx.env.MASTODON_URL && ((ctx.env.MASTODON_CLIENT_ID && ctx.env.MASTODON_CLIENT_SECRET) || ctx.vars.PALISADE_ACCESS_TOKEN));
}

function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

async function migrationsCheck(handle: DbHandle, ctx: CliContext): Promise<Check> {
  const known = Object.keys(migrations).sort();
  // Without USAGE the migrations table is invisible, which would read as "nothing applied".
  const schema = await readPalisadeSchemaFacts({ db: handle.db });
  if (schema.exists && !schema.usage) return check('migrations', 'fail', 'cannot read Palisade’s migrations: no USAGE on schema palisade (see privileges)');
  let applied: string[];
  try {
    applied = await listAppliedMigrations({ db: handle.db });
  } catch (error) {
    return check('migrations', 'fail', `cannot read palisade.migrations: ${describeError(error).message}`);
  }
  const pending = known.filter((m) => !applied.includes(m));
  const unknown = applied.filter((m) => !known.includes(m));
  const details = [...pending.map((m) => `pending: ${m}`), ...unknown.map((m) => `applied here but unknown to this Palisade (a newer version ran?): ${m}`)];
  if (pending.length === 0) return check('migrations', unknown.length ? 'warn' : 'ok', `${applied.length} applied, none pending`, details);
  const auto = handle.kind === 'pglite' || ctx.env.PALISADE_AUTO_MIGRATE;
  return check(
    'migrations',
    auto ? 'warn' : 'fail',
    `${pending.length} pending${auto ? ' (applied when the server next starts, or run palisade migrate)' : ' and PALISADE_AUTO_MIGRATE=false: run palisade migrate'}`,
    details,
  );
}

async function privilegesCheck(handle: DbHandle, role: string): Promise<Check> {
  const pub = await listUnreadablePublicRelations({ db: handle.db });
  const pal = await readPalisadeSchemaFacts({ db: handle.db });
  const problems: string[] = [];
  const statements: string[] = [];
  const r = quoteIdent(role);
  if (!pub.schemaUsage) {
    problems.push('no USAGE on schema public');
    statements.push(`GRANT USAGE ON SCHEMA public TO ${r};`);
  }
  if (pub.unreadable.length) {
    problems.push(`cannot SELECT ${pub.unreadable.length} of ${pub.total} tables in public: ${pub.unreadable.slice(0, 8).join(', ')}${pub.unreadable.length > 8 ? ', …' : ''}`);
    statements.push(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${r};`);
  }
  if (!pal.exists) {
    if (!pal.createInDatabase) {
      problems.push('schema palisade does not exist and the role may not create it');
      statements.push(`CREATE SCHEMA palisade AUTHORIZATION ${r};`);
    }
  } else {
    if (!pal.usage) problems.push('no USAGE on schema palisade');
    if (!pal.create) problems.push('no CREATE on schema palisade (migrations cannot add tables)');
    if (!pal.usage || !pal.create) statements.push(`GRANT USAGE, CREATE ON SCHEMA palisade TO ${r};`);
    if (pal.tablesWithoutAccess.length) {
      problems.push(`cannot read and write ${pal.tablesWithoutAccess.length} palisade tables: ${pal.tablesWithoutAccess.join(', ')}`);
      statements.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA palisade TO ${r};`);
    }
  }
  const details = [
    `SELECT on ${pub.total - pub.unreadable.length} of ${pub.total} tables and views in public`,
    pal.exists ? `schema palisade: ${[pal.usage && 'USAGE', pal.create && 'CREATE'].filter(Boolean).join(', ') || 'no privileges'}` : `schema palisade: not created yet (${pal.createInDatabase ? 'the role may create it' : 'the role may not create it'})`,
    ...(pal.tablesOwnedByOthers.length ? [`palisade tables owned by another role (later migrations cannot alter them): ${pal.tablesOwnedByOthers.join(', ')}`] : []),
    ...problems.map((p) => `problem: ${p}`),
  ];
  if (problems.length) return check('privileges', 'fail', problems[0]!, details, statements);
  return check('privileges', pal.tablesOwnedByOthers.length ? 'warn' : 'ok', `reads every Mastodon table; ${pal.exists ? 'USAGE and CREATE on schema palisade' : 'may create schema palisade'}`, details);
}

async function standaloneWritesCheck(handle: DbHandle, ctx: CliContext, role: string): Promise<Check> {
  const wanted = Object.values(STANDALONE_WRITES).flat();
  const missing = await listMissingTablePrivileges({ db: handle.db, wanted });
  const isConnected = connected(ctx);
  if (missing.length === 0) return check('standalone_writes', 'ok', `may write every table standalone mode writes${isConnected ? ' (connected mode does not need to)' : ''}`);
  const key = (p: TablePrivilege) => `${p.privilege} ${p.table}`;
  const lacking = new Set(missing.map(key));
  const details = Object.entries(STANDALONE_WRITES)
    .map(([area, privileges]) => [area, privileges.filter((p) => lacking.has(key(p)))] as const)
    .filter(([, privileges]) => privileges.length > 0)
    .map(([area, privileges]) => `${area}: missing ${privileges.map(key).join(', ')}`);
  const byPrivilege = new Map<string, string[]>();
  for (const p of missing) byPrivilege.set(p.privilege, [...(byPrivilege.get(p.privilege) ?? []), p.table]);
  const statements = [...byPrivilege].map(([privilege, tables]) => `GRANT ${privilege} ON ${[...new Set(tables)].join(', ')} TO ${quoteIdent(role)};`);
  if (isConnected) return check('standalone_writes', 'ok', `connected mode: actions go through Mastodon's Admin API (standalone mode would lack ${missing.length} privileges)`, details);
  return check('standalone_writes', 'warn', `standalone mode: ${missing.length} missing privileges; these actions will fail: ${details.map((d) => d.split(':')[0]).join(', ')}`, details, statements);
}

async function replicaCheck(ctx: CliContext): Promise<Check> {
  const url = ctx.env.DATABASE_REPLICA_URL;
  if (!url) return check('replica', 'skip', 'not configured (DATABASE_REPLICA_URL unset)');
  if (!ctx.env.DATABASE_URL) return check('replica', 'warn', 'DATABASE_REPLICA_URL is set but DATABASE_URL is not: the embedded database has no replica');
  let handle: DbHandle | null = null;
  try {
    handle = await openDatabase({ url, poolSize: 1 });
    const facts = await readReplicaFacts({ db: handle.db });
    if (!facts.inRecovery) return check('replica', 'warn', 'DATABASE_REPLICA_URL points at a server that is not a standby (pg_is_in_recovery() is false): is it the primary?');
    if (facts.caughtUp) return check('replica', 'ok', 'standby, caught up (everything received is replayed)', facts.lagSeconds === null ? [] : [`last replayed transaction ${Math.round(facts.lagSeconds)} s ago`]);
    if (facts.lagSeconds === null) return check('replica', 'warn', 'standby, but it has not replayed any transaction yet');
    const lag = Math.round(facts.lagSeconds);
    const status: CheckStatus = lag > REPLICA_FAIL_SECONDS ? 'fail' : lag > REPLICA_WARN_SECONDS ? 'warn' : 'ok';
    return check('replica', status, `standby, ${lag} s behind (pg_last_xact_replay_timestamp())${status === 'ok' ? '' : ': overview figures and long lists read from it look that old'}`);
  } catch (error) {
    return check('replica', 'fail', `cannot query the replica: ${describeError(error).message}`);
  } finally {
    await handle?.close().catch(() => {});
  }
}

async function indexesCheck(handle: DbHandle): Promise<Check> {
  const found = await findPublicIndexes({ db: handle.db, names: [...RECOMMENDED_INDEXES.map((i) => i.name), ...MASTODON_INDEXES_RELIED_ON.map((i) => i.name)] });
  const details: string[] = [];
  const statements: string[] = [];
  let missing = 0;
  let invalid = 0;
  for (const index of RECOMMENDED_INDEXES) {
    const hit = found.get(index.name);
    if (hit?.valid) {
      details.push(`present: ${index.name}`);
      continue;
    }
    if (hit) {
      invalid += 1;
      details.push(`INVALID (an interrupted CONCURRENTLY build): ${index.name} — ${index.why}`);
      statements.push(`DROP INDEX CONCURRENTLY IF EXISTS ${index.name};`);
    } else {
      missing += 1;
      details.push(`missing: ${index.name} on ${index.table} — ${index.why}`);
    }
    statements.push(`${createIndexStatement(index, { concurrently: true })};`);
  }
  // Mastodon's own: named, never recreated by Palisade (its migrations own their definitions).
  const mastodonMissing = MASTODON_INDEXES_RELIED_ON.filter((i) => !found.get(i.name)?.valid);
  for (const index of mastodonMissing) {
    details.push(`Mastodon's ${index.name} on ${index.table} is ${found.has(index.name) ? 'INVALID' : 'missing'} (needed by: ${index.usedBy}); a Mastodon migration failed or was edited: restore it from Mastodon's db/schema.rb`);
  }
  const mastodonPart = mastodonMissing.length ? `; ${mastodonMissing.length} of Mastodon's own indexes missing or invalid` : '';
  if (missing + invalid === 0 && !mastodonMissing.length) return check('indexes', 'ok', `all ${RECOMMENDED_INDEXES.length} recommended indexes present`, details);
  if (missing + invalid === 0) return check('indexes', 'warn', `all ${RECOMMENDED_INDEXES.length} recommended indexes present${mastodonPart}`, details, statements);
  const parts = [missing && `${missing} missing`, invalid && `${invalid} invalid`].filter(Boolean).join(', ');
  return check('indexes', 'warn', `${parts} of ${RECOMMENDED_INDEXES.length} recommended indexes (the queries still work, slower)${mastodonPart}`, details, statements);
}

/** Every check, in order; a failed connection or schema check skips those that need them. */
export async function runDoctor(ctx: CliContext): Promise<{ target: string; checks: Check[] }> {
  const checks: Check[] = [];
  const skipRest = (reason: string) => {
    for (const id of ['mastodon', 'migrations', 'privileges', 'standalone_writes'] as const) if (!checks.some((c) => c.id === id)) checks.push(check(id, 'skip', reason));
  };
  let target = ctx.env.DATABASE_URL ? 'DATABASE_URL' : `the embedded database in ${ctx.embeddedDir}`;
  let handle: DbHandle | null = null;
  let server: ServerFacts;
  try {
    // Never creates an embedded database, and refuses one another process (the demo server) has open.
    handle = await ctx.openDatabase({ mustExist: true });
    server = await readServerFacts({ db: handle.db });
  } catch (error) {
    await handle?.close().catch(() => {});
    checks.push(check('connection', 'fail', describeError(error).message));
    skipRest('no connection');
    checks.push(await replicaCheck(ctx), check('indexes', 'skip', 'no connection'));
    return { target, checks };
  }
  try {
    target = databaseLabel(handle, ctx);
    const connectionDetails = [`PostgreSQL ${server.version}`, `database ${server.database}`, `role ${server.role}${server.superuser ? ' (superuser)' : ''}`];
    if (server.inRecovery) checks.push(check('connection', 'fail', `DATABASE_URL points at a standby (read-only): writes and migrations will fail; use the primary`, connectionDetails));
    else checks.push(check('connection', 'ok', `PostgreSQL ${server.version}, database ${server.database}, role ${server.role}${handle.kind === 'pglite' ? ' (embedded)' : ''}`, connectionDetails));

    let mastodonOk = true;
    try {
      const version = await detectMastodonVersion({ db: handle.db });
      const features = Object.entries(version.features).map(([k, v]) => `${k}: ${v ? 'yes' : 'no'}`);
      checks.push(check('mastodon', 'ok', `Mastodon ${version.series} (schema ${version.schemaVersion}); ${MINIMUM_SERIES} or newer is required`, features));
    } catch (error) {
      if (!(error instanceof NotMastodonDatabaseError || error instanceof UnsupportedMastodonVersionError)) throw error;
      mastodonOk = false;
      checks.push(check('mastodon', 'fail', describeError(error).message));
    }
    checks.push(mastodonOk ? await migrationsCheck(handle, ctx) : check('migrations', 'skip', 'not a supported Mastodon database'));
    checks.push(await privilegesCheck(handle, server.role));
    checks.push(mastodonOk ? await standaloneWritesCheck(handle, ctx, server.role) : check('standalone_writes', 'skip', 'not a supported Mastodon database'));
    checks.push(await replicaCheck(ctx));
    checks.push(mastodonOk ? await indexesCheck(handle) : check('indexes', 'skip', 'not a supported Mastodon database'));
    return { target, checks };
  } finally {
    await handle.close().catch(() => {});
  }
}

const MARK: Record<CheckStatus, string> = { ok: '[ok]  ', warn: '[warn]', fail: '[FAIL]', skip: '[skip]' };
const LABEL: Record<Check['id'], string> = {
  connection: 'connection',
  mastodon: 'mastodon schema',
  migrations: 'migrations',
  privileges: 'privileges',
  standalone_writes: 'standalone writes',
  replica: 'replica lag',
  indexes: 'indexes',
};

async function run(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const { target, checks } = await runDoctor(ctx);
  const count = (s: CheckStatus) => checks.filter((c) => c.status === s).length;
  const failed = count('fail') > 0 || (flag(args, 'strict') && count('warn') > 0);
  const statements = checks.flatMap((c) => c.statements);
  // Cron mails standard error: one line that says what failed, whatever the output format.
  if (failed) {
    const bad = checks.filter((c) => c.status === 'fail' || (flag(args, 'strict') && c.status === 'warn'));
    ctx.io.err(`palisade doctor: ${bad.length} check${bad.length === 1 ? '' : 's'} failed: ${bad.map((c) => LABEL[c.id].trim()).join(', ')}\n`);
  }
  if (flag(args, 'json')) {
    printJson(ctx, { ok: !failed, command: 'doctor', target, checks, statements });
    return failed ? 1 : 0;
  }
  const width = Math.max(...checks.map((c) => LABEL[c.id].length)) + 2;
  const lines = [`palisade doctor: ${target}`, ''];
  for (const c of checks) {
    lines.push(`${MARK[c.status]} ${LABEL[c.id].padEnd(width)}${c.summary}`);
    if (c.status === 'warn' || c.status === 'fail') for (const d of c.details) lines.push(`${' '.repeat(width + 7)}${d}`);
  }
  if (statements.length) {
    lines.push('', 'Run these yourself, as the database owner (Palisade never does). CONCURRENTLY builds an index without blocking writes:');
    for (const s of statements) lines.push(`  ${s}`);
  }
  lines.push('', `${checks.length} checks: ${count('ok')} ok, ${count('warn')} warnings, ${count('fail')} failures${count('skip') ? `, ${count('skip')} skipped` : ''}.`);
  ctx.io.out(`${lines.join('\n')}\n`);
  return failed ? 1 : 0;
}

export const doctor: Command = { spec, run };
