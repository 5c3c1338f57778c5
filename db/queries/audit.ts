import type { Db } from '../client';

/** Mastodon's polymorphic target names (Rails model names) that Palisade writes. */
export type AuditTargetType =
  | 'Account'
  | 'AccountWarning'
  | 'Appeal'
  | 'CanonicalEmailBlock'
  | 'DomainAllow'
  | 'DomainBlock'
  | 'EmailDomainBlock'
  | 'Instance'
  | 'IpBlock'
  | 'Report'
  | 'Status'
  | 'User'
  | 'UsernameBlock';

export interface AdminActionLogInput {
  db: Db;
  accountId: string;
  action: string;
  targetType: AuditTargetType;
  targetId: string | null;
  humanIdentifier: string | null;
  routeParam?: string | null;
  permalink?: string | null;
  at?: Date;
}

/**
 * Writes the row Mastodon's `log_action` writes, so Mastodon's own audit log stays complete when
 * an action was taken in Palisade. Call it inside the transaction of the change it records.
 */
export async function insertAdminActionLog(input: AdminActionLogInput): Promise<string> {
  const at = input.at ?? new Date();
  const row = await input.db
    .insertInto('admin_action_logs')
    .values({
      account_id: input.accountId,
      action: input.action,
      target_type: input.targetType,
      target_id: input.targetId,
      human_identifier: input.humanIdentifier,
      route_param: input.routeParam ?? null,
      permalink: input.permalink ?? null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
