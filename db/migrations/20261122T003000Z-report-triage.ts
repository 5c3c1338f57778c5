import { type Kysely, sql } from 'kysely';

/**
 * Report triage:
 * - `palisade.moderator_preferences`: per-moderator settings that follow them across browsers
 *   (how media first appears: blurred and/or greyscale until clicked).
 * - `palisade.report_views`: who has a report open right now ("others viewing"), refreshed by a
 *   heartbeat from the report page; rows older than a few minutes mean nothing and are pruned.
 * Keyed by Mastodon account ids, without foreign keys into `public` (see the foundation migration).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE palisade.moderator_preferences (
      account_id bigint PRIMARY KEY,
      media_blur boolean NOT NULL DEFAULT true,
      media_greyscale boolean NOT NULL DEFAULT true,
      updated_at timestamp(6) without time zone NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
    )`.execute(db);

  await sql`
    CREATE TABLE palisade.report_views (
      report_id bigint NOT NULL,
      account_id bigint NOT NULL,
      seen_at timestamp(6) without time zone NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
      PRIMARY KEY (report_id, account_id)
    )`.execute(db);
  await sql`CREATE INDEX report_views_seen_at_idx ON palisade.report_views (seen_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS palisade.report_views`.execute(db);
  await sql`DROP TABLE IF EXISTS palisade.moderator_preferences`.execute(db);
}
