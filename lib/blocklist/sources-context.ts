import { getDatabase } from '@/db';
import { authSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';
import { writeMode } from '@/lib/mode';
import { adminApiWritePath } from '@/lib/write-path/admin-api';
import { databaseWritePath } from '@/lib/write-path/database';
import type { ExchangeContext } from './sources-sync';

/**
 * The exchange context of this process: its database, the write path of this deployment (the
 * Admin API when Mastodon sign-in is configured), the secret that seals source credentials, and
 * the operator's settings. Used by the console's actions, the worker and the CLI.
 */
export async function processExchangeContext(): Promise<ExchangeContext> {
  const prepared = await getDatabase();
  const e = env();
  const db = prepared.handle.db;
  return {
    db,
    kind: prepared.handle.kind,
    secret: authSecret(),
    allowPrivate: e.PALISADE_BLOCKLIST_ALLOW_PRIVATE,
    writePath: writeMode() === 'api' ? adminApiWritePath({ baseUrl: e.MASTODON_URL!, db }) : databaseWritePath({ db }),
    automationToken: e.PALISADE_AUTOMATION_TOKEN ?? null,
    log: (line) => console.log(`[palisade blocklists] ${line}`),
  };
}
