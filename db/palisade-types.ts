import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface PalisadeMetaTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface PalisadeSessionsTable {
  id: string;
  user_id: string;
  account_id: string;
  provider: 'password' | 'mastodon';
  access_token_ciphertext: string | null;
  user_agent: string | null;
  ip: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: TimestampNullable;
}

export interface PalisadeLoginAttemptsTable {
  id: Generated<string>;
  email: string;
  ip: string | null;
  success: boolean;
  reason: string | null;
  created_at: Timestamp;
}

/** `palisade.events`: Palisade's own audit rows where Mastodon keeps none (see db/queries/events.ts). */
export interface PalisadeEventsTable {
  id: Generated<string>;
  /** The moderator; NULL only for automatic work (no person acted). */
  account_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  human_identifier: string | null;
  route_param: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** `palisade.appeal_replies`: the moderator's reply kept with an appeal decision (one per appeal). */
export interface PalisadeAppealRepliesTable {
  appeal_id: string;
  account_warning_id: string;
  decision: 'approved' | 'rejected';
  /** The moderator who decided. */
  account_id: string;
  text: string;
  created_at: Timestamp;
}

/** `palisade.moderator_preferences`: per-moderator display settings (one row per Mastodon account). */
export interface PalisadeModeratorPreferencesTable {
  account_id: string;
  media_blur: Generated<boolean>;
  media_greyscale: Generated<boolean>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** `palisade.report_views`: who had a report open, refreshed by the report page's heartbeat. */
export interface PalisadeReportViewsTable {
  report_id: string;
  account_id: string;
  seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

// -------------------------------------------------------------------------------------------------
// Blocklist exchange (db/migrations/20261123T000000Z-blocklist-exchange.ts)

type Created = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PalisadeBlocklistSourcesTable {
  id: Generated<string>;
  name: string;
  url: string;
  format: string;
  role: Generated<'block' | 'allow'>;
  priority: Generated<number>;
  /** numeric: a decimal string. */
  weight: ColumnType<string, string | number | undefined, string | number>;
  max_severity: Generated<'noop' | 'silence' | 'suspend'>;
  auth_type: Generated<'none' | 'bearer' | 'basic'>;
  auth_username: string | null;
  auth_secret_sealed: string | null;
  auto_apply: Generated<boolean>;
  auto_retract: Generated<boolean>;
  auto_apply_account_id: string | null;
  refresh_minutes: Generated<number>;
  enabled: Generated<boolean>;
  resolved_format: string | null;
  resolved_url: string | null;
  etag: string | null;
  last_modified: string | null;
  cursor: string | null;
  entries_count: Generated<number>;
  consecutive_failures: Generated<number>;
  last_fetch_at: TimestampNullable;
  last_success_at: TimestampNullable;
  last_error: string | null;
  next_fetch_at: Created;
  created_by: string | null;
  created_at: Created;
  updated_at: Created;
}

export interface PalisadeBlocklistFetchesTable {
  id: Generated<string>;
  source_id: string;
  started_at: Created;
  duration_ms: Generated<number>;
  status: 'ok' | 'unchanged' | 'not_modified' | 'error';
  http_status: number | null;
  error: string | null;
  entries: number | null;
  bytes: number | null;
  added: Generated<number>;
  changed: Generated<number>;
  removed: Generated<number>;
  triggered_by: string | null;
}

export interface PalisadeBlocklistSnapshotsTable {
  id: Generated<string>;
  source_id: string;
  fetch_id: string;
  created_at: Created;
  format: string;
  entries: number;
  content_hash: string;
  body: Buffer | Uint8Array | null;
  added: Generated<number>;
  changed: Generated<number>;
  removed: Generated<number>;
}

export interface PalisadeBlocklistEntriesTable {
  source_id: string;
  key: string;
  domain: string | null;
  input: string;
  digest: string | null;
  severity: 'noop' | 'silence' | 'suspend';
  reject_media: Generated<boolean>;
  reject_reports: Generated<boolean>;
  obfuscate: Generated<boolean>;
  obfuscated: Generated<boolean>;
  public_comment: string | null;
  private_comment: string | null;
  canary: string | null;
  labels: ColumnType<string[], string[] | undefined, string[]>;
  first_seen_at: Created;
}

export interface PalisadeBlocklistChangesTable {
  id: Generated<string>;
  source_id: string;
  snapshot_id: string | null;
  kind: 'added' | 'changed' | 'removed';
  key: string;
  domain: string | null;
  severity_before: string | null;
  severity_after: string | null;
  before: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  after: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  created_at: Created;
}

export interface PalisadeBlocklistSuggestionsTable {
  id: Generated<string>;
  domain: string;
  action: 'add' | 'escalate' | 'downgrade' | 'retract';
  reason: string;
  state: Generated<'pending' | 'applied' | 'dismissed' | 'superseded' | 'failed'>;
  fingerprint: string;
  severity: 'noop' | 'silence' | 'suspend' | null;
  reject_media: Generated<boolean>;
  reject_reports: Generated<boolean>;
  obfuscate: Generated<boolean>;
  held_severity: 'noop' | 'silence' | 'suspend' | null;
  held_is_noop: Generated<boolean>;
  public_comment: string | null;
  labels: ColumnType<string[], string[] | undefined, string[]>;
  backing: ColumnType<unknown[], string | undefined, string>;
  backing_count: Generated<number>;
  backing_percent: ColumnType<string, string | number | undefined, string | number>;
  total_sources: Generated<number>;
  retracted_by: ColumnType<string[], string[] | undefined, string[]>;
  existing_block_id: string | null;
  existing: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  parent: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  accounts: number | null;
  local_follows: number | null;
  auto_eligible: Generated<boolean>;
  auto_blocker: string | null;
  outcome: string | null;
  decided_by: string | null;
  decided_at: TimestampNullable;
  applied_block_id: string | null;
  created_at: Created;
  updated_at: Created;
}

export interface PalisadeBlocklistDismissalsTable {
  domain: string;
  fingerprint: string;
  action: string;
  dismissed_by: string | null;
  dismissed_at: Created;
}

export interface PalisadeBlocklistProvenanceTable {
  domain: string;
  block_id: string;
  origin: 'subscription' | 'manual';
  mode: 'manual' | 'auto';
  source_ids: ColumnType<string[], string[], string[]>;
  sources: ColumnType<unknown[], string | undefined, string>;
  backing_count: number;
  total_sources: number;
  labels: ColumnType<string[], string[] | undefined, string[]>;
  severity: string;
  suggestion_id: string | null;
  applied_by: string | null;
  applied_at: Created;
}

export interface PalisadeBlocklistExcludesTable {
  domain: string;
  created_by: string | null;
  created_at: Created;
}

export interface PalisadeBlocklistSettingsTable {
  id: Generated<number>;
  threshold_type: Generated<'count' | 'percent'>;
  threshold_value: ColumnType<string, string | number | undefined, string | number>;
  merge_plan: Generated<'max' | 'min'>;
  max_changes_per_run: Generated<number>;
  preserve_relationships: Generated<boolean>;
  visibility: ColumnType<Record<string, unknown>, string | undefined, string>;
  comment_visibility: Generated<'off' | 'allies' | 'public'>;
  publish_subscribed: Generated<boolean>;
  last_run_at: TimestampNullable;
  last_run: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  updated_by: string | null;
  updated_at: Created;
}

export interface PalisadeBlocklistAlliesTable {
  id: Generated<string>;
  name: string;
  domain: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Created;
  revoked_at: TimestampNullable;
  revoked_by: string | null;
}

export interface PalisadeBlocklistAllyTokensTable {
  id: Generated<string>;
  ally_id: string;
  token_hash: string;
  token_hint: string;
  created_by: string | null;
  created_at: Created;
  last_used_at: TimestampNullable;
  revoked_at: TimestampNullable;
  revoked_by: string | null;
}

export interface PalisadeBlocklistReadsTable {
  id: Generated<string>;
  format: string;
  ally_id: string | null;
  token_id: string | null;
  status: number;
  ip: string | null;
  user_agent: string | null;
  bytes: number | null;
  created_at: Created;
}

export interface PalisadeBlocklistPublishedTable {
  audience: 'allies' | 'public';
  domain: string;
  policy: string;
  filters: ColumnType<string[], string[] | undefined, string[]>;
  change_id: string;
}

export interface PalisadeBlocklistPublishedChangesTable {
  id: string;
  audience: 'allies' | 'public';
  type: 'Recommendation' | 'Retraction';
  domain: string;
  policy: string | null;
  filters: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Created;
}

export interface PalisadeDatabase {
  'palisade.meta': PalisadeMetaTable;
  'palisade.sessions': PalisadeSessionsTable;
  'palisade.login_attempts': PalisadeLoginAttemptsTable;
  'palisade.events': PalisadeEventsTable;
  'palisade.appeal_replies': PalisadeAppealRepliesTable;
  'palisade.moderator_preferences': PalisadeModeratorPreferencesTable;
  'palisade.report_views': PalisadeReportViewsTable;
  'palisade.blocklist_sources': PalisadeBlocklistSourcesTable;
  'palisade.blocklist_fetches': PalisadeBlocklistFetchesTable;
  'palisade.blocklist_snapshots': PalisadeBlocklistSnapshotsTable;
  'palisade.blocklist_entries': PalisadeBlocklistEntriesTable;
  'palisade.blocklist_changes': PalisadeBlocklistChangesTable;
  'palisade.blocklist_suggestions': PalisadeBlocklistSuggestionsTable;
  'palisade.blocklist_dismissals': PalisadeBlocklistDismissalsTable;
  'palisade.blocklist_provenance': PalisadeBlocklistProvenanceTable;
  'palisade.blocklist_excludes': PalisadeBlocklistExcludesTable;
  'palisade.blocklist_settings': PalisadeBlocklistSettingsTable;
  'palisade.blocklist_allies': PalisadeBlocklistAlliesTable;
  'palisade.blocklist_ally_tokens': PalisadeBlocklistAllyTokensTable;
  'palisade.blocklist_reads': PalisadeBlocklistReadsTable;
  'palisade.blocklist_published': PalisadeBlocklistPublishedTable;
  'palisade.blocklist_published_changes': PalisadeBlocklistPublishedChangesTable;
}
