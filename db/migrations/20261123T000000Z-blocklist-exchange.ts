import { type Kysely, sql } from 'kysely';

/**
 * The blocklist exchange (subscriptions, consensus review, publishing to allies):
 * - `blocklist_sources`: subscribed lists (a URL with a format, trust and automation settings,
 *   fetch state: ETag, Last-Modified, FIRES cursor, schedule). Secrets are sealed (AES-GCM).
 * - `blocklist_fetches`: every fetch with its outcome; `blocklist_snapshots`: every fetch that
 *   brought a new version, with its body (the last few kept) and what changed;
 *   `blocklist_entries`: each source's current entries; `blocklist_changes`: the append-only diff
 *   between successive snapshots (added, changed, removed = the source's retraction).
 * - `blocklist_suggestions`, `blocklist_dismissals`: the review queue and the decisions to keep.
 * - `blocklist_provenance`: which sources backed each block Palisade applied, and when.
 * - `blocklist_excludes`: domains (with their subdomains) never to suggest.
 * - `blocklist_settings`: one row (merge settings, publishing visibility).
 * - `blocklist_allies`, `blocklist_ally_tokens`, `blocklist_reads`: who may read our list, their
 *   revocable tokens (only SHA-256 hashes stored), and a log of every read.
 * - `blocklist_published`, `blocklist_published_changes`: our published list per audience and its
 *   FIRES change log (UUIDv7 ids).
 * Mastodon ids (domain_blocks.id, accounts.id) are kept without foreign keys into `public`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = sql.raw(`timestamp(6) without time zone NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')`);

  await sql`
    CREATE TABLE palisade.blocklist_sources (
      id bigserial PRIMARY KEY,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      url text NOT NULL CHECK (url ~ '^https?://'),
      format text NOT NULL,
      role text NOT NULL DEFAULT 'block' CHECK (role IN ('block', 'allow')),
      priority integer NOT NULL DEFAULT 100 CHECK (priority BETWEEN 0 AND 255),
      weight numeric(4, 2) NOT NULL DEFAULT 1 CHECK (weight > 0),
      max_severity text NOT NULL DEFAULT 'suspend' CHECK (max_severity IN ('noop', 'silence', 'suspend')),
      auth_type text NOT NULL DEFAULT 'none' CHECK (auth_type IN ('none', 'bearer', 'basic')),
      auth_username text,
      auth_secret_sealed text,
      auto_apply boolean NOT NULL DEFAULT false,
      auto_retract boolean NOT NULL DEFAULT true,
      auto_apply_account_id bigint,
      refresh_minutes integer NOT NULL DEFAULT 1440 CHECK (refresh_minutes BETWEEN 15 AND 10080),
      enabled boolean NOT NULL DEFAULT true,
      resolved_format text,
      resolved_url text,
      etag text,
      last_modified text,
      cursor text,
      entries_count integer NOT NULL DEFAULT 0,
      consecutive_failures integer NOT NULL DEFAULT 0,
      last_fetch_at timestamp(6) without time zone,
      last_success_at timestamp(6) without time zone,
      last_error text,
      next_fetch_at timestamp(6) without time zone NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
      created_by bigint,
      created_at ${ts},
      updated_at ${ts}
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX blocklist_sources_url_idx ON palisade.blocklist_sources (url)`.execute(db);
  await sql`CREATE INDEX blocklist_sources_due_idx ON palisade.blocklist_sources (next_fetch_at) WHERE enabled`.execute(db);

  await sql`
    CREATE TABLE palisade.blocklist_fetches (
      id bigserial PRIMARY KEY,
      source_id bigint NOT NULL REFERENCES palisade.blocklist_sources (id) ON DELETE CASCADE,
      started_at ${ts},
      duration_ms integer NOT NULL DEFAULT 0,
      status text NOT NULL CHECK (status IN ('ok', 'unchanged', 'not_modified', 'error')),
      http_status integer,
      error text,
      entries integer,
      bytes integer,
      added integer NOT NULL DEFAULT 0,
      changed integer NOT NULL DEFAULT 0,
      removed integer NOT NULL DEFAULT 0,
      triggered_by bigint
    )`.execute(db);
  await sql`CREATE INDEX blocklist_fetches_source_idx ON palisade.blocklist_fetches (source_id, id DESC)`.execute(db);

  await sql`
    CREATE TABLE palisade.blocklist_snapshots (
      id bigserial PRIMARY KEY,
      source_id bigint NOT NULL REFERENCES palisade.blocklist_sources (id) ON DELETE CASCADE,
      fetch_id bigint NOT NULL REFERENCES palisade.blocklist_fetches (id) ON DELETE CASCADE,
      created_at ${ts},
      format text NOT NULL,
      entries integer NOT NULL,
      content_hash text NOT NULL,
      body bytea,
      added integer NOT NULL DEFAULT 0,
      changed integer NOT NULL DEFAULT 0,
      removed integer NOT NULL DEFAULT 0
    )`.execute(db);
  await sql`CREATE INDEX blocklist_snapshots_source_idx ON palisade.blocklist_snapshots (source_id, id DESC)`.execute(db);

  await sql`
    CREATE TABLE palisade.blocklist_entries (
      source_id bigint NOT NULL REFERENCES palisade.blocklist_sources (id) ON DELETE CASCADE,
      key text NOT NULL,
      domain text,
      input text NOT NULL,
      digest text,
      severity text NOT NULL,
      reject_media boolean NOT NULL DEFAULT false,
      reject_reports boolean NOT NULL DEFAULT false,
      obfuscate boolean NOT NULL DEFAULT false,
      obfuscated boolean NOT NULL DEFAULT false,
      public_comment text,
      private_comment text,
      canary text,
      labels text[] NOT NULL DEFAULT '{}',
      first_seen_at ${ts},
      PRIMARY KEY (source_id, key)
    )`.execute(db);
  // Support for a domain (and its parents) across sources: the provenance column and impact lookups.
  await sql`CREATE INDEX blocklist_entries_domain_idx ON palisade.blocklist_entries (domain) WHERE domain IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE palisade.blocklist_changes (
      id bigserial PRIMARY KEY,
      source_id bigint NOT NULL REFERENCES palisade.blocklist_sources (id) ON DELETE CASCADE,
      snapshot_id bigint REFERENCES palisade.blocklist_snapshots (id) ON DELETE SET NULL,
      kind text NOT NULL CHECK (kind IN ('added', 'changed', 'removed')),
      key text NOT NULL,
      domain text,
      severity_before text,
      severity_after text,
      before jsonb,
      after jsonb,
      created_at ${ts}
    )`.execute(db);
  await sql`CREATE INDEX blocklist_changes_source_idx ON palisade.blocklist_changes (source_id, id DESC)`.execute(db);

  await sql`
    CREATE TABLE palisade.blocklist_suggestions (
      id bigserial PRIMARY KEY,
      domain text NOT NULL,
      action text NOT NULL CHECK (action IN ('add', 'escalate', 'downgrade', 'retract')),
      reason text NOT NULL,
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'dismissed', 'superseded', 'failed')),
      fingerprint text NOT NULL,
      severity text,
      reject_media boolean NOT NULL DEFAULT false,
      reject_reports boolean NOT NULL DEFAULT false,
      obfuscate boolean NOT NULL DEFAULT false,
      held_severity text,
      held_is_noop boolean NOT NULL DEFAULT false,
      public_comment text,
      labels text[] NOT NULL DEFAULT '{}',
      backing jsonb NOT NULL DEFAULT '[]'::jsonb,
      backing_count integer NOT NULL DEFAULT 0,
      backing_percent numeric(6, 2) NOT NULL DEFAULT 0,
      total_sources integer NOT NULL DEFAULT 0,
      retracted_by bigint[] NOT NULL DEFAULT '{}',
      existing_block_id bigint,
      existing jsonb,
      parent jsonb,
      accounts integer,
      local_follows integer,
      auto_eligible boolean NOT NULL DEFAULT false,
      auto_blocker text,
      outcome text,
      decided_by bigint,
      decided_at timestamp(6) without time zone,
      applied_block_id bigint,
      created_at ${ts},
      updated_at ${ts}
    )`.execute(db);
  // One open suggestion per domain; the queue pages by domain within an action.
  await sql`CREATE UNIQUE INDEX blocklist_suggestions_pending_idx ON palisade.blocklist_suggestions (domain) WHERE state = 'pending'`.execute(db);
  await sql`CREATE INDEX blocklist_suggestions_queue_idx ON palisade.blocklist_suggestions (action, domain) WHERE state = 'pending'`.execute(db);
  await sql`CREATE INDEX blocklist_suggestions_decided_idx ON palisade.blocklist_suggestions (decided_at DESC) WHERE state IN ('applied', 'dismissed')`.execute(db);

  await sql`
    CREATE TABLE palisade.blocklist_dismissals (
      domain text NOT NULL,
      fingerprint text NOT NULL,
      action text NOT NULL,
      dismissed_by bigint,
      dismissed_at ${ts},
      PRIMARY KEY (domain, fingerprint)
    )`.execute(db);

  await sql`
    CREATE TABLE palisade.blocklist_provenance (
      domain text PRIMARY KEY,
      block_id bigint NOT NULL,
      origin text NOT NULL CHECK (origin IN ('subscription', 'manual')),
      mode text NOT NULL CHECK (mode IN ('manual', 'auto')),
      source_ids bigint[] NOT NULL,
      sources jsonb NOT NULL DEFAULT '[]'::jsonb,
      backing_count integer NOT NULL,
      total_sources integer NOT NULL,
      labels text[] NOT NULL DEFAULT '{}',
      severity text NOT NULL,
      suggestion_id bigint,
      applied_by bigint,
      applied_at ${ts}
    )`.execute(db);
  await sql`CREATE INDEX blocklist_provenance_block_idx ON palisade.blocklist_provenance (block_id)`.execute(db);

  await sql`
    CREATE TABLE palisade.blocklist_excludes (
      domain text PRIMARY KEY,
      created_by bigint,
      created_at ${ts}
    )`.execute(db);

  await sql`
    CREATE TABLE palisade.blocklist_settings (
      id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      threshold_type text NOT NULL DEFAULT 'count' CHECK (threshold_type IN ('count', 'percent')),
      threshold_value numeric(7, 2) NOT NULL DEFAULT 1,
      merge_plan text NOT NULL DEFAULT 'max' CHECK (merge_plan IN ('max', 'min')),
      max_changes_per_run integer NOT NULL DEFAULT 20 CHECK (max_changes_per_run > 0),
      preserve_relationships boolean NOT NULL DEFAULT true,
      visibility jsonb NOT NULL DEFAULT '{}'::jsonb,
      comment_visibility text NOT NULL DEFAULT 'allies' CHECK (comment_visibility IN ('off', 'allies', 'public')),
      publish_subscribed boolean NOT NULL DEFAULT false,
      last_run_at timestamp(6) without time zone,
      last_run jsonb,
      updated_by bigint,
      updated_at ${ts}
    )`.execute(db);

  await sql`
    CREATE TABLE palisade.blocklist_allies (
      id bigserial PRIMARY KEY,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      domain text,
      note text,
      created_by bigint,
      created_at ${ts},
      revoked_at timestamp(6) without time zone,
      revoked_by bigint
    )`.execute(db);

  await sql`
    CREATE TABLE palisade.blocklist_ally_tokens (
      id bigserial PRIMARY KEY,
      ally_id bigint NOT NULL REFERENCES palisade.blocklist_allies (id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      token_hint text NOT NULL,
      created_by bigint,
      created_at ${ts},
      last_used_at timestamp(6) without time zone,
      revoked_at timestamp(6) without time zone,
      revoked_by bigint
    )`.execute(db);
  await sql`CREATE INDEX blocklist_ally_tokens_ally_idx ON palisade.blocklist_ally_tokens (ally_id)`.execute(db);

  await sql`
    CREATE TABLE palisade.blocklist_reads (
      id bigserial PRIMARY KEY,
      format text NOT NULL,
      ally_id bigint,
      token_id bigint,
      status integer NOT NULL,
      ip text,
      user_agent text,
      bytes integer,
      created_at ${ts}
    )`.execute(db);
  await sql`CREATE INDEX blocklist_reads_created_idx ON palisade.blocklist_reads (created_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX blocklist_reads_ally_idx ON palisade.blocklist_reads (ally_id, id DESC) WHERE ally_id IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE palisade.blocklist_published (
      audience text NOT NULL CHECK (audience IN ('allies', 'public')),
      domain text NOT NULL,
      policy text NOT NULL,
      filters text[] NOT NULL DEFAULT '{}',
      change_id text NOT NULL,
      PRIMARY KEY (audience, domain)
    )`.execute(db);
  await sql`
    CREATE TABLE palisade.blocklist_published_changes (
      id text PRIMARY KEY,
      audience text NOT NULL CHECK (audience IN ('allies', 'public')),
      type text NOT NULL CHECK (type IN ('Recommendation', 'Retraction')),
      domain text NOT NULL,
      policy text,
      filters text[] NOT NULL DEFAULT '{}',
      created_at ${ts}
    )`.execute(db);
  await sql`CREATE INDEX blocklist_published_changes_feed_idx ON palisade.blocklist_published_changes (audience, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'blocklist_published_changes',
    'blocklist_published',
    'blocklist_reads',
    'blocklist_ally_tokens',
    'blocklist_allies',
    'blocklist_settings',
    'blocklist_excludes',
    'blocklist_provenance',
    'blocklist_dismissals',
    'blocklist_suggestions',
    'blocklist_changes',
    'blocklist_entries',
    'blocklist_snapshots',
    'blocklist_fetches',
    'blocklist_sources',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.raw(`palisade.${table}`)}`.execute(db);
  }
}
