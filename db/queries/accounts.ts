import { sql } from 'kysely';
import { escapeLike, type AccountFilters } from '@/lib/account-filters';
import type { Db } from '../client';

const INSTANCE_ACTOR_ID = '-99';

export interface AccountListRow {
  id: string;
  username: string;
  domain: string | null;
  displayName: string;
  createdAt: Date;
  suspendedAt: Date | null;
  suspensionOrigin: number | null;
  silencedAt: Date | null;
  sensitizedAt: Date | null;
  requestedDeletionAt: Date | null;
  memorial: boolean;
  actorType: string | null;
  userId: string | null;
  email: string | null;
  approved: boolean | null;
  disabled: boolean | null;
  confirmedAt: Date | null;
  currentSignInAt: Date | null;
  roleName: string | null;
  roleColor: string | null;
  lastStatusAt: Date | null;
  statusesCount: string;
  /** Latest IP from the user_ips view; only filled when the caller may see IPs. */
  lastIp: string | null;
}

/**
 * Mastodon's admin account list (AccountFilter), newest first, keyset-paginated on the primary
 * key. Each filter is written for an index: `domain IS NULL` / `domain = ?` walk
 * index_accounts_on_domain_and_id; the username prefix uses the recommended text_pattern_ops
 * index (plain LIKE cannot use a collated btree); display-name words use Mastodon's own GIN
 * `search_index`, restricted to weight A (the display name); an exact e-mail uses
 * index_users_on_email. IP search goes through the user_ips view, as Mastodon's does.
 */
export async function listAccounts({
  db,
  filters,
  before,
  limit = 50,
  withIps = false,
}: {
  db: Db;
  filters: AccountFilters;
  /** Cursor: the id of the last row on the previous page. */
  before?: string | null;
  limit?: number;
  withIps?: boolean;
}): Promise<AccountListRow[]> {
  const needsUser = filters.status === 'pending' || filters.status === 'disabled' || !!filters.roleId || !!filters.email || !!filters.ip;
  let q = db
    .selectFrom('accounts as a')
    .leftJoin('users as u', 'u.account_id', 'a.id')
    .leftJoin('user_roles as r', 'r.id', 'u.role_id')
    .leftJoin('account_stats as s', 's.account_id', 'a.id')
    .select([
      'a.id',
      'a.username',
      'a.domain',
      'a.display_name as displayName',
      'a.created_at as createdAt',
      'a.suspended_at as suspendedAt',
      'a.suspension_origin as suspensionOrigin',
      'a.silenced_at as silencedAt',
      'a.sensitized_at as sensitizedAt',
      'a.requested_deletion_at as requestedDeletionAt',
      'a.memorial',
      'a.actor_type as actorType',
      'u.id as userId',
      'u.email',
      'u.approved',
      'u.disabled',
      'u.confirmed_at as confirmedAt',
      'u.current_sign_in_at as currentSignInAt',
      'r.name as roleName',
      'r.color as roleColor',
      's.last_status_at as lastStatusAt',
      sql<string>`COALESCE(s.statuses_count, 0)`.as('statusesCount'),
      withIps
        ? sql<string | null>`(SELECT host(ui.ip) FROM user_ips ui WHERE ui.user_id = u.id AND ui.ip IS NOT NULL ORDER BY ui.used_at DESC NULLS LAST LIMIT 1)`.as('lastIp')
        : sql<string | null>`NULL::text`.as('lastIp'),
    ])
    .where('a.id', '<>', INSTANCE_ACTOR_ID)
    .orderBy('a.id', 'desc')
    .limit(limit);

  if (needsUser) q = q.where('u.id', 'is not', null);
  if (filters.origin === 'local' || needsUser) q = q.where('a.domain', 'is', null);
  if (filters.origin === 'remote') q = q.where('a.domain', 'is not', null);
  if (filters.domain) q = q.where('a.domain', '=', filters.domain);

  switch (filters.status) {
    case 'active':
      q = q.where('a.suspended_at', 'is', null);
      break;
    case 'suspended':
      q = q.where('a.suspended_at', 'is not', null);
      break;
    case 'silenced':
      q = q.where('a.silenced_at', 'is not', null);
      break;
    case 'sensitized':
      q = q.where('a.sensitized_at', 'is not', null);
      break;
    case 'pending':
      q = q.where('u.approved', '=', false);
      break;
    case 'disabled':
      q = q.where('u.disabled', '=', true).where('a.suspended_at', 'is', null);
      break;
    case undefined:
      break;
  }
  if (filters.roleId) q = q.where('u.role_id', '=', filters.roleId);
  if (filters.username) q = q.where(sql<boolean>`lower(a.username) LIKE ${`${escapeLike(filters.username)}%`}`);
  if (filters.displayNameWords && filters.displayNameWords.length > 0) {
    // The exact expression of Mastodon's search_index, so the GIN index answers it.
    const query = filters.displayNameWords.map((w) => `${w.replace(/['\\:&|!()*<>]/g, '')}:*A`).join(' & ');
    q = q.where(
      sql<boolean>`(((setweight(to_tsvector('simple'::regconfig, (a.display_name)::text), 'A'::"char") || setweight(to_tsvector('simple'::regconfig, (a.username)::text), 'B'::"char")) || setweight(to_tsvector('simple'::regconfig, (COALESCE(a.domain, ''::character varying))::text), 'C'::"char"))) @@ to_tsquery('simple'::regconfig, ${query})`,
    );
  }
  if (filters.email) {
    const { kind, value } = filters.email;
    if (kind === 'exact') q = q.where('u.email', '=', value);
    else if (kind === 'domain') q = q.where(sql<boolean>`u.email LIKE ${`%@${escapeLike(value)}`}`);
    else q = q.where(sql<boolean>`u.email LIKE ${`${escapeLike(value)}%`}`);
  }
  if (filters.ip) q = q.where(sql<boolean>`u.id IN (SELECT ui.user_id FROM user_ips ui WHERE ui.ip <<= ${filters.ip}::inet)`);
  if (before) q = q.where('a.id', '<', before);
  return q.execute();
}

export interface RoleOption {
  id: string;
  name: string;
  position: number;
}

/** Roles for the filter (not Everyone, which every user has). */
export async function listRoles({ db }: { db: Db }): Promise<RoleOption[]> {
  return db.selectFrom('user_roles').select(['id', 'name', 'position']).where('id', '<>', '-99').orderBy('position', 'desc').orderBy('id').execute();
}

export interface AccountProfile {
  id: string;
  username: string;
  domain: string | null;
  displayName: string;
  note: string;
  uri: string | null;
  url: string | null;
  createdAt: Date;
  suspendedAt: Date | null;
  suspensionOrigin: number | null;
  silencedAt: Date | null;
  sensitizedAt: Date | null;
  requestedDeletionAt: Date | null;
  memorial: boolean;
  locked: boolean;
  actorType: string | null;
  movedToAccountId: string | null;
  avatarFileName: string | null;
  avatarRemoteUrl: string | null;
  avatarStorageSchemaVersion: number | null;
  headerFileName: string | null;
  headerRemoteUrl: string | null;
  headerStorageSchemaVersion: number | null;
  fields: unknown;
  followersCount: string;
  followingCount: string;
  statusesCount: string;
  lastStatusAt: Date | null;
  userId: string | null;
  email: string | null;
  unconfirmedEmail: string | null;
  approved: boolean | null;
  disabled: boolean | null;
  confirmedAt: Date | null;
  userCreatedAt: Date | null;
  signUpIp: string | null;
  currentSignInAt: Date | null;
  locale: string | null;
  otpEnabled: boolean | null;
  roleId: string | null;
  roleName: string | null;
  roleColor: string | null;
  /** Position of the user's role (Everyone = -1); NULL for remote accounts. */
  rolePosition: number | null;
  inviteRequest: string | null;
  invitedByAccountId: string | null;
  invitedByUsername: string | null;
  inviteCode: string | null;
  deletionRequestedAt: Date | null;
  emailBlocked: boolean;
}

/** Everything the account page's header needs, in one round trip. */
export async function getAccountProfile({ db, accountId }: { db: Db; accountId: string }): Promise<AccountProfile | undefined> {
  return db
    .selectFrom('accounts as a')
    .leftJoin('account_stats as s', 's.account_id', 'a.id')
    .leftJoin('users as u', 'u.account_id', 'a.id')
    .leftJoin('user_roles as r', 'r.id', 'u.role_id')
    .leftJoin('invites as i', 'i.id', 'u.invite_id')
    .leftJoin('users as iu', 'iu.id', 'i.user_id')
    .leftJoin('accounts as ia', 'ia.id', 'iu.account_id')
    .select([
      'a.id',
      'a.username',
      'a.domain',
      'a.display_name as displayName',
      'a.note',
      'a.uri',
      'a.url',
      'a.created_at as createdAt',
      'a.suspended_at as suspendedAt',
      'a.suspension_origin as suspensionOrigin',
      'a.silenced_at as silencedAt',
      'a.sensitized_at as sensitizedAt',
      'a.requested_deletion_at as requestedDeletionAt',
      'a.memorial',
      'a.locked',
      'a.actor_type as actorType',
      'a.moved_to_account_id as movedToAccountId',
      'a.avatar_file_name as avatarFileName',
      'a.avatar_remote_url as avatarRemoteUrl',
      'a.avatar_storage_schema_version as avatarStorageSchemaVersion',
      'a.header_file_name as headerFileName',
      'a.header_remote_url as headerRemoteUrl',
      'a.header_storage_schema_version as headerStorageSchemaVersion',
      'a.fields',
      sql<string>`COALESCE(s.followers_count, 0)`.as('followersCount'),
      sql<string>`COALESCE(s.following_count, 0)`.as('followingCount'),
      sql<string>`COALESCE(s.statuses_count, 0)`.as('statusesCount'),
      's.last_status_at as lastStatusAt',
      'u.id as userId',
      'u.email',
      'u.unconfirmed_email as unconfirmedEmail',
      'u.approved',
      'u.disabled',
      'u.confirmed_at as confirmedAt',
      'u.created_at as userCreatedAt',
      sql<string | null>`host(u.sign_up_ip)`.as('signUpIp'),
      'u.current_sign_in_at as currentSignInAt',
      'u.locale',
      'u.otp_required_for_login as otpEnabled',
      'u.role_id as roleId',
      'r.name as roleName',
      'r.color as roleColor',
      sql<number | null>`CASE WHEN u.id IS NULL THEN NULL ELSE COALESCE(r.position, -1) END`.as('rolePosition'),
      sql<string | null>`(SELECT ir.text FROM user_invite_requests ir WHERE ir.user_id = u.id ORDER BY ir.id DESC LIMIT 1)`.as('inviteRequest'),
      'ia.id as invitedByAccountId',
      'ia.username as invitedByUsername',
      'i.code as inviteCode',
      sql<Date | null>`(SELECT min(d.created_at) FROM account_deletion_requests d WHERE d.account_id = a.id)`.as('deletionRequestedAt'),
      sql<boolean>`EXISTS (SELECT 1 FROM canonical_email_blocks c WHERE c.reference_account_id = a.id)`.as('emailBlocked'),
    ])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
}

export interface AccountIp {
  ip: string;
  usedAt: Date | null;
}

/** The user's IPs, most recent first (the user_ips view; index lookups per source table). */
export async function listAccountIps({ db, userId, limit = 20 }: { db: Db; userId: string; limit?: number }): Promise<AccountIp[]> {
  const rows = await db
    .selectFrom('user_ips')
    .select([sql<string>`host(ip)`.as('ip'), 'used_at as usedAt'])
    .where('user_id', '=', userId)
    .where('ip', 'is not', null)
    .orderBy(sql`used_at DESC NULLS LAST`)
    .limit(limit)
    .execute();
  return rows;
}

export interface AccountReportRow {
  id: string;
  createdAt: Date;
  category: number;
  comment: string;
  actionTakenAt: Date | null;
  statusCount: number;
  /** The other party: the target for reports filed by the account, the reporter otherwise. */
  otherAccountId: string;
  otherUsername: string;
  otherDomain: string | null;
}

/** Reports about (`against`) or filed by (`by`) the account, newest first, on Mastodon's indexes. */
export async function listAccountReports({ db, accountId, side, limit = 20 }: { db: Db; accountId: string; side: 'against' | 'by'; limit?: number }): Promise<AccountReportRow[]> {
  const own = side === 'against' ? 'r.target_account_id' : 'r.account_id';
  const other = side === 'against' ? 'r.account_id' : 'r.target_account_id';
  return db
    .selectFrom('reports as r')
    .innerJoin('accounts as o', 'o.id', other)
    .select([
      'r.id',
      'r.created_at as createdAt',
      'r.category',
      'r.comment',
      'r.action_taken_at as actionTakenAt',
      sql<number>`cardinality(r.status_ids)`.as('statusCount'),
      'o.id as otherAccountId',
      'o.username as otherUsername',
      'o.domain as otherDomain',
    ])
    .where(own, '=', accountId)
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

export async function countReports({ db, accountId }: { db: Db; accountId: string }): Promise<{ against: number; openAgainst: number; by: number }> {
  const { rows } = await sql<{ against: number; open_against: number; by: number }>`
    SELECT
      (SELECT count(*)::int FROM reports WHERE target_account_id = ${accountId}) AS against,
      (SELECT count(*)::int FROM reports WHERE target_account_id = ${accountId} AND action_taken_at IS NULL) AS open_against,
      (SELECT count(*)::int FROM reports WHERE account_id = ${accountId}) AS by`.execute(db);
  const row = rows[0];
  return { against: row?.against ?? 0, openAgainst: row?.open_against ?? 0, by: row?.by ?? 0 };
}

export interface StrikeRow {
  id: string;
  action: number;
  text: string;
  createdAt: Date;
  overruledAt: Date | null;
  reportId: string | null;
  statusCount: number;
  issuerAccountId: string | null;
  issuerUsername: string | null;
  appealId: string | null;
  appealCreatedAt: Date | null;
  appealApprovedAt: Date | null;
  appealRejectedAt: Date | null;
}

/** Strikes against the account with their appeals, newest first (index_account_warnings_on_target_account_id). */
export async function listStrikes({ db, accountId, limit = 50 }: { db: Db; accountId: string; limit?: number }): Promise<StrikeRow[]> {
  return db
    .selectFrom('account_warnings as w')
    .leftJoin('accounts as m', 'm.id', 'w.account_id')
    .leftJoin('appeals as ap', 'ap.account_warning_id', 'w.id')
    .select([
      'w.id',
      'w.action',
      'w.text',
      'w.created_at as createdAt',
      'w.overruled_at as overruledAt',
      'w.report_id as reportId',
      sql<number>`COALESCE(cardinality(w.status_ids), 0)`.as('statusCount'),
      'm.id as issuerAccountId',
      'm.username as issuerUsername',
      'ap.id as appealId',
      'ap.created_at as appealCreatedAt',
      'ap.approved_at as appealApprovedAt',
      'ap.rejected_at as appealRejectedAt',
    ])
    .where('w.target_account_id', '=', accountId)
    .orderBy('w.id', 'desc')
    .limit(limit)
    .execute();
}

export interface AuditEntry {
  id: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  humanIdentifier: string | null;
  routeParam: string | null;
  permalink: string | null;
  createdAt: Date;
  actorAccountId: string;
  actorUsername: string | null;
  actorDomain: string | null;
}

/**
 * Audit-log rows about the account: its Account and User rows, its strikes and appeals, the
 * reports against it and the posts in those reports and strikes. Every branch is an equality or
 * IN on index_admin_action_logs_on_target_type_and_target_id.
 */
export async function listAccountAuditEntries({ db, accountId, userId, limit = 100 }: { db: Db; accountId: string; userId: string | null; limit?: number }): Promise<AuditEntry[]> {
  const { rows } = await sql<AuditEntry>`
    WITH strikes AS (SELECT id, status_ids FROM account_warnings WHERE target_account_id = ${accountId}),
         against AS (SELECT id, status_ids FROM reports WHERE target_account_id = ${accountId}),
         posts AS (
           SELECT DISTINCT s::bigint AS id FROM (
             SELECT unnest(status_ids)::text AS s FROM against
             UNION ALL SELECT unnest(status_ids)::text FROM strikes
           ) x WHERE s ~ '^[0-9]{1,19}$'
         ),
         entries AS (
           SELECT l.* FROM admin_action_logs l WHERE l.target_type = 'Account' AND l.target_id = ${accountId}
           UNION ALL
           SELECT l.* FROM admin_action_logs l WHERE l.target_type = 'User' AND l.target_id = ${userId}::bigint
           UNION ALL
           SELECT l.* FROM strikes x JOIN admin_action_logs l ON l.target_type = 'AccountWarning' AND l.target_id = x.id
           UNION ALL
           SELECT l.* FROM appeals x JOIN admin_action_logs l ON l.target_type = 'Appeal' AND l.target_id = x.id WHERE x.account_id = ${accountId}
           UNION ALL
           SELECT l.* FROM against x JOIN admin_action_logs l ON l.target_type = 'Report' AND l.target_id = x.id
           UNION ALL
           SELECT l.* FROM posts x JOIN admin_action_logs l ON l.target_type = 'Status' AND l.target_id = x.id
         )
    SELECT e.id, e.action, e.target_type AS "targetType", e.target_id AS "targetId", e.human_identifier AS "humanIdentifier",
           e.route_param AS "routeParam", e.permalink, e.created_at AS "createdAt", e.account_id AS "actorAccountId",
           m.username AS "actorUsername", m.domain AS "actorDomain"
    FROM (SELECT * FROM entries ORDER BY created_at DESC, id DESC LIMIT ${limit}) e
    LEFT JOIN accounts m ON m.id = e.account_id
    ORDER BY e.created_at DESC, e.id DESC`.execute(db);
  return rows;
}

export interface AppealEventRow {
  id: string;
  accountWarningId: string;
  createdAt: Date;
  text: string;
}

/** Appeals the account filed (index_appeals_on_account_id), for the timeline. */
export async function listAccountAppeals({ db, accountId, limit = 50 }: { db: Db; accountId: string; limit?: number }): Promise<AppealEventRow[]> {
  return db
    .selectFrom('appeals')
    .select(['id', 'account_warning_id as accountWarningId', 'created_at as createdAt', 'text'])
    .where('account_id', '=', accountId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Exists check for forged or stale ids in actions. */
export async function accountExists({ db, accountId }: { db: Db; accountId: string }): Promise<boolean> {
  const row = await db.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst();
  return !!row;
}

/** acct parts for a handful of account ids (actors of Palisade events, which store only the id). */
export async function getAccountNames({ db, ids }: { db: Db; ids: string[] }): Promise<Map<string, { username: string; domain: string | null }>> {
  const wanted = [...new Set(ids.filter((id) => /^-?\d{1,19}$/.test(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['id', 'username', 'domain']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, { username: r.username, domain: r.domain }]));
}

/** The database's clock (UTC), so ages on a page agree with the data rather than the web server. */
export async function databaseNow({ db }: { db: Db }): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`SELECT now()::timestamp AS now`.execute(db);
  return rows[0]?.now ?? new Date(0);
}

/** Realistic inputs for the bench (scripts/bench/accounts-cases.ts): a deep cursor, a domain, the most reported account. */
export async function getAccountBenchSamples({ db }: { db: Db }): Promise<{ deepId: string | null; domain: string | null; busiestTarget: { accountId: string; userId: string | null } | null }> {
  const deep = await db.selectFrom('accounts').select('id').orderBy('id', 'desc').offset(600_000).limit(1).executeTakeFirst();
  const domain = await db.selectFrom('accounts').select('domain').where('domain', 'is not', null).orderBy('id').offset(500_000).limit(1).executeTakeFirst();
  const busiest = await db.selectFrom('reports').select('target_account_id').groupBy('target_account_id').orderBy((eb) => eb.fn.countAll(), 'desc').limit(1).executeTakeFirst();
  const user = busiest ? await db.selectFrom('users').select('id').where('account_id', '=', busiest.target_account_id).executeTakeFirst() : undefined;
  return { deepId: deep?.id ?? null, domain: domain?.domain ?? null, busiestTarget: busiest ? { accountId: busiest.target_account_id, userId: user?.id ?? null } : null };
}
