import { Migrator, type MigrationResultSet } from 'kysely';
import type { Db } from './client';
import { migrations } from './migrations';

export const PALISADE_SCHEMA = 'palisade';

/** Brings schema `palisade` up to date. Never touches `public` (Mastodon's tables). */
export async function migrateToLatest({ db }: { db: Db }): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: PALISADE_SCHEMA,
    migrationTableName: 'migrations',
    migrationLockTableName: 'migrations_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Palisade migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return result;
}

export async function listAppliedMigrations({ db }: { db: Db }): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: PALISADE_SCHEMA,
    migrationTableName: 'migrations',
    migrationLockTableName: 'migrations_lock',
  });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt).map((m) => m.name);
}
