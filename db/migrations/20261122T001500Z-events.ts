import { type Kysely, sql } from 'kysely';

/**
 * `palisade.events`: the touches Palisade makes where Mastodon keeps no audit row (report notes,
 * assigning a report to someone else, account and instance notes, rules, presets, subscriptions…).
 * Shaped like `admin_action_logs` so the audit log can merge both, and timestamps are
 * `timestamp without time zone` holding UTC, like Mastodon's, so they compare with report times
 * without conversion. `account_id` is NULL only for automatic work (e.g. a subscription worker).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE palisade.events (
      id bigserial PRIMARY KEY,
      account_id bigint,
      action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_]*$'),
      target_type text NOT NULL CHECK (target_type ~ '^[A-Z][A-Za-z]*$'),
      target_id bigint,
      human_identifier text,
      route_param text,
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamp(6) without time zone NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
    )`.execute(db);
  // First touch of a report (time to first action) and a target's history.
  await sql`CREATE INDEX events_target_idx ON palisade.events (target_type, target_id, created_at)`.execute(db);
  // The audit log filtered by actor, newest first.
  await sql`CREATE INDEX events_account_id_idx ON palisade.events (account_id, id)`.execute(db);
  // Windowed figures (workload, active moderators in a month).
  await sql`CREATE INDEX events_created_at_idx ON palisade.events (created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS palisade.events`.execute(db);
}
