import { type Kysely, sql } from 'kysely';

/**
 * The moderator's words kept with an appeal decision. Mastodon's `appeals` row records only who
 * decided and when; the team also wants to see why. One reply per appeal (a decision is final).
 * No foreign keys into `public` (see the foundation migration); timestamps are UTC without zone,
 * like Mastodon's, so they compare with `appeals.approved_at` directly.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE palisade.appeal_replies (
      appeal_id bigint PRIMARY KEY,
      account_warning_id bigint NOT NULL,
      decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
      account_id bigint NOT NULL,
      text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
      created_at timestamp(6) without time zone NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
    )`.execute(db);
  await sql`CREATE INDEX appeal_replies_account_warning_id_idx ON palisade.appeal_replies (account_warning_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS palisade.appeal_replies`.execute(db);
}
