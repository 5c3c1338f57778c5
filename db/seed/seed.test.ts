import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalEmailHash } from '../../lib/canonical-email';
import { demoBlurhash, demoImageSize, idFromPartition, idPartition, parseDemoMediaPath, PNG_SIGNATURE, renderDemoPng } from '../../lib/demo-media';
import { openDatabase, type DbHandle } from '../client';
import { ensureMastodonSchema } from '../mastodon/load';
import { prepareDatabase } from '../prepare';
import { DEMO_PASSWORD, DEMO_STAFF, seed, SeedRefusedError } from './index';

const NOW = new Date('2026-11-20T12:00:00Z');
type Backend = 'pglite' | 'postgres';
const backends: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

interface Fresh {
  handle: DbHandle;
  cleanup(): Promise<void>;
}

/** An empty Mastodon database: in-memory PGlite, or a new database on TEST_DATABASE_URL's server. */
async function freshDatabase(backend: Backend): Promise<Fresh> {
  if (backend === 'pglite') {
    const handle = await openDatabase({ pgliteDir: 'memory://' });
    await prepareDatabase({ handle, seedDemo: false });
    return { handle, cleanup: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `palisade_seed_test_${crypto.randomBytes(5).toString('hex')}`;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 2 });
  await ensureMastodonSchema({ handle });
  await prepareDatabase({ handle, seedDemo: false });
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

async function fingerprints(handle: DbHandle): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of ['accounts', 'users', 'statuses', 'reports', 'account_warnings', 'appeals', 'admin_action_logs', 'domain_blocks', 'follows', 'media_attachments']) {
    const { rows } = await sql<{ md5: string }>`SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS md5 FROM ${sql.table(table)} AS t`.execute(handle.db);
    out[table] = rows[0]!.md5;
  }
  return out;
}

async function scalar<T = string>(handle: DbHandle, query: ReturnType<typeof sql>): Promise<T> {
  const { rows } = await query.execute(handle.db);
  return Object.values(rows[0] as object)[0] as T;
}

describe.each(backends)('demo seed on %s', (backend) => {
  let db: Fresh;
  let summary: string;

  beforeAll(async () => {
    db = await freshDatabase(backend);
    summary = await seed({ handle: db.handle, scale: 'demo', now: NOW });
  }, 180_000);

  afterAll(async () => {
    await db?.cleanup();
  }, 60_000);

  it('returns a one-line summary and records the seed in palisade.meta', async () => {
    expect(summary).toMatch(/^demo instance palisade\.test: .*accounts.*reports/);
    expect(summary).not.toContain('\n');
    const rows = await db.handle.db.selectFrom('palisade.meta').select(['key', 'value']).orderBy('key').execute();
    const meta = Object.fromEntries(rows.map((r) => [r.key, r.value])) as Record<string, Record<string, unknown>>;
    expect(meta.instance).toEqual({ domain: 'palisade.test', title: 'Palisade Demo' });
    expect(meta.seed?.scale).toBe('demo');
    expect(meta.seed?.now).toBe(NOW.toISOString());
    expect((meta.seed?.counts as Record<string, number>).reports).toBeGreaterThan(0);
  });

  it('is deterministic: the same now gives identical rows in another fresh database', async () => {
    const other = await freshDatabase(backend);
    try {
      await seed({ handle: other.handle, scale: 'demo', now: NOW });
      expect(await fingerprints(other.handle)).toEqual(await fingerprints(db.handle));
    } finally {
      await other.cleanup();
    }
  }, 240_000);

  it('refuses to seed twice, and refuses the large scale on PGlite', async () => {
    await expect(seed({ handle: db.handle, scale: 'demo', now: NOW })).rejects.toBeInstanceOf(SeedRefusedError);
    if (backend === 'pglite') await expect(seed({ handle: db.handle, scale: 'large', now: NOW })).rejects.toThrow(/PostgreSQL/);
  });

  it('has the advertised sizes', async () => {
    const h = db.handle;
    const counts = await sql<Record<string, string>>`
      SELECT (SELECT count(*) FROM accounts) AS accounts,
             (SELECT count(*) FROM accounts WHERE domain IS NULL) AS local_accounts,
             (SELECT count(*) FROM accounts WHERE domain IS NOT NULL) AS remote_accounts,
             (SELECT count(DISTINCT domain) FROM accounts) AS remote_domains,
             (SELECT count(*) FROM statuses) AS statuses,
             (SELECT count(*) FROM media_attachments) AS media,
             (SELECT count(*) FROM follows) AS follows,
             (SELECT count(*) FROM reports) AS reports,
             (SELECT count(*) FROM domain_blocks) AS domain_blocks,
             (SELECT count(*) FROM users WHERE NOT approved) AS pending,
             (SELECT count(*) FROM account_moderation_notes) AS account_notes,
             (SELECT count(*) FROM instance_moderation_notes) AS instance_notes,
             (SELECT count(*) FROM rules) AS rules,
             (SELECT count(*) FROM account_warning_presets) AS presets`.execute(h.db);
    const c = Object.fromEntries(Object.entries(counts.rows[0]!).map(([k, v]) => [k, Number(v)]));
    expect(c.accounts).toBeGreaterThanOrEqual(3_000);
    expect(c.local_accounts).toBeGreaterThanOrEqual(600);
    expect(c.remote_accounts).toBeGreaterThanOrEqual(2_500);
    expect(c.remote_domains).toBeGreaterThanOrEqual(250);
    expect(c.statuses).toBeGreaterThanOrEqual(15_000);
    expect(c.media).toBeGreaterThanOrEqual(2_000);
    expect(c.follows).toBeGreaterThanOrEqual(15_000);
    expect(c.reports).toBeGreaterThanOrEqual(380);
    expect(c.domain_blocks).toBeGreaterThanOrEqual(60);
    expect(c.pending).toBeGreaterThanOrEqual(25);
    expect(c.account_notes).toBeGreaterThanOrEqual(50);
    expect(c.instance_notes).toBeGreaterThanOrEqual(15);
    expect(c.rules).toBeGreaterThanOrEqual(7);
    expect(c.presets).toBeGreaterThanOrEqual(5);
  });

  it('returns ids as strings, including elements of bigint[] columns', async () => {
    const account = await db.handle.db.selectFrom('accounts').select('id').where('id', '>', '0').limit(1).executeTakeFirstOrThrow();
    expect(typeof account.id).toBe('string');
    expect(BigInt(account.id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const report = await db.handle.db.selectFrom('reports').select(['id', 'status_ids']).where(sql<boolean>`cardinality(status_ids) > 0`).limit(1).executeTakeFirstOrThrow();
    expect(typeof report.id).toBe('string');
    for (const id of report.status_ids) expect(typeof id).toBe('string');
    // Timestamp ids encode their creation time like Mastodon's timestamp_id().
    const status = await db.handle.db.selectFrom('statuses').select(['id', 'created_at']).limit(1).executeTakeFirstOrThrow();
    expect(Number(BigInt(status.id) >> 16n)).toBe(status.created_at.getTime());
  });

  it('has the fixed staff with their roles, flags and the demo password', async () => {
    const rows = await db.handle.db
      .selectFrom('users')
      .innerJoin('accounts', 'accounts.id', 'users.account_id')
      .leftJoin('user_roles', 'user_roles.id', 'users.role_id')
      .select(['users.email', 'accounts.username', 'accounts.domain', 'user_roles.name as role', 'users.role_id', 'users.otp_required_for_login', 'users.disabled', 'users.approved', 'users.confirmed_at', 'users.encrypted_password'])
      .where('users.email', 'in', DEMO_STAFF.map((s) => s.email))
      .execute();
    expect(rows).toHaveLength(DEMO_STAFF.length);
    for (const staff of DEMO_STAFF) {
      const row = rows.find((r) => r.email === staff.email)!;
      expect(row.username).toBe(staff.username);
      expect(row.domain).toBeNull();
      expect(row.role ?? null).toBe(staff.role);
      expect(row.role_id).toBe(staff.roleId);
      expect(row.otp_required_for_login).toBe(staff.otpRequired);
      expect(row.disabled).toBe(staff.disabled);
      expect(row.approved).toBe(true);
      expect(row.confirmed_at).not.toBeNull();
      expect(row.encrypted_password.startsWith('$2a$10$')).toBe(true);
      expect(bcrypt.compareSync(DEMO_PASSWORD, row.encrypted_password)).toBe(true);
    }
    expect(bcrypt.compareSync('wrong-password', rows[0]!.encrypted_password)).toBe(false);
  });

  it('has the instance actor, the Everyone role and the default roles', async () => {
    const actor = await db.handle.db.selectFrom('accounts').selectAll().where('id', '=', '-99').executeTakeFirstOrThrow();
    expect(actor).toMatchObject({ username: 'mastodon.internal', actor_type: 'Application', locked: true, domain: null });
    const roles = await db.handle.db.selectFrom('user_roles').select(['id', 'name', 'position', 'permissions', 'highlighted']).orderBy('position').execute();
    expect(roles).toEqual([
      { id: '-99', name: '', position: -1, permissions: '65536', highlighted: false },
      { id: '1', name: 'Moderator', position: 10, permissions: '1049884', highlighted: true },
      { id: '2', name: 'Admin', position: 100, permissions: '2031612', highlighted: true },
      { id: '3', name: 'Owner', position: 1000, permissions: '1', highlighted: true },
    ]);
  });

  it('covers every report category, with rule_ids only on violations', async () => {
    const rows = await sql<{ category: number; n: string; with_rules: string }>`
      SELECT category, count(*) AS n, count(*) FILTER (WHERE rule_ids IS NOT NULL AND cardinality(rule_ids) > 0) AS with_rules
      FROM reports GROUP BY category ORDER BY category`.execute(db.handle.db);
    expect(rows.rows.map((r) => r.category)).toEqual([0, 1000, 1500, 2000]);
    for (const r of rows.rows) expect(Number(r.with_rules)).toBe(r.category === 2000 ? Number(r.n) : 0);
    // Some reports reference the soft-deleted rule.
    expect(Number(await scalar(db.handle, sql`SELECT count(*) FROM reports r JOIN rules ru ON ru.id = ANY(r.rule_ids) WHERE ru.deleted_at IS NOT NULL`))).toBeGreaterThan(0);
  });

  it('has open and resolved reports that make sense', async () => {
    const r = (await sql<Record<string, string>>`
      SELECT count(*) FILTER (WHERE action_taken_at IS NULL) AS open,
             count(*) FILTER (WHERE action_taken_at IS NOT NULL) AS resolved,
             count(*) FILTER (WHERE action_taken_at IS NOT NULL AND action_taken_by_account_id IS NULL) AS resolved_without_moderator,
             count(*) FILTER (WHERE updated_at < created_at OR action_taken_at < created_at) AS bad_times,
             count(*) FILTER (WHERE assigned_account_id IS NOT NULL AND action_taken_at IS NULL) AS open_assigned,
             count(DISTINCT action_taken_by_account_id) AS resolvers,
             max(now() AT TIME ZONE 'UTC' - created_at) FILTER (WHERE action_taken_at IS NULL) AS oldest_open
      FROM reports`.execute(db.handle.db)).rows[0]!;
    const open = Number(r.open);
    const resolved = Number(r.resolved);
    expect(resolved / (open + resolved)).toBeGreaterThan(0.5);
    expect(resolved / (open + resolved)).toBeLessThan(0.75);
    expect(Number(r.resolved_without_moderator)).toBe(0);
    expect(Number(r.bad_times)).toBe(0);
    expect(Number(r.open_assigned)).toBeGreaterThan(0);
    expect(Number(r.resolvers)).toBeGreaterThanOrEqual(4);
    // Notes never predate their report, and a note bumps the report's updated_at.
    expect(Number(await scalar(db.handle, sql`SELECT count(*) FROM report_notes n JOIN reports r ON r.id = n.report_id WHERE n.created_at < r.created_at OR n.created_at > r.updated_at`))).toBe(0);
    // Reported statuses include soft-deleted ones.
    expect(Number(await scalar(db.handle, sql`SELECT count(*) FROM reports r JOIN statuses s ON s.id = ANY(r.status_ids) WHERE s.deleted_at IS NOT NULL`))).toBeGreaterThan(0);
    // The spam wave: 30 reports within an hour against three accounts.
    const wave = await sql<{ n: string; targets: string; span: string }>`
      SELECT count(*) AS n, count(DISTINCT r.target_account_id) AS targets, extract(epoch FROM max(r.created_at) - min(r.created_at)) AS span
      FROM reports r JOIN accounts a ON a.id = r.target_account_id WHERE a.domain = 'spam-wave.example'`.execute(db.handle.db);
    expect(Number(wave.rows[0]!.n)).toBe(30);
    expect(Number(wave.rows[0]!.targets)).toBe(3);
    expect(Number(wave.rows[0]!.span)).toBeLessThanOrEqual(3600);
    // Reports received from other servers come from their instance actors, with the remote Flag id.
    const remote = await sql<{ uri: string; forwarded: boolean; actor_type: string }>`
      SELECT r.uri, r.forwarded, a.actor_type FROM reports r JOIN accounts a ON a.id = r.account_id WHERE a.domain = 'mstdn.example'`.execute(db.handle.db);
    expect(remote.rows.length).toBeGreaterThan(0);
    for (const row of remote.rows) {
      expect(row.uri).toMatch(/^https:\/\/mstdn\.example\//);
      expect(row.forwarded).toBe(false);
      expect(row.actor_type).toBe('Application');
    }
  });

  it('has every strike action, appeals in every state, and account states that match', async () => {
    const actions = await sql<{ action: number }>`SELECT DISTINCT action FROM account_warnings ORDER BY action`.execute(db.handle.db);
    expect(actions.rows.map((r) => r.action)).toEqual([0, 1000, 1250, 1500, 2000, 3000, 4000]);
    const states = await sql<{ state: string; n: string }>`
      SELECT CASE WHEN approved_at IS NOT NULL THEN 'approved' WHEN rejected_at IS NOT NULL THEN 'rejected' ELSE 'pending' END AS state, count(*) AS n
      FROM appeals GROUP BY 1 ORDER BY 1`.execute(db.handle.db);
    expect(states.rows.map((r) => r.state)).toEqual(['approved', 'pending', 'rejected']);
    const pendingAges = await sql<{ recent: string; old: string }>`
      SELECT count(*) FILTER (WHERE created_at > ${NOW}::timestamp - interval '7 days') AS recent, count(*) FILTER (WHERE created_at <= ${NOW}::timestamp - interval '7 days') AS old
      FROM appeals WHERE approved_at IS NULL AND rejected_at IS NULL`.execute(db.handle.db);
    expect(Number(pendingAges.rows[0]!.recent)).toBeGreaterThan(0);
    expect(Number(pendingAges.rows[0]!.old)).toBeGreaterThan(0);
    const appealRules = await sql<Record<string, string>>`
      SELECT count(*) FILTER (WHERE p.created_at > w.created_at + interval '20 days' OR p.created_at < w.created_at) AS outside_window,
             count(*) FILTER (WHERE p.approved_at IS NOT NULL AND (w.overruled_at IS NULL OR p.approved_by_account_id IS NULL)) AS approved_not_overruled,
             count(*) FILTER (WHERE p.rejected_at IS NOT NULL AND p.rejected_by_account_id IS NULL) AS rejected_without_moderator,
             count(*) FILTER (WHERE length(p.text) > 2000) AS too_long,
             count(*) FILTER (WHERE p.account_id <> w.target_account_id) AS wrong_appellant
      FROM appeals p JOIN account_warnings w ON w.id = p.account_warning_id`.execute(db.handle.db);
    expect(Object.values(appealRules.rows[0]!).map(Number)).toEqual([0, 0, 0, 0, 0]);
    // A strike that was not overruled left its mark on the account.
    const inconsistent = await scalar(db.handle, sql`
      SELECT count(*) FROM account_warnings w JOIN accounts a ON a.id = w.target_account_id LEFT JOIN users u ON u.account_id = a.id
      WHERE w.overruled_at IS NULL AND (
        (w.action = 3000 AND a.silenced_at IS NULL AND a.suspended_at IS NULL) OR
        (w.action = 4000 AND a.suspended_at IS NULL) OR
        (w.action = 2000 AND a.sensitized_at IS NULL) OR
        (w.action = 1000 AND u.disabled IS NOT TRUE))`);
    expect(Number(inconsistent)).toBe(0);
    // Local suspensions within the last 30 days still have their deletion request and e-mail block.
    const suspensions = await sql<{ username: string; email: string; requests: string; hash: string | null }>`
      SELECT a.username, u.email, (SELECT count(*) FROM account_deletion_requests d WHERE d.account_id = a.id) AS requests,
             (SELECT c.canonical_email_hash FROM canonical_email_blocks c WHERE c.reference_account_id = a.id) AS hash
      FROM accounts a JOIN users u ON u.account_id = a.id
      WHERE a.domain IS NULL AND a.suspended_at > ${NOW}::timestamp - interval '30 days' AND a.suspension_origin = 0`.execute(db.handle.db);
    expect(suspensions.rows.length).toBeGreaterThan(0);
    for (const s of suspensions.rows) {
      expect(Number(s.requests)).toBe(1);
      expect(s.hash).toBe(canonicalEmailHash(s.email));
    }
  });

  it('applies every domain-block severity to the accounts of the domain and its subdomains', async () => {
    const severities = await sql<{ severity: number }>`SELECT DISTINCT severity FROM domain_blocks ORDER BY severity`.execute(db.handle.db);
    expect(severities.rows.map((r) => r.severity)).toEqual([0, 1, 2]);
    const suspended = await sql<{ n: string; mismatched: string }>`
      SELECT count(*) AS n, count(*) FILTER (WHERE a.suspended_at IS DISTINCT FROM b.created_at OR a.suspension_origin IS DISTINCT FROM 0) AS mismatched
      FROM accounts a JOIN domain_blocks b ON a.domain = b.domain OR a.domain LIKE '%.' || b.domain
      WHERE b.severity = 1`.execute(db.handle.db);
    expect(Number(suspended.rows[0]!.n)).toBeGreaterThan(0);
    expect(Number(suspended.rows[0]!.mismatched)).toBe(0);
    // Limited servers: every account carries the block's timestamp, except one a moderator un-limited (audit-logged).
    const limited = await sql<{ n: string; mismatched: string }>`
      SELECT count(*) AS n, count(*) FILTER (WHERE a.silenced_at IS DISTINCT FROM b.created_at) AS mismatched
      FROM accounts a JOIN domain_blocks b ON a.domain = b.domain OR a.domain LIKE '%.' || b.domain
      WHERE b.severity = 0`.execute(db.handle.db);
    expect(Number(limited.rows[0]!.n)).toBeGreaterThan(0);
    expect(Number(limited.rows[0]!.mismatched)).toBeLessThanOrEqual(Number(await scalar(db.handle, sql`SELECT count(*) FROM admin_action_logs WHERE action = 'unsilence'`)));
    // The parent block covers the subdomain's accounts.
    const sub = await sql<{ n: string; ok: string }>`
      SELECT count(*) AS n, count(*) FILTER (WHERE a.silenced_at = b.created_at) AS ok
      FROM accounts a JOIN domain_blocks b ON b.domain = 'example.org' WHERE a.domain = 'social.example.org'`.execute(db.handle.db);
    expect(Number(sub.rows[0]!.n)).toBeGreaterThan(0);
    expect(Number(sub.rows[0]!.ok)).toBeGreaterThan(0);
    // IDN servers are stored as punycode.
    expect(Number(await scalar(db.handle, sql`SELECT count(*) FROM accounts WHERE domain LIKE 'xn--%'`))).toBeGreaterThan(0);
    expect(Number(await scalar(db.handle, sql`SELECT count(*) FROM domain_blocks WHERE domain LIKE 'xn--%'`))).toBeGreaterThan(0);
  });

  it('writes an audit log that matches what moderators did', async () => {
    const actions = await sql<{ k: string }>`SELECT DISTINCT action || ' ' || target_type AS k FROM admin_action_logs ORDER BY 1`.execute(db.handle.db);
    const kinds = actions.rows.map((r) => r.k);
    for (const k of [
      'resolve Report', 'reopen Report', 'assigned_to_self Report', 'suspend Account', 'silence Account', 'sensitive Account', 'unsilence Account',
      'disable User', 'approve User', 'reject User', 'create AccountWarning', 'approve Appeal', 'reject Appeal', 'create DomainBlock',
      'create EmailDomainBlock', 'create IpBlock', 'create DomainAllow', 'destroy Status',
    ]) {
      expect(kinds).toContain(k);
    }
    // Every resolved report has a resolve entry at the moment it was resolved.
    expect(Number(await scalar(db.handle, sql`
      SELECT count(*) FROM reports r WHERE r.action_taken_at IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM admin_action_logs l WHERE l.target_type = 'Report' AND l.target_id = r.id AND l.action = 'resolve' AND l.created_at = r.action_taken_at)`))).toBe(0);
    // Appeal entries carry the strike id as route_param; User entries the account id.
    expect(Number(await scalar(db.handle, sql`
      SELECT count(*) FROM admin_action_logs l JOIN appeals p ON l.target_type = 'Appeal' AND l.target_id = p.id WHERE l.route_param <> p.account_warning_id::text`))).toBe(0);
    expect(Number(await scalar(db.handle, sql`
      SELECT count(*) FROM admin_action_logs l JOIN users u ON l.target_type = 'User' AND l.target_id = u.id WHERE l.route_param <> u.account_id::text`))).toBe(0);
    // Ids follow time, as a sequence would have handed them out.
    expect(Number(await scalar(db.handle, sql`
      SELECT count(*) FROM (SELECT created_at < lag(created_at) OVER (ORDER BY id) AS backwards FROM admin_action_logs) t WHERE backwards`))).toBe(0);
  });

  it('has pending sign-ups of every kind', async () => {
    const p = (await sql<Record<string, string>>`
      SELECT count(*) AS n,
             count(*) FILTER (WHERE u.confirmed_at IS NULL) AS unconfirmed,
             count(*) FILTER (WHERE u.invite_id IS NOT NULL) AS invited,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ip_blocks b WHERE u.sign_up_ip <<= b.ip AND b.severity = 5000)) AS from_limited_ip,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM email_domain_blocks b WHERE split_part(u.email, '@', 2) = b.domain AND b.allow_with_approval)) AS from_approval_domain,
             count(*) FILTER (WHERE r.text LIKE '%<script>%') AS hostile
      FROM users u LEFT JOIN user_invite_requests r ON r.user_id = u.id WHERE NOT u.approved`.execute(db.handle.db)).rows[0]!;
    expect(Number(p.n)).toBeGreaterThanOrEqual(25);
    for (const key of ['unconfirmed', 'invited', 'from_limited_ip', 'from_approval_domain', 'hostile']) expect(Number(p[key])).toBeGreaterThan(0);
    expect(Number(await scalar(db.handle, sql`SELECT count(DISTINCT severity) FROM ip_blocks`))).toBe(3);
  });

  it('keeps sequences ahead of the seeded ids and the instances view filled', async () => {
    const next = await db.handle.db
      .insertInto('report_notes')
      .values({ account_id: '-99', report_id: '1', content: 'sequence check', created_at: NOW, updated_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    const max = await scalar(db.handle, sql`SELECT max(id) FROM report_notes WHERE content <> 'sequence check'`);
    expect(BigInt(next.id) > BigInt(max)).toBe(true);
    await db.handle.db.deleteFrom('report_notes').where('id', '=', next.id).execute();
    expect(Number(await scalar(db.handle, sql`SELECT count(*) FROM instances`))).toBeGreaterThanOrEqual(250);
  });
});

describe('demo media', () => {
  const id = '113456789012345678';

  it('paints a valid PNG, byte-identical for the same id', () => {
    const a = renderDemoPng({ kind: 'media', id });
    const b = renderDemoPng({ kind: 'media', id });
    expect(a.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(a.equals(b)).toBe(true);
    expect(a.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const size = demoImageSize('media', id);
    expect(a.readUInt32BE(16)).toBe(size.width);
    expect(a.readUInt32BE(20)).toBe(size.height);
    expect(renderDemoPng({ kind: 'media', id: '113456789012345679' }).equals(a)).toBe(false);
    expect(renderDemoPng({ kind: 'avatar', id }).equals(a)).toBe(false);
    const small = renderDemoPng({ kind: 'media', id, style: 'small' });
    expect(small.readUInt32BE(16)).toBe(demoImageSize('media', id, 'small').width);
  });

  it('maps Paperclip id partitions both ways and rejects other paths', () => {
    expect(idPartition(id)).toBe('113/456/789/012/345/678');
    expect(idPartition('42')).toBe('000/000/042');
    expect(idFromPartition(idPartition(id).split('/'))).toBe(id);
    expect(idFromPartition(['000', '000', '042'])).toBe('42');
    expect(parseDemoMediaPath(['media_attachments', 'files', ...idPartition(id).split('/'), 'small', 'abcdef0123456789.png'])).toEqual({
      kind: 'media', id, style: 'small', fileName: 'abcdef0123456789.png', cached: false,
    });
    expect(parseDemoMediaPath(['cache', 'accounts', 'avatars', ...idPartition(id).split('/'), 'original', 'a.jpeg'])?.kind).toBe('avatar');
    expect(parseDemoMediaPath(['media_attachments', 'files', '113', 'original', 'a.png'])).toBeNull();
    expect(parseDemoMediaPath(['media_attachments', 'files', ...idPartition(id).split('/'), 'huge', 'a.png'])).toBeNull();
    expect(parseDemoMediaPath(['..', 'etc', 'passwd'])).toBeNull();
    expect(parseDemoMediaPath(['accounts', 'avatars', ...idPartition(id).split('/'), 'original', '../x.png'])).toBeNull();
  });

  it('derives a stable blurhash', () => {
    const hash = demoBlurhash('media', id);
    expect(hash).toMatch(/^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{28}$/);
    expect(demoBlurhash('media', id)).toBe(hash);
  });
});
