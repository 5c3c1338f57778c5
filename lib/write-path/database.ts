import type { Db } from '@/db/client';
import { accountDatabaseWrites } from './accounts/database';
import { appealDatabaseWrites } from './appeals/database';
import { federationDatabaseWrites } from './federation/database';
import { reportDatabaseWrites } from './reports/database';
import type { WritePath } from './types';

/**
 * Standalone mode: the row changes Mastodon's controllers and services make (mastodon.md §5),
 * each action in one transaction together with its audit-log row.
 */
export function databaseWritePath({ db, now = () => new Date() }: { db: Db; now?: () => Date }): WritePath {
  const context = { db, now };
  return { mode: 'database', ...reportDatabaseWrites(context), ...accountDatabaseWrites(context), ...appealDatabaseWrites(context), ...federationDatabaseWrites(context) };
}
