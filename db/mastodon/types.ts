/**
 * Kysely types for the Mastodon 4.7 tables and views Palisade touches (the `public` schema of a
 * Mastodon database). They mirror db/mastodon/schema.sql, which restates Mastodon's db/schema.rb
 * at schema version 2026_08_12_154114; see that file's header for sources.
 *
 * Conventions:
 * - Every bigint (ids, counters, `user_roles.permissions`, elements of bigint[]) is a `string`:
 *   node-postgres returns int8 as text and Palisade configures PGlite the same way. Timestamp ids
 *   (accounts, statuses, media_attachments) exceed Number.MAX_SAFE_INTEGER; never convert them
 *   to `number`. Use BigInt for arithmetic.
 * - Nullable columns are `T | null` (never optional). Columns with a database default (including
 *   every `id`) are `Generated<...>`, so inserts may omit them.
 * - `timestamp without time zone` columns hold UTC and are read as `Date`; writes accept a Date or
 *   an ISO string.
 * - inet is a string (address or CIDR); character varying[] / text[] / bigint[] are `string[]`.
 * - Older Mastodon releases lack some columns/tables (marked 4.x+); check
 *   db/mastodon/version.ts features before using them against a real instance.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** `timestamp without time zone` (UTC): read as Date, written as Date or ISO-8601 string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * json/jsonb column holding an object. Read as the parsed value; written as an object (pg and
 * PGlite serialise plain objects as JSON) or as JSON text.
 */
export type JsonObjectColumn<T extends object = JsonObject> = ColumnType<T, T | string, T | string>;

/**
 * json/jsonb column holding an array. Read as the parsed array; write `JSON.stringify(value)`,
 * because node-postgres sends a JS array parameter as a PostgreSQL array literal, not JSON.
 */
export type JsonArrayColumn<T extends readonly unknown[]> = ColumnType<T, string, string>;

/** Element of `accounts.fields` (profile metadata). */
export interface AccountField {
  name: string;
  value: string;
  /** ISO-8601 time the link in `value` was verified (rel="me"), if any. */
  verified_at?: string | null;
}

/** Column of a view: insert/update types are `never`, so Kysely offers none of them for writes. */
type ViewColumn<T> = ColumnType<T, never, never>;

// ---------------------------------------------------------------------------------------------
// Rails bookkeeping
// ---------------------------------------------------------------------------------------------

/** `schema_migrations`: one row per applied migration; `max(version)` is the schema version. */
export interface SchemaMigrationsTable {
  /** Migration timestamp, e.g. '20260812154114' (the 4.7.0 schema). */
  version: string;
}

/** `ar_internal_metadata`: Rails metadata ('environment', 'schema_sha1'). */
export interface ArInternalMetadataTable {
  key: string;
  value: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// ---------------------------------------------------------------------------------------------
// Tables (alphabetical, columns in db/schema.rb order)
// ---------------------------------------------------------------------------------------------

/** `account_deletion_requests`: Accounts whose data is purged 30 days after created_at. */
export interface AccountDeletionRequestsTable {
  id: Generated<string>;
  account_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `account_moderation_notes`: Moderator notes about an account. */
export interface AccountModerationNotesTable {
  id: Generated<string>;
  account_id: string;
  content: string;
  created_at: Timestamp;
  target_account_id: string;
  updated_at: Timestamp;
}

/** `account_relationship_severance_events`: Per-local-account summary of a severance event (4.3+). */
export interface AccountRelationshipSeveranceEventsTable {
  id: Generated<string>;
  account_id: string;
  created_at: Timestamp;
  followers_count: Generated<number>;
  following_count: Generated<number>;
  relationship_severance_event_id: string;
  updated_at: Timestamp;
}

/** `account_stats`: Denormalised counters, 1:1 with accounts (the row may be missing: LEFT JOIN and COALESCE to 0). */
export interface AccountStatsTable {
  id: Generated<string>;
  account_id: string;
  created_at: Timestamp;
  followers_count: Generated<string>;
  following_count: Generated<string>;
  last_status_at: Timestamp | null;
  statuses_count: Generated<string>;
  updated_at: Timestamp;
}

/** `account_warning_presets`: Warning text presets for moderators. */
export interface AccountWarningPresetsTable {
  id: Generated<string>;
  created_at: Timestamp;
  text: Generated<string>;
  title: Generated<string>;
  updated_at: Timestamp;
}

/** `account_warnings`: Strikes (moderation warnings/actions sent to an account). */
export interface AccountWarningsTable {
  id: Generated<string>;
  /** Moderator who issued the strike (NULL once that account is deleted). */
  account_id: string | null;
  /** Enum: 0 none (warning), 1000 disable (freeze), 1250 mark_statuses_as_sensitive, 1500 delete_statuses, 2000 sensitive, 3000 silence (limit), 4000 suspend. */
  action: Generated<number>;
  created_at: Timestamp;
  overruled_at: Timestamp | null;
  report_id: string | null;
  /** Status ids as character varying[] (unlike reports.status_ids, which is bigint[]). */
  status_ids: string[] | null;
  /** Account that received the strike. */
  target_account_id: string | null;
  text: Generated<string>;
  updated_at: Timestamp;
}

/** `accounts`: Local and remote accounts. `id` is a timestamp id (`timestamp_id('accounts')`); the instance actor is id -99. Local accounts have `domain IS NULL`. */
export interface AccountsTable {
  id: Generated<string>;
  /** String: 'Person', 'Service', 'Application', 'Group', 'Organization' (NULL on old rows). */
  actor_type: string | null;
  also_known_as: string[] | null;
  attribution_domains: Generated<string[] | null>;
  avatar_content_type: string | null;
  avatar_description: Generated<string>;
  avatar_file_name: string | null;
  avatar_file_size: number | null;
  avatar_remote_url: string | null;
  avatar_storage_schema_version: number | null;
  avatar_updated_at: Timestamp | null;
  collections_url: string | null;
  created_at: Timestamp;
  discoverable: boolean | null;
  display_name: Generated<string>;
  domain: string | null;
  /** InteractionPolicy bitmap (4.6+): upper 16 bits automatic, lower 16 bits manual approval; flags 1 unsupported_policy, 2 public, 4 followers, 8 following, 16 disabled. 0 = unknown/missing. */
  feature_approval_policy: Generated<number>;
  featured_collection_url: string | null;
  /** Profile metadata: array of { name, value, verified_at }. */
  fields: JsonArrayColumn<AccountField[]> | null;
  followers_url: Generated<string>;
  following_url: Generated<string>;
  header_content_type: string | null;
  header_description: Generated<string>;
  header_file_name: string | null;
  header_file_size: number | null;
  header_remote_url: Generated<string>;
  header_storage_schema_version: number | null;
  header_updated_at: Timestamp | null;
  hide_collections: boolean | null;
  /** Enum (4.5+): 0 username_ap_id, 1 numeric_ap_id. */
  id_scheme: Generated<number | null>;
  inbox_url: Generated<string>;
  indexable: Generated<boolean>;
  last_webfingered_at: Timestamp | null;
  locked: Generated<boolean>;
  memorial: Generated<boolean>;
  moved_to_account_id: string | null;
  note: Generated<string>;
  outbox_url: Generated<string>;
  private_key: string | null;
  /** Enum: 0 ostatus, 1 activitypub. */
  protocol: Generated<number>;
  public_key: Generated<string>;
  /** 4.7+: set when the account was deleted by its owner (no longer recorded as a suspension). */
  requested_deletion_at: Timestamp | null;
  requested_review_at: Timestamp | null;
  reviewed_at: Timestamp | null;
  sensitized_at: Timestamp | null;
  shared_inbox_url: Generated<string>;
  show_featured: Generated<boolean>;
  show_media: Generated<boolean>;
  show_media_replies: Generated<boolean>;
  silenced_at: Timestamp | null;
  suspended_at: Timestamp | null;
  /** Enum: 0 local (suspended here), 1 remote (by its origin server). NULL when not suspended. */
  suspension_origin: number | null;
  /** NULL = not reviewed. */
  trendable: boolean | null;
  updated_at: Timestamp;
  /** ActivityPub actor id. 4.7+: NULL for local accounts, UNIQUE (<= 4.6: NOT NULL, '' for local accounts). */
  uri: string | null;
  url: string | null;
  username: Generated<string>;
}

/** `admin_action_logs`: The audit log. */
export interface AdminActionLogsTable {
  id: Generated<string>;
  account_id: string;
  /** Verb, e.g. 'create', 'update', 'destroy', 'suspend', 'resolve' (see mastodon.md §3.9). */
  action: Generated<string>;
  created_at: Timestamp;
  human_identifier: string | null;
  permalink: string | null;
  /** 4.7+: new attribute values, only written for Tag updates (usable/trendable/listable). */
  recorded_changes: JsonObjectColumn | null;
  /** 4.7+: format tag of recorded_changes, e.g. 'tags_format_1.0'. */
  recorded_changes_format: string | null;
  route_param: string | null;
  target_id: string | null;
  /** Rails model name of the target, e.g. 'Account', 'Report', 'DomainBlock'. */
  target_type: string | null;
  updated_at: Timestamp;
}

/** `appeals`: Appeals of strikes (at most one per strike). Pending while approved_at and rejected_at are both NULL. */
export interface AppealsTable {
  id: Generated<string>;
  account_id: string;
  account_warning_id: string;
  approved_at: Timestamp | null;
  approved_by_account_id: string | null;
  created_at: Timestamp;
  rejected_at: Timestamp | null;
  rejected_by_account_id: string | null;
  text: Generated<string>;
  updated_at: Timestamp;
}

/** `blocks`: User-level blocks. */
export interface BlocksTable {
  id: Generated<string>;
  account_id: string;
  created_at: Timestamp;
  target_account_id: string;
  updated_at: Timestamp;
  uri: string | null;
}

/** `canonical_email_blocks`: Blocks of SHA-256 hashes of canonicalised e-mail addresses. */
export interface CanonicalEmailBlocksTable {
  id: Generated<string>;
  /** SHA-256 hex of the canonicalised address (see mastodon.md §3.11). */
  canonical_email_hash: Generated<string>;
  created_at: Timestamp;
  reference_account_id: string | null;
  updated_at: Timestamp;
}

/** `domain_allows`: Allowed domains (limited federation mode). */
export interface DomainAllowsTable {
  id: Generated<string>;
  created_at: Timestamp;
  domain: Generated<string>;
  updated_at: Timestamp;
}

/** `domain_blocks`: Federation domain blocks (also cover subdomains). */
export interface DomainBlocksTable {
  id: Generated<string>;
  created_at: Timestamp;
  domain: Generated<string>;
  obfuscate: Generated<boolean>;
  private_comment: string | null;
  public_comment: string | null;
  reject_media: Generated<boolean>;
  reject_reports: Generated<boolean>;
  /** Enum: 0 silence (limit), 1 suspend, 2 noop. Nullable in the database, always set by Mastodon. */
  severity: Generated<number | null>;
  updated_at: Timestamp;
}

/** `email_domain_blocks`: Sign-up e-mail domain blocks. */
export interface EmailDomainBlocksTable {
  id: Generated<string>;
  /** 4.3+: sign-up allowed but requires approval. */
  allow_with_approval: Generated<boolean>;
  created_at: Timestamp;
  domain: Generated<string>;
  /** Parent block for entries derived from its MX records. */
  parent_id: string | null;
  updated_at: Timestamp;
}

/** `follow_requests`: Pending follow requests. */
export interface FollowRequestsTable {
  id: Generated<string>;
  account_id: string;
  created_at: Timestamp;
  languages: string[] | null;
  notify: Generated<boolean>;
  show_reblogs: Generated<boolean>;
  target_account_id: string;
  updated_at: Timestamp;
  uri: string | null;
}

/** `follows`: Follow relationships. */
export interface FollowsTable {
  id: Generated<string>;
  account_id: string;
  created_at: Timestamp;
  languages: string[] | null;
  notify: Generated<boolean>;
  show_reblogs: Generated<boolean>;
  target_account_id: string;
  updated_at: Timestamp;
  uri: string | null;
}

/** `instance_moderation_notes`: Moderator notes about a remote server (4.4+). */
export interface InstanceModerationNotesTable {
  id: Generated<string>;
  account_id: string;
  content: string | null;
  created_at: Timestamp;
  domain: string;
  updated_at: Timestamp;
}

/** `invites`: Invite links. */
export interface InvitesTable {
  id: Generated<string>;
  autofollow: Generated<boolean>;
  code: Generated<string>;
  comment: string | null;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  max_uses: number | null;
  updated_at: Timestamp;
  user_id: string;
  uses: Generated<number>;
}

/** `ip_blocks`: IP / CIDR blocks. */
export interface IpBlocksTable {
  id: Generated<string>;
  comment: Generated<string>;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  /** inet: an address or CIDR range. */
  ip: Generated<string>;
  /** Enum: 5000 sign_up_requires_approval, 5500 sign_up_block, 9999 no_access. The column default 0 is not a valid value. */
  severity: Generated<number>;
  updated_at: Timestamp;
}

/** `login_activities`: Sign-in attempts. */
export interface LoginActivitiesTable {
  id: Generated<string>;
  /** String enum: 'password', 'otp', 'webauthn', 'sign_in_token', 'omniauth'. */
  authentication_method: string | null;
  created_at: Timestamp | null;
  failure_reason: string | null;
  ip: string | null;
  provider: string | null;
  /** Only successful sign-ins feed the user_ips view. */
  success: boolean | null;
  user_agent: string | null;
  user_id: string;
}

/** `media_attachments`: Media attachments. `id` is a timestamp id. */
export interface MediaAttachmentsTable {
  id: Generated<string>;
  account_id: string | null;
  blurhash: string | null;
  created_at: Timestamp;
  description: string | null;
  file_content_type: string | null;
  file_file_name: string | null;
  file_file_size: number | null;
  file_meta: JsonObjectColumn | null;
  file_storage_schema_version: number | null;
  file_updated_at: Timestamp | null;
  /** Enum: 0 queued, 1 in_progress, 2 complete, 3 failed. */
  processing: number | null;
  remote_url: Generated<string>;
  scheduled_status_id: string | null;
  shortcode: string | null;
  status_id: string | null;
  thumbnail_content_type: string | null;
  thumbnail_file_name: string | null;
  thumbnail_file_size: number | null;
  thumbnail_remote_url: string | null;
  thumbnail_storage_schema_version: number | null;
  thumbnail_updated_at: Timestamp | null;
  /** Enum: 0 image, 1 gifv, 2 video, 3 unknown, 4 audio. */
  type: Generated<number>;
  updated_at: Timestamp;
}

/** `mentions`: Mentions of accounts in statuses. */
export interface MentionsTable {
  id: Generated<string>;
  account_id: string;
  created_at: Timestamp;
  silent: Generated<boolean>;
  status_id: string;
  updated_at: Timestamp;
}

/** `mutes`: User-level mutes. */
export interface MutesTable {
  id: Generated<string>;
  account_id: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  hide_notifications: Generated<boolean>;
  target_account_id: string;
  updated_at: Timestamp;
}

/** `oauth_access_tokens`: OAuth access tokens (Doorkeeper). */
export interface OauthAccessTokensTable {
  id: Generated<string>;
  application_id: string | null;
  created_at: Timestamp;
  expires_in: number | null;
  last_used_at: Timestamp | null;
  last_used_ip: string | null;
  refresh_token: string | null;
  resource_owner_id: string | null;
  revoked_at: Timestamp | null;
  scopes: string | null;
  token: string;
}

/** `oauth_applications`: OAuth applications (Doorkeeper). */
export interface OauthApplicationsTable {
  id: Generated<string>;
  confidential: Generated<boolean>;
  created_at: Timestamp | null;
  name: string;
  owner_id: string | null;
  owner_type: string | null;
  redirect_uri: string;
  scopes: Generated<string>;
  secret: string;
  superapp: Generated<boolean>;
  uid: string;
  updated_at: Timestamp | null;
  website: string | null;
}

/** `relationship_severance_events`: Events that severed follow relationships (4.3+). */
export interface RelationshipSeveranceEventsTable {
  id: Generated<string>;
  created_at: Timestamp;
  purged: Generated<boolean>;
  /** Blocked domain or suspended account (acct). */
  target_name: string;
  /** Enum: 0 domain_block, 1 user_domain_block, 2 account_suspension. */
  type: number;
  updated_at: Timestamp;
}

/** `report_notes`: Moderator notes on a report. */
export interface ReportNotesTable {
  id: Generated<string>;
  account_id: string;
  content: string;
  created_at: Timestamp;
  report_id: string;
  updated_at: Timestamp;
}

/** `reports`: Reports. Open while `action_taken_at IS NULL`. */
export interface ReportsTable {
  id: Generated<string>;
  account_id: string;
  /** NULL = unresolved. */
  action_taken_at: Timestamp | null;
  action_taken_by_account_id: string | null;
  application_id: string | null;
  assigned_account_id: string | null;
  /** Enum: 0 other, 1000 spam, 1500 legal, 2000 violation. */
  category: Generated<number>;
  comment: Generated<string>;
  created_at: Timestamp;
  /** true when a copy went to the remote target's server; NULL on rows older than 3.3. */
  forwarded: boolean | null;
  /** Violated rule ids (bigint[]), only with category 2000 (violation). */
  rule_ids: string[] | null;
  /** Reported status ids (bigint[]; may include soft-deleted statuses). */
  status_ids: Generated<string[]>;
  target_account_id: string;
  updated_at: Timestamp;
  uri: string | null;
}

/** `rule_translations`: Translations of server rules (4.4+). */
export interface RuleTranslationsTable {
  id: Generated<string>;
  created_at: Timestamp;
  hint: Generated<string>;
  language: string;
  rule_id: string;
  text: Generated<string>;
  updated_at: Timestamp;
}

/** `rules`: Server rules (soft-deleted via deleted_at). */
export interface RulesTable {
  id: Generated<string>;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
  hint: Generated<string>;
  priority: Generated<number>;
  text: Generated<string>;
  updated_at: Timestamp;
}

/** `scheduled_statuses`: Scheduled posts (included because media_attachments.scheduled_status_id references it). */
export interface ScheduledStatusesTable {
  id: Generated<string>;
  account_id: string;
  params: JsonObjectColumn | null;
  scheduled_at: Timestamp | null;
}

/** `session_activations`: Browser sessions. */
export interface SessionActivationsTable {
  id: Generated<string>;
  access_token_id: string | null;
  created_at: Timestamp;
  ip: string | null;
  session_id: string;
  updated_at: Timestamp;
  user_agent: Generated<string>;
  user_id: string;
  web_push_subscription_id: string | null;
}

/** `settings`: Site settings; `value` is YAML text. A missing row means the default. */
export interface SettingsTable {
  id: Generated<string>;
  created_at: Timestamp | null;
  updated_at: Timestamp | null;
  /** YAML text, e.g. '--- all\n'. */
  value: string | null;
  var: string;
}

/** `severed_relationships`: Follow relationships severed by an event (4.3+). */
export interface SeveredRelationshipsTable {
  id: Generated<string>;
  created_at: Timestamp;
  /** Enum: 0 passive (the remote account followed the local one), 1 active (the local account followed the remote one). */
  direction: number;
  languages: string[] | null;
  local_account_id: string;
  notify: boolean | null;
  relationship_severance_event_id: string;
  remote_account_id: string;
  show_reblogs: boolean | null;
  updated_at: Timestamp;
}

/** `status_edits`: Edit history of statuses. */
export interface StatusEditsTable {
  id: Generated<string>;
  account_id: string | null;
  created_at: Timestamp;
  media_descriptions: string[] | null;
  ordered_media_attachment_ids: string[] | null;
  poll_options: string[] | null;
  quote_id: string | null;
  sensitive: boolean | null;
  spoiler_text: Generated<string>;
  status_id: string;
  text: Generated<string>;
  updated_at: Timestamp;
}

/** `status_stats`: Denormalised status counters, 1:1 with statuses (row may be missing). */
export interface StatusStatsTable {
  id: Generated<string>;
  created_at: Timestamp;
  favourites_count: Generated<string>;
  quotes_count: Generated<string>;
  reblogs_count: Generated<string>;
  replies_count: Generated<string>;
  status_id: string;
  untrusted_favourites_count: string | null;
  untrusted_reblogs_count: string | null;
  updated_at: Timestamp;
}

/** `statuses`: Posts. `id` is a timestamp id; soft-deleted when `deleted_at` is set. */
export interface StatusesTable {
  id: Generated<string>;
  account_id: string;
  application_id: string | null;
  conversation_id: string | null;
  created_at: Timestamp;
  /** Soft delete: most reads must add `deleted_at IS NULL`. */
  deleted_at: Timestamp | null;
  edited_at: Timestamp | null;
  fetched_replies_at: Timestamp | null;
  in_reply_to_account_id: string | null;
  in_reply_to_id: string | null;
  language: string | null;
  /** true for local statuses; may be NULL on old rows (then `uri IS NULL` means local). */
  local: boolean | null;
  ordered_media_attachment_ids: string[] | null;
  poll_id: string | null;
  /** InteractionPolicy bitmap (4.4+): upper 16 bits automatic, lower 16 bits manual approval; flags 1 unsupported_policy, 2 public, 4 followers, 8 following, 16 disabled. */
  quote_approval_policy: Generated<number>;
  reblog_of_id: string | null;
  reply: Generated<boolean>;
  sensitive: Generated<boolean>;
  spoiler_text: Generated<string>;
  text: Generated<string>;
  /** NULL = not reviewed. */
  trendable: boolean | null;
  updated_at: Timestamp;
  uri: string | null;
  url: string | null;
  /** Enum: 0 public, 1 unlisted, 2 private (followers only), 3 direct, 4 limited. */
  visibility: Generated<number>;
}

/** `tombstones`: URIs of deleted objects that must not be re-fetched. */
export interface TombstonesTable {
  id: Generated<string>;
  account_id: string;
  by_moderator: boolean | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  uri: string;
}

/** `unavailable_domains`: Domains delivery is stopped to. */
export interface UnavailableDomainsTable {
  id: Generated<string>;
  created_at: Timestamp;
  domain: Generated<string>;
  updated_at: Timestamp;
}

/** `user_invite_requests`: Sign-up reasons ("why do you want to join"). */
export interface UserInviteRequestsTable {
  id: Generated<string>;
  created_at: Timestamp;
  text: string | null;
  updated_at: Timestamp;
  user_id: string;
}

/** `user_roles`: Custom roles. id -99 is the Everyone role; `users.role_id IS NULL` means Everyone only. */
export interface UserRolesTable {
  id: Generated<string>;
  /** 4.6+: maximum number of collections per member. */
  collection_limit: Generated<number>;
  color: Generated<string>;
  created_at: Timestamp;
  highlighted: Generated<boolean>;
  name: Generated<string>;
  /** Permission bitmask (bigint, as string): 1 administrator, 2 view_devops, 4 view_audit_log, 8 view_dashboard, 16 manage_reports, 32 manage_federation, 64 manage_settings, 128 manage_blocks, 256 manage_taxonomies, 512 manage_appeals, 1024 manage_users, 2048 manage_invites, 4096 manage_rules, 8192 manage_announcements, 16384 manage_custom_emojis, 32768 manage_webhooks, 65536 invite_users, 131072 manage_roles, 262144 manage_user_access, 524288 delete_user_data, 1048576 view_feeds (4.5+), 2097152 invite_bypass_approval (4.6+), 4194304 manage_email_subscriptions (4.6+). */
  permissions: Generated<string>;
  /** Rank: higher outranks lower; the Everyone role has -1. */
  position: Generated<number>;
  /** 4.6+: members must enable two-factor authentication. */
  require_2fa: Generated<boolean>;
  updated_at: Timestamp;
}

/** `username_blocks`: Blocked usernames for sign-up (4.5+). */
export interface UsernameBlocksTable {
  id: Generated<string>;
  allow_with_approval: Generated<boolean>;
  created_at: Timestamp;
  /** true = the normalised username must equal normalized_username; false = contain it. */
  exact: Generated<boolean>;
  /** Lowercase with digit homoglyphs replaced (1→i 2→z 3→e 4→a 5→s 7→t 8→b 9→g 0→o); writers must compute it. */
  normalized_username: string;
  updated_at: Timestamp;
  username: string;
}

/** `users`: Local users (one per local account). */
export interface UsersTable {
  id: Generated<string>;
  account_id: string;
  age_verified_at: Timestamp | null;
  /** false = sign-up pending approval. */
  approved: Generated<boolean>;
  chosen_languages: string[] | null;
  confirmation_sent_at: Timestamp | null;
  confirmation_token: string | null;
  confirmed_at: Timestamp | null;
  consumed_timestep: number | null;
  created_at: Timestamp;
  created_by_application_id: string | null;
  current_sign_in_at: Timestamp | null;
  /** true = frozen (sign-in disabled). */
  disabled: Generated<boolean>;
  email: Generated<string>;
  encrypted_password: Generated<string>;
  invite_id: string | null;
  last_emailed_at: Timestamp | null;
  last_sign_in_at: Timestamp | null;
  locale: string | null;
  otp_backup_codes: string[] | null;
  otp_required_for_login: Generated<boolean>;
  otp_secret: string | null;
  require_tos_interstitial: Generated<boolean>;
  reset_password_sent_at: Timestamp | null;
  reset_password_token: string | null;
  /** NULL = only the Everyone role (id -99) applies. */
  role_id: string | null;
  /** Per-user preferences as JSON text. */
  settings: string | null;
  sign_in_count: Generated<number>;
  sign_in_token: string | null;
  sign_in_token_sent_at: Timestamp | null;
  sign_up_ip: string | null;
  skip_sign_in_token: boolean | null;
  time_zone: string | null;
  unconfirmed_email: string | null;
  updated_at: Timestamp;
  webauthn_id: string | null;
}
// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

/**
 * `instances` (materialized view): every remote domain with its number of accounts, plus every
 * domain_blocks / domain_allows domain (0 when no account is known). Refreshed by Mastodon, hourly.
 * The columns are never NULL in practice although PostgreSQL reports view columns as nullable.
 */
export interface InstancesView {
  domain: ViewColumn<string>;
  /** count(*) (bigint, as string). */
  accounts_count: ViewColumn<string>;
}

/**
 * `user_ips` (view): latest use of each (user, IP) pair from users.sign_up_ip,
 * session_activations and successful login_activities.
 */
export interface UserIpsView {
  user_id: ViewColumn<string>;
  /** NULL when a session or login row carried no IP. */
  ip: ViewColumn<string | null>;
  /** NULL only if every source row for the pair had no timestamp (login_activities.created_at is nullable). */
  used_at: ViewColumn<Date | null>;
}

// ---------------------------------------------------------------------------------------------
// Database
// ---------------------------------------------------------------------------------------------

/** Mastodon's `public` relations as Kysely sees them (unqualified table names). */
export interface MastodonDatabase {
  ar_internal_metadata: ArInternalMetadataTable;
  schema_migrations: SchemaMigrationsTable;
  account_deletion_requests: AccountDeletionRequestsTable;
  account_moderation_notes: AccountModerationNotesTable;
  account_relationship_severance_events: AccountRelationshipSeveranceEventsTable;
  account_stats: AccountStatsTable;
  account_warning_presets: AccountWarningPresetsTable;
  account_warnings: AccountWarningsTable;
  accounts: AccountsTable;
  admin_action_logs: AdminActionLogsTable;
  appeals: AppealsTable;
  blocks: BlocksTable;
  canonical_email_blocks: CanonicalEmailBlocksTable;
  domain_allows: DomainAllowsTable;
  domain_blocks: DomainBlocksTable;
  email_domain_blocks: EmailDomainBlocksTable;
  follow_requests: FollowRequestsTable;
  follows: FollowsTable;
  instance_moderation_notes: InstanceModerationNotesTable;
  invites: InvitesTable;
  ip_blocks: IpBlocksTable;
  login_activities: LoginActivitiesTable;
  media_attachments: MediaAttachmentsTable;
  mentions: MentionsTable;
  mutes: MutesTable;
  oauth_access_tokens: OauthAccessTokensTable;
  oauth_applications: OauthApplicationsTable;
  relationship_severance_events: RelationshipSeveranceEventsTable;
  report_notes: ReportNotesTable;
  reports: ReportsTable;
  rule_translations: RuleTranslationsTable;
  rules: RulesTable;
  scheduled_statuses: ScheduledStatusesTable;
  session_activations: SessionActivationsTable;
  settings: SettingsTable;
  severed_relationships: SeveredRelationshipsTable;
  status_edits: StatusEditsTable;
  status_stats: StatusStatsTable;
  statuses: StatusesTable;
  tombstones: TombstonesTable;
  unavailable_domains: UnavailableDomainsTable;
  user_invite_requests: UserInviteRequestsTable;
  user_roles: UserRolesTable;
  username_blocks: UsernameBlocksTable;
  users: UsersTable;
  instances: InstancesView;
  user_ips: UserIpsView;
}

// ---------------------------------------------------------------------------------------------
// Row aliases: X = selected row, NewX = insert values, XUpdate = update values
// ---------------------------------------------------------------------------------------------

export type SchemaMigration = Selectable<SchemaMigrationsTable>;
export type ArInternalMetadata = Selectable<ArInternalMetadataTable>;
export type AccountDeletionRequest = Selectable<AccountDeletionRequestsTable>;
export type NewAccountDeletionRequest = Insertable<AccountDeletionRequestsTable>;
export type AccountDeletionRequestUpdate = Updateable<AccountDeletionRequestsTable>;
export type AccountModerationNote = Selectable<AccountModerationNotesTable>;
export type NewAccountModerationNote = Insertable<AccountModerationNotesTable>;
export type AccountModerationNoteUpdate = Updateable<AccountModerationNotesTable>;
export type AccountRelationshipSeveranceEvent = Selectable<AccountRelationshipSeveranceEventsTable>;
export type NewAccountRelationshipSeveranceEvent = Insertable<AccountRelationshipSeveranceEventsTable>;
export type AccountRelationshipSeveranceEventUpdate = Updateable<AccountRelationshipSeveranceEventsTable>;
export type AccountStat = Selectable<AccountStatsTable>;
export type NewAccountStat = Insertable<AccountStatsTable>;
export type AccountStatUpdate = Updateable<AccountStatsTable>;
export type AccountWarningPreset = Selectable<AccountWarningPresetsTable>;
export type NewAccountWarningPreset = Insertable<AccountWarningPresetsTable>;
export type AccountWarningPresetUpdate = Updateable<AccountWarningPresetsTable>;
export type AccountWarning = Selectable<AccountWarningsTable>;
export type NewAccountWarning = Insertable<AccountWarningsTable>;
export type AccountWarningUpdate = Updateable<AccountWarningsTable>;
export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type AdminActionLog = Selectable<AdminActionLogsTable>;
export type NewAdminActionLog = Insertable<AdminActionLogsTable>;
export type AdminActionLogUpdate = Updateable<AdminActionLogsTable>;
export type Appeal = Selectable<AppealsTable>;
export type NewAppeal = Insertable<AppealsTable>;
export type AppealUpdate = Updateable<AppealsTable>;
export type Block = Selectable<BlocksTable>;
export type NewBlock = Insertable<BlocksTable>;
export type BlockUpdate = Updateable<BlocksTable>;
export type CanonicalEmailBlock = Selectable<CanonicalEmailBlocksTable>;
export type NewCanonicalEmailBlock = Insertable<CanonicalEmailBlocksTable>;
export type CanonicalEmailBlockUpdate = Updateable<CanonicalEmailBlocksTable>;
export type DomainAllow = Selectable<DomainAllowsTable>;
export type NewDomainAllow = Insertable<DomainAllowsTable>;
export type DomainAllowUpdate = Updateable<DomainAllowsTable>;
export type DomainBlock = Selectable<DomainBlocksTable>;
export type NewDomainBlock = Insertable<DomainBlocksTable>;
export type DomainBlockUpdate = Updateable<DomainBlocksTable>;
export type EmailDomainBlock = Selectable<EmailDomainBlocksTable>;
export type NewEmailDomainBlock = Insertable<EmailDomainBlocksTable>;
export type EmailDomainBlockUpdate = Updateable<EmailDomainBlocksTable>;
export type FollowRequest = Selectable<FollowRequestsTable>;
export type NewFollowRequest = Insertable<FollowRequestsTable>;
export type FollowRequestUpdate = Updateable<FollowRequestsTable>;
export type Follow = Selectable<FollowsTable>;
export type NewFollow = Insertable<FollowsTable>;
export type FollowUpdate = Updateable<FollowsTable>;
export type InstanceModerationNote = Selectable<InstanceModerationNotesTable>;
export type NewInstanceModerationNote = Insertable<InstanceModerationNotesTable>;
export type InstanceModerationNoteUpdate = Updateable<InstanceModerationNotesTable>;
export type Invite = Selectable<InvitesTable>;
export type NewInvite = Insertable<InvitesTable>;
export type InviteUpdate = Updateable<InvitesTable>;
export type IpBlock = Selectable<IpBlocksTable>;
export type NewIpBlock = Insertable<IpBlocksTable>;
export type IpBlockUpdate = Updateable<IpBlocksTable>;
export type LoginActivity = Selectable<LoginActivitiesTable>;
export type NewLoginActivity = Insertable<LoginActivitiesTable>;
export type LoginActivityUpdate = Updateable<LoginActivitiesTable>;
export type MediaAttachment = Selectable<MediaAttachmentsTable>;
export type NewMediaAttachment = Insertable<MediaAttachmentsTable>;
export type MediaAttachmentUpdate = Updateable<MediaAttachmentsTable>;
export type Mention = Selectable<MentionsTable>;
export type NewMention = Insertable<MentionsTable>;
export type MentionUpdate = Updateable<MentionsTable>;
export type Mute = Selectable<MutesTable>;
export type NewMute = Insertable<MutesTable>;
export type MuteUpdate = Updateable<MutesTable>;
export type OauthAccessToken = Selectable<OauthAccessTokensTable>;
export type NewOauthAccessToken = Insertable<OauthAccessTokensTable>;
export type OauthAccessTokenUpdate = Updateable<OauthAccessTokensTable>;
export type OauthApplication = Selectable<OauthApplicationsTable>;
export type NewOauthApplication = Insertable<OauthApplicationsTable>;
export type OauthApplicationUpdate = Updateable<OauthApplicationsTable>;
export type RelationshipSeveranceEvent = Selectable<RelationshipSeveranceEventsTable>;
export type NewRelationshipSeveranceEvent = Insertable<RelationshipSeveranceEventsTable>;
export type RelationshipSeveranceEventUpdate = Updateable<RelationshipSeveranceEventsTable>;
export type ReportNote = Selectable<ReportNotesTable>;
export type NewReportNote = Insertable<ReportNotesTable>;
export type ReportNoteUpdate = Updateable<ReportNotesTable>;
export type Report = Selectable<ReportsTable>;
export type NewReport = Insertable<ReportsTable>;
export type ReportUpdate = Updateable<ReportsTable>;
export type RuleTranslation = Selectable<RuleTranslationsTable>;
export type NewRuleTranslation = Insertable<RuleTranslationsTable>;
export type RuleTranslationUpdate = Updateable<RuleTranslationsTable>;
export type Rule = Selectable<RulesTable>;
export type NewRule = Insertable<RulesTable>;
export type RuleUpdate = Updateable<RulesTable>;
export type ScheduledStatus = Selectable<ScheduledStatusesTable>;
export type NewScheduledStatus = Insertable<ScheduledStatusesTable>;
export type ScheduledStatusUpdate = Updateable<ScheduledStatusesTable>;
export type SessionActivation = Selectable<SessionActivationsTable>;
export type NewSessionActivation = Insertable<SessionActivationsTable>;
export type SessionActivationUpdate = Updateable<SessionActivationsTable>;
export type Setting = Selectable<SettingsTable>;
export type NewSetting = Insertable<SettingsTable>;
export type SettingUpdate = Updateable<SettingsTable>;
export type SeveredRelationship = Selectable<SeveredRelationshipsTable>;
export type NewSeveredRelationship = Insertable<SeveredRelationshipsTable>;
export type SeveredRelationshipUpdate = Updateable<SeveredRelationshipsTable>;
export type StatusEdit = Selectable<StatusEditsTable>;
export type NewStatusEdit = Insertable<StatusEditsTable>;
export type StatusEditUpdate = Updateable<StatusEditsTable>;
export type StatusStat = Selectable<StatusStatsTable>;
export type NewStatusStat = Insertable<StatusStatsTable>;
export type StatusStatUpdate = Updateable<StatusStatsTable>;
export type Status = Selectable<StatusesTable>;
export type NewStatus = Insertable<StatusesTable>;
export type StatusUpdate = Updateable<StatusesTable>;
export type Tombstone = Selectable<TombstonesTable>;
export type NewTombstone = Insertable<TombstonesTable>;
export type TombstoneUpdate = Updateable<TombstonesTable>;
export type UnavailableDomain = Selectable<UnavailableDomainsTable>;
export type NewUnavailableDomain = Insertable<UnavailableDomainsTable>;
export type UnavailableDomainUpdate = Updateable<UnavailableDomainsTable>;
export type UserInviteRequest = Selectable<UserInviteRequestsTable>;
export type NewUserInviteRequest = Insertable<UserInviteRequestsTable>;
export type UserInviteRequestUpdate = Updateable<UserInviteRequestsTable>;
export type UserRole = Selectable<UserRolesTable>;
export type NewUserRole = Insertable<UserRolesTable>;
export type UserRoleUpdate = Updateable<UserRolesTable>;
export type UsernameBlock = Selectable<UsernameBlocksTable>;
export type NewUsernameBlock = Insertable<UsernameBlocksTable>;
export type UsernameBlockUpdate = Updateable<UsernameBlocksTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Instance = Selectable<InstancesView>;
export type UserIp = Selectable<UserIpsView>;
