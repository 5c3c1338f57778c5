import { PALISADE_EVENTS, type PalisadeEventAction, type PalisadeEventTargetType } from '@/lib/audit-actions';
import type { Db } from '../client';

export interface RecordEventInput<T extends PalisadeEventTargetType> {
  /** The caller's transaction, so the event commits or rolls back with the change it records. */
  db: Db;
  /** The moderator's account id; null only for automatic work that no person started. */
  actorId: string | null;
  targetType: T;
  action: PalisadeEventAction<T>;
  /** The target row's id (a report, account, appeal, rule…); null when the key is a domain. */
  targetId: string | null;
  /** What a reader recognises even after the target is gone, as Mastodon does: acct, domain, report id. */
  humanIdentifier: string | null;
  /** Extra key for links, like Mastodon's route_param (e.g. the account id behind a note). */
  routeParam?: string | null;
  /** Small, non-secret details the sentence uses (e.g. `{ assignee: 'alice' }`); never note bodies. */
  data?: Record<string, string | number | boolean | null>;
  at?: Date;
}

/**
 * Records one touch Palisade made where Mastodon keeps no audit row. Call it inside the same
 * transaction as the change; it throws for a pair missing from PALISADE_EVENTS so a typo cannot
 * write rows the audit log cannot describe.
 */
export async function recordEvent<T extends PalisadeEventTargetType>(input: RecordEventInput<T>): Promise<string> {
  const actions: readonly string[] = PALISADE_EVENTS[input.targetType];
  if (!actions?.includes(input.action)) throw new Error(`Unknown Palisade event ${input.targetType}.${String(input.action)}`);
  const row = await input.db
    .insertInto('palisade.events')
    .values({
      account_id: input.actorId,
      action: input.action,
      target_type: input.targetType,
      target_id: input.targetId,
      human_identifier: input.humanIdentifier,
      route_param: input.routeParam ?? null,
      data: JSON.stringify(input.data ?? {}),
      ...(input.at ? { created_at: input.at } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface EventRow {
  id: string;
  accountId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  humanIdentifier: string | null;
  routeParam: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** A target's Palisade events, oldest first (for timelines beside Mastodon's own history). */
export async function listEventsForTarget({ db, targetType, targetId }: { db: Db; targetType: PalisadeEventTargetType; targetId: string }): Promise<EventRow[]> {
  const rows = await db
    .selectFrom('palisade.events')
    .selectAll()
    .where('target_type', '=', targetType)
    .where('target_id', '=', targetId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    humanIdentifier: r.human_identifier,
    routeParam: r.route_param,
    data: r.data,
    createdAt: r.created_at,
  }));
}
