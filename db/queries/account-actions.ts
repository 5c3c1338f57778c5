import { sql } from 'kysely';
import type { Db } from '../client';

export interface AccountForAction {
  id: string;
  username: string;
  domain: string | null;
  suspendedAt: Date | null;
  suspensionOrigin: number | null;
  silencedAt: Date | null;
  sensitizedAt: Date | null;
  userId: string | null;
  userEmail: string | null;
  userApproved: boolean | null;
  userDisabled: boolean | null;
  /** Position of the user's role, Everyone (-1) when role_id is NULL; NULL for remote accounts. */
  rolePosition: number | null;
}

/** Locks the account row for the action's transaction, so two actions on one account serialise. */
export async function lockAccountForAction({ db, accountId }: { db: Db; accountId: string }): Promise<AccountForAction | undefined> {
  const row = await db
    .selectFrom('accounts as a')
    .leftJoin('users as u', 'u.account_id', 'a.id')
    .leftJoin('user_roles as r', 'r.id', 'u.role_id')
    .select([
      'a.id',
      'a.username',
      'a.domain',
      'a.suspended_at as suspendedAt',
      'a.suspension_origin as suspensionOrigin',
      'a.silenced_at as silencedAt',
      'a.sensitized_at as sensitizedAt',
      'u.id as userId',
      'u.email as userEmail',
      'u.approved as userApproved',
      'u.disabled as userDisabled',
      sql<number | null>`CASE WHEN u.id IS NULL THEN NULL ELSE COALESCE(r.position, -1) END`.as('rolePosition'),
    ])
    .where('a.id', '=', accountId)
    .forUpdate('a')
    .executeTakeFirst();
  return row;
}

export async function getWarningPresetText({ db, presetId }: { db: Db; presetId: string }): Promise<string | undefined> {
  const row = await db.selectFrom('account_warning_presets').select('text').where('id', '=', presetId).executeTakeFirst();
  return row?.text;
}

export async function getReportForAction({ db, reportId }: { db: Db; reportId: string }) {
  return db.selectFrom('reports').select(['id', 'target_account_id', 'status_ids', 'action_taken_at', 'updated_at']).where('id', '=', reportId).forUpdate().executeTakeFirst();
}

export async function setUserDisabled({ db, userId, disabled, at }: { db: Db; userId: string; disabled: boolean; at: Date }): Promise<void> {
  await db.updateTable('users').set({ disabled, updated_at: at }).where('id', '=', userId).execute();
}

export async function setUserApproved({ db, userId, at }: { db: Db; userId: string; at: Date }): Promise<void> {
  await db.updateTable('users').set({ approved: true, updated_at: at }).where('id', '=', userId).execute();
}

export async function setAccountTimestamps({
  db,
  accountId,
  at,
  changes,
}: {
  db: Db;
  accountId: string;
  at: Date;
  changes: Partial<{ silenced_at: Date | null; sensitized_at: Date | null; suspended_at: Date | null; suspension_origin: number | null }>;
}): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ ...changes, updated_at: at })
    .where('id', '=', accountId)
    .execute();
}

export async function insertDeletionRequest({ db, accountId, at }: { db: Db; accountId: string; at: Date }): Promise<void> {
  await db.insertInto('account_deletion_requests').values({ account_id: accountId, created_at: at, updated_at: at }).execute();
}

export async function deleteDeletionRequests({ db, accountId }: { db: Db; accountId: string }): Promise<void> {
  await db.deleteFrom('account_deletion_requests').where('account_id', '=', accountId).execute();
}

/** Account#create_canonical_email_block!: silently keeps an existing block for the same address. */
export async function insertCanonicalEmailBlock({ db, hash, accountId, at }: { db: Db; hash: string; accountId: string; at: Date }): Promise<void> {
  await db
    .insertInto('canonical_email_blocks')
    .values({ canonical_email_hash: hash, reference_account_id: accountId, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('canonical_email_hash').doNothing())
    .execute();
}

export async function deleteCanonicalEmailBlocksFor({ db, accountId }: { db: Db; accountId: string }): Promise<void> {
  await db.deleteFrom('canonical_email_blocks').where('reference_account_id', '=', accountId).execute();
}

export async function insertStrike({
  db,
  actorAccountId,
  targetAccountId,
  action,
  text,
  reportId,
  statusIds,
  at,
}: {
  db: Db;
  actorAccountId: string;
  targetAccountId: string;
  action: number;
  text: string;
  reportId: string | null;
  statusIds: string[] | null;
  at: Date;
}): Promise<string> {
  const row = await db
    .insertInto('account_warnings')
    .values({
      account_id: actorAccountId,
      target_account_id: targetAccountId,
      action,
      text,
      report_id: reportId,
      // account_warnings.status_ids is varchar[] (unlike reports.status_ids): ids as strings.
      status_ids: statusIds,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Target's unresolved report ids, unlocked (index_reports_on_target_account_id). */
export async function listUnresolvedReportsAgainst({ db, accountId }: { db: Db; accountId: string }): Promise<string[]> {
  const rows = await db.selectFrom('reports').select('id').where('target_account_id', '=', accountId).where('action_taken_at', 'is', null).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Which of these reports are resolved now. */
export async function listResolvedReportIds({ db, ids }: { db: Db; ids: readonly string[] }): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('reports').select('id').where('id', 'in', [...ids]).where('action_taken_at', 'is not', null).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Target's unresolved reports, locked, oldest first (Account#targeted_reports.unresolved). */
export async function lockUnresolvedReportsAgainst({ db, accountId }: { db: Db; accountId: string }): Promise<string[]> {
  const rows = await db
    .selectFrom('reports')
    .select('id')
    .where('target_account_id', '=', accountId)
    .where('action_taken_at', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/** Reject of a never-active sign-up: Mastodon deletes the account outright (cascading its user). */
export async function deleteAccountRow({ db, accountId }: { db: Db; accountId: string }): Promise<void> {
  await db.deleteFrom('accounts').where('id', '=', accountId).execute();
}
