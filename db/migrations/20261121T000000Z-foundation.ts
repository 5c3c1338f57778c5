import { type Kysely, sql } from 'kysely';

/**
 * Palisade's own tables live in schema `palisade`. Nothing here references `public` tables with a
 * foreign key: Postgres would add RI triggers to Mastodon's tables (and could block its deletes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS palisade`.execute(db);

  await sql`
    CREATE TABLE palisade.meta (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // A server-side session: the browser only holds a signed pointer (sid) to this row, so a
  // moderator's Mastodon token never reaches the browser and a session can be revoked.
  await sql`
    CREATE TABLE palisade.sessions (
      id text PRIMARY KEY,
      user_id bigint NOT NULL,
      account_id bigint NOT NULL,
      provider text NOT NULL CHECK (provider IN ('password', 'mastodon')),
      access_token_ciphertext text,
      user_agent text,
      ip inet,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX sessions_account_id_idx ON palisade.sessions (account_id)`.execute(db);

  await sql`
    CREATE TABLE palisade.login_attempts (
      id bigserial PRIMARY KEY,
      email text NOT NULL,
      ip inet,
      success boolean NOT NULL,
      reason text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX login_attempts_email_created_at_idx ON palisade.login_attempts (email, created_at)`.execute(db);
  await sql`CREATE INDEX login_attempts_ip_created_at_idx ON palisade.login_attempts (ip, created_at) WHERE ip IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS palisade.login_attempts`.execute(db);
  await sql`DROP TABLE IF EXISTS palisade.sessions`.execute(db);
  await sql`DROP TABLE IF EXISTS palisade.meta`.execute(db);
}
