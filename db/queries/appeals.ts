import { sql } from 'kysely';
import type { AppealStatusFilter } from '@/lib/appeal-filters';
import type { Db } from '../client';

export interface AppealRow {
  id: string;
  text: string;
  createdAt: Date;
  approvedAt: Date | null;
  rejectedAt: Date | null;
  deciderUsername: string | null;
  accountId: string;
  username: string;
  domain: string | null;
  strikeId: string;
  strikeAction: number;
  strikeText: string;
  strikeCreatedAt: Date;
  strikeStatusCount: number;
  reportId: string | null;
  reportCategory: number | null;
}

/** Keyset position: pending rows sort before decided ones (rank 0/1). */
export interface AppealCursor {
  rank: 0 | 1;
  createdAt: string;
  id: string;
}

/**
 * The appeal queue: pending first and oldest first (the longest wait on top); decided appeals
 * newest first after them. Keyset on (rank, created_at, id); appeals are a small table (one per
 * strike at most), and the pending scan is the only hot one.
 */
export async function listAppeals({ db, status, after, limit = 50 }: { db: Db; status: AppealStatusFilter; after?: AppealCursor | null; limit?: number }): Promise<Array<AppealRow & { rank: 0 | 1 }>> {
  const rank = sql<0 | 1>`(CASE WHEN ap.approved_at IS NULL AND ap.rejected_at IS NULL THEN 0 ELSE 1 END)`;
  let q = db
    .selectFrom('appeals as ap')
    .innerJoin('account_warnings as w', 'w.id', 'ap.account_warning_id')
    .innerJoin('accounts as a', 'a.id', 'ap.account_id')
    .leftJoin('reports as r', 'r.id', 'w.report_id')
    .leftJoin('accounts as d', (join) => join.on(sql<boolean>`d.id = COALESCE(ap.approved_by_account_id, ap.rejected_by_account_id)`))
    .select([
      'ap.id',
      'ap.text',
      'ap.created_at as createdAt',
      'ap.approved_at as approvedAt',
      'ap.rejected_at as rejectedAt',
      'd.username as deciderUsername',
      'a.id as accountId',
      'a.username',
      'a.domain',
      'w.id as strikeId',
      'w.action as strikeAction',
      'w.text as strikeText',
      'w.created_at as strikeCreatedAt',
      sql<number>`COALESCE(cardinality(w.status_ids), 0)`.as('strikeStatusCount'),
      'w.report_id as reportId',
      'r.category as reportCategory',
      rank.as('rank'),
    ])
    .limit(limit);

  if (status === 'pending') q = q.where('ap.approved_at', 'is', null).where('ap.rejected_at', 'is', null);
  if (status === 'approved') q = q.where('ap.approved_at', 'is not', null);
  if (status === 'rejected') q = q.where('ap.rejected_at', 'is not', null);

  if (after) {
    const at = new Date(after.createdAt);
    if (after.rank === 0) {
      q = q.where(sql<boolean>`(${rank} = 1 OR (${rank} = 0 AND (ap.created_at, ap.id) > (${at}::timestamp, ${after.id}::bigint)))`);
    } else {
      q = q.where(sql<boolean>`(${rank} = 1 AND (ap.created_at, ap.id) < (${at}::timestamp, ${after.id}::bigint))`);
    }
  }
  return q
    .orderBy(rank, 'asc')
    .orderBy(sql`CASE WHEN ap.approved_at IS NULL AND ap.rejected_at IS NULL THEN ap.created_at END`, 'asc')
    .orderBy(sql`CASE WHEN ap.approved_at IS NULL AND ap.rejected_at IS NULL THEN ap.id END`, 'asc')
    .orderBy('ap.created_at', 'desc')
    .orderBy('ap.id', 'desc')
    .execute();
}

export interface AppealDetail {
  id: string;
  text: string;
  createdAt: Date;
  approvedAt: Date | null;
  approvedByUsername: string | null;
  rejectedAt: Date | null;
  rejectedByUsername: string | null;
  accountId: string;
  username: string;
  domain: string | null;
  displayName: string;
  suspendedAt: Date | null;
  suspensionOrigin: number | null;
  silencedAt: Date | null;
  sensitizedAt: Date | null;
  userDisabled: boolean | null;
  userId: string | null;
  deletionRequestedAt: Date | null;
  strikeId: string;
  strikeAction: number;
  strikeText: string;
  strikeCreatedAt: Date;
  strikeOverruledAt: Date | null;
  strikeStatusIds: string[];
  strikeIssuerUsername: string | null;
  reportId: string | null;
  reportCategory: number | null;
  reportComment: string | null;
  reportCreatedAt: Date | null;
  reportStatusIds: string[];
  reporterUsername: string | null;
  reporterDomain: string | null;
  reply: string | null;
  replyAuthorUsername: string | null;
}

export async function getAppealDetail({ db, appealId }: { db: Db; appealId: string }): Promise<AppealDetail | undefined> {
  return db
    .selectFrom('appeals as ap')
    .innerJoin('account_warnings as w', 'w.id', 'ap.account_warning_id')
    .innerJoin('accounts as a', 'a.id', 'ap.account_id')
    .leftJoin('users as u', 'u.account_id', 'a.id')
    .leftJoin('accounts as ab', 'ab.id', 'ap.approved_by_account_id')
    .leftJoin('accounts as rb', 'rb.id', 'ap.rejected_by_account_id')
    .leftJoin('accounts as m', 'm.id', 'w.account_id')
    .leftJoin('reports as r', 'r.id', 'w.report_id')
    .leftJoin('accounts as rp', 'rp.id', 'r.account_id')
    .leftJoin('palisade.appeal_replies as pr', 'pr.appeal_id', 'ap.id')
    .leftJoin('accounts as pra', 'pra.id', 'pr.account_id')
    .select([
      'ap.id',
      'ap.text',
      'ap.created_at as createdAt',
      'ap.approved_at as approvedAt',
      'ab.username as approvedByUsername',
      'ap.rejected_at as rejectedAt',
      'rb.username as rejectedByUsername',
      'a.id as accountId',
      'a.username',
      'a.domain',
      'a.display_name as displayName',
      'a.suspended_at as suspendedAt',
      'a.suspension_origin as suspensionOrigin',
      'a.silenced_at as silencedAt',
      'a.sensitized_at as sensitizedAt',
      'u.disabled as userDisabled',
      'u.id as userId',
      sql<Date | null>`(SELECT min(d.created_at) FROM account_deletion_requests d WHERE d.account_id = a.id)`.as('deletionRequestedAt'),
      'w.id as strikeId',
      'w.action as strikeAction',
      'w.text as strikeText',
      'w.created_at as strikeCreatedAt',
      'w.overruled_at as strikeOverruledAt',
      sql<string[]>`COALESCE(w.status_ids, '{}')`.as('strikeStatusIds'),
      'm.username as strikeIssuerUsername',
      'r.id as reportId',
      'r.category as reportCategory',
      'r.comment as reportComment',
      'r.created_at as reportCreatedAt',
      sql<string[]>`COALESCE(r.status_ids::text[], '{}')`.as('reportStatusIds'),
      'rp.username as reporterUsername',
      'rp.domain as reporterDomain',
      'pr.text as reply',
      'pra.username as replyAuthorUsername',
    ])
    .where('ap.id', '=', appealId)
    .executeTakeFirst();
}

export interface StrikeStatusState {
  id: string;
  accountId: string;
  local: boolean;
  deletedAt: Date | null;
  sensitive: boolean;
  mediaCount: number;
}

/**
 * The strike's posts as ApproveAppealService sees them (`Status.with_discarded`), with what
 * decides whether they can be restored: still there, marked sensitive, and carrying media.
 * Ids that are not numbers (the column is varchar[]) are skipped, not cast.
 */
export async function listStrikeStatusStates({ db, statusIds }: { db: Db; statusIds: string[] }): Promise<StrikeStatusState[]> {
  const ids = statusIds.filter((id) => /^\d{1,19}$/.test(id));
  if (ids.length === 0) return [];
  return db
    .selectFrom('statuses as s')
    .select([
      's.id',
      's.account_id as accountId',
      sql<boolean>`COALESCE(s.local, s.uri IS NULL)`.as('local'),
      's.deleted_at as deletedAt',
      's.sensitive',
      sql<number>`(SELECT count(*)::int FROM media_attachments m WHERE m.status_id = s.id)`.as('mediaCount'),
    ])
    .where('s.id', 'in', ids)
    .orderBy('s.id')
    .execute();
}

export interface AppealForDecision {
  id: string;
  accountId: string;
  approvedAt: Date | null;
  rejectedAt: Date | null;
  strikeId: string;
  strikeAction: number;
  strikeStatusIds: string[] | null;
  username: string;
  domain: string | null;
}

/** Locks the appeal (and reads its strike) so two moderators cannot decide it twice. */
export async function lockAppealForDecision({ db, appealId }: { db: Db; appealId: string }): Promise<AppealForDecision | undefined> {
  return db
    .selectFrom('appeals as ap')
    .innerJoin('account_warnings as w', 'w.id', 'ap.account_warning_id')
    .innerJoin('accounts as a', 'a.id', 'ap.account_id')
    .select([
      'ap.id',
      'ap.account_id as accountId',
      'ap.approved_at as approvedAt',
      'ap.rejected_at as rejectedAt',
      'w.id as strikeId',
      'w.action as strikeAction',
      'w.status_ids as strikeStatusIds',
      'a.username',
      'a.domain',
    ])
    .where('ap.id', '=', appealId)
    .forUpdate('ap')
    .executeTakeFirst();
}

/** Appeal#approve! (only a pending appeal; false when someone decided it meanwhile). */
export async function markAppealApproved({ db, appealId, accountId, at }: { db: Db; appealId: string; accountId: string; at: Date }): Promise<boolean> {
  const result = await db
    .updateTable('appeals')
    .set({ approved_at: at, approved_by_account_id: accountId, updated_at: at })
    .where('id', '=', appealId)
    .where('approved_at', 'is', null)
    .where('rejected_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Appeal#reject!. */
export async function markAppealRejected({ db, appealId, accountId, at }: { db: Db; appealId: string; accountId: string; at: Date }): Promise<boolean> {
  const result = await db
    .updateTable('appeals')
    .set({ rejected_at: at, rejected_by_account_id: accountId, updated_at: at })
    .where('id', '=', appealId)
    .where('approved_at', 'is', null)
    .where('rejected_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** `strike.touch(:overruled_at)`: Rails' touch sets the column and updated_at to the same time. */
export async function touchStrikeOverruled({ db, strikeId, at }: { db: Db; strikeId: string; at: Date }): Promise<void> {
  await db.updateTable('account_warnings').set({ overruled_at: at, updated_at: at }).where('id', '=', strikeId).execute();
}

export async function insertAppealReply({
  db,
  appealId,
  strikeId,
  decision,
  accountId,
  text,
  at,
}: {
  db: Db;
  appealId: string;
  strikeId: string;
  decision: 'approved' | 'rejected';
  accountId: string;
  text: string;
  at: Date;
}): Promise<void> {
  await db.insertInto('palisade.appeal_replies').values({ appeal_id: appealId, account_warning_id: strikeId, decision, account_id: accountId, text, created_at: at }).execute();
}

/**
 * UpdateStatusService with `sensitive: false`, as the representative (instance) account, for
 * one post: the first snapshot of the post when it was never edited, the change, then a snapshot
 * of the new version (status_edits rows exactly as Status#snapshot! builds them). Returns false
 * when there was nothing to change (Mastodon rolls such an edit back).
 */
export async function restoreStatusNotSensitive({ db, statusId, editorAccountId, at }: { db: Db; statusId: string; editorAccountId: string; at: Date }): Promise<boolean> {
  const status = await db
    .selectFrom('statuses')
    .select(['id', 'account_id', 'text', 'spoiler_text', 'sensitive', 'created_at', 'ordered_media_attachment_ids'])
    .where('id', '=', statusId)
    .forUpdate()
    .executeTakeFirst();
  if (!status || !status.sensitive) return false;

  const media = await db.selectFrom('media_attachments').select(['id', 'description']).where('status_id', '=', statusId).orderBy('id').execute();
  const order = status.ordered_media_attachment_ids ?? media.map((m) => m.id);
  const byId = new Map(media.map((m) => [m.id, m.description]));
  const descriptions = order.filter((id) => byId.has(id)).map((id) => byId.get(id) ?? null);
  // A post with media cannot carry a poll (Mastodon refuses both), so poll_options stays NULL.
  // quotes (4.4+) is not in every schema Palisade runs on; look it up only where it exists.
  const { rows: quotesTable } = await sql<{ present: boolean }>`SELECT to_regclass('public.quotes') IS NOT NULL AS present`.execute(db);
  const quoteId = quotesTable[0]?.present ? ((await sql<{ id: string }>`SELECT id FROM quotes WHERE status_id = ${statusId} LIMIT 1`.execute(db)).rows[0]?.id ?? null) : null;
  const snapshot = (sensitive: boolean, accountId: string, createdAt: Date) => ({
    status_id: status.id,
    text: status.text,
    spoiler_text: status.spoiler_text,
    sensitive,
    ordered_media_attachment_ids: order,
    // Arrays with NULL elements are valid text[]; Kysely's type has no room for them.
    media_descriptions: descriptions as string[],
    poll_options: null,
    account_id: accountId,
    quote_id: quoteId,
    created_at: createdAt,
    updated_at: at,
  });

  const edits = await db.selectFrom('status_edits').select('id').where('status_id', '=', statusId).limit(1).execute();
  if (edits.length === 0) await db.insertInto('status_edits').values(snapshot(true, status.account_id, status.created_at)).execute();
  await db.updateTable('statuses').set({ sensitive: false, edited_at: at, updated_at: at }).where('id', '=', statusId).execute();
  await db.insertInto('status_edits').values(snapshot(false, editorAccountId, at)).execute();
  return true;
}

export async function accountHasDeletionRequest({ db, accountId }: { db: Db; accountId: string }): Promise<boolean> {
  const row = await db.selectFrom('account_deletion_requests').select('id').where('account_id', '=', accountId).limit(1).executeTakeFirst();
  return !!row;
}

/** Account.representative: the instance actor (-99), which Mastodon credits with moderator edits. */
export async function representativeAccountId({ db }: { db: Db }): Promise<string | null> {
  const row = await db.selectFrom('accounts').select('id').where('id', '=', '-99').executeTakeFirst();
  return row?.id ?? null;
}
