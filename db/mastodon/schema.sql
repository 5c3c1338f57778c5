-- =============================================================================
-- Mastodon 4.7 database schema (subset used by Palisade) -- PostgreSQL DDL
-- =============================================================================
--
-- What this is
--   A plain-SQL restatement of the PostgreSQL tables, indexes, foreign keys,
--   views and the timestamp_id() function that Mastodon 4.7.0 creates, limited
--   to the relations Palisade reads or writes plus every table their foreign
--   keys point at. It is what `rails db:schema:load` (Mastodon's
--   lib/active_record/database_tasks_extensions.rb: define timestamp_id, load
--   db/schema.rb, create the timestamp-id sequences) would produce for these
--   relations on an empty database.
--
--   Palisade uses it ONLY for its embedded demo database (PGlite) and for
--   tests. Palisade NEVER runs this file against a real Mastodon instance:
--   a real instance's schema is owned by Mastodon's own migrations.
--
-- Source read
--   * mastodon/mastodon main as mirrored by github.com/mjankowski/mastodon,
--     commit 2f40549d41d77bd4941214e1915074d2e9113b80 (2026-08-21,
--     4.8.0-alpha.1): db/schema.rb version 2026_08_12_154114 (Rails 8.1 dump),
--     db/views/instances_v01.sql, db/views/user_ips_v01.sql,
--     lib/mastodon/snowflake.rb, lib/active_record/database_tasks_extensions.rb,
--     db/post_migrate/20260720104058_add_unique_index_on_accounts_uri.rb.
--     db/schema.rb is byte-identical at cebb47f7f786736f1f7d6d38e2d242f3a1cc4caa
--     (the last 4.7.0-beta.1 commit before the 4.8.0-alpha.1 bump), i.e. this
--     is the schema of the 4.7.0 release.
--   * Compared with db/schema.rb at d438a09ddbc5 (4.6.0-rc.1, 2026_06_11_150940)
--     for the 4.7 changes: accounts.uri nullable + UNIQUE index,
--     accounts.requested_deletion_at, admin_action_logs.recorded_changes (jsonb)
--     + recorded_changes_format, index_follow_requests_on_target_account_id_and_account_id.
--
-- Conventions (Rails 8.1 on PostgreSQL)
--   * t.string = character varying; t.datetime precision: nil =
--     timestamp without time zone; t.datetime without precision (newer
--     columns) = timestamp(6) without time zone. All timestamps hold UTC.
--   * create_table without id: => id bigserial (sequence <table>_id_seq owned
--     by the column), primary key constraint <table>_pkey.
--   * Columns are listed in the order of db/schema.rb (Rails 8.1 sorts them
--     alphabetically), which is the physical order of a fresh 4.7 install;
--     instances upgraded over the years have a different physical order.
--     Nothing in Palisade may depend on column order.
--   * Foreign-key names: where db/schema.rb gives `name:` (fk_<hash>) it is
--     used verbatim. Otherwise db/schema.rb omits the name because Rails
--     generated it; Rails' foreign_key_name() makes it
--     'fk_rails_' || left(sha256('<table>_<column>_fk'), 10), which is what
--     `db:schema:load` creates. Those names are computed that way below and
--     marked "-- Rails-generated name". (Instances that ran very old
--     migrations could in theory carry different generated names.)
--
-- Tables beyond what Palisade queries, included because a foreign key of an
-- included table references them: scheduled_statuses
-- (media_attachments.scheduled_status_id).
-- Not included (no FK from the tables here requires them): conversations
-- (statuses.conversation_id has no FK), polls (the FK is polls.status_id ->
-- statuses), web_push_subscriptions (session_activations.web_push_subscription_id
-- has no FK), quotes (status_edits.quote_id has no FK), and every other
-- Mastodon table.
--
-- Runs in one go on an empty database (PostgreSQL 14+; tested on PGlite 0.5.16
-- = PostgreSQL 18 and on PostgreSQL 15). Requires the plpgsql extension, which
-- every PostgreSQL (and PGlite) has by default.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- timestamp_id(table_name): Snowflake-like ids (Mastodon lib/mastodon/snowflake.rb)
--   id = (unix epoch milliseconds << 16)
--        | ((first 16 bits of md5(table_name || secret_salt || time_part)
--            + nextval('<table_name>_id_seq')) & 65535)
-- Mastodon bakes a random per-database salt (SecureRandom.hex(16)) into the
-- function body when it creates it. THIS FILE USES A FIXED, PUBLIC SALT
-- ('a1b2c3d4e5f60718293a4b5c6d7e8f90'): acceptable only because this DDL is
-- for Palisade's demo database and tests, never for a real instance.
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION timestamp_id(table_name text)
RETURNS bigint AS
$$
  DECLARE
    time_part bigint;
    sequence_base bigint;
    tail bigint;
  BEGIN
    -- milliseconds since the Unix epoch, moved into the upper 48 bits
    time_part := (((date_part('epoch', now()) * 1000))::bigint << 16);

    -- 16 pseudo-random bits: the first 4 hex digits of the salted md5
    sequence_base := ('x' || substr(md5(table_name || 'a1b2c3d4e5f60718293a4b5c6d7e8f90' || time_part::text), 1, 4))::bit(16)::bigint;

    -- plus the table's sequence, truncated to the lower 16 bits
    tail := ((sequence_base + nextval(table_name || '_id_seq')) & 65535);

    RETURN time_part | tail;
  END
$$ LANGUAGE plpgsql VOLATILE;

-- Sequences used by timestamp_id() (Mastodon::Snowflake.ensure_id_sequences_exist
-- creates a plain "<table>_id_seq" for every table whose id defaults to
-- timestamp_id('<table>'); they are not owned by any column). Only the tables in
-- this file are covered; a real 4.7 database also has notification_requests_id_seq,
-- quotes_id_seq, collections_id_seq and collection_items_id_seq.
CREATE SEQUENCE accounts_id_seq;
CREATE SEQUENCE media_attachments_id_seq;
CREATE SEQUENCE statuses_id_seq;

-- -----------------------------------------------------------------------------
-- Rails bookkeeping tables (created by ActiveRecord itself, not db/schema.rb)
-- -----------------------------------------------------------------------------
CREATE TABLE schema_migrations (
    version character varying NOT NULL,
    CONSTRAINT schema_migrations_pkey PRIMARY KEY (version)
);

CREATE TABLE ar_internal_metadata (
    key character varying NOT NULL,
    value character varying,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL,
    CONSTRAINT ar_internal_metadata_pkey PRIMARY KEY (key)
);

-- -----------------------------------------------------------------------------
-- Tables (alphabetical, as in db/schema.rb) and their indexes
-- -----------------------------------------------------------------------------

CREATE TABLE account_deletion_requests (
    id bigserial,
    account_id bigint NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT account_deletion_requests_pkey PRIMARY KEY (id)
);

CREATE INDEX index_account_deletion_requests_on_account_id ON account_deletion_requests USING btree (account_id);

CREATE TABLE account_moderation_notes (
    id bigserial,
    account_id bigint NOT NULL,
    content text NOT NULL,
    created_at timestamp without time zone NOT NULL,
    target_account_id bigint NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT account_moderation_notes_pkey PRIMARY KEY (id)
);

CREATE INDEX index_account_moderation_notes_on_account_id ON account_moderation_notes USING btree (account_id);
CREATE INDEX index_account_moderation_notes_on_target_account_id ON account_moderation_notes USING btree (target_account_id);

CREATE TABLE account_relationship_severance_events (
    id bigserial,
    account_id bigint NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    followers_count integer DEFAULT 0 NOT NULL,
    following_count integer DEFAULT 0 NOT NULL,
    relationship_severance_event_id bigint NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL,
    CONSTRAINT account_relationship_severance_events_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX idx_on_account_id_relationship_severance_event_id_7bd82bf20e ON account_relationship_severance_events USING btree (account_id, relationship_severance_event_id);
CREATE INDEX idx_on_relationship_severance_event_id_403f53e707 ON account_relationship_severance_events USING btree (relationship_severance_event_id);

CREATE TABLE account_stats (
    id bigserial,
    account_id bigint NOT NULL,
    created_at timestamp without time zone NOT NULL,
    followers_count bigint DEFAULT 0 NOT NULL,
    following_count bigint DEFAULT 0 NOT NULL,
    last_status_at timestamp without time zone,
    statuses_count bigint DEFAULT 0 NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT account_stats_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_account_stats_on_account_id ON account_stats USING btree (account_id);
CREATE INDEX index_account_stats_on_last_status_at_and_account_id ON account_stats USING btree (last_status_at DESC NULLS LAST, account_id);

CREATE TABLE account_warning_presets (
    id bigserial,
    created_at timestamp without time zone NOT NULL,
    text text DEFAULT ''::text NOT NULL,
    title character varying DEFAULT ''::character varying NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT account_warning_presets_pkey PRIMARY KEY (id)
);

CREATE TABLE account_warnings (
    id bigserial,
    account_id bigint,
    action integer DEFAULT 0 NOT NULL,
    created_at timestamp without time zone NOT NULL,
    overruled_at timestamp without time zone,
    report_id bigint,
    status_ids character varying[],
    target_account_id bigint,
    text text DEFAULT ''::text NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT account_warnings_pkey PRIMARY KEY (id)
);

CREATE INDEX index_account_warnings_on_account_id ON account_warnings USING btree (account_id);
CREATE INDEX index_account_warnings_on_target_account_id ON account_warnings USING btree (target_account_id);

CREATE TABLE accounts (
    id bigint DEFAULT timestamp_id('accounts'::text) NOT NULL,
    actor_type character varying,
    also_known_as character varying[],
    attribution_domains character varying[] DEFAULT '{}'::character varying[],
    avatar_content_type character varying,
    avatar_description character varying DEFAULT ''::character varying NOT NULL,
    avatar_file_name character varying,
    avatar_file_size integer,
    avatar_remote_url character varying,
    avatar_storage_schema_version integer,
    avatar_updated_at timestamp without time zone,
    collections_url character varying,
    created_at timestamp without time zone NOT NULL,
    discoverable boolean,
    display_name character varying DEFAULT ''::character varying NOT NULL,
    domain character varying,
    feature_approval_policy integer DEFAULT 0 NOT NULL,
    featured_collection_url character varying,
    fields jsonb,
    followers_url character varying DEFAULT ''::character varying NOT NULL,
    following_url character varying DEFAULT ''::character varying NOT NULL,
    header_content_type character varying,
    header_description character varying DEFAULT ''::character varying NOT NULL,
    header_file_name character varying,
    header_file_size integer,
    header_remote_url character varying DEFAULT ''::character varying NOT NULL,
    header_storage_schema_version integer,
    header_updated_at timestamp without time zone,
    hide_collections boolean,
    id_scheme integer DEFAULT 1,
    inbox_url character varying DEFAULT ''::character varying NOT NULL,
    indexable boolean DEFAULT false NOT NULL,
    last_webfingered_at timestamp without time zone,
    locked boolean DEFAULT false NOT NULL,
    memorial boolean DEFAULT false NOT NULL,
    moved_to_account_id bigint,
    note text DEFAULT ''::text NOT NULL,
    outbox_url character varying DEFAULT ''::character varying NOT NULL,
    private_key text,
    protocol integer DEFAULT 0 NOT NULL,
    public_key text DEFAULT ''::text NOT NULL,
    requested_deletion_at timestamp(6) without time zone,
    requested_review_at timestamp without time zone,
    reviewed_at timestamp without time zone,
    sensitized_at timestamp without time zone,
    shared_inbox_url character varying DEFAULT ''::character varying NOT NULL,
    show_featured boolean DEFAULT true NOT NULL,
    show_media boolean DEFAULT true NOT NULL,
    show_media_replies boolean DEFAULT true NOT NULL,
    silenced_at timestamp without time zone,
    suspended_at timestamp without time zone,
    suspension_origin integer,
    trendable boolean,
    updated_at timestamp without time zone NOT NULL,
    uri character varying,
    url character varying,
    username character varying DEFAULT ''::character varying NOT NULL,
    CONSTRAINT accounts_pkey PRIMARY KEY (id)
);

CREATE INDEX search_index ON accounts USING gin ((((setweight(to_tsvector('simple'::regconfig, (display_name)::text), 'A'::"char") || setweight(to_tsvector('simple'::regconfig, (username)::text), 'B'::"char")) || setweight(to_tsvector('simple'::regconfig, (COALESCE(domain, ''::character varying))::text), 'C'::"char"))));
CREATE UNIQUE INDEX index_accounts_on_username_and_domain_lower ON accounts USING btree (lower((username)::text), COALESCE(lower((domain)::text), ''::text));
CREATE INDEX index_accounts_on_domain_and_id ON accounts USING btree (domain, id);
CREATE INDEX index_accounts_on_moved_to_account_id ON accounts USING btree (moved_to_account_id) WHERE (moved_to_account_id IS NOT NULL);
CREATE UNIQUE INDEX index_accounts_on_uri ON accounts USING btree (uri);
CREATE INDEX index_accounts_on_url ON accounts USING btree (url text_pattern_ops) WHERE (url IS NOT NULL);

CREATE TABLE admin_action_logs (
    id bigserial,
    account_id bigint NOT NULL,
    action character varying DEFAULT ''::character varying NOT NULL,
    created_at timestamp without time zone NOT NULL,
    human_identifier character varying,
    permalink character varying,
    recorded_changes jsonb,
    recorded_changes_format character varying,
    route_param character varying,
    target_id bigint,
    target_type character varying,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT admin_action_logs_pkey PRIMARY KEY (id)
);

CREATE INDEX index_admin_action_logs_on_account_id ON admin_action_logs USING btree (account_id);
CREATE INDEX index_admin_action_logs_on_target_type_and_target_id ON admin_action_logs USING btree (target_type, target_id);

CREATE TABLE appeals (
    id bigserial,
    account_id bigint NOT NULL,
    account_warning_id bigint NOT NULL,
    approved_at timestamp without time zone,
    approved_by_account_id bigint,
    created_at timestamp(6) without time zone NOT NULL,
    rejected_at timestamp without time zone,
    rejected_by_account_id bigint,
    text text DEFAULT ''::text NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL,
    CONSTRAINT appeals_pkey PRIMARY KEY (id)
);

CREATE INDEX index_appeals_on_account_id ON appeals USING btree (account_id);
CREATE UNIQUE INDEX index_appeals_on_account_warning_id ON appeals USING btree (account_warning_id);
CREATE INDEX index_appeals_on_approved_by_account_id ON appeals USING btree (approved_by_account_id) WHERE (approved_by_account_id IS NOT NULL);
CREATE INDEX index_appeals_on_rejected_by_account_id ON appeals USING btree (rejected_by_account_id) WHERE (rejected_by_account_id IS NOT NULL);

CREATE TABLE blocks (
    id bigserial,
    account_id bigint NOT NULL,
    created_at timestamp without time zone NOT NULL,
    target_account_id bigint NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    uri character varying,
    CONSTRAINT blocks_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_blocks_on_account_id_and_target_account_id ON blocks USING btree (account_id, target_account_id);
CREATE INDEX index_blocks_on_target_account_id ON blocks USING btree (target_account_id);

CREATE TABLE canonical_email_blocks (
    id bigserial,
    canonical_email_hash character varying DEFAULT ''::character varying NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    reference_account_id bigint,
    updated_at timestamp(6) without time zone NOT NULL,
    CONSTRAINT canonical_email_blocks_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_canonical_email_blocks_on_canonical_email_hash ON canonical_email_blocks USING btree (canonical_email_hash);
CREATE INDEX index_canonical_email_blocks_on_reference_account_id ON canonical_email_blocks USING btree (reference_account_id);

CREATE TABLE domain_allows (
    id bigserial,
    created_at timestamp without time zone NOT NULL,
    domain character varying DEFAULT ''::character varying NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT domain_allows_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_domain_allows_on_domain ON domain_allows USING btree (domain);

CREATE TABLE domain_blocks (
    id bigserial,
    created_at timestamp without time zone NOT NULL,
    domain character varying DEFAULT ''::character varying NOT NULL,
    obfuscate boolean DEFAULT false NOT NULL,
    private_comment text,
    public_comment text,
    reject_media boolean DEFAULT false NOT NULL,
    reject_reports boolean DEFAULT false NOT NULL,
    severity integer DEFAULT 0,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT domain_blocks_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_domain_blocks_on_domain ON domain_blocks USING btree (domain);

CREATE TABLE email_domain_blocks (
    id bigserial,
    allow_with_approval boolean DEFAULT false NOT NULL,
    created_at timestamp without time zone NOT NULL,
    domain character varying DEFAULT ''::character varying NOT NULL,
    parent_id bigint,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT email_domain_blocks_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_email_domain_blocks_on_domain ON email_domain_blocks USING btree (domain);

CREATE TABLE follow_requests (
    id bigserial,
    account_id bigint NOT NULL,
    created_at timestamp without time zone NOT NULL,
    languages character varying[],
    notify boolean DEFAULT false NOT NULL,
    show_reblogs boolean DEFAULT true NOT NULL,
    target_account_id bigint NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    uri character varying,
    CONSTRAINT follow_requests_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_follow_requests_on_account_id_and_target_account_id ON follow_requests USING btree (account_id, target_account_id);
CREATE INDEX index_follow_requests_on_target_account_id_and_account_id ON follow_requests USING btree (target_account_id, account_id);

CREATE TABLE follows (
    id bigserial,
    account_id bigint NOT NULL,
    created_at timestamp without time zone NOT NULL,
    languages character varying[],
    notify boolean DEFAULT false NOT NULL,
    show_reblogs boolean DEFAULT true NOT NULL,
    target_account_id bigint NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    uri character varying,
    CONSTRAINT follows_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_follows_on_account_id_and_target_account_id ON follows USING btree (account_id, target_account_id);
CREATE INDEX index_follows_on_target_account_id_and_account_id ON follows USING btree (target_account_id, account_id);

CREATE TABLE instance_moderation_notes (
    id bigserial,
    account_id bigint NOT NULL,
    content text,
    created_at timestamp(6) without time zone NOT NULL,
    domain character varying NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL,
    CONSTRAINT instance_moderation_notes_pkey PRIMARY KEY (id)
);

CREATE INDEX index_instance_moderation_notes_on_domain ON instance_moderation_notes USING btree (domain);

CREATE TABLE invites (
    id bigserial,
    autofollow boolean DEFAULT false NOT NULL,
    code character varying DEFAULT ''::character varying NOT NULL,
    comment text,
    created_at timestamp without time zone NOT NULL,
    expires_at timestamp without time zone,
    max_uses integer,
    updated_at timestamp without time zone NOT NULL,
    user_id bigint NOT NULL,
    uses integer DEFAULT 0 NOT NULL,
    CONSTRAINT invites_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_invites_on_code ON invites USING btree (code);
CREATE INDEX index_invites_on_user_id ON invites USING btree (user_id);

CREATE TABLE ip_blocks (
    id bigserial,
    comment text DEFAULT ''::text NOT NULL,
    created_at timestamp without time zone NOT NULL,
    expires_at timestamp without time zone,
    ip inet DEFAULT '0.0.0.0'::inet NOT NULL,
    severity integer DEFAULT 0 NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT ip_blocks_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_ip_blocks_on_ip ON ip_blocks USING btree (ip);

CREATE TABLE login_activities (
    id bigserial,
    authentication_method character varying,
    created_at timestamp without time zone,
    failure_reason character varying,
    ip inet,
    provider character varying,
    success boolean,
    user_agent character varying,
    user_id bigint NOT NULL,
    CONSTRAINT login_activities_pkey PRIMARY KEY (id)
);

CREATE INDEX index_login_activities_on_user_id ON login_activities USING btree (user_id);

CREATE TABLE media_attachments (
    id bigint DEFAULT timestamp_id('media_attachments'::text) NOT NULL,
    account_id bigint,
    blurhash character varying,
    created_at timestamp without time zone NOT NULL,
    description text,
    file_content_type character varying,
    file_file_name character varying,
    file_file_size integer,
    file_meta json,
    file_storage_schema_version integer,
    file_updated_at timestamp without time zone,
    processing integer,
    remote_url character varying DEFAULT ''::character varying NOT NULL,
    scheduled_status_id bigint,
    shortcode character varying,
    status_id bigint,
    thumbnail_content_type character varying,
    thumbnail_file_name character varying,
    thumbnail_file_size integer,
    thumbnail_remote_url character varying,
    thumbnail_storage_schema_version integer,
    thumbnail_updated_at timestamp without time zone,
    type integer DEFAULT 0 NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT media_attachments_pkey PRIMARY KEY (id)
);

CREATE INDEX index_media_attachments_on_account_id_and_status_id ON media_attachments USING btree (account_id, status_id DESC);
CREATE INDEX index_media_attachments_on_scheduled_status_id ON media_attachments USING btree (scheduled_status_id) WHERE (scheduled_status_id IS NOT NULL);
CREATE UNIQUE INDEX index_media_attachments_on_shortcode ON media_attachments USING btree (shortcode text_pattern_ops) WHERE (shortcode IS NOT NULL);
CREATE INDEX index_media_attachments_on_status_id ON media_attachments USING btree (status_id);

CREATE TABLE mentions (
    id bigserial,
    account_id bigint NOT NULL,
    created_at timestamp without time zone NOT NULL,
    silent boolean DEFAULT false NOT NULL,
    status_id bigint NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT mentions_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_mentions_on_account_id_and_status_id ON mentions USING btree (account_id, status_id);
CREATE INDEX index_mentions_on_status_id ON mentions USING btree (status_id);

CREATE TABLE mutes (
    id bigserial,
    account_id bigint NOT NULL,
    created_at timestamp without time zone NOT NULL,
    expires_at timestamp without time zone,
    hide_notifications boolean DEFAULT true NOT NULL,
    target_account_id bigint NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT mutes_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_mutes_on_account_id_and_target_account_id ON mutes USING btree (account_id, target_account_id);
CREATE INDEX index_mutes_on_target_account_id ON mutes USING btree (target_account_id);

CREATE TABLE oauth_access_tokens (
    id bigserial,
    application_id bigint,
    created_at timestamp without time zone NOT NULL,
    expires_in integer,
    last_used_at timestamp without time zone,
    last_used_ip inet,
    refresh_token character varying,
    resource_owner_id bigint,
    revoked_at timestamp without time zone,
    scopes character varying,
    token character varying NOT NULL,
    CONSTRAINT oauth_access_tokens_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_oauth_access_tokens_on_refresh_token ON oauth_access_tokens USING btree (refresh_token text_pattern_ops) WHERE (refresh_token IS NOT NULL);
CREATE INDEX index_oauth_access_tokens_on_resource_owner_id ON oauth_access_tokens USING btree (resource_owner_id) WHERE (resource_owner_id IS NOT NULL);
CREATE UNIQUE INDEX index_oauth_access_tokens_on_token ON oauth_access_tokens USING btree (token);

CREATE TABLE oauth_applications (
    id bigserial,
    confidential boolean DEFAULT true NOT NULL,
    created_at timestamp without time zone,
    name character varying NOT NULL,
    owner_id bigint,
    owner_type character varying,
    redirect_uri text NOT NULL,
    scopes character varying DEFAULT ''::character varying NOT NULL,
    secret character varying NOT NULL,
    superapp boolean DEFAULT false NOT NULL,
    uid character varying NOT NULL,
    updated_at timestamp without time zone,
    website character varying,
    CONSTRAINT oauth_applications_pkey PRIMARY KEY (id)
);

CREATE INDEX index_oauth_applications_on_owner_id_and_owner_type ON oauth_applications USING btree (owner_id, owner_type);
CREATE INDEX index_oauth_applications_on_superapp ON oauth_applications USING btree (superapp) WHERE (superapp = true);
CREATE UNIQUE INDEX index_oauth_applications_on_uid ON oauth_applications USING btree (uid);

CREATE TABLE relationship_severance_events (
    id bigserial,
    created_at timestamp(6) without time zone NOT NULL,
    purged boolean DEFAULT false NOT NULL,
    target_name character varying NOT NULL,
    type integer NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL,
    CONSTRAINT relationship_severance_events_pkey PRIMARY KEY (id)
);

CREATE INDEX index_relationship_severance_events_on_type_and_target_name ON relationship_severance_events USING btree (type, target_name);

CREATE TABLE report_notes (
    id bigserial,
    account_id bigint NOT NULL,
    content text NOT NULL,
    created_at timestamp without time zone NOT NULL,
    report_id bigint NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT report_notes_pkey PRIMARY KEY (id)
);

CREATE INDEX index_report_notes_on_account_id ON report_notes USING btree (account_id);
CREATE INDEX index_report_notes_on_report_id ON report_notes USING btree (report_id);

CREATE TABLE reports (
    id bigserial,
    account_id bigint NOT NULL,
    action_taken_at timestamp without time zone,
    action_taken_by_account_id bigint,
    application_id bigint,
    assigned_account_id bigint,
    category integer DEFAULT 0 NOT NULL,
    comment text DEFAULT ''::text NOT NULL,
    created_at timestamp without time zone NOT NULL,
    forwarded boolean,
    rule_ids bigint[],
    status_ids bigint[] DEFAULT '{}'::bigint[] NOT NULL,
    target_account_id bigint NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    uri character varying,
    CONSTRAINT reports_pkey PRIMARY KEY (id)
);

CREATE INDEX index_reports_on_account_id ON reports USING btree (account_id);
CREATE INDEX index_reports_on_action_taken_by_account_id ON reports USING btree (action_taken_by_account_id) WHERE (action_taken_by_account_id IS NOT NULL);
CREATE INDEX index_reports_on_assigned_account_id ON reports USING btree (assigned_account_id) WHERE (assigned_account_id IS NOT NULL);
CREATE INDEX index_reports_on_target_account_id ON reports USING btree (target_account_id);

CREATE TABLE rule_translations (
    id bigserial,
    created_at timestamp(6) without time zone NOT NULL,
    hint text DEFAULT ''::text NOT NULL,
    language character varying NOT NULL,
    rule_id bigint NOT NULL,
    text text DEFAULT ''::text NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL,
    CONSTRAINT rule_translations_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_rule_translations_on_rule_id_and_language ON rule_translations USING btree (rule_id, language);

CREATE TABLE rules (
    id bigserial,
    created_at timestamp without time zone NOT NULL,
    deleted_at timestamp without time zone,
    hint text DEFAULT ''::text NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    text text DEFAULT ''::text NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT rules_pkey PRIMARY KEY (id)
);

CREATE TABLE scheduled_statuses (
    id bigserial,
    account_id bigint NOT NULL,
    params jsonb,
    scheduled_at timestamp without time zone,
    CONSTRAINT scheduled_statuses_pkey PRIMARY KEY (id)
);

CREATE INDEX index_scheduled_statuses_on_account_id ON scheduled_statuses USING btree (account_id);
CREATE INDEX index_scheduled_statuses_on_scheduled_at ON scheduled_statuses USING btree (scheduled_at);

CREATE TABLE session_activations (
    id bigserial,
    access_token_id bigint,
    created_at timestamp without time zone NOT NULL,
    ip inet,
    session_id character varying NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    user_agent character varying DEFAULT ''::character varying NOT NULL,
    user_id bigint NOT NULL,
    web_push_subscription_id bigint,
    CONSTRAINT session_activations_pkey PRIMARY KEY (id)
);

CREATE INDEX index_session_activations_on_access_token_id ON session_activations USING btree (access_token_id);
CREATE UNIQUE INDEX index_session_activations_on_session_id ON session_activations USING btree (session_id);
CREATE INDEX index_session_activations_on_user_id ON session_activations USING btree (user_id);

CREATE TABLE settings (
    id bigserial,
    created_at timestamp without time zone,
    updated_at timestamp without time zone,
    value text,
    var character varying NOT NULL,
    CONSTRAINT settings_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_settings_on_var ON settings USING btree (var);

CREATE TABLE severed_relationships (
    id bigserial,
    created_at timestamp(6) without time zone NOT NULL,
    direction integer NOT NULL,
    languages character varying[],
    local_account_id bigint NOT NULL,
    notify boolean,
    relationship_severance_event_id bigint NOT NULL,
    remote_account_id bigint NOT NULL,
    show_reblogs boolean,
    updated_at timestamp(6) without time zone NOT NULL,
    CONSTRAINT severed_relationships_pkey PRIMARY KEY (id)
);

CREATE INDEX index_severed_relationships_on_local_account_and_event ON severed_relationships USING btree (local_account_id, relationship_severance_event_id);
CREATE UNIQUE INDEX index_severed_relationships_on_unique_tuples ON severed_relationships USING btree (relationship_severance_event_id, local_account_id, direction, remote_account_id);
CREATE INDEX index_severed_relationships_on_remote_account_id ON severed_relationships USING btree (remote_account_id);

CREATE TABLE status_edits (
    id bigserial,
    account_id bigint,
    created_at timestamp(6) without time zone NOT NULL,
    media_descriptions text[],
    ordered_media_attachment_ids bigint[],
    poll_options character varying[],
    quote_id bigint,
    sensitive boolean,
    spoiler_text text DEFAULT ''::text NOT NULL,
    status_id bigint NOT NULL,
    text text DEFAULT ''::text NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL,
    CONSTRAINT status_edits_pkey PRIMARY KEY (id)
);

CREATE INDEX index_status_edits_on_account_id ON status_edits USING btree (account_id);
CREATE INDEX index_status_edits_on_status_id ON status_edits USING btree (status_id);

CREATE TABLE status_stats (
    id bigserial,
    created_at timestamp without time zone NOT NULL,
    favourites_count bigint DEFAULT 0 NOT NULL,
    quotes_count bigint DEFAULT 0 NOT NULL,
    reblogs_count bigint DEFAULT 0 NOT NULL,
    replies_count bigint DEFAULT 0 NOT NULL,
    status_id bigint NOT NULL,
    untrusted_favourites_count bigint,
    untrusted_reblogs_count bigint,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT status_stats_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_status_stats_on_status_id ON status_stats USING btree (status_id);

CREATE TABLE statuses (
    id bigint DEFAULT timestamp_id('statuses'::text) NOT NULL,
    account_id bigint NOT NULL,
    application_id bigint,
    conversation_id bigint,
    created_at timestamp without time zone NOT NULL,
    deleted_at timestamp without time zone,
    edited_at timestamp without time zone,
    fetched_replies_at timestamp(6) without time zone,
    in_reply_to_account_id bigint,
    in_reply_to_id bigint,
    language character varying,
    local boolean,
    ordered_media_attachment_ids bigint[],
    poll_id bigint,
    quote_approval_policy integer DEFAULT 0 NOT NULL,
    reblog_of_id bigint,
    reply boolean DEFAULT false NOT NULL,
    sensitive boolean DEFAULT false NOT NULL,
    spoiler_text text DEFAULT ''::text NOT NULL,
    text text DEFAULT ''::text NOT NULL,
    trendable boolean,
    updated_at timestamp without time zone NOT NULL,
    uri character varying,
    url character varying,
    visibility integer DEFAULT 0 NOT NULL,
    CONSTRAINT statuses_pkey PRIMARY KEY (id)
);

CREATE INDEX index_statuses_20190820 ON statuses USING btree (account_id, id DESC, visibility, updated_at) WHERE (deleted_at IS NULL);
CREATE INDEX index_statuses_on_account_id ON statuses USING btree (account_id);
CREATE INDEX index_statuses_on_conversation_id ON statuses USING btree (conversation_id);
CREATE INDEX index_statuses_on_deleted_at ON statuses USING btree (deleted_at) WHERE (deleted_at IS NOT NULL);
CREATE INDEX index_statuses_local_20190824 ON statuses USING btree (id DESC, account_id) WHERE ((local OR (uri IS NULL)) AND (deleted_at IS NULL) AND (visibility = 0) AND (reblog_of_id IS NULL) AND ((NOT reply) OR (in_reply_to_account_id = account_id)));
CREATE INDEX index_statuses_public_20250129 ON statuses USING btree (id DESC, language, account_id) WHERE ((deleted_at IS NULL) AND (visibility = 0) AND (reblog_of_id IS NULL) AND ((NOT reply) OR (in_reply_to_account_id = account_id)));
CREATE INDEX index_statuses_on_in_reply_to_account_id ON statuses USING btree (in_reply_to_account_id) WHERE (in_reply_to_account_id IS NOT NULL);
CREATE INDEX index_statuses_on_in_reply_to_id ON statuses USING btree (in_reply_to_id) WHERE (in_reply_to_id IS NOT NULL);
CREATE INDEX index_statuses_on_reblog_of_id_and_account_id ON statuses USING btree (reblog_of_id, account_id);
CREATE UNIQUE INDEX index_statuses_on_uri ON statuses USING btree (uri text_pattern_ops) WHERE (uri IS NOT NULL);

CREATE TABLE tombstones (
    id bigserial,
    account_id bigint NOT NULL,
    by_moderator boolean,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    uri character varying NOT NULL,
    CONSTRAINT tombstones_pkey PRIMARY KEY (id)
);

CREATE INDEX index_tombstones_on_account_id ON tombstones USING btree (account_id);
CREATE INDEX index_tombstones_on_uri ON tombstones USING btree (uri);

CREATE TABLE unavailable_domains (
    id bigserial,
    created_at timestamp without time zone NOT NULL,
    domain character varying DEFAULT ''::character varying NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT unavailable_domains_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_unavailable_domains_on_domain ON unavailable_domains USING btree (domain);

CREATE TABLE user_invite_requests (
    id bigserial,
    created_at timestamp without time zone NOT NULL,
    text text,
    updated_at timestamp without time zone NOT NULL,
    user_id bigint NOT NULL,
    CONSTRAINT user_invite_requests_pkey PRIMARY KEY (id)
);

CREATE INDEX index_user_invite_requests_on_user_id ON user_invite_requests USING btree (user_id);

CREATE TABLE user_roles (
    id bigserial,
    collection_limit integer DEFAULT 10 NOT NULL,
    color character varying DEFAULT ''::character varying NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    highlighted boolean DEFAULT false NOT NULL,
    name character varying DEFAULT ''::character varying NOT NULL,
    permissions bigint DEFAULT 0 NOT NULL,
    "position" integer DEFAULT 0 NOT NULL,
    require_2fa boolean DEFAULT false NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL,
    CONSTRAINT user_roles_pkey PRIMARY KEY (id)
);

CREATE TABLE username_blocks (
    id bigserial,
    allow_with_approval boolean DEFAULT false NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    exact boolean DEFAULT false NOT NULL,
    normalized_username character varying NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL,
    username character varying NOT NULL,
    CONSTRAINT username_blocks_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX index_username_blocks_on_username_lower_btree ON username_blocks USING btree (lower((username)::text));
CREATE INDEX index_username_blocks_on_normalized_username ON username_blocks USING btree (normalized_username);

CREATE TABLE users (
    id bigserial,
    account_id bigint NOT NULL,
    age_verified_at timestamp(6) without time zone,
    approved boolean DEFAULT true NOT NULL,
    chosen_languages character varying[],
    confirmation_sent_at timestamp without time zone,
    confirmation_token character varying,
    confirmed_at timestamp without time zone,
    consumed_timestep integer,
    created_at timestamp without time zone NOT NULL,
    created_by_application_id bigint,
    current_sign_in_at timestamp without time zone,
    disabled boolean DEFAULT false NOT NULL,
    email character varying DEFAULT ''::character varying NOT NULL,
    encrypted_password character varying DEFAULT ''::character varying NOT NULL,
    invite_id bigint,
    last_emailed_at timestamp without time zone,
    last_sign_in_at timestamp without time zone,
    locale character varying,
    otp_backup_codes character varying[],
    otp_required_for_login boolean DEFAULT false NOT NULL,
    otp_secret character varying,
    require_tos_interstitial boolean DEFAULT false NOT NULL,
    reset_password_sent_at timestamp without time zone,
    reset_password_token character varying,
    role_id bigint,
    settings text,
    sign_in_count integer DEFAULT 0 NOT NULL,
    sign_in_token character varying,
    sign_in_token_sent_at timestamp without time zone,
    sign_up_ip inet,
    skip_sign_in_token boolean,
    time_zone character varying,
    unconfirmed_email character varying,
    updated_at timestamp without time zone NOT NULL,
    webauthn_id character varying,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

CREATE INDEX index_users_on_account_id ON users USING btree (account_id);
CREATE UNIQUE INDEX index_users_on_confirmation_token ON users USING btree (confirmation_token);
CREATE INDEX index_users_on_created_by_application_id ON users USING btree (created_by_application_id) WHERE (created_by_application_id IS NOT NULL);
CREATE UNIQUE INDEX index_users_on_email ON users USING btree (email);
CREATE UNIQUE INDEX index_users_on_reset_password_token ON users USING btree (reset_password_token text_pattern_ops) WHERE (reset_password_token IS NOT NULL);
CREATE INDEX index_users_on_role_id ON users USING btree (role_id) WHERE (role_id IS NOT NULL);
CREATE INDEX index_users_on_unconfirmed_email ON users USING btree (unconfirmed_email) WHERE (unconfirmed_email IS NOT NULL);

-- -----------------------------------------------------------------------------
-- Foreign keys
-- -----------------------------------------------------------------------------

-- Rails-generated name: fk_rails_ + sha256('account_deletion_requests_account_id_fk')[0,10]
ALTER TABLE ONLY account_deletion_requests
    ADD CONSTRAINT fk_rails_45bf2626b9 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('account_moderation_notes_account_id_fk')[0,10]
ALTER TABLE ONLY account_moderation_notes
    ADD CONSTRAINT fk_rails_3f8b75089b FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('account_moderation_notes_target_account_id_fk')[0,10]
ALTER TABLE ONLY account_moderation_notes
    ADD CONSTRAINT fk_rails_dd62ed5ac3 FOREIGN KEY (target_account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('account_relationship_severance_events_account_id_fk')[0,10]
ALTER TABLE ONLY account_relationship_severance_events
    ADD CONSTRAINT fk_rails_030c916965 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('account_relationship_severance_events_relationship_severance_event_id_fk')[0,10]
ALTER TABLE ONLY account_relationship_severance_events
    ADD CONSTRAINT fk_rails_8a34c3a361 FOREIGN KEY (relationship_severance_event_id) REFERENCES relationship_severance_events(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('account_stats_account_id_fk')[0,10]
ALTER TABLE ONLY account_stats
    ADD CONSTRAINT fk_rails_215bb31ff1 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('account_warnings_account_id_fk')[0,10]
ALTER TABLE ONLY account_warnings
    ADD CONSTRAINT fk_rails_a65a1bf71b FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE SET NULL;

-- Rails-generated name: fk_rails_ + sha256('account_warnings_report_id_fk')[0,10]
ALTER TABLE ONLY account_warnings
    ADD CONSTRAINT fk_rails_8f2bab4b16 FOREIGN KEY (report_id) REFERENCES reports(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('account_warnings_target_account_id_fk')[0,10]
ALTER TABLE ONLY account_warnings
    ADD CONSTRAINT fk_rails_a7ebbb1e37 FOREIGN KEY (target_account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('accounts_moved_to_account_id_fk')[0,10]
ALTER TABLE ONLY accounts
    ADD CONSTRAINT fk_rails_2320833084 FOREIGN KEY (moved_to_account_id) REFERENCES accounts(id) ON DELETE SET NULL;

-- Rails-generated name: fk_rails_ + sha256('admin_action_logs_account_id_fk')[0,10]
ALTER TABLE ONLY admin_action_logs
    ADD CONSTRAINT fk_rails_a7667297fa FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('appeals_account_id_fk')[0,10]
ALTER TABLE ONLY appeals
    ADD CONSTRAINT fk_rails_ea84881569 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('appeals_account_warning_id_fk')[0,10]
ALTER TABLE ONLY appeals
    ADD CONSTRAINT fk_rails_a99f14546e FOREIGN KEY (account_warning_id) REFERENCES account_warnings(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('appeals_approved_by_account_id_fk')[0,10]
ALTER TABLE ONLY appeals
    ADD CONSTRAINT fk_rails_9deb2f63ad FOREIGN KEY (approved_by_account_id) REFERENCES accounts(id) ON DELETE SET NULL;

-- Rails-generated name: fk_rails_ + sha256('appeals_rejected_by_account_id_fk')[0,10]
ALTER TABLE ONLY appeals
    ADD CONSTRAINT fk_rails_501c3a6e13 FOREIGN KEY (rejected_by_account_id) REFERENCES accounts(id) ON DELETE SET NULL;

ALTER TABLE ONLY blocks
    ADD CONSTRAINT fk_4269e03e65 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

ALTER TABLE ONLY blocks
    ADD CONSTRAINT fk_9571bfabc1 FOREIGN KEY (target_account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('canonical_email_blocks_reference_account_id_fk')[0,10]
ALTER TABLE ONLY canonical_email_blocks
    ADD CONSTRAINT fk_rails_1ecb262096 FOREIGN KEY (reference_account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('email_domain_blocks_parent_id_fk')[0,10]
ALTER TABLE ONLY email_domain_blocks
    ADD CONSTRAINT fk_rails_408efe0a15 FOREIGN KEY (parent_id) REFERENCES email_domain_blocks(id) ON DELETE CASCADE;

ALTER TABLE ONLY follow_requests
    ADD CONSTRAINT fk_76d644b0e7 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

ALTER TABLE ONLY follow_requests
    ADD CONSTRAINT fk_9291ec025d FOREIGN KEY (target_account_id) REFERENCES accounts(id) ON DELETE CASCADE;

ALTER TABLE ONLY follows
    ADD CONSTRAINT fk_32ed1b5560 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

ALTER TABLE ONLY follows
    ADD CONSTRAINT fk_745ca29eac FOREIGN KEY (target_account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('instance_moderation_notes_account_id_fk')[0,10]
ALTER TABLE ONLY instance_moderation_notes
    ADD CONSTRAINT fk_rails_62f919e09b FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('invites_user_id_fk')[0,10]
ALTER TABLE ONLY invites
    ADD CONSTRAINT fk_rails_ff69dbb2ac FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('login_activities_user_id_fk')[0,10]
ALTER TABLE ONLY login_activities
    ADD CONSTRAINT fk_rails_e4b6396b41 FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;

ALTER TABLE ONLY media_attachments
    ADD CONSTRAINT fk_96dd81e81b FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE SET NULL;

-- Rails-generated name: fk_rails_ + sha256('media_attachments_scheduled_status_id_fk')[0,10]
ALTER TABLE ONLY media_attachments
    ADD CONSTRAINT fk_rails_31fc5aeef1 FOREIGN KEY (scheduled_status_id) REFERENCES scheduled_statuses(id) ON DELETE SET NULL;

-- Rails-generated name: fk_rails_ + sha256('media_attachments_status_id_fk')[0,10]
ALTER TABLE ONLY media_attachments
    ADD CONSTRAINT fk_rails_3ec0cfdd70 FOREIGN KEY (status_id) REFERENCES statuses(id) ON DELETE SET NULL;

ALTER TABLE ONLY mentions
    ADD CONSTRAINT fk_970d43f9d1 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('mentions_status_id_fk')[0,10]
ALTER TABLE ONLY mentions
    ADD CONSTRAINT fk_rails_59edbe2887 FOREIGN KEY (status_id) REFERENCES statuses(id) ON DELETE CASCADE;

ALTER TABLE ONLY mutes
    ADD CONSTRAINT fk_b8d8daf315 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

ALTER TABLE ONLY mutes
    ADD CONSTRAINT fk_eecff219ea FOREIGN KEY (target_account_id) REFERENCES accounts(id) ON DELETE CASCADE;

ALTER TABLE ONLY oauth_access_tokens
    ADD CONSTRAINT fk_f5fc4c1ee3 FOREIGN KEY (application_id) REFERENCES oauth_applications(id) ON DELETE CASCADE;

ALTER TABLE ONLY oauth_access_tokens
    ADD CONSTRAINT fk_e84df68546 FOREIGN KEY (resource_owner_id) REFERENCES users(id) ON DELETE CASCADE;

ALTER TABLE ONLY oauth_applications
    ADD CONSTRAINT fk_b0988c7c0a FOREIGN KEY (owner_id) REFERENCES users(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('report_notes_account_id_fk')[0,10]
ALTER TABLE ONLY report_notes
    ADD CONSTRAINT fk_rails_cae66353f3 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('report_notes_report_id_fk')[0,10]
ALTER TABLE ONLY report_notes
    ADD CONSTRAINT fk_rails_7fa83a61eb FOREIGN KEY (report_id) REFERENCES reports(id) ON DELETE CASCADE;

ALTER TABLE ONLY reports
    ADD CONSTRAINT fk_4b81f7522c FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

ALTER TABLE ONLY reports
    ADD CONSTRAINT fk_bca45b75fd FOREIGN KEY (action_taken_by_account_id) REFERENCES accounts(id) ON DELETE SET NULL;

-- Rails-generated name: fk_rails_ + sha256('reports_application_id_fk')[0,10]
ALTER TABLE ONLY reports
    ADD CONSTRAINT fk_rails_3deb8c7acb FOREIGN KEY (application_id) REFERENCES oauth_applications(id) ON DELETE SET NULL;

-- Rails-generated name: fk_rails_ + sha256('reports_assigned_account_id_fk')[0,10]
ALTER TABLE ONLY reports
    ADD CONSTRAINT fk_rails_4e7a498fb4 FOREIGN KEY (assigned_account_id) REFERENCES accounts(id) ON DELETE SET NULL;

ALTER TABLE ONLY reports
    ADD CONSTRAINT fk_eb37af34f0 FOREIGN KEY (target_account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('rule_translations_rule_id_fk')[0,10]
ALTER TABLE ONLY rule_translations
    ADD CONSTRAINT fk_rails_d5fd439dde FOREIGN KEY (rule_id) REFERENCES rules(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('scheduled_statuses_account_id_fk')[0,10]
ALTER TABLE ONLY scheduled_statuses
    ADD CONSTRAINT fk_rails_23bd9018f9 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

ALTER TABLE ONLY session_activations
    ADD CONSTRAINT fk_957e5bda89 FOREIGN KEY (access_token_id) REFERENCES oauth_access_tokens(id) ON DELETE CASCADE;

ALTER TABLE ONLY session_activations
    ADD CONSTRAINT fk_e5fda67334 FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('severed_relationships_local_account_id_fk')[0,10]
ALTER TABLE ONLY severed_relationships
    ADD CONSTRAINT fk_rails_98ff099d4c FOREIGN KEY (local_account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('severed_relationships_relationship_severance_event_id_fk')[0,10]
ALTER TABLE ONLY severed_relationships
    ADD CONSTRAINT fk_rails_5054494e1e FOREIGN KEY (relationship_severance_event_id) REFERENCES relationship_severance_events(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('severed_relationships_remote_account_id_fk')[0,10]
ALTER TABLE ONLY severed_relationships
    ADD CONSTRAINT fk_rails_f7afd97ba4 FOREIGN KEY (remote_account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('status_edits_account_id_fk')[0,10]
ALTER TABLE ONLY status_edits
    ADD CONSTRAINT fk_rails_dc8988c545 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE SET NULL;

-- Rails-generated name: fk_rails_ + sha256('status_edits_status_id_fk')[0,10]
ALTER TABLE ONLY status_edits
    ADD CONSTRAINT fk_rails_a960f234a0 FOREIGN KEY (status_id) REFERENCES statuses(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('status_stats_status_id_fk')[0,10]
ALTER TABLE ONLY status_stats
    ADD CONSTRAINT fk_rails_4a247aac42 FOREIGN KEY (status_id) REFERENCES statuses(id) ON DELETE CASCADE;

ALTER TABLE ONLY statuses
    ADD CONSTRAINT fk_9bda1543f7 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

ALTER TABLE ONLY statuses
    ADD CONSTRAINT fk_c7fa917661 FOREIGN KEY (in_reply_to_account_id) REFERENCES accounts(id) ON DELETE SET NULL;

-- Rails-generated name: fk_rails_ + sha256('statuses_in_reply_to_id_fk')[0,10]
ALTER TABLE ONLY statuses
    ADD CONSTRAINT fk_rails_94a6f70399 FOREIGN KEY (in_reply_to_id) REFERENCES statuses(id) ON DELETE SET NULL;

-- Rails-generated name: fk_rails_ + sha256('statuses_reblog_of_id_fk')[0,10]
ALTER TABLE ONLY statuses
    ADD CONSTRAINT fk_rails_256483a9ab FOREIGN KEY (reblog_of_id) REFERENCES statuses(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('tombstones_account_id_fk')[0,10]
ALTER TABLE ONLY tombstones
    ADD CONSTRAINT fk_rails_f95b861449 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('user_invite_requests_user_id_fk')[0,10]
ALTER TABLE ONLY user_invite_requests
    ADD CONSTRAINT fk_rails_3773f15361 FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;

ALTER TABLE ONLY users
    ADD CONSTRAINT fk_50500f500d FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;

-- Rails-generated name: fk_rails_ + sha256('users_created_by_application_id_fk')[0,10]
ALTER TABLE ONLY users
    ADD CONSTRAINT fk_rails_ecc9536e7c FOREIGN KEY (created_by_application_id) REFERENCES oauth_applications(id) ON DELETE SET NULL;

-- Rails-generated name: fk_rails_ + sha256('users_invite_id_fk')[0,10]
ALTER TABLE ONLY users
    ADD CONSTRAINT fk_rails_8fb2a43e88 FOREIGN KEY (invite_id) REFERENCES invites(id) ON DELETE SET NULL;

-- Rails-generated name: fk_rails_ + sha256('users_role_id_fk')[0,10]
ALTER TABLE ONLY users
    ADD CONSTRAINT fk_rails_642f17018b FOREIGN KEY (role_id) REFERENCES user_roles(id) ON DELETE SET NULL;

-- -----------------------------------------------------------------------------
-- Views (db/views/*.sql, created by the scenic gem; definitions as PostgreSQL
-- normalises them in db/schema.rb)
-- -----------------------------------------------------------------------------

-- instances_v01: every remote domain with its account count, plus every
-- blocked / allowed domain (count 0 when no account is known). Mastodon refreshes
-- it CONCURRENTLY (hourly and after domain blocks/allows), hence the unique index.
CREATE MATERIALIZED VIEW instances AS
 WITH domain_counts(domain, accounts_count) AS (
         SELECT accounts.domain,
            count(*) AS accounts_count
           FROM accounts
          WHERE (accounts.domain IS NOT NULL)
          GROUP BY accounts.domain
        )
 SELECT domain_counts.domain,
    domain_counts.accounts_count
   FROM domain_counts
UNION
 SELECT domain_blocks.domain,
    COALESCE(domain_counts.accounts_count, (0)::bigint) AS accounts_count
   FROM (domain_blocks
     LEFT JOIN domain_counts ON (((domain_counts.domain)::text = (domain_blocks.domain)::text)))
UNION
 SELECT domain_allows.domain,
    COALESCE(domain_counts.accounts_count, (0)::bigint) AS accounts_count
   FROM (domain_allows
     LEFT JOIN domain_counts ON (((domain_counts.domain)::text = (domain_allows.domain)::text)));

CREATE INDEX index_instances_on_reverse_domain ON instances USING btree (reverse(('.'::text || (domain)::text)), domain);
CREATE UNIQUE INDEX index_instances_on_domain ON instances USING btree (domain);

-- user_ips_v01: latest use of each (user, IP) pair from sign-up IPs, browser
-- sessions and successful logins.
CREATE VIEW user_ips AS
 SELECT user_id,
    ip,
    max(used_at) AS used_at
   FROM ( SELECT users.id AS user_id,
            users.sign_up_ip AS ip,
            users.created_at AS used_at
           FROM users
          WHERE (users.sign_up_ip IS NOT NULL)
        UNION ALL
         SELECT session_activations.user_id,
            session_activations.ip,
            session_activations.updated_at
           FROM session_activations
        UNION ALL
         SELECT login_activities.user_id,
            login_activities.ip,
            login_activities.created_at
           FROM login_activities
          WHERE (login_activities.success = true)) t0
  GROUP BY user_id, ip;

-- -----------------------------------------------------------------------------
-- Rails bookkeeping rows
-- -----------------------------------------------------------------------------
-- A real `db:schema:load` inserts one schema_migrations row per migration file
-- (615 in 4.7); Palisade only ever reads max(version), so the 4.7 schema version
-- alone is recorded here.
INSERT INTO schema_migrations (version) VALUES ('20260812154114');

-- Rails records the environment the schema was loaded in and the SHA-1 of the
-- db/schema.rb it loaded (501d53d7... = 4.7.0's db/schema.rb).
INSERT INTO ar_internal_metadata (key, value, created_at, updated_at) VALUES
    ('environment', 'production', now(), now()),
    ('schema_sha1', '501d53d74814345bb6a8cf5adf83cf292c25a3e4', now(), now());
