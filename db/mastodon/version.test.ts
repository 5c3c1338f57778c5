import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../client';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing';
import { detectMastodonVersion, NotMastodonDatabaseError, UnsupportedMastodonVersionError } from './version';

describe.each(testBackends())('Mastodon version detection on %s', (backend) => {
  let t: TestDatabase | undefined;

  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it('recognises the 4.7 schema', async () => {
    t = await openTestDatabase(backend);
    const info = await detectMastodonVersion({ db: t.handle.db });
    expect(info.series).toBe('4.7');
    expect(info.schemaVersion).toBe('20260812154114');
    expect(info.features).toEqual({ ruleTranslations: true, usernameBlocks: true, roleRequire2fa: true, requestedDeletionAt: true });
  });

  it('recognises an older supported schema by what it lacks', async () => {
    t = await openTestDatabase(backend);
    await sql`ALTER TABLE accounts DROP COLUMN requested_deletion_at`.execute(t.handle.db);
    await sql`ALTER TABLE user_roles DROP COLUMN require_2fa`.execute(t.handle.db);
    expect((await detectMastodonVersion({ db: t.handle.db })).series).toBe('4.5');
  });

  it('refuses Mastodon older than 4.3', async () => {
    t = await openTestDatabase(backend);
    await sql`ALTER TABLE rules DROP COLUMN hint`.execute(t.handle.db);
    await expect(detectMastodonVersion({ db: t.handle.db })).rejects.toBeInstanceOf(UnsupportedMastodonVersionError);
  });
});

describe('a database that is not Mastodon’s', () => {
  let handle: DbHandle | undefined;
  afterEach(async () => {
    await handle?.close();
  });

  it('is refused with a message naming what is missing', async () => {
    handle = await openDatabase({ pgliteDir: 'memory://' });
    const attempt = detectMastodonVersion({ db: handle.db });
    await expect(attempt).rejects.toBeInstanceOf(NotMastodonDatabaseError);
    await expect(attempt).rejects.toThrow(/schema_migrations is missing/);
  });
});
