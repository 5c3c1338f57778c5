/**
 * Loads db/mastodon/schema.sql into a fresh database and checks it against facts taken from
 * Mastodon 4.7's db/schema.rb: column types / nullability / defaults, every index and foreign key,
 * the timestamp_id() function, the `instances` materialized view and the `user_ips` view.
 *
 * Always runs on an in-memory PGlite (PostgreSQL 18). When TEST_DATABASE_URL is set it also runs
 * on that PostgreSQL server, in a throw-away database created and dropped by the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite, types } from '@electric-sql/pglite';
import pg from 'pg';

const SCHEMA_SQL = fs.readFileSync(path.join(import.meta.dirname, 'schema.sql'), 'utf8');
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

type Row = Record<string, unknown>;

interface Backend {
  query<R extends Row = Row>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

async function openPglite(): Promise<Backend> {
  // int8 as string, like node-postgres (and like Palisade's own PGlite setup).
  const db = await PGlite.create({ parsers: { [types.INT8]: (v: string) => v } });
  await db.exec(SCHEMA_SQL);
  return {
    query: async <R extends Row>(text: string, params?: unknown[]) => (await db.query<R>(text, params)).rows,
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<Backend> {
  const dbName = `palisade_schema_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const target = new URL(url);
  target.pathname = `/${dbName}`;
  const client = new pg.Client({ connectionString: target.toString() });
  try {
    await client.connect();
    // Without parameters pg uses the simple query protocol, which runs the whole script.
    await client.query(SCHEMA_SQL);
  } catch (err) {
    await client.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
    throw err;
  }
  return {
    query: async <R extends Row>(text: string, params?: unknown[]) => (await client.query<R>(text, params)).rows,
    close: async () => {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
      await admin.end();
    },
  };
}

// ------------------------------------------------------------------------------------------------
// Expected facts (Mastodon 4.7, db/schema.rb version 2026_08_12_154114)
// ------------------------------------------------------------------------------------------------

const TABLES = [
  'account_deletion_requests', 'account_moderation_notes', 'account_relationship_severance_events', 'account_stats',
  'account_warning_presets', 'account_warnings', 'accounts', 'admin_action_logs', 'appeals', 'ar_internal_metadata',
  'blocks', 'canonical_email_blocks', 'domain_allows', 'domain_blocks', 'email_domain_blocks', 'follow_requests', 'follows',
  'instance_moderation_notes', 'invites', 'ip_blocks', 'login_activities', 'media_attachments', 'mentions', 'mutes',
  'oauth_access_tokens', 'oauth_applications', 'relationship_severance_events', 'report_notes', 'reports',
  'rule_translations', 'rules', 'scheduled_statuses', 'schema_migrations', 'session_activations', 'settings',
  'severed_relationships', 'status_edits', 'status_stats', 'statuses', 'tombstones', 'unavailable_domains',
  'user_invite_requests', 'user_roles', 'username_blocks', 'users',
];

/** [table, column, type as format_type() prints it, nullable, default as PostgreSQL stores it (null = none)] */
const COLUMNS: Array<[string, string, string, boolean, string | null]> = [
  ['reports', 'category', 'integer', false, '0'],
  ['reports', 'status_ids', 'bigint[]', false, "'{}'::bigint[]"],
  ['reports', 'rule_ids', 'bigint[]', true, null],
  ['reports', 'comment', 'text', false, "''::text"],
  ['reports', 'forwarded', 'boolean', true, null],
  ['reports', 'application_id', 'bigint', true, null],
  ['reports', 'action_taken_at', 'timestamp without time zone', true, null],
  ['reports', 'id', 'bigint', false, "nextval('reports_id_seq'::regclass)"],
  ['account_warnings', 'status_ids', 'character varying[]', true, null],
  ['account_warnings', 'action', 'integer', false, '0'],
  ['account_warnings', 'account_id', 'bigint', true, null],
  ['domain_blocks', 'severity', 'integer', true, '0'],
  ['domain_blocks', 'domain', 'character varying', false, "''::character varying"],
  ['domain_blocks', 'obfuscate', 'boolean', false, 'false'],
  ['domain_blocks', 'private_comment', 'text', true, null],
  ['ip_blocks', 'ip', 'inet', false, "'0.0.0.0'::inet"],
  ['ip_blocks', 'severity', 'integer', false, '0'],
  ['ip_blocks', 'expires_at', 'timestamp without time zone', true, null],
  ['accounts', 'id', 'bigint', false, "timestamp_id('accounts'::text)"],
  ['accounts', 'uri', 'character varying', true, null],
  ['accounts', 'url', 'character varying', true, null],
  ['accounts', 'username', 'character varying', false, "''::character varying"],
  ['accounts', 'domain', 'character varying', true, null],
  ['accounts', 'requested_deletion_at', 'timestamp(6) without time zone', true, null],
  ['accounts', 'suspended_at', 'timestamp without time zone', true, null],
  ['accounts', 'suspension_origin', 'integer', true, null],
  ['accounts', 'avatar_description', 'character varying', false, "''::character varying"],
  ['accounts', 'header_description', 'character varying', false, "''::character varying"],
  ['accounts', 'also_known_as', 'character varying[]', true, null],
  ['accounts', 'attribution_domains', 'character varying[]', true, "'{}'::character varying[]"],
  ['accounts', 'fields', 'jsonb', true, null],
  ['accounts', 'id_scheme', 'integer', true, '1'],
  ['accounts', 'note', 'text', false, "''::text"],
  ['account_stats', 'statuses_count', 'bigint', false, '0'],
  ['account_stats', 'last_status_at', 'timestamp without time zone', true, null],
  ['admin_action_logs', 'recorded_changes', 'jsonb', true, null],
  ['admin_action_logs', 'recorded_changes_format', 'character varying', true, null],
  ['admin_action_logs', 'account_id', 'bigint', false, null],
  ['admin_action_logs', 'human_identifier', 'character varying', true, null],
  ['user_roles', 'permissions', 'bigint', false, '0'],
  ['user_roles', 'position', 'integer', false, '0'],
  ['user_roles', 'require_2fa', 'boolean', false, 'false'],
  ['user_roles', 'collection_limit', 'integer', false, '10'],
  ['user_roles', 'created_at', 'timestamp(6) without time zone', false, null],
  ['users', 'sign_up_ip', 'inet', true, null],
  ['users', 'approved', 'boolean', false, 'true'],
  ['users', 'role_id', 'bigint', true, null],
  ['users', 'chosen_languages', 'character varying[]', true, null],
  ['users', 'age_verified_at', 'timestamp(6) without time zone', true, null],
  ['statuses', 'id', 'bigint', false, "timestamp_id('statuses'::text)"],
  ['statuses', 'visibility', 'integer', false, '0'],
  ['statuses', 'ordered_media_attachment_ids', 'bigint[]', true, null],
  ['statuses', 'conversation_id', 'bigint', true, null],
  ['statuses', 'quote_approval_policy', 'integer', false, '0'],
  ['status_edits', 'media_descriptions', 'text[]', true, null],
  ['status_edits', 'poll_options', 'character varying[]', true, null],
  ['media_attachments', 'id', 'bigint', false, "timestamp_id('media_attachments'::text)"],
  ['media_attachments', 'file_meta', 'json', true, null],
  ['media_attachments', 'type', 'integer', false, '0'],
  ['settings', 'var', 'character varying', false, null],
  ['settings', 'value', 'text', true, null],
  ['settings', 'created_at', 'timestamp without time zone', true, null],
  ['login_activities', 'ip', 'inet', true, null],
  ['login_activities', 'created_at', 'timestamp without time zone', true, null],
  ['email_domain_blocks', 'allow_with_approval', 'boolean', false, 'false'],
  ['username_blocks', 'normalized_username', 'character varying', false, null],
  ['rules', 'hint', 'text', false, "''::text"],
  ['instance_moderation_notes', 'content', 'text', true, null],
  ['severed_relationships', 'languages', 'character varying[]', true, null],
  ['scheduled_statuses', 'params', 'jsonb', true, null],
  ['schema_migrations', 'version', 'character varying', false, null],
  ['ar_internal_metadata', 'created_at', 'timestamp(6) without time zone', false, null],
];

/** Columns that must NOT exist in 4.7. */
const ABSENT_COLUMNS: Array<[string, string]> = [
  ['settings', 'thing_type'],
  ['settings', 'thing_id'],
  ['users', 'admin'],
  ['users', 'moderator'],
  ['reports', 'action_taken'],
];

/** Non-primary-key indexes, by table (db/schema.rb order). */
const INDEXES: Record<string, string[]> = {
  account_deletion_requests: ['index_account_deletion_requests_on_account_id'],
  account_moderation_notes: ['index_account_moderation_notes_on_account_id', 'index_account_moderation_notes_on_target_account_id'],
  account_relationship_severance_events: ['idx_on_account_id_relationship_severance_event_id_7bd82bf20e', 'idx_on_relationship_severance_event_id_403f53e707'],
  account_stats: ['index_account_stats_on_account_id', 'index_account_stats_on_last_status_at_and_account_id'],
  account_warnings: ['index_account_warnings_on_account_id', 'index_account_warnings_on_target_account_id'],
  accounts: ['search_index', 'index_accounts_on_username_and_domain_lower', 'index_accounts_on_domain_and_id', 'index_accounts_on_moved_to_account_id', 'index_accounts_on_uri', 'index_accounts_on_url'],
  admin_action_logs: ['index_admin_action_logs_on_account_id', 'index_admin_action_logs_on_target_type_and_target_id'],
  appeals: ['index_appeals_on_account_id', 'index_appeals_on_account_warning_id', 'index_appeals_on_approved_by_account_id', 'index_appeals_on_rejected_by_account_id'],
  blocks: ['index_blocks_on_account_id_and_target_account_id', 'index_blocks_on_target_account_id'],
  canonical_email_blocks: ['index_canonical_email_blocks_on_canonical_email_hash', 'index_canonical_email_blocks_on_reference_account_id'],
  domain_allows: ['index_domain_allows_on_domain'],
  domain_blocks: ['index_domain_blocks_on_domain'],
  email_domain_blocks: ['index_email_domain_blocks_on_domain'],
  follow_requests: ['index_follow_requests_on_account_id_and_target_account_id', 'index_follow_requests_on_target_account_id_and_account_id'],
  follows: ['index_follows_on_account_id_and_target_account_id', 'index_follows_on_target_account_id_and_account_id'],
  instance_moderation_notes: ['index_instance_moderation_notes_on_domain'],
  instances: ['index_instances_on_domain', 'index_instances_on_reverse_domain'],
  invites: ['index_invites_on_code', 'index_invites_on_user_id'],
  ip_blocks: ['index_ip_blocks_on_ip'],
  login_activities: ['index_login_activities_on_user_id'],
  media_attachments: ['index_media_attachments_on_account_id_and_status_id', 'index_media_attachments_on_scheduled_status_id', 'index_media_attachments_on_shortcode', 'index_media_attachments_on_status_id'],
  mentions: ['index_mentions_on_account_id_and_status_id', 'index_mentions_on_status_id'],
  mutes: ['index_mutes_on_account_id_and_target_account_id', 'index_mutes_on_target_account_id'],
  oauth_access_tokens: ['index_oauth_access_tokens_on_refresh_token', 'index_oauth_access_tokens_on_resource_owner_id', 'index_oauth_access_tokens_on_token'],
  oauth_applications: ['index_oauth_applications_on_owner_id_and_owner_type', 'index_oauth_applications_on_superapp', 'index_oauth_applications_on_uid'],
  relationship_severance_events: ['index_relationship_severance_events_on_type_and_target_name'],
  report_notes: ['index_report_notes_on_account_id', 'index_report_notes_on_report_id'],
  reports: ['index_reports_on_account_id', 'index_reports_on_action_taken_by_account_id', 'index_reports_on_assigned_account_id', 'index_reports_on_target_account_id'],
  rule_translations: ['index_rule_translations_on_rule_id_and_language'],
  scheduled_statuses: ['index_scheduled_statuses_on_account_id', 'index_scheduled_statuses_on_scheduled_at'],
  session_activations: ['index_session_activations_on_access_token_id', 'index_session_activations_on_session_id', 'index_session_activations_on_user_id'],
  settings: ['index_settings_on_var'],
  severed_relationships: ['index_severed_relationships_on_local_account_and_event', 'index_severed_relationships_on_unique_tuples', 'index_severed_relationships_on_remote_account_id'],
  status_edits: ['index_status_edits_on_account_id', 'index_status_edits_on_status_id'],
  status_stats: ['index_status_stats_on_status_id'],
  statuses: ['index_statuses_20190820', 'index_statuses_on_account_id', 'index_statuses_on_conversation_id', 'index_statuses_on_deleted_at', 'index_statuses_local_20190824', 'index_statuses_public_20250129', 'index_statuses_on_in_reply_to_account_id', 'index_statuses_on_in_reply_to_id', 'index_statuses_on_reblog_of_id_and_account_id', 'index_statuses_on_uri'],
  tombstones: ['index_tombstones_on_account_id', 'index_tombstones_on_uri'],
  unavailable_domains: ['index_unavailable_domains_on_domain'],
  user_invite_requests: ['index_user_invite_requests_on_user_id'],
  username_blocks: ['index_username_blocks_on_username_lower_btree', 'index_username_blocks_on_normalized_username'],
  users: ['index_users_on_account_id', 'index_users_on_confirmation_token', 'index_users_on_created_by_application_id', 'index_users_on_email', 'index_users_on_reset_password_token', 'index_users_on_role_id', 'index_users_on_unconfirmed_email'],
};

/** Exact definitions (pg_indexes.indexdef) of the indexes whose shape matters most. */
const INDEX_DEFS: Record<string, string> = {
  index_statuses_20190820:
    'CREATE INDEX index_statuses_20190820 ON public.statuses USING btree (account_id, id DESC, visibility, updated_at) WHERE (deleted_at IS NULL)',
  index_statuses_local_20190824:
    'CREATE INDEX index_statuses_local_20190824 ON public.statuses USING btree (id DESC, account_id) WHERE ((local OR (uri IS NULL)) AND (deleted_at IS NULL) AND (visibility = 0) AND (reblog_of_id IS NULL) AND ((NOT reply) OR (in_reply_to_account_id = account_id)))',
  index_statuses_public_20250129:
    'CREATE INDEX index_statuses_public_20250129 ON public.statuses USING btree (id DESC, language, account_id) WHERE ((deleted_at IS NULL) AND (visibility = 0) AND (reblog_of_id IS NULL) AND ((NOT reply) OR (in_reply_to_account_id = account_id)))',
  index_statuses_on_uri:
    'CREATE UNIQUE INDEX index_statuses_on_uri ON public.statuses USING btree (uri text_pattern_ops) WHERE (uri IS NOT NULL)',
  index_accounts_on_username_and_domain_lower:
    "CREATE UNIQUE INDEX index_accounts_on_username_and_domain_lower ON public.accounts USING btree (lower((username)::text), COALESCE(lower((domain)::text), ''::text))",
  index_accounts_on_uri: 'CREATE UNIQUE INDEX index_accounts_on_uri ON public.accounts USING btree (uri)',
  index_accounts_on_url:
    'CREATE INDEX index_accounts_on_url ON public.accounts USING btree (url text_pattern_ops) WHERE (url IS NOT NULL)',
  index_accounts_on_moved_to_account_id:
    'CREATE INDEX index_accounts_on_moved_to_account_id ON public.accounts USING btree (moved_to_account_id) WHERE (moved_to_account_id IS NOT NULL)',
  search_index:
    "CREATE INDEX search_index ON public.accounts USING gin ((((setweight(to_tsvector('simple'::regconfig, (display_name)::text), 'A'::\"char\") || setweight(to_tsvector('simple'::regconfig, (username)::text), 'B'::\"char\")) || setweight(to_tsvector('simple'::regconfig, (COALESCE(domain, ''::character varying))::text), 'C'::\"char\"))))",
  index_account_stats_on_last_status_at_and_account_id:
    'CREATE INDEX index_account_stats_on_last_status_at_and_account_id ON public.account_stats USING btree (last_status_at DESC NULLS LAST, account_id)',
  index_media_attachments_on_account_id_and_status_id:
    'CREATE INDEX index_media_attachments_on_account_id_and_status_id ON public.media_attachments USING btree (account_id, status_id DESC)',
  index_users_on_reset_password_token:
    'CREATE UNIQUE INDEX index_users_on_reset_password_token ON public.users USING btree (reset_password_token text_pattern_ops) WHERE (reset_password_token IS NOT NULL)',
  index_username_blocks_on_username_lower_btree:
    'CREATE UNIQUE INDEX index_username_blocks_on_username_lower_btree ON public.username_blocks USING btree (lower((username)::text))',
  index_appeals_on_account_warning_id:
    'CREATE UNIQUE INDEX index_appeals_on_account_warning_id ON public.appeals USING btree (account_warning_id)',
  index_ip_blocks_on_ip: 'CREATE UNIQUE INDEX index_ip_blocks_on_ip ON public.ip_blocks USING btree (ip)',
  index_severed_relationships_on_unique_tuples:
    'CREATE UNIQUE INDEX index_severed_relationships_on_unique_tuples ON public.severed_relationships USING btree (relationship_severance_event_id, local_account_id, direction, remote_account_id)',
  index_instances_on_domain: 'CREATE UNIQUE INDEX index_instances_on_domain ON public.instances USING btree (domain)',
  index_instances_on_reverse_domain:
    "CREATE INDEX index_instances_on_reverse_domain ON public.instances USING btree (reverse(('.'::text || (domain)::text)), domain)",
};

type OnDelete = 'cascade' | 'set null' | 'no action';

/** Every foreign key: [table, column, referenced table, ON DELETE, constraint name]. */
const FOREIGN_KEYS: Array<[string, string, string, OnDelete, string]> = [
  ['account_deletion_requests', 'account_id', 'accounts', 'cascade', 'fk_rails_45bf2626b9'],
  ['account_moderation_notes', 'account_id', 'accounts', 'cascade', 'fk_rails_3f8b75089b'],
  ['account_moderation_notes', 'target_account_id', 'accounts', 'cascade', 'fk_rails_dd62ed5ac3'],
  ['account_relationship_severance_events', 'account_id', 'accounts', 'cascade', 'fk_rails_030c916965'],
  ['account_relationship_severance_events', 'relationship_severance_event_id', 'relationship_severance_events', 'cascade', 'fk_rails_8a34c3a361'],
  ['account_stats', 'account_id', 'accounts', 'cascade', 'fk_rails_215bb31ff1'],
  ['account_warnings', 'account_id', 'accounts', 'set null', 'fk_rails_a65a1bf71b'],
  ['account_warnings', 'report_id', 'reports', 'cascade', 'fk_rails_8f2bab4b16'],
  ['account_warnings', 'target_account_id', 'accounts', 'cascade', 'fk_rails_a7ebbb1e37'],
  ['accounts', 'moved_to_account_id', 'accounts', 'set null', 'fk_rails_2320833084'],
  ['admin_action_logs', 'account_id', 'accounts', 'cascade', 'fk_rails_a7667297fa'],
  ['appeals', 'account_id', 'accounts', 'cascade', 'fk_rails_ea84881569'],
  ['appeals', 'account_warning_id', 'account_warnings', 'cascade', 'fk_rails_a99f14546e'],
  ['appeals', 'approved_by_account_id', 'accounts', 'set null', 'fk_rails_9deb2f63ad'],
  ['appeals', 'rejected_by_account_id', 'accounts', 'set null', 'fk_rails_501c3a6e13'],
  ['blocks', 'account_id', 'accounts', 'cascade', 'fk_4269e03e65'],
  ['blocks', 'target_account_id', 'accounts', 'cascade', 'fk_9571bfabc1'],
  ['canonical_email_blocks', 'reference_account_id', 'accounts', 'cascade', 'fk_rails_1ecb262096'],
  ['email_domain_blocks', 'parent_id', 'email_domain_blocks', 'cascade', 'fk_rails_408efe0a15'],
  ['follow_requests', 'account_id', 'accounts', 'cascade', 'fk_76d644b0e7'],
  ['follow_requests', 'target_account_id', 'accounts', 'cascade', 'fk_9291ec025d'],
  ['follows', 'account_id', 'accounts', 'cascade', 'fk_32ed1b5560'],
  ['follows', 'target_account_id', 'accounts', 'cascade', 'fk_745ca29eac'],
  ['instance_moderation_notes', 'account_id', 'accounts', 'cascade', 'fk_rails_62f919e09b'],
  ['invites', 'user_id', 'users', 'cascade', 'fk_rails_ff69dbb2ac'],
  ['login_activities', 'user_id', 'users', 'cascade', 'fk_rails_e4b6396b41'],
  ['media_attachments', 'account_id', 'accounts', 'set null', 'fk_96dd81e81b'],
  ['media_attachments', 'scheduled_status_id', 'scheduled_statuses', 'set null', 'fk_rails_31fc5aeef1'],
  ['media_attachments', 'status_id', 'statuses', 'set null', 'fk_rails_3ec0cfdd70'],
  ['mentions', 'account_id', 'accounts', 'cascade', 'fk_970d43f9d1'],
  ['mentions', 'status_id', 'statuses', 'cascade', 'fk_rails_59edbe2887'],
  ['mutes', 'account_id', 'accounts', 'cascade', 'fk_b8d8daf315'],
  ['mutes', 'target_account_id', 'accounts', 'cascade', 'fk_eecff219ea'],
  ['oauth_access_tokens', 'application_id', 'oauth_applications', 'cascade', 'fk_f5fc4c1ee3'],
  ['oauth_access_tokens', 'resource_owner_id', 'users', 'cascade', 'fk_e84df68546'],
  ['oauth_applications', 'owner_id', 'users', 'cascade', 'fk_b0988c7c0a'],
  ['report_notes', 'account_id', 'accounts', 'cascade', 'fk_rails_cae66353f3'],
  ['report_notes', 'report_id', 'reports', 'cascade', 'fk_rails_7fa83a61eb'],
  ['reports', 'account_id', 'accounts', 'cascade', 'fk_4b81f7522c'],
  ['reports', 'action_taken_by_account_id', 'accounts', 'set null', 'fk_bca45b75fd'],
  ['reports', 'application_id', 'oauth_applications', 'set null', 'fk_rails_3deb8c7acb'],
  ['reports', 'assigned_account_id', 'accounts', 'set null', 'fk_rails_4e7a498fb4'],
  ['reports', 'target_account_id', 'accounts', 'cascade', 'fk_eb37af34f0'],
  ['rule_translations', 'rule_id', 'rules', 'cascade', 'fk_rails_d5fd439dde'],
  ['scheduled_statuses', 'account_id', 'accounts', 'cascade', 'fk_rails_23bd9018f9'],
  ['session_activations', 'access_token_id', 'oauth_access_tokens', 'cascade', 'fk_957e5bda89'],
  ['session_activations', 'user_id', 'users', 'cascade', 'fk_e5fda67334'],
  ['severed_relationships', 'local_account_id', 'accounts', 'cascade', 'fk_rails_98ff099d4c'],
  ['severed_relationships', 'relationship_severance_event_id', 'relationship_severance_events', 'cascade', 'fk_rails_5054494e1e'],
  ['severed_relationships', 'remote_account_id', 'accounts', 'cascade', 'fk_rails_f7afd97ba4'],
  ['status_edits', 'account_id', 'accounts', 'set null', 'fk_rails_dc8988c545'],
  ['status_edits', 'status_id', 'statuses', 'cascade', 'fk_rails_a960f234a0'],
  ['status_stats', 'status_id', 'statuses', 'cascade', 'fk_rails_4a247aac42'],
  ['statuses', 'account_id', 'accounts', 'cascade', 'fk_9bda1543f7'],
  ['statuses', 'in_reply_to_account_id', 'accounts', 'set null', 'fk_c7fa917661'],
  ['statuses', 'in_reply_to_id', 'statuses', 'set null', 'fk_rails_94a6f70399'],
  ['statuses', 'reblog_of_id', 'statuses', 'cascade', 'fk_rails_256483a9ab'],
  ['tombstones', 'account_id', 'accounts', 'cascade', 'fk_rails_f95b861449'],
  ['user_invite_requests', 'user_id', 'users', 'cascade', 'fk_rails_3773f15361'],
  ['users', 'account_id', 'accounts', 'cascade', 'fk_50500f500d'],
  ['users', 'created_by_application_id', 'oauth_applications', 'set null', 'fk_rails_ecc9536e7c'],
  ['users', 'invite_id', 'invites', 'set null', 'fk_rails_8fb2a43e88'],
  ['users', 'role_id', 'user_roles', 'set null', 'fk_rails_642f17018b'],
];

const ON_DELETE: Record<string, OnDelete> = { c: 'cascade', n: 'set null', a: 'no action' };

/** Upper 48 bits of a timestamp id = Unix milliseconds. */
function idMillis(id: unknown): number {
  expect(typeof id).toBe('string');
  return Number(BigInt(id as string) >> 16n);
}

function defineSchemaSuite(name: string, open: () => Promise<Backend>): void {
  describe(name, () => {
    let backend: Backend | undefined;
    const db = (): Backend => {
      if (!backend) throw new Error('backend not opened');
      return backend;
    };

    beforeAll(async () => {
      backend = await open();
    }, 120_000);

    afterAll(async () => {
      await backend?.close();
    }, 60_000);

    /** Inserts an account row (remote when domain is given) and returns its id. */
    async function insertAccount(username: string, domain: string | null, uri: string | null = null): Promise<string> {
      const rows = await db().query<{ id: string }>(
        `INSERT INTO accounts (username, domain, uri, created_at, updated_at)
         VALUES ($1, $2, $3, now(), now()) RETURNING id`,
        [username, domain, uri],
      );
      const id = rows[0]?.id;
      if (typeof id !== 'string') throw new Error(`expected a string id, got ${typeof id}`);
      return id;
    }

    it('creates exactly the expected tables and views', async () => {
      const rows = await db().query<{ relname: string; relkind: string }>(
        `SELECT c.relname, c.relkind::text AS relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm') ORDER BY c.relname`,
      );
      const tables = rows.filter((r) => r.relkind === 'r').map((r) => r.relname);
      expect(tables).toEqual([...TABLES].sort());
      expect(rows.find((r) => r.relname === 'instances')?.relkind).toBe('m');
      expect(rows.find((r) => r.relname === 'user_ips')?.relkind).toBe('v');
    }, 60_000);

    it('has the 4.7 column types, nullability and defaults', async () => {
      const rows = await db().query<{ table_name: string; column_name: string; type: string; nullable: boolean; column_default: string | null }>(
        `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
                NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS column_default
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind = 'r'`,
      );
      const byKey = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
      for (const [table, column, type, nullable, dflt] of COLUMNS) {
        const row = byKey.get(`${table}.${column}`);
        expect(row, `${table}.${column} exists`).toBeDefined();
        expect({ column: `${table}.${column}`, type: row?.type, nullable: row?.nullable, default: row?.column_default }).toEqual({
          column: `${table}.${column}`,
          type,
          nullable,
          default: dflt,
        });
      }
      for (const [table, column] of ABSENT_COLUMNS) {
        expect(byKey.has(`${table}.${column}`), `${table}.${column} must not exist`).toBe(false);
      }
      // Column counts per table catch added or dropped columns anywhere.
      const counts: Record<string, number> = {};
      for (const r of rows) counts[r.table_name] = (counts[r.table_name] ?? 0) + 1;
      expect(counts).toMatchObject({ accounts: 57, users: 36, statuses: 25, reports: 15, media_attachments: 24, admin_action_logs: 12, user_roles: 10, domain_blocks: 10 });
    }, 60_000);

    it('also reports the array element types through information_schema', async () => {
      const rows = await db().query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
        `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
         WHERE table_schema = 'public' AND (table_name, column_name) IN
           (('reports', 'status_ids'), ('reports', 'rule_ids'), ('account_warnings', 'status_ids'), ('ip_blocks', 'ip'), ('accounts', 'uri'))
         ORDER BY table_name, column_name`,
      );
      expect(rows).toEqual([
        { table_name: 'account_warnings', column_name: 'status_ids', data_type: 'ARRAY', udt_name: '_varchar', is_nullable: 'YES' },
        { table_name: 'accounts', column_name: 'uri', data_type: 'character varying', udt_name: 'varchar', is_nullable: 'YES' },
        { table_name: 'ip_blocks', column_name: 'ip', data_type: 'inet', udt_name: 'inet', is_nullable: 'NO' },
        { table_name: 'reports', column_name: 'rule_ids', data_type: 'ARRAY', udt_name: '_int8', is_nullable: 'YES' },
        { table_name: 'reports', column_name: 'status_ids', data_type: 'ARRAY', udt_name: '_int8', is_nullable: 'NO' },
      ]);
    }, 60_000);

    it('has every index with the right names and shapes', async () => {
      const rows = await db().query<{ tablename: string; indexname: string; indexdef: string }>(
        `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY tablename, indexname`,
      );
      const nonPk = rows.filter((r) => !r.indexname.endsWith('_pkey'));
      const actual: Record<string, string[]> = {};
      for (const r of nonPk) (actual[r.tablename] ??= []).push(r.indexname);
      const expected = Object.fromEntries(Object.entries(INDEXES).map(([t, names]) => [t, [...names].sort()]));
      expect(actual).toEqual(expected);

      const defs = new Map(rows.map((r) => [r.indexname, r.indexdef]));
      for (const [name, def] of Object.entries(INDEX_DEFS)) expect(defs.get(name), name).toBe(def);

      // Every table has its <table>_pkey on (id), except the two Rails tables keyed by a string.
      const pkeys = rows.filter((r) => r.indexname.endsWith('_pkey'));
      expect(pkeys.map((r) => r.tablename).sort()).toEqual([...TABLES].sort());
      expect(defs.get('reports_pkey')).toBe('CREATE UNIQUE INDEX reports_pkey ON public.reports USING btree (id)');
      expect(defs.get('schema_migrations_pkey')).toBe('CREATE UNIQUE INDEX schema_migrations_pkey ON public.schema_migrations USING btree (version)');
      expect(defs.get('ar_internal_metadata_pkey')).toBe('CREATE UNIQUE INDEX ar_internal_metadata_pkey ON public.ar_internal_metadata USING btree (key)');
    }, 60_000);

    it('has every foreign key with Mastodon\'s names and ON DELETE actions', async () => {
      const rows = await db().query<{ name: string; tbl: string; col: string; ref: string; refcol: string; deltype: string }>(
        `SELECT con.conname AS name, rel.relname AS tbl, att.attname AS col, frel.relname AS ref, fatt.attname AS refcol,
                con.confdeltype::text AS deltype
         FROM pg_constraint con
         JOIN pg_class rel ON rel.oid = con.conrelid
         JOIN pg_namespace n ON n.oid = rel.relnamespace AND n.nspname = 'public'
         JOIN pg_class frel ON frel.oid = con.confrelid
         JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
         JOIN pg_attribute fatt ON fatt.attrelid = con.confrelid AND fatt.attnum = con.confkey[1]
         WHERE con.contype = 'f' AND cardinality(con.conkey) = 1`,
      );
      const actual = rows
        .map((r) => {
          expect(r.refcol).toBe('id');
          return [r.tbl, r.col, r.ref, ON_DELETE[r.deltype] ?? r.deltype, r.name] as [string, string, string, string, string];
        })
        .sort((a, b) => (a[0] + '.' + a[1]).localeCompare(b[0] + '.' + b[1]));
      const expected = [...FOREIGN_KEYS].sort((a, b) => (a[0] + '.' + a[1]).localeCompare(b[0] + '.' + b[1]));
      expect(actual).toEqual(expected);

      const [{ total } = { total: -1 }] = await db().query<{ total: number }>(
        `SELECT count(*)::int AS total FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
      );
      expect(total).toBe(FOREIGN_KEYS.length);
      // statuses.conversation_id has no foreign key in Mastodon.
      expect(actual.some(([t, c]) => t === 'statuses' && c === 'conversation_id')).toBe(false);
    }, 60_000);

    it('cascades and nullifies like Mastodon when accounts are deleted', async () => {
      const reporter = await insertAccount('fk_reporter', 'fk.example');
      const target = await insertAccount('fk_target', 'fk.example');
      const moderator = await insertAccount('fk_moderator', null);
      const [report] = await db().query<{ id: string }>(
        `INSERT INTO reports (account_id, target_account_id, assigned_account_id, action_taken_by_account_id, created_at, updated_at)
         VALUES ($1, $2, $3, $3, now(), now()) RETURNING id`,
        [reporter, target, moderator],
      );
      expect(report?.id).toMatch(/^\d+$/);
      await db().query(`DELETE FROM accounts WHERE id = $1`, [moderator]);
      const afterModerator = await db().query<{ assigned_account_id: string | null; action_taken_by_account_id: string | null }>(
        `SELECT assigned_account_id, action_taken_by_account_id FROM reports WHERE id = $1`,
        [report?.id],
      );
      expect(afterModerator).toEqual([{ assigned_account_id: null, action_taken_by_account_id: null }]);
      await db().query(`DELETE FROM accounts WHERE id = $1`, [target]);
      expect(await db().query(`SELECT id FROM reports WHERE id = $1`, [report?.id])).toEqual([]);
    }, 60_000);

    it('enforces the account uniqueness rules of 4.7', async () => {
      // 4.7: local accounts have uri NULL, and several NULLs are allowed by the unique index.
      await insertAccount('uniq_local_a', null);
      await insertAccount('uniq_local_b', null);
      await insertAccount('uniq_remote', 'uniq.example', 'https://uniq.example/users/uniq_remote');
      await expect(insertAccount('uniq_other', 'uniq.example', 'https://uniq.example/users/uniq_remote')).rejects.toThrow(/index_accounts_on_uri/);
      // Usernames are unique case-insensitively per domain (local = domain NULL).
      await expect(insertAccount('UNIQ_LOCAL_A', null)).rejects.toThrow(/index_accounts_on_username_and_domain_lower/);
      await expect(insertAccount('Uniq_Remote', 'UNIQ.example')).rejects.toThrow(/index_accounts_on_username_and_domain_lower/);
    }, 60_000);

    it('defines timestamp_id() like Mastodon, with its sequences', async () => {
      const [fn] = await db().query<{ src: string; args: string; result: string; lang: string; volatile: string }>(
        `SELECT p.prosrc AS src, pg_get_function_arguments(p.oid) AS args, pg_get_function_result(p.oid) AS result,
                l.lanname AS lang, p.provolatile::text AS volatile
         FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.proname = 'timestamp_id'`,
      );
      expect(fn).toMatchObject({ args: 'table_name text', result: 'bigint', lang: 'plpgsql', volatile: 'v' });
      expect(fn?.src).toContain("date_part('epoch', now()) * 1000");
      expect(fn?.src).toContain('<< 16');
      expect(fn?.src).toContain('md5(table_name ||');
      expect(fn?.src).toContain('::bit(16)::bigint');
      expect(fn?.src).toContain("nextval(table_name || '_id_seq')");
      expect(fn?.src).toContain('& 65535');

      const seqs = await db().query<{ relname: string }>(
        `SELECT relname FROM pg_class WHERE relkind = 'S' AND relname IN ('accounts_id_seq', 'statuses_id_seq', 'media_attachments_id_seq') ORDER BY relname`,
      );
      expect(seqs.map((s) => s.relname)).toEqual(['accounts_id_seq', 'media_attachments_id_seq', 'statuses_id_seq']);
      // Timestamp-id sequences are free-standing; ordinary tables own a bigserial sequence.
      const owned = await db().query<{ accounts: string | null; reports: string | null }>(
        `SELECT pg_get_serial_sequence('accounts', 'id') AS accounts, pg_get_serial_sequence('reports', 'id') AS reports`,
      );
      expect(owned).toEqual([{ accounts: null, reports: 'public.reports_id_seq' }]);
    }, 60_000);

    it('timestamp_id() returns distinct ids whose upper 48 bits are the current Unix milliseconds', async () => {
      const before = Date.now();
      const [same] = await db().query<{ a: string; b: string }>(`SELECT timestamp_id('statuses') AS a, timestamp_id('statuses') AS b`);
      const [next] = await db().query<{ c: string }>(`SELECT timestamp_id('statuses') AS c`);
      const after = Date.now();
      const ids = [same?.a, same?.b, next?.c];
      expect(new Set(ids).size).toBe(3);
      for (const id of ids) {
        const ms = idMillis(id);
        expect(ms).toBeGreaterThanOrEqual(before - 1000);
        expect(ms).toBeLessThanOrEqual(after + 1000);
      }
      expect(BigInt(same?.a ?? '0')).not.toBe(BigInt(same?.b ?? '0'));
    }, 60_000);

    it('gives rows inserted without an id a timestamp id (accounts, statuses, media_attachments)', async () => {
      const before = Date.now();
      const accountId = await insertAccount('ts_author', null);
      const [status] = await db().query<{ id: string }>(
        `INSERT INTO statuses (account_id, text, created_at, updated_at) VALUES ($1, 'hello', now(), now()) RETURNING id`,
        [accountId],
      );
      const [media] = await db().query<{ id: string }>(
        `INSERT INTO media_attachments (account_id, status_id, created_at, updated_at) VALUES ($1, $2, now(), now()) RETURNING id`,
        [accountId, status?.id],
      );
      const after = Date.now();
      for (const id of [accountId, status?.id, media?.id]) {
        const ms = idMillis(id);
        expect(ms).toBeGreaterThanOrEqual(before - 1000);
        expect(ms).toBeLessThanOrEqual(after + 1000);
        // Far above Number.MAX_SAFE_INTEGER: must stay a string.
        expect(BigInt(id as string) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
      }
      // Ordinary tables count from 1.
      const [stat] = await db().query<{ id: string }>(
        `INSERT INTO account_stats (account_id, created_at, updated_at) VALUES ($1, now(), now()) RETURNING id`,
        [accountId],
      );
      expect(stat?.id).toBe('1');
      // bigint[] comes back as an array of strings.
      const [report] = await db().query<{ status_ids: string[]; rule_ids: string[] | null; category: number }>(
        `INSERT INTO reports (account_id, target_account_id, status_ids, created_at, updated_at)
         VALUES ($1, $1, ARRAY[$2::bigint], now(), now()) RETURNING status_ids, rule_ids, category`,
        [accountId, status?.id],
      );
      expect(report).toEqual({ status_ids: [status?.id], rule_ids: null, category: 0 });
    }, 60_000);

    it('refreshes the instances materialized view concurrently with per-domain counts', async () => {
      await insertAccount('inst_a1', 'a.instances.test');
      await insertAccount('inst_a2', 'a.instances.test');
      await insertAccount('inst_b1', 'b.instances.test');
      await insertAccount('inst_local', null);
      await db().query(
        `INSERT INTO domain_blocks (domain, severity, created_at, updated_at)
         VALUES ('blocked.instances.test', 1, now(), now()), ('a.instances.test', 0, now(), now())`,
      );
      await db().query(`INSERT INTO domain_allows (domain, created_at, updated_at) VALUES ('allowed.instances.test', now(), now())`);
      await db().query(`REFRESH MATERIALIZED VIEW CONCURRENTLY instances`);
      const rows = await db().query<{ domain: string; accounts_count: string }>(
        `SELECT domain, accounts_count FROM instances WHERE domain LIKE '%.instances.test' ORDER BY domain`,
      );
      expect(rows).toEqual([
        { domain: 'a.instances.test', accounts_count: '2' },
        { domain: 'allowed.instances.test', accounts_count: '0' },
        { domain: 'b.instances.test', accounts_count: '1' },
        { domain: 'blocked.instances.test', accounts_count: '0' },
      ]);
      // Subdomain lookups as Mastodon writes them (the reverse-domain index expression).
      const sub = await db().query<{ domain: string }>(
        `SELECT domain FROM instances WHERE reverse('.' || domain) LIKE reverse('%.instances.test') ORDER BY domain`,
      );
      expect(sub.map((r) => r.domain)).toEqual(['a.instances.test', 'allowed.instances.test', 'b.instances.test', 'blocked.instances.test']);
    }, 60_000);

    it('exposes user_ips from sign-up IPs, sessions and successful logins', async () => {
      const accountId = await insertAccount('ips_user', null);
      const [user] = await db().query<{ id: string }>(
        `INSERT INTO users (account_id, email, sign_up_ip, created_at, updated_at)
         VALUES ($1, 'ips@example.test', '192.0.2.1', '2026-01-01 00:00:00', '2026-01-01 00:00:00') RETURNING id`,
        [accountId],
      );
      await db().query(
        `INSERT INTO login_activities (user_id, ip, success, authentication_method, created_at) VALUES
           ($1, '192.0.2.1', true, 'password', '2026-02-01 00:00:00'),
           ($1, '198.51.100.7', false, 'password', '2026-03-01 00:00:00'),
           ($1, '203.0.113.9', true, 'otp', '2026-04-01 00:00:00')`,
        [user?.id],
      );
      await db().query(
        `INSERT INTO session_activations (user_id, session_id, ip, created_at, updated_at)
         VALUES ($1, 'ips-session', '203.0.113.9', '2026-05-01 00:00:00', '2026-05-02 00:00:00')`,
        [user?.id],
      );
      const rows = await db().query<{ ip: string; used_at: string }>(
        `SELECT host(ip) AS ip, to_char(used_at, 'YYYY-MM-DD') AS used_at FROM user_ips WHERE user_id = $1 ORDER BY ip`,
        [user?.id],
      );
      expect(rows).toEqual([
        { ip: '192.0.2.1', used_at: '2026-02-01' },
        { ip: '203.0.113.9', used_at: '2026-05-02' },
      ]);
    }, 60_000);

    it('records the 4.7 schema version like Rails', async () => {
      const [version] = await db().query<{ version: string }>(`SELECT max(version) AS version FROM schema_migrations`);
      expect(version?.version).toBe('20260812154114');
      const meta = await db().query<{ key: string; value: string }>(`SELECT key, value FROM ar_internal_metadata ORDER BY key`);
      expect(meta).toEqual([
        { key: 'environment', value: 'production' },
        { key: 'schema_sha1', value: '501d53d74814345bb6a8cf5adf83cf292c25a3e4' },
      ]);
    }, 60_000);
  });
}

defineSchemaSuite('Mastodon 4.7 schema on PGlite', openPglite);

// Without TEST_DATABASE_URL only PGlite runs; `npm test` and CI always set it.
if (TEST_DATABASE_URL) {
  defineSchemaSuite('Mastodon 4.7 schema on PostgreSQL (TEST_DATABASE_URL)', () => openPostgres(TEST_DATABASE_URL));
}
