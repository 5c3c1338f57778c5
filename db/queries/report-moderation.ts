import { sql } from 'kysely';
import type { Db } from '../client';

/**
 * Rows Mastodon's report actions touch: the report (locked), the reported posts (with discarded
 * ones), and the writes of Admin::ModerationAction (delete / mark as sensitive).
 */

export interface LockedReport {
  id: string;
  targetAccountId: string;
  statusIds: string[];
  category: number;
  actionTakenAt: Date | null;
  assignedAccountId: string | null;
  updatedAt: Date;
}

/** The report row, locked for the caller's transaction (two moderators acting serialise on it). */
export async function lockReport({ db, reportId }: { db: Db; reportId: string }): Promise<LockedReport | undefined> {
  return db
    .selectFrom('reports')
    .select(['id', 'target_account_id as targetAccountId', 'status_ids as statusIds', 'category', 'action_taken_at as actionTakenAt', 'assigned_account_id as assignedAccountId', 'updated_at as updatedAt'])
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst();
}

/** Several reports locked in id order (a fixed order, so concurrent bulk actions cannot deadlock). */
export async function lockReports({ db, reportIds }: { db: Db; reportIds: readonly string[] }): Promise<LockedReport[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('reports')
    .select(['id', 'target_account_id as targetAccountId', 'status_ids as statusIds', 'category', 'action_taken_at as actionTakenAt', 'assigned_account_id as assignedAccountId', 'updated_at as updatedAt'])
    .where('id', 'in', [...reportIds])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export interface ReportTargetAccount {
  id: string;
  username: string;
  domain: string | null;
}

export async function getAccountIdentity({ db, accountId }: { db: Db; accountId: string }): Promise<ReportTargetAccount | undefined> {
  return db.selectFrom('accounts').select(['id', 'username', 'domain']).where('id', '=', accountId).executeTakeFirst();
}

export interface StatusForAction {
  id: string;
  accountId: string;
  authorUsername: string;
  authorDomain: string | null;
  uri: string | null;
  local: boolean;
  text: string;
  spoilerText: string;
  sensitive: boolean;
  language: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  reblogOfId: string | null;
  orderedMediaAttachmentIds: string[] | null;
  /** Attached media in display order (ids and descriptions), as Status#ordered_media_attachments. */
  mediaIds: string[];
  mediaDescriptions: Array<string | null>;
  editCount: number;
}

/** Reported posts, deleted ones included (Mastodon's `with_discarded`), locked for the action. */
export async function lockStatusesForAction({ db, ids }: { db: Db; ids: readonly string[] }): Promise<StatusForAction[]> {
  const wanted = ids.filter((id) => /^\d{1,19}$/.test(id));
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('statuses as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select([
      's.id',
      's.account_id as accountId',
      'a.username as authorUsername',
      'a.domain as authorDomain',
      's.uri',
      sql<boolean>`(s.local IS TRUE OR (s.local IS NULL AND s.uri IS NULL))`.as('local'),
      's.text',
      's.spoiler_text as spoilerText',
      's.sensitive',
      's.language',
      's.created_at as createdAt',
      's.edited_at as editedAt',
      's.deleted_at as deletedAt',
      's.reblog_of_id as reblogOfId',
      's.ordered_media_attachment_ids as orderedMediaAttachmentIds',
      sql<string[]>`COALESCE((SELECT array_agg(m.id ORDER BY COALESCE(array_position(s.ordered_media_attachment_ids, m.id), 0), m.id) FROM media_attachments m WHERE m.status_id = s.id AND (s.ordered_media_attachment_ids IS NULL OR m.id = ANY(s.ordered_media_attachment_ids))), '{}')`.as('mediaIds'),
      sql<Array<string | null>>`COALESCE((SELECT array_agg(m.description ORDER BY COALESCE(array_position(s.ordered_media_attachment_ids, m.id), 0), m.id) FROM media_attachments m WHERE m.status_id = s.id AND (s.ordered_media_attachment_ids IS NULL OR m.id = ANY(s.ordered_media_attachment_ids))), '{}')`.as('mediaDescriptions'),
      sql<number>`(SELECT count(*) FROM status_edits e WHERE e.status_id = s.id)::int`.as('editCount'),
    ])
    .where('s.id', 'in', wanted)
    .orderBy('s.id')
    .forUpdate('s')
    .execute();
  return rows;
}

/**
 * Status#discard_with_reblogs: the post's boosts (not yet deleted, or deleted together with it)
 * get the same deleted_at without touching updated_at (update_all); the post itself gets
 * deleted_at and updated_at (update_attribute).
 */
export async function discardStatusWithReblogs({ db, status, at }: { db: Db; status: Pick<StatusForAction, 'id' | 'deletedAt' | 'reblogOfId'>; at: Date }): Promise<void> {
  if (status.reblogOfId === null) {
    await db
      .updateTable('statuses')
      .set({ deleted_at: at })
      .where('reblog_of_id', '=', status.id)
      .where((eb) => (status.deletedAt ? eb.or([eb('deleted_at', 'is', null), eb('deleted_at', '=', status.deletedAt)]) : eb('deleted_at', 'is', null)))
      .execute();
  }
  await db.updateTable('statuses').set({ deleted_at: at, updated_at: at }).where('id', '=', status.id).execute();
}

/** Tombstone.find_or_create_by(uri:, account:, by_moderator: true). */
export async function ensureModeratorTombstone({ db, uri, accountId, at }: { db: Db; uri: string; accountId: string; at: Date }): Promise<void> {
  const existing = await db.selectFrom('tombstones').select('id').where('uri', '=', uri).where('account_id', '=', accountId).where('by_moderator', '=', true).executeTakeFirst();
  if (existing) return;
  await db.insertInto('tombstones').values({ uri, account_id: accountId, by_moderator: true, created_at: at, updated_at: at }).execute();
}

/** A remote post: `status.update(sensitive: true)` (updated_at only moves when something changed). */
export async function markRemoteStatusSensitive({ db, statusId, at }: { db: Db; statusId: string; at: Date }): Promise<boolean> {
  const result = await db.updateTable('statuses').set({ sensitive: true, updated_at: at }).where('id', '=', statusId).where('sensitive', '=', false).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** A local post edited by UpdateStatusService: sensitive, edited_at and updated_at. */
export async function markLocalStatusSensitive({ db, statusId, at }: { db: Db; statusId: string; at: Date }): Promise<void> {
  await db.updateTable('statuses').set({ sensitive: true, edited_at: at, updated_at: at }).where('id', '=', statusId).execute();
}

/** Status#snapshot!: one revision of a post in status_edits. */
export async function insertStatusSnapshot({
  db,
  status,
  sensitive,
  accountId,
  createdAt,
  at,
}: {
  db: Db;
  status: Pick<StatusForAction, 'id' | 'text' | 'spoilerText' | 'orderedMediaAttachmentIds' | 'mediaIds' | 'mediaDescriptions'>;
  sensitive: boolean;
  accountId: string;
  /** The revision's time: the post's creation for the first snapshot, the edit time after. */
  createdAt: Date;
  at: Date;
}): Promise<void> {
  await db
    .insertInto('status_edits')
    .values({
      status_id: status.id,
      account_id: accountId,
      text: status.text,
      spoiler_text: status.spoilerText,
      sensitive,
      ordered_media_attachment_ids: status.orderedMediaAttachmentIds ?? status.mediaIds,
      // text[] with NULL elements for missing descriptions, as Rails writes them.
      media_descriptions: status.mediaDescriptions as string[],
      poll_options: null,
      quote_id: null,
      created_at: createdAt,
      updated_at: at,
    })
    .execute();
}

/** Account.representative: the instance actor (-99), created the way Mastodon creates it when missing. */
export async function ensureInstanceActor({ db, at }: { db: Db; at: Date }): Promise<string> {
  await db
    .insertInto('accounts')
    .values({ id: '-99', username: 'mastodon.internal', actor_type: 'Application', locked: true, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return '-99';
}
