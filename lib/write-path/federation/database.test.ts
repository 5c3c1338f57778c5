import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDomainImpact } from '@/db/queries/domain-blocks';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { createAccount, createReport, createStaffUser, ensureDefaultRoles } from '@/db/testing-fixtures';
import { databaseWritePath } from '../database';
import type { WriteActor } from '../types';
import { DomainBlockConflictError } from './types';

const ADMIN = 65536n | 2031612n;
const MODERATOR = 65536n | 1049884n;

describe.each(testBackends())('federation writes through the database on %s', (backend) => {
  let t: TestDatabase;
  let admin: WriteActor;
  let moderator: WriteActor;
  let clock = new Date('2026-11-21T10:00:00Z');
  const tick = () => (clock = new Date(clock.getTime() + 60_000));
  const writer = () => databaseWritePath({ db: t.handle.db, now: () => clock });
  const db = () => t.handle.db;

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    await ensureDefaultRoles({ db: db() });
    const a = await createStaffUser({ db: db(), username: 'fed_admin', roleId: '2' });
    const m = await createStaffUser({ db: db(), username: 'fed_mod', roleId: '1' });
    admin = { accountId: a.accountId, username: 'fed_admin', permissions: ADMIN, rolePosition: 100, accessToken: null };
    moderator = { accountId: m.accountId, username: 'fed_mod', permissions: MODERATOR, rolePosition: 10, accessToken: null };
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  const refresh = () => sql`REFRESH MATERIALIZED VIEW instances`.execute(db());
  const account = (id: string) => db().selectFrom('accounts').select(['silenced_at', 'suspended_at', 'suspension_origin', 'display_name']).where('id', '=', id).executeTakeFirstOrThrow();
  const lastLogId = async () => (await db().selectFrom('admin_action_logs').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? '0';
  const logsSince = (id: string) => db().selectFrom('admin_action_logs').select(['action', 'target_type', 'human_identifier', 'account_id']).where('id', '>', id).orderBy('id').execute();
  const follow = (from: string, to: string) => db().insertInto('follows').values({ account_id: from, target_account_id: to, created_at: clock, updated_at: clock }).execute();
  const fields = { rejectMedia: false, rejectReports: false, privateComment: null, publicComment: null, obfuscate: false };

  it('limits a domain and its subdomains with the block’s created_at, sparing accounts limited before', async () => {
    const main = await createAccount({ db: db(), username: 'u1', domain: 'limit.example' });
    const sub = await createAccount({ db: db(), username: 'u2', domain: 'eu.limit.example' });
    const earlier = await createAccount({ db: db(), username: 'u3', domain: 'limit.example' });
    const lookalike = await createAccount({ db: db(), username: 'u4', domain: 'notlimit.example' });
    const before = new Date('2026-01-01T00:00:00Z');
    await db().updateTable('accounts').set({ silenced_at: before }).where('id', '=', earlier).execute();
    await refresh();
    const logId = await lastLogId();
    tick();

    const { block, outcome } = await writer().createDomainBlock({ actor: admin, domain: ' LIMIT.example ', severity: 'silence', ...fields, privateComment: '  spam wave  ' });

    expect(outcome).toBe('created');
    expect(block).toMatchObject({ domain: 'limit.example', severity: 'silence', privateComment: 'spam wave' });
    expect((await account(main)).silenced_at).toEqual(clock);
    expect((await account(sub)).silenced_at).toEqual(clock);
    expect((await account(earlier)).silenced_at).toEqual(before);
    expect((await account(lookalike)).silenced_at).toBeNull();
    expect(await logsSince(logId)).toEqual([{ action: 'create', target_type: 'DomainBlock', human_identifier: 'limit.example', account_id: admin.accountId }]);
  });

  it('refuses a weaker block under a parent and says which block wins; nothing is written', async () => {
    const logId = await lastLogId();
    const attempt = writer().createDomainBlock({ actor: admin, domain: 'eu.limit.example', severity: 'noop', ...fields, rejectMedia: true });
    await expect(attempt).rejects.toBeInstanceOf(DomainBlockConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', reason: 'parent_not_stricter', existing: { domain: 'limit.example', severity: 'silence' } });
    expect(await db().selectFrom('domain_blocks').select('id').where('domain', '=', 'eu.limit.example').execute()).toEqual([]);
    expect(await logsSince(logId)).toEqual([]);
  });

  it('allows a stricter subdomain block under a limited parent', async () => {
    tick();
    const { block } = await writer().createDomainBlock({ actor: admin, domain: 'eu.limit.example', severity: 'silence', ...fields, rejectReports: true });
    expect(block.domain).toBe('eu.limit.example');
    await writer().removeDomainBlock({ actor: admin, id: block.id });
  });

  it('suspends in place of a limit, severing follows with records, and keeps reported posts', async () => {
    const local = await createStaffUser({ db: db(), username: 'localfan', roleId: null });
    const remote = await createAccount({ db: db(), username: 'troll', domain: 'limit.example' });
    await follow(local.accountId, remote);
    await follow(remote, local.accountId);
    await db().insertInto('account_stats').values([
      { account_id: local.accountId, followers_count: '1', following_count: '1', statuses_count: '0', created_at: clock, updated_at: clock },
      { account_id: remote, followers_count: '1', following_count: '1', statuses_count: '2', created_at: clock, updated_at: clock },
    ]).execute();
    const kept = await db().insertInto('statuses').values({ id: '115100000000000001', account_id: remote, text: 'evidence', created_at: clock, updated_at: clock, uri: 'https://limit.example/1' }).returning('id').executeTakeFirstOrThrow();
    const gone = await db().insertInto('statuses').values({ id: '115100000000000002', account_id: remote, text: 'other', created_at: clock, updated_at: clock, uri: 'https://limit.example/2' }).returning('id').executeTakeFirstOrThrow();
    const report = await createReport({ db: db(), reporterId: local.accountId, targetId: remote });
    await db().updateTable('reports').set({ status_ids: [kept.id] }).where('id', '=', report).execute();
    const existing = await db().selectFrom('domain_blocks').select('id').where('domain', '=', 'limit.example').executeTakeFirstOrThrow();

    const preview = await getDomainImpact({ db: db(), domain: 'limit.example', blockId: existing.id });
    expect(preview).toMatchObject({ localFollowers: 1, localFollowerFollows: 1, localFollowed: 1, localFollowedFollows: 1, openReports: 1 });
    expect(preview.domains).toEqual(['limit.example', 'eu.limit.example']);
    expect(preview.topLocalAccounts).toEqual([{ id: local.accountId, username: 'localfan', follows: 2 }]);

    tick();
    const logId = await lastLogId();
    const { block, outcome } = await writer().createDomainBlock({ actor: admin, domain: 'limit.example', severity: 'suspend', ...fields });
    expect(outcome).toBe('updated');
    expect(block.id).toBe(existing.id);

    const createdAt = (await db().selectFrom('domain_blocks').select('created_at').where('id', '=', block.id).executeTakeFirstOrThrow()).created_at;
    const troll = await account(remote);
    expect(troll).toMatchObject({ suspended_at: createdAt, suspension_origin: 0, display_name: '', silenced_at: null });
    expect(await db().selectFrom('follows').select('id').where((eb) => eb.or([eb('account_id', '=', remote), eb('target_account_id', '=', remote)])).execute()).toEqual([]);
    const event = await db().selectFrom('relationship_severance_events').select(['id', 'type', 'target_name']).where('target_name', '=', 'limit.example').executeTakeFirstOrThrow();
    expect(event.type).toBe(0);
    const severed = await db().selectFrom('severed_relationships').select(['local_account_id', 'remote_account_id', 'direction']).where('relationship_severance_event_id', '=', event.id).orderBy('direction').execute();
    expect(severed).toEqual([
      { local_account_id: local.accountId, remote_account_id: remote, direction: 0 },
      { local_account_id: local.accountId, remote_account_id: remote, direction: 1 },
    ]);
    expect(await db().selectFrom('account_relationship_severance_events').select(['account_id', 'followers_count', 'following_count']).where('relationship_severance_event_id', '=', event.id).execute()).toEqual([{ account_id: local.accountId, followers_count: 1, following_count: 1 }]);
    expect(await db().selectFrom('account_stats').select(['followers_count', 'following_count']).where('account_id', '=', local.accountId).executeTakeFirstOrThrow()).toEqual({ followers_count: '0', following_count: '0' });
    expect((await db().selectFrom('statuses').select('id').where('account_id', '=', remote).execute()).map((s) => s.id)).toEqual([kept.id]);
    expect(gone.id).toBeDefined();
    expect((await logsSince(logId)).map((l) => `${l.action} ${l.target_type} ${l.human_identifier}`)).toEqual(['create DomainBlock limit.example']);
  });

  it('changing suspend to limit lifts the suspension it made and limits instead', async () => {
    const block = await db().selectFrom('domain_blocks').select(['id', 'created_at']).where('domain', '=', 'limit.example').executeTakeFirstOrThrow();
    const someone = await db().selectFrom('accounts').select('id').where('username', '=', 'troll').executeTakeFirstOrThrow();
    tick();
    const logId = await lastLogId();
    await writer().updateDomainBlock({ actor: admin, id: block.id, severity: 'silence', ...fields, publicComment: 'spam' });
    expect(await account(someone.id)).toMatchObject({ suspended_at: null, suspension_origin: null, silenced_at: block.created_at });
    expect((await logsSince(logId)).map((l) => l.action)).toEqual(['update']);
  });

  it('removing a block lifts only what it did, using the stored timestamp to the microsecond', async () => {
    const a = await createAccount({ db: db(), username: 'micro', domain: 'micro.example' });
    const b = await createAccount({ db: db(), username: 'manual', domain: 'micro.example' });
    await refresh();
    // A block as Mastodon writes it: created_at with microseconds, copied onto the account.
    const block = await sql<{ id: string }>`INSERT INTO domain_blocks (domain, severity, created_at, updated_at) VALUES ('micro.example', 0, '2026-11-20 10:00:00.123456', '2026-11-20 10:00:00.123456') RETURNING id`.execute(db());
    await sql`UPDATE accounts SET silenced_at = '2026-11-20 10:00:00.123456' WHERE id = ${a}`.execute(db());
    await sql`UPDATE accounts SET silenced_at = '2026-11-19 08:00:00' WHERE id = ${b}`.execute(db());
    const id = block.rows[0]!.id;
    const impact = await getDomainImpact({ db: db(), domain: 'micro.example', blockId: id });
    expect(impact).toMatchObject({ accounts: 2, silencedAccounts: 2, linkedSilenced: 1 });

    tick();
    const logId = await lastLogId();
    await writer().removeDomainBlock({ actor: admin, id });
    expect((await account(a)).silenced_at).toBeNull();
    expect((await account(b)).silenced_at).toEqual(new Date('2026-11-19T08:00:00Z'));
    expect(await db().selectFrom('domain_blocks').select('id').where('id', '=', id).execute()).toEqual([]);
    expect(await logsSince(logId)).toEqual([{ action: 'destroy', target_type: 'DomainBlock', human_identifier: 'micro.example', account_id: admin.accountId }]);
  });

  it('reject_media clears cached files of the domain’s accounts', async () => {
    const remote = await createAccount({ db: db(), username: 'artist', domain: 'media.example' });
    await db().updateTable('accounts').set({ avatar_file_name: 'a.png', avatar_content_type: 'image/png' }).where('id', '=', remote).execute();
    await db().insertInto('media_attachments').values({ id: '115200000000000001', account_id: remote, type: 0, file_file_name: 'x.jpg', remote_url: 'https://media.example/x.jpg', created_at: clock, updated_at: clock }).execute();
    await refresh();
    tick();
    await writer().createDomainBlock({ actor: admin, domain: 'media.example', severity: 'noop', ...fields, rejectMedia: true });
    expect(await db().selectFrom('media_attachments').select(['file_file_name', 'type', 'remote_url']).where('account_id', '=', remote).execute()).toEqual([{ file_file_name: null, type: 3, remote_url: 'https://media.example/x.jpg' }]);
    expect((await db().selectFrom('accounts').select('avatar_file_name').where('id', '=', remote).executeTakeFirstOrThrow()).avatar_file_name).toBeNull();
  });

  it('needs manage_federation, checked at the write path', async () => {
    await expect(writer().createDomainBlock({ actor: moderator, domain: 'nope.example', severity: 'suspend', ...fields })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(writer().createDomainBlock({ actor: admin, domain: 'daji******.com', severity: 'suspend', ...fields })).rejects.toMatchObject({ code: 'invalid' });
    expect(await db().selectFrom('domain_blocks').select('id').where('domain', '=', 'nope.example').execute()).toEqual([]);
  });

  it('imports in one transaction: creates, raises, skips what is covered, and stamps provenance', async () => {
    const remote = await createAccount({ db: db(), username: 'bulk', domain: 'bulk1.example' });
    await refresh();
    tick();
    const logId = await lastLogId();
    const outcomes = await writer().importDomainBlocks({
      actor: admin,
      sourceName: 'list.csv',
      operations: [
        { line: 2, domain: 'sub.bulk1.example', action: 'create', severity: 'silence', ...fields },
        { line: 3, domain: 'bulk1.example', action: 'create', severity: 'suspend', ...fields, publicComment: 'hate', privateComment: 'from allies' },
        { line: 4, domain: 'bulk2.example', action: 'create', severity: 'silence', ...fields },
        { line: 5, domain: 'limit.example', action: 'update', severity: 'suspend', ...fields },
        { line: 6, domain: 'Bulk2.example', action: 'create', severity: 'silence', ...fields },
      ],
    });
    expect(outcomes.map((o) => [o.line, o.domain, o.status])).toEqual([
      [2, 'sub.bulk1.example', 'skipped'],
      [3, 'bulk1.example', 'created'],
      [4, 'bulk2.example', 'created'],
      [5, 'limit.example', 'updated'],
      [6, 'bulk2.example', 'skipped'],
    ]);
    const created = await db().selectFrom('domain_blocks').select(['domain', 'private_comment', 'public_comment', 'created_at']).where('domain', 'in', ['bulk1.example', 'bulk2.example']).orderBy('domain').execute();
    expect(created.map((c) => c.private_comment)).toEqual([`from allies\nImported from list.csv on ${clock.toISOString().slice(0, 10)}`, `Imported from list.csv on ${clock.toISOString().slice(0, 10)}`]);
    expect(created[0]!.created_at.getTime()).not.toBe(created[1]!.created_at.getTime());
    expect((await account(remote)).suspended_at).toEqual(created[0]!.created_at);
    expect((await logsSince(logId)).map((l) => `${l.action} ${l.human_identifier}`).sort()).toEqual(['create bulk1.example', 'create bulk2.example', 'update limit.example']);
  });

  it('a failing import changes nothing: the rows already inserted roll back with their audit entries', async () => {
    const logId = await lastLogId();
    // A database refusal late in the import (the update step runs after the bulk insert).
    await sql`ALTER TABLE domain_blocks ADD CONSTRAINT test_only_no_boom CHECK (public_comment IS DISTINCT FROM 'boom') NOT VALID`.execute(db());
    try {
      await expect(
        writer().importDomainBlocks({
          actor: admin,
          sourceName: 'x.csv',
          operations: [
            { line: 2, domain: 'rollback.example', action: 'create', severity: 'silence', ...fields },
            { line: 3, domain: 'limit.example', action: 'update', severity: 'silence', ...fields, publicComment: 'boom' },
          ],
        }),
      ).rejects.toThrow();
    } finally {
      await sql`ALTER TABLE domain_blocks DROP CONSTRAINT test_only_no_boom`.execute(db());
    }
    expect(await db().selectFrom('domain_blocks').select('id').where('domain', '=', 'rollback.example').execute()).toEqual([]);
    expect((await db().selectFrom('domain_blocks').select('severity').where('domain', '=', 'limit.example').executeTakeFirstOrThrow()).severity).toBe(1);
    expect(await logsSince(logId)).toEqual([]);
  });

  it('domain allows are idempotent and logged once', async () => {
    tick();
    const logId = await lastLogId();
    const first = await writer().createDomainAllow({ actor: admin, domain: 'Friends.Example' });
    const again = await writer().createDomainAllow({ actor: admin, domain: 'friends.example' });
    expect(again).toEqual(first);
    await writer().removeDomainAllow({ actor: admin, id: first.id });
    expect((await logsSince(logId)).map((l) => `${l.action} ${l.target_type} ${l.human_identifier}`)).toEqual(['create DomainAllow friends.example', 'destroy DomainAllow friends.example']);
    await expect(writer().removeDomainAllow({ actor: admin, id: first.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('e-mail domain blocks: normalised, with MX children, one audit row each, removed together', async () => {
    tick();
    const logId = await lastLogId();
    const created = await writer().createEmailDomainBlock({ actor: admin, domain: 'someone@Throwaway.Example', allowWithApproval: true, otherDomains: ['mx1.throwaway.example', 'MX1.throwaway.example', 'throwaway.example'] });
    expect(created).toMatchObject({ domain: 'throwaway.example', children: ['mx1.throwaway.example'] });
    await expect(writer().createEmailDomainBlock({ actor: admin, domain: 'throwaway.example', allowWithApproval: false })).rejects.toMatchObject({ code: 'conflict' });
    await expect(writer().createEmailDomainBlock({ actor: moderator, domain: 'other.example', allowWithApproval: false })).rejects.toMatchObject({ code: 'forbidden' });
    await writer().removeEmailDomainBlock({ actor: admin, id: created.id });
    expect(await db().selectFrom('email_domain_blocks').select('id').where('domain', 'like', '%throwaway.example').execute()).toEqual([]);
    expect((await logsSince(logId)).map((l) => `${l.action} ${l.human_identifier}`)).toEqual(['create throwaway.example', 'create mx1.throwaway.example', 'destroy throwaway.example']);
  });

  it('IP rules: CIDR masked, severity stored as Mastodon’s integer, expiry, audit with the prefix', async () => {
    tick();
    const logId = await lastLogId();
    const created = await writer().createIpBlock({ actor: admin, ip: '192.0.2.77/24', severity: 'sign_up_block', comment: ' bots ', expiresIn: 86_400 });
    expect(created.ip).toBe('192.0.2.0/24');
    const row = await db().selectFrom('ip_blocks').select(['severity', 'comment', 'expires_at']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ severity: 5500, comment: 'bots', expires_at: new Date(clock.getTime() + 86_400_000) });
    await expect(writer().createIpBlock({ actor: admin, ip: '192.0.2.1/24', severity: 'no_access', comment: '', expiresIn: null })).rejects.toMatchObject({ code: 'conflict' });
    await expect(writer().createIpBlock({ actor: admin, ip: '300.1.1.1', severity: 'no_access', comment: '', expiresIn: null })).rejects.toMatchObject({ code: 'invalid' });
    const single = await writer().createIpBlock({ actor: admin, ip: '2001:db8::1', severity: 'no_access', comment: '', expiresIn: null });
    expect(single.ip).toBe('2001:db8::1/128');
    await writer().removeIpBlock({ actor: admin, id: created.id });
    expect((await logsSince(logId)).map((l) => `${l.action} ${l.target_type} ${l.human_identifier}`)).toEqual(['create IpBlock 192.0.2.0/24', 'create IpBlock 2001:db8::1/128', 'destroy IpBlock 192.0.2.0/24']);
  });
});
