import { sql } from 'kysely';
import type { Db } from '../client';
import { NotMastodonDatabaseError, UnsupportedMastodonVersionError } from './errors';

/** Schema features Palisade branches on; each appeared in the Mastodon release named. */
export interface MastodonFeatures {
  /** 4.4: rule_translations, instance_moderation_notes */
  ruleTranslations: boolean;
  /** 4.5: username_blocks */
  usernameBlocks: boolean;
  /** 4.6: user_roles.require_2fa */
  roleRequire2fa: boolean;
  /** 4.7: accounts.requested_deletion_at (self-deletions no longer look like suspensions) */
  requestedDeletionAt: boolean;
}

export interface MastodonVersionInfo {
  /** Newest row of schema_migrations, e.g. "20260812154114". */
  schemaVersion: string;
  /** Release series the schema corresponds to, e.g. "4.7". */
  series: string;
  features: MastodonFeatures;
}

export { MINIMUM_SERIES, NotMastodonDatabaseError, UnsupportedMastodonVersionError } from './errors';

const REQUIRED_TABLES = ['schema_migrations', 'accounts', 'users', 'user_roles', 'reports', 'domain_blocks'] as const;

/**
 * Mastodon's release is not stored in the database; the schema is. Feature columns are more
 * reliable than comparing migration timestamps, because instances run with extra migrations
 * (forks, backports), so the series is derived from what exists.
 */
export async function detectMastodonVersion({ db }: { db: Db }): Promise<MastodonVersionInfo> {
  const tables = await sql<{ name: string; present: boolean }>`
    SELECT t.name, to_regclass('public.' || t.name) IS NOT NULL AS present
    FROM unnest(${sql.val([...REQUIRED_TABLES])}::text[]) AS t(name)`.execute(db);
  const missing = tables.rows.find((r) => !r.present);
  if (missing) throw new NotMastodonDatabaseError(`table public.${missing.name}`);

  const { rows } = await sql<{ version: string | null }>`SELECT max(version) AS version FROM public.schema_migrations`.execute(db);
  const schemaVersion = rows[0]?.version ?? '';
  if (!schemaVersion) throw new NotMastodonDatabaseError('every row of public.schema_migrations');

  const columns = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public'
      AND (table_name, column_name) IN (('rules', 'hint'), ('user_roles', 'require_2fa'), ('accounts', 'requested_deletion_at'))`.execute(db);
  const has = (table: string, column: string) => columns.rows.some((c) => c.table_name === table && c.column_name === column);
  const regs = await sql<{ rule_translations: boolean; username_blocks: boolean }>`
    SELECT to_regclass('public.rule_translations') IS NOT NULL AS rule_translations,
           to_regclass('public.username_blocks') IS NOT NULL AS username_blocks`.execute(db);
  const reg = regs.rows[0];

  if (!has('rules', 'hint')) throw new UnsupportedMastodonVersionError(schemaVersion);

  const features: MastodonFeatures = {
    ruleTranslations: Boolean(reg?.rule_translations),
    usernameBlocks: Boolean(reg?.username_blocks),
    roleRequire2fa: has('user_roles', 'require_2fa'),
    requestedDeletionAt: has('accounts', 'requested_deletion_at'),
  };
  const series = features.requestedDeletionAt
    ? '4.7'
    : features.roleRequire2fa
      ? '4.6'
      : features.usernameBlocks
        ? '4.5'
        : features.ruleTranslations
          ? '4.4'
          : '4.3';
  return { schemaVersion, series, features };
}
