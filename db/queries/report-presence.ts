import { sql } from 'kysely';
import type { Db } from '../client';

/** How long a report page counts as "open" after its last heartbeat. */
export const PRESENCE_WINDOW_SECONDS = 90;

export interface ReportViewer {
  accountId: string;
  username: string;
  displayName: string;
  seenAt: Date;
}

/**
 * Records that a moderator has the report open (upsert on the primary key) and returns the
 * others who had it open within the presence window. Stale rows (a day old) are pruned on the way.
 */
export async function touchReportView({ db, reportId, accountId }: { db: Db; reportId: string; accountId: string }): Promise<ReportViewer[]> {
  await db
    .insertInto('palisade.report_views')
    .values({ report_id: reportId, account_id: accountId, seen_at: sql<Date>`now() AT TIME ZONE 'UTC'` })
    .onConflict((oc) => oc.columns(['report_id', 'account_id']).doUpdateSet({ seen_at: sql<Date>`now() AT TIME ZONE 'UTC'` }))
    .execute();
  await db
    .deleteFrom('palisade.report_views')
    .where('seen_at', '<', sql<Date>`(now() AT TIME ZONE 'UTC') - interval '1 day'`)
    .execute();
  return listReportViewers({ db, reportId, exceptAccountId: accountId });
}

export async function listReportViewers({ db, reportId, exceptAccountId }: { db: Db; reportId: string; exceptAccountId: string }): Promise<ReportViewer[]> {
  return db
    .selectFrom('palisade.report_views as v')
    .innerJoin('accounts as a', 'a.id', 'v.account_id')
    .select(['a.id as accountId', 'a.username', 'a.display_name as displayName', 'v.seen_at as seenAt'])
    .where('v.report_id', '=', reportId)
    .where('v.account_id', '<>', exceptAccountId)
    .where('v.seen_at', '>=', sql<Date>`(now() AT TIME ZONE 'UTC') - make_interval(secs => ${PRESENCE_WINDOW_SECONDS})`)
    .orderBy('v.seen_at', 'desc')
    .execute();
}

/** Removes the moderator's presence when they leave the page. */
export async function clearReportView({ db, reportId, accountId }: { db: Db; reportId: string; accountId: string }): Promise<void> {
  await db.deleteFrom('palisade.report_views').where('report_id', '=', reportId).where('account_id', '=', accountId).execute();
}
