import { sql } from 'kysely';
import { parseYamlScalar } from '@/lib/mastodon-settings';
import type { Db } from '../client';

export interface OverviewFigures {
  openReports: number;
  oldestOpenReportAt: Date | null;
  pendingAppeals: number;
  oldestPendingAppealAt: Date | null;
  pendingSignups: number;
  domainBlocks: { silence: number; suspend: number; noop: number };
  measuredAt: Date;
}

/**
 * The overview's headline figures, in one round trip. Counts over `reports`/`appeals`/`users`
 * scan small fractions of tables Mastodon keeps modest (200 k reports take ~30 ms); the
 * per-feature screens use indexed keyset queries instead.
 */
export async function getOverviewFigures({ db }: { db: Db }): Promise<OverviewFigures> {
  const { rows } = await sql<{
    open_reports: string;
    oldest_open_report_at: Date | null;
    pending_appeals: string;
    oldest_pending_appeal_at: Date | null;
    pending_signups: string;
    blocks_silence: string;
    blocks_suspend: string;
    blocks_noop: string;
    measured_at: Date;
  }>`
    SELECT
      (SELECT count(*) FROM reports WHERE action_taken_at IS NULL) AS open_reports,
      (SELECT min(created_at) FROM reports WHERE action_taken_at IS NULL) AS oldest_open_report_at,
      (SELECT count(*) FROM appeals WHERE approved_at IS NULL AND rejected_at IS NULL) AS pending_appeals,
      (SELECT min(created_at) FROM appeals WHERE approved_at IS NULL AND rejected_at IS NULL) AS oldest_pending_appeal_at,
      (SELECT count(*) FROM users WHERE approved = false) AS pending_signups,
      (SELECT count(*) FROM domain_blocks WHERE severity = 0) AS blocks_silence,
      (SELECT count(*) FROM domain_blocks WHERE severity = 1) AS blocks_suspend,
      (SELECT count(*) FROM domain_blocks WHERE severity = 2) AS blocks_noop,
      now()::timestamp AS measured_at`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('The overview query returned no row');
  return {
    openReports: Number(row.open_reports),
    oldestOpenReportAt: row.oldest_open_report_at,
    pendingAppeals: Number(row.pending_appeals),
    oldestPendingAppealAt: row.oldest_pending_appeal_at,
    pendingSignups: Number(row.pending_signups),
    domainBlocks: { silence: Number(row.blocks_silence), suspend: Number(row.blocks_suspend), noop: Number(row.blocks_noop) },
    measuredAt: row.measured_at,
  };
}

export interface InstanceInfo {
  domain: string;
  title: string | null;
}

/**
 * Mastodon keeps LOCAL_DOMAIN in its environment, not in the database; the site title is a
 * setting. PALISADE_LOCAL_DOMAIN (or the MASTODON_URL host) names a real instance; the demo seed
 * records its own.
 */
export async function getInstanceInfo({ db, configuredDomain }: { db: Db; configuredDomain: string | null }): Promise<InstanceInfo> {
  const { rows } = await sql<{ title: string | null; seeded: { domain?: string; title?: string } | null }>`
    SELECT
      (SELECT value FROM settings WHERE var = 'site_title') AS title,
      (SELECT value FROM palisade.meta WHERE key = 'instance') AS seeded`.execute(db);
  const row = rows[0];
  const title = row?.title ? parseYamlScalar(row.title) : (row?.seeded?.title ?? null);
  return { domain: configuredDomain ?? row?.seeded?.domain ?? 'localhost', title };
}
