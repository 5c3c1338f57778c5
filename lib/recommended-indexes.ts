/**
 * Indexes Palisade's hot queries want on Mastodon's tables that Mastodon does not create itself.
 * Palisade never creates these on a real instance unasked: `doctor` prints the statements for an
 * administrator to run. The embedded demo, test databases and the bench database get them, so
 * what is measured is what an instance gets after following the advice.
 *
 * Each entry says which query needs it and why Mastodon's own indexes are not enough.
 */
export interface RecommendedIndex {
  name: string;
  table: string;
  /** Everything after `ON <table>`: columns, WHERE clause. */
  definition: string;
  why: string;
}

export const RECOMMENDED_INDEXES: RecommendedIndex[] = [
  {
    name: 'index_reports_unresolved_on_id',
    table: 'reports',
    definition: '(id) WHERE action_taken_at IS NULL',
    why:
      'The report queue (db/queries/reports.ts listReportQueue) pages through open reports in id order. Mastodon has no index on action_taken_at, so its own list walks reports_pkey and skips every resolved report on the way: with 200 k reports of which a few thousand are open, the oldest-first page reads most of the table. This partial index holds only the open reports (small, and it shrinks as the backlog does), so a page reads ~50 entries.',
  },
  {
    name: 'index_accounts_on_username_lower_pattern',
    table: 'accounts',
    definition: '(lower((username)::text) text_pattern_ops)',
    why:
      'The account search by username (db/queries/accounts.ts listAccounts) matches a prefix, like Mastodon\'s AccountFilter: lower(username) LIKE \'ali%\'. Mastodon\'s index_accounts_on_username_and_domain_lower uses the database collation, which PostgreSQL cannot use for LIKE unless it is "C", so the search reads all accounts (about 1.2 s at 1 M accounts). A text_pattern_ops index answers the prefix as a range (about 10 ms).',
  },
  {
    name: 'index_accounts_on_id_where_sensitized',
    table: 'accounts',
    definition: '(id) WHERE sensitized_at IS NOT NULL',
    why:
      'The account list filtered to "marked as sensitive" pages newest first. Mastodon has no index on sensitized_at, and such accounts are rare, so the list walks the whole primary key to fill a page (about 1 s at 1 M accounts). This partial index holds only those accounts.',
  },
  {
    name: 'index_accounts_on_id_where_silenced',
    table: 'accounts',
    definition: '(id) WHERE silenced_at IS NOT NULL',
    why: 'The account list filtered to "limited" accounts, newest first: without it a server with few limited accounts reads most of the primary key per page. Partial, so it holds only limited accounts.',
  },
  {
    name: 'index_accounts_on_id_where_suspended',
    table: 'accounts',
    definition: '(id) WHERE suspended_at IS NOT NULL',
    why: 'The account list filtered to suspended accounts, newest first: same reason as for limited accounts. Partial, so it holds only suspended accounts.',
  },
  {
    name: 'index_accounts_on_domain_and_id_with_states',
    table: 'accounts',
    definition: '(domain, id) INCLUDE (silenced_at, suspended_at)',
    why: 'The domain-block impact preview (db/queries/domain-blocks.ts getDomainImpact) counts the accounts of a domain and how many are already limited or suspended. Mastodon\'s index_accounts_on_domain_and_id finds them, but reading silenced_at/suspended_at then visits one heap page per account: a large server\'s 25 000 accounts are spread over ~22 000 pages. With the two timestamps included the preview reads the index alone.',
  },
  {
    name: 'index_accounts_on_id_including_domain',
    table: 'accounts',
    definition: '(id) INCLUDE (domain)',
    why: 'The report queue grouped by domain and the overview\'s "top reported domains" and transparency figures read the domain of every reported account (the open backlog, or a month\'s reports: tens of thousands). Through accounts_pkey each read visits a heap page of the large accounts table; without a covering index PostgreSQL instead hashes all of index_accounts_on_domain_and_id (every account) and spills it to disk. With the domain included the lookups read this index alone. Measured at 1 M accounts (PostgreSQL 15, p50): grouping the queue by domain 398 → 166 ms, a month\'s reports by domain 269 → 145 ms, top reported domains over 90 days 322 → 221 ms. Neither id nor domain ever changes, so account updates stay heap-only.',
  },
];

export function createIndexStatement(index: RecommendedIndex, { concurrently }: { concurrently: boolean }): string {
  return `CREATE INDEX ${concurrently ? 'CONCURRENTLY ' : ''}IF NOT EXISTS ${index.name} ON ${index.table} ${index.definition}`;
}

/**
 * Mastodon's own indexes that Palisade's hot queries lean on. Every Mastodon 4.3+ database has
 * them; one that is missing means a failed or hand-edited migration, and the query that needs it
 * reads the whole table. `doctor` names it; Mastodon's migrations (not Palisade) must restore it.
 */
export const MASTODON_INDEXES_RELIED_ON: { name: string; table: string; usedBy: string }[] = [
  { name: 'index_reports_on_target_account_id', table: 'reports', usedBy: 'report page history, ranked queue, account actions' },
  { name: 'index_reports_on_account_id', table: 'reports', usedBy: 'reports filed by an account' },
  { name: 'index_reports_on_assigned_account_id', table: 'reports', usedBy: 'queue filter "assigned to me"' },
  { name: 'index_report_notes_on_report_id', table: 'report_notes', usedBy: 'report notes, time to first action' },
  { name: 'index_admin_action_logs_on_target_type_and_target_id', table: 'admin_action_logs', usedBy: 'moderation timelines, time to first action' },
  { name: 'index_admin_action_logs_on_account_id', table: 'admin_action_logs', usedBy: 'audit log filtered by moderator' },
  { name: 'index_account_warnings_on_target_account_id', table: 'account_warnings', usedBy: 'strikes on report and account pages' },
  { name: 'index_account_moderation_notes_on_target_account_id', table: 'account_moderation_notes', usedBy: 'moderation notes' },
  { name: 'index_appeals_on_account_warning_id', table: 'appeals', usedBy: 'appeals with their strikes' },
  { name: 'index_accounts_on_domain_and_id', table: 'accounts', usedBy: 'domain-block impact, instance pages, queue by domain' },
  { name: 'index_follows_on_account_id_and_target_account_id', table: 'follows', usedBy: 'domain-block impact (local follows)' },
  { name: 'index_statuses_20190820', table: 'statuses', usedBy: 'reported posts and account timelines' },
  { name: 'index_media_attachments_on_status_id', table: 'media_attachments', usedBy: 'media of reported posts' },
  { name: 'index_users_on_account_id', table: 'users', usedBy: 'sign-ups and local account details' },
  { name: 'index_domain_blocks_on_domain', table: 'domain_blocks', usedBy: 'domain-block lookups and imports' },
];
