import type { Db } from '@/db/client';
import { STRIKE_ACTIONS, type StrikeAction } from '@/lib/account-actions';

/** A strike and its pending appeal, written as Mastodon writes them. */
export async function strikeWithAppeal(
  db: Db,
  { target, issuer, action, statusIds = null, reportId = null, at }: { target: string; issuer: string; action: StrikeAction; statusIds?: string[] | null; reportId?: string | null; at: Date },
): Promise<{ strikeId: string; appealId: string }> {
  const strike = await db
    .insertInto('account_warnings')
    .values({ account_id: issuer, target_account_id: target, action: STRIKE_ACTIONS[action], text: 'Strike text', report_id: reportId, status_ids: statusIds, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const appeal = await db
    .insertInto('appeals')
    .values({ account_id: target, account_warning_id: strike.id, text: 'Please reconsider.', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { strikeId: strike.id, appealId: appeal.id };
}
