import 'server-only';
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { writeMode } from '@/lib/mode';
import { adminApiWritePath } from './admin-api';
import { databaseWritePath } from './database';
import type { WritePath } from './types';

export { WritePathError } from './types';
export type { WritePath, WriteActor } from './types';

/** The adapter for this deployment: the Admin API when Mastodon sign-in is configured, else the database. */
export async function getWritePath(): Promise<WritePath> {
  if (writeMode() === 'api') return adminApiWritePath({ baseUrl: env().MASTODON_URL!, db: await getDb() });
  return databaseWritePath({ db: await getDb() });
}
