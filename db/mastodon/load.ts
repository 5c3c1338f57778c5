import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { DbHandle } from '../client';
import { projectRoot } from '../root';

export function mastodonSchemaSql(): string {
  return fs.readFileSync(path.join(projectRoot(), 'db', 'mastodon', 'schema.sql'), 'utf8');
}

/**
 * Creates Mastodon's tables in an empty embedded or test database. Palisade never calls this on a
 * database it did not create itself: a real instance's schema belongs to Mastodon.
 */
export async function ensureMastodonSchema({ handle }: { handle: DbHandle }): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`SELECT to_regclass('public.schema_migrations') IS NOT NULL AS present`.execute(handle.db);
  if (rows[0]?.present) return false;
  await handle.execScript(mastodonSchemaSql());
  return true;
}
