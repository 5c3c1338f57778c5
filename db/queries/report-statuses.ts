import { sql } from 'kysely';
import type { Db } from '../client';

/**
 * Posts as moderators need them: by id, deleted ones included (Mastodon loads reported and struck
 * posts "with discarded"), with their media in display order and their edit history. Three
 * indexed queries whatever the number of posts (statuses_pkey, index_media_attachments_on_status_id,
 * index_status_edits_on_status_id); used by reports and by strikes/appeals.
 */

export interface ModerationStatusRow {
  id: string;
  uri: string | null;
  url: string | null;
  text: string;
  spoilerText: string;
  sensitive: boolean;
  visibility: number;
  language: string | null;
  /** Mastodon treats `local IS NULL AND uri IS NULL` as local too. */
  local: boolean;
  reply: boolean;
  inReplyToAccountId: string | null;
  inReplyToAcct: string | null;
  reblogOfId: string | null;
  orderedMediaAttachmentIds: string[] | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  accountId: string;
  accountUsername: string;
  accountDomain: string | null;
  accountDisplayName: string;
}

export interface ModerationMediaRow {
  id: string;
  statusId: string;
  type: number;
  fileFileName: string | null;
  fileContentType: string | null;
  fileMeta: unknown;
  fileStorageSchemaVersion: number | null;
  remoteUrl: string;
  description: string | null;
  blurhash: string | null;
}

export interface ModerationEditRow {
  id: string;
  statusId: string;
  accountId: string | null;
  text: string;
  spoilerText: string;
  sensitive: boolean | null;
  mediaDescriptions: string[] | null;
  createdAt: Date;
}

export interface ModerationStatuses {
  statuses: ModerationStatusRow[];
  media: ModerationMediaRow[];
  edits: ModerationEditRow[];
}

const ID = /^\d{1,19}$/;

/** Statuses in the order of `ids` (unknown ids are skipped: a report may name purged posts). */
export async function getStatusesForModeration({ db, ids }: { db: Db; ids: readonly string[] }): Promise<ModerationStatuses> {
  const wanted = [...new Set(ids.filter((id) => ID.test(id)))];
  if (wanted.length === 0) return { statuses: [], media: [], edits: [] };
  const [statuses, media, edits] = await Promise.all([
    db
      .selectFrom('statuses as s')
      .innerJoin('accounts as a', 'a.id', 's.account_id')
      .leftJoin('accounts as ra', 'ra.id', 's.in_reply_to_account_id')
      .select((eb) => [
        's.id',
        's.uri',
        's.url',
        's.text',
        's.spoiler_text as spoilerText',
        's.sensitive',
        's.visibility',
        's.language',
        eb.or([eb('s.local', '=', true), eb.and([eb('s.local', 'is', null), eb('s.uri', 'is', null)])]).as('local'),
        's.reply',
        's.in_reply_to_account_id as inReplyToAccountId',
        sql<string | null>`CASE WHEN ra.id IS NULL THEN NULL WHEN ra.domain IS NULL THEN ra.username ELSE ra.username || '@' || ra.domain END`.as('inReplyToAcct'),
        's.reblog_of_id as reblogOfId',
        's.ordered_media_attachment_ids as orderedMediaAttachmentIds',
        's.created_at as createdAt',
        's.edited_at as editedAt',
        's.deleted_at as deletedAt',
        'a.id as accountId',
        'a.username as accountUsername',
        'a.domain as accountDomain',
        'a.display_name as accountDisplayName',
      ])
      .where('s.id', 'in', wanted)
      .execute(),
    db
      .selectFrom('media_attachments')
      .select([
        'id',
        'status_id as statusId',
        'type',
        'file_file_name as fileFileName',
        'file_content_type as fileContentType',
        'file_meta as fileMeta',
        'file_storage_schema_version as fileStorageSchemaVersion',
        'remote_url as remoteUrl',
        'description',
        'blurhash',
      ])
      .where('status_id', 'in', wanted)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('status_edits')
      .select(['id', 'status_id as statusId', 'account_id as accountId', 'text', 'spoiler_text as spoilerText', 'sensitive', 'media_descriptions as mediaDescriptions', 'created_at as createdAt'])
      .where('status_id', 'in', wanted)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  const order = new Map(wanted.map((id, i) => [id, i]));
  statuses.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return {
    statuses: statuses.map((s) => ({ ...s, local: Boolean(s.local) })) as ModerationStatusRow[],
    media: media.map((m) => ({ ...m, statusId: m.statusId as string })),
    edits,
  };
}
