import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { createAccount, createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { startFakeMastodon } from '@/lib/testing/fake-mastodon';
import { databaseWritePath } from '@/lib/write-path/database';
import { runCli } from '../testing';

const LIST = [
  '#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate',
  'new-one.example,suspend,false,false,spam,false',
  'new-two.example,silence,true,false,,false',
  'strict.example,silence,false,false,,false',
  'sub.strict.example,silence,false,false,,false',
  'followed.example,suspend,false,false,,false',
  'dni.invalid,suspend,false,false,iftas:canary,true',
  'ex**ple.org,suspend,false,false,,true',
  'new-one.example,silence,false,false,,false',
  'not a domain,suspend,false,false,,false',
  '',
].join('\n');

describe.each(testBackends())('palisade blocklist import on %s', (backend) => {
  let t: TestDatabase;
  let dir: string;
  let file: string;
  let adminId: string;
  const db = () => t.handle.db;
  const importCli = (args: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(['blocklist', 'import', ...args], { handle: t.handle, cwd: dir, ...options });
  /** Everything an import could write: Mastodon's rows and Palisade's. */
  const snapshot = async () => {
    const { rows } = await sql<{ blocks: string; logs: string; events: string; silenced: string }>`
      SELECT (SELECT string_agg(domain || ':' || severity || ':' || reject_media, ',' ORDER BY domain) FROM domain_blocks) AS blocks,
             (SELECT count(*)::text FROM admin_action_logs) AS logs,
             (SELECT count(*)::text FROM palisade.events) AS events,
             (SELECT count(*)::text FROM accounts WHERE silenced_at IS NOT NULL OR suspended_at IS NOT NULL) AS silenced`.execute(db());
    return rows[0];
  };

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    await ensureDefaultRoles({ db: db() });
    adminId = (await createStaffUser({ db: db(), username: 'cli_admin', roleId: '2' })).accountId;
    await createStaffUser({ db: db(), username: 'cli_mod', roleId: '1' });
    const local = await createAccount({ db: db(), username: 'reader' });
    const remote = await createAccount({ db: db(), username: 'friend', domain: 'followed.example' });
    await db().insertInto('follows').values({ account_id: local, target_account_id: remote, created_at: new Date(), updated_at: new Date() }).execute();
    await sql`REFRESH MATERIALIZED VIEW instances`.execute(db());
    const admin = { accountId: adminId, username: 'cli_admin', permissions: 2031612n | 65536n, rolePosition: 100, accessToken: null };
    await databaseWritePath({ db: db() }).createDomainBlock({ actor: admin, domain: 'strict.example', severity: 'suspend', rejectMedia: false, rejectReports: false, privateComment: null, publicComment: null, obfuscate: false });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-import-'));
    file = path.join(dir, 'list.csv');
    fs.writeFileSync(file, LIST);
  });

  afterAll(async () => {
    await t?.cleanup();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--dry-run shows what the review would apply and skip, and changes nothing at all', async () => {
    const before = await snapshot();
    const run = await importCli(['list.csv', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Would create 2 and change 0 blocks:');
    expect(run.stdout).toContain('  create  new-one.example  suspend\n');
    expect(run.stdout).toContain('  create  new-two.example  silence +reject_media\n');
    expect(run.stdout).toMatch(/line 7 {2}dni\.invalid: canary row \(reserved_tld\)/);
    expect(run.stdout).toMatch(/line 8 {2}ex\*\*ple\.org: obfuscated name/);
    expect(run.stdout).toMatch(/line 6 {2}followed\.example: a suspension would sever 1 local follow relationship; confirm it in the console/);
    expect(run.stdout).toMatch(/line 4 {2}strict\.example: would lower the existing block \(suspend → silence\)/);
    expect(run.stdout).toContain('Nothing was changed.');
    const json = JSON.parse((await importCli(['list.csv', '--dry-run', '--json'])).stdout);
    expect(json.planned.map((p: { domain: string }) => p.domain)).toEqual(['new-one.example', 'new-two.example']);
    expect(Object.fromEntries(['canary', 'obfuscated', 'follows', 'downgrade', 'covered', 'duplicate', 'invalid'].map((r) => [r, json.notApplied.filter((n: { reason: string }) => n.reason === r).length]))).toEqual({
      canary: 1,
      obfuscated: 1,
      follows: 1,
      downgrade: 1,
      covered: 1,
      duplicate: 1,
      invalid: 1,
    });
    expect(json.totals).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to act without a named staff member (exit 2), or as one whose role may not (exit 1), writing nothing', async () => {
    const before = await snapshot();
    const anonymous = await importCli(['list.csv']);
    expect(anonymous.code).toBe(2);
    expect(anonymous.stderr.split('\n')[0]).toMatch(/^palisade blocklist import: say who acts: --as USERNAME/);
    expect(anonymous.stderr.split('\n')[1]).toMatch(/^Usage: palisade blocklist import FILE_OR_URL/);
    const moderator = await importCli(['list.csv', '--as', 'cli_mod']);
    expect(moderator).toMatchObject({ code: 1, stdout: '', stderr: 'palisade blocklist import: cli_mod’s role lacks the manage_federation permission\n' });
    const nobody = await importCli(['list.csv', '--as', 'nobody']);
    expect(nobody.stderr).toBe('palisade blocklist import: no local account nobody (give --as a username or e-mail of a staff member)\n');
    expect(await snapshot()).toEqual(before);
  });

  it('imports the ticked rows through the write path as the named admin, with Mastodon’s audit rows and provenance note', async () => {
    const run = await importCli(['list.csv', '--as', 'cli_admin', '--name', 'Ally list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 created, 0 raised or changed, 0 skipped, 0 failed.');
    const blocks = await db().selectFrom('domain_blocks').select(['domain', 'severity', 'reject_media', 'public_comment', 'private_comment']).orderBy('domain').execute();
    expect(blocks.map((b) => b.domain)).toEqual(['new-one.example', 'new-two.example', 'strict.example']);
    expect(blocks[0]).toMatchObject({ severity: 1, public_comment: 'spam', private_comment: expect.stringMatching(/^Imported from Ally list on \d{4}-\d{2}-\d{2}$/) });
    expect(blocks[1]).toMatchObject({ severity: 0, reject_media: true });
    expect(blocks[2]).toMatchObject({ severity: 1 });
    const logs = await db().selectFrom('admin_action_logs').select(['account_id', 'action', 'target_type', 'human_identifier']).where('human_identifier', 'like', 'new-%').orderBy('human_identifier').execute();
    expect(logs).toEqual([
      { account_id: adminId, action: 'create', target_type: 'DomainBlock', human_identifier: 'new-one.example' },
      { account_id: adminId, action: 'create', target_type: 'DomainBlock', human_identifier: 'new-two.example' },
    ]);
    // Running it again finds everything in place.
    const again = await importCli(['list.csv', '--as', 'cli_admin', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, planned: [], totals: { created: 0, updated: 0, skipped: 0, failed: 0 } });
  });

  it('a malformed file changes nothing and says which line (exit 1)', async () => {
    const before = await snapshot();
    fs.writeFileSync(path.join(dir, 'broken.csv'), '#domain,#severity\nbroken.example,suspend\n"open.example,suspend\n');
    const run = await importCli(['broken.csv', '--as', 'cli_admin']);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe('palisade blocklist import: broken.csv: The CSV is malformed: A quoted field opened on line 3 is never closed. (line 3)\n');
    expect(await snapshot()).toEqual(before);
  });

  it('in connected mode writes through Mastodon’s Admin API as the token’s owner, never with SQL', async () => {
    const fake = await startFakeMastodon({ tokens: { 'cli-token': adminId, 'mod-token': '1' }, reports: [], domainBlocks: [{ domain: 'strict.example', severity: 'suspend' }] });
    try {
      fs.writeFileSync(path.join(dir, 'api.csv'), '#domain,#severity\napi-one.example,suspend\napi-two.example,silence\n');
      const before = await snapshot();
      const options = { env: { MASTODON_URL: fake.url }, vars: { PALISADE_ACCESS_TOKEN: 'cli-token' } };
      const run = await importCli(['api.csv'], options);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/connected mode, as cli_admin/);
      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/accounts/verify_credentials', 'POST /api/v1/admin/domain_blocks', 'POST /api/v1/admin/domain_blocks']);
      expect(fake.requests.every((r) => r.authorization === 'Bearer cli-token')).toBe(true);
      expect(JSON.parse(fake.requests[1]!.body)).toMatchObject({ domain: 'api-one.example', severity: 'suspend', private_comment: expect.stringMatching(/^Imported from api\.csv on /) });
      expect(await snapshot()).toEqual(before);
      const missing = await importCli(['api.csv'], { env: { MASTODON_URL: fake.url, MASTODON_CLIENT_ID: 'id', MASTODON_CLIENT_SECRET: 'secret' } });
      expect(missing.stderr).toBe('palisade blocklist import: connected mode (MASTODON_URL is set): set PALISADE_ACCESS_TOKEN to an access token of a staff member with the admin:read and admin:write scopes; actions go through Mastodon’s Admin API as that person\n');
      const mismatch = await importCli(['api.csv', '--as', 'cli_mod'], options);
      expect(mismatch.stderr).toBe('palisade blocklist import: --as cli_mod is not the owner of PALISADE_ACCESS_TOKEN; Mastodon would record the actions under the token’s owner\n');
    } finally {
      await fake.close();
    }
  });
});
