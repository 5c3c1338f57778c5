import { sql } from 'kysely';
import type { Db } from '../client';

/** Mastodon's ReportNote::CONTENT_SIZE_LIMIT. */
export const REPORT_NOTE_MAX_LENGTH = 2000;

export interface ReportNoteRow {
  id: string;
  reportId: string;
  content: string;
  createdAt: Date;
  authorId: string;
  authorAcct: string;
  authorDisplayName: string;
  /** Position of the author's role (Everyone = -1), for ReportNotePolicy#destroy?. */
  authorRolePosition: number;
}

const ACCT = sql<string>`CASE WHEN a.domain IS NULL THEN a.username ELSE a.username || '@' || a.domain END`;

/** The report's notes, oldest first (ReportNote.chronological). */
export async function listReportNotes({ db, reportId }: { db: Db; reportId: string }): Promise<ReportNoteRow[]> {
  return db
    .selectFrom('report_notes as n')
    .innerJoin('accounts as a', 'a.id', 'n.account_id')
    .leftJoin('users as u', 'u.account_id', 'a.id')
    .leftJoin('user_roles as r', 'r.id', 'u.role_id')
    .select([
      'n.id',
      'n.report_id as reportId',
      'n.content',
      'n.created_at as createdAt',
      'a.id as authorId',
      ACCT.as('authorAcct'),
      'a.display_name as authorDisplayName',
      sql<number>`COALESCE(r.position, -1)`.as('authorRolePosition'),
    ])
    .where('n.report_id', '=', reportId)
    .orderBy('n.id', 'asc')
    .execute();
}

/**
 * Adds a note the way Mastodon's ReportNote does: the row, and the report's updated_at touched
 * (`belongs_to :report, touch: true`). Call inside the transaction of anything done with it.
 */
export async function insertReportNote({ db, reportId, accountId, content, at }: { db: Db; reportId: string; accountId: string; content: string; at: Date }): Promise<string> {
  const row = await db.insertInto('report_notes').values({ report_id: reportId, account_id: accountId, content, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  await touchReport({ db, reportId, at });
  return row.id;
}

export async function touchReport({ db, reportId, at }: { db: Db; reportId: string; at: Date }): Promise<void> {
  await db.updateTable('reports').set({ updated_at: at }).where('id', '=', reportId).execute();
}

export interface ReportNoteForDelete {
  id: string;
  reportId: string;
  authorId: string;
  authorRolePosition: number;
}

export async function getReportNoteForDelete({ db, noteId }: { db: Db; noteId: string }): Promise<ReportNoteForDelete | undefined> {
  return db
    .selectFrom('report_notes as n')
    .leftJoin('users as u', 'u.account_id', 'n.account_id')
    .leftJoin('user_roles as r', 'r.id', 'u.role_id')
    .select(['n.id', 'n.report_id as reportId', 'n.account_id as authorId', sql<number>`COALESCE(r.position, -1)`.as('authorRolePosition')])
    .where('n.id', '=', noteId)
    .forUpdate('n')
    .executeTakeFirst();
}

/** Deleting a note also touches its report (Rails' touch runs on destroy too). */
export async function deleteReportNote({ db, noteId, reportId, at }: { db: Db; noteId: string; reportId: string; at: Date }): Promise<void> {
  await db.deleteFrom('report_notes').where('id', '=', noteId).execute();
  await touchReport({ db, reportId, at });
}
