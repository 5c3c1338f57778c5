/**
 * Playwright's web server: a fresh embedded database (schema + demo seed), the figures the
 * browser tests compare against computed with plain SQL independent of the app's queries, then
 * the production build served on E2E_PORT.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { ensureBuild } from './lib/build';

const require = createRequire(import.meta.url);
const DATA_DIR = path.resolve(process.env.PALISADE_DATA_DIR ?? '.palisade/e2e');

async function prepare() {
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const handle = await openDatabase({ pgliteDir: path.join(DATA_DIR, 'pglite') });
  try {
    await prepareDatabase({ handle, log: (line) => console.log(`[e2e] ${line}`) });
    // e2e/reports.spec.ts: a staff member whose role lacks manage_reports (the demo has none who can
    // sign in). Added before any expectation is computed, so every figure below includes it.
    await sql`
      WITH role AS (
        INSERT INTO user_roles (name, permissions, position, created_at, updated_at)
        VALUES ('Dashboard viewer', 8, 5, now()::timestamp, now()::timestamp) RETURNING id
      ), account AS (
        INSERT INTO accounts (username, display_name, created_at, updated_at) VALUES ('e2e_viewer', 'Dashboard viewer', now()::timestamp, now()::timestamp) RETURNING id
      )
      INSERT INTO users (account_id, email, encrypted_password, role_id, confirmed_at, approved, created_at, updated_at)
      SELECT account.id, 'viewer@palisade.test', (SELECT encrypted_password FROM users WHERE email = 'moderator@palisade.test'), role.id, now()::timestamp, true, now()::timestamp, now()::timestamp
      FROM account, role`.execute(handle.db);
    const { rows } = await sql<Record<string, string | null>>`
      SELECT
        (SELECT count(*)::text FROM reports WHERE action_taken_at IS NULL) AS open_reports,
        (SELECT count(*)::text FROM appeals WHERE approved_at IS NULL AND rejected_at IS NULL) AS pending_appeals,
        (SELECT count(*)::text FROM users WHERE NOT approved) AS pending_signups,
        (SELECT count(*)::text FROM domain_blocks WHERE severity = 0) AS blocks_silence,
        (SELECT count(*)::text FROM domain_blocks WHERE severity = 1) AS blocks_suspend,
        (SELECT count(*)::text FROM domain_blocks WHERE severity = 2) AS blocks_noop,
        (SELECT to_char(min(created_at), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM reports WHERE action_taken_at IS NULL) AS oldest_open_report_at`.execute(handle.db);
    // Overview charts and audit log (e2e/overview-charts.spec.ts, e2e/audit.spec.ts).
    const { rows: metrics } = await sql<Record<string, string | null>>`
      WITH moderator AS (SELECT account_id FROM users WHERE email = 'moderator@palisade.test'),
      top AS (
        SELECT a.domain, count(*) AS n FROM reports r JOIN accounts a ON a.id = r.target_account_id
        WHERE a.domain IS NOT NULL AND r.created_at >= date_trunc('day', now()::timestamp) - interval '29 days'
        GROUP BY a.domain ORDER BY count(*) DESC, a.domain LIMIT 1
      )
      SELECT
        (SELECT domain FROM top) AS top_reported_domain,
        (SELECT n::text FROM top) AS top_reported_domain_reports,
        (SELECT count(*)::text FROM reports WHERE created_at >= date_trunc('month', now()::timestamp) - interval '1 month'
           AND created_at < date_trunc('month', now()::timestamp)) AS previous_month_reports,
        (SELECT account_id::text FROM moderator) AS moderator_account_id,
        (SELECT coalesce(json_agg(human_identifier ORDER BY id DESC), '[]')::text FROM admin_action_logs
          WHERE account_id = (SELECT account_id FROM moderator) AND created_at < date_trunc('day', now()::timestamp)
            AND ((target_type = 'Report' AND action = 'resolve') OR (target_type = 'Account' AND action = 'silence'))) AS audit_moderator_resolve_silence`.execute(handle.db);
    // e2e/reports.spec.ts: the reports it works on, chosen by plain SQL.
    const { rows: reports } = await sql<Record<string, string | null>>`
      WITH hostile AS (
        SELECT r.id, r.assigned_account_id FROM reports r JOIN accounts a ON a.id = r.target_account_id
        WHERE a.domain = 'xss.example' AND r.action_taken_at IS NULL
          AND EXISTS (SELECT 1 FROM statuses s JOIN media_attachments m ON m.status_id = s.id WHERE s.id = ANY(r.status_ids) AND s.deleted_at IS NULL AND m.file_file_name IS NOT NULL)
        ORDER BY cardinality(r.status_ids) DESC, r.id LIMIT 1
      ), limitable AS (
        SELECT r.id, r.target_account_id FROM reports r JOIN accounts a ON a.id = r.target_account_id
        WHERE r.action_taken_at IS NULL AND r.category <> 1000 AND a.silenced_at IS NULL AND a.suspended_at IS NULL AND a.id > 0
          AND a.domain IS DISTINCT FROM 'xss.example' AND r.assigned_account_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM users u WHERE u.account_id = a.id AND u.role_id IS NOT NULL)
          AND EXISTS (SELECT 1 FROM statuses s JOIN media_attachments m ON m.status_id = s.id WHERE s.id = ANY(r.status_ids) AND s.deleted_at IS NULL AND m.file_file_name IS NOT NULL)
        ORDER BY (SELECT count(*) FROM reports o WHERE o.target_account_id = r.target_account_id AND o.action_taken_at IS NULL) DESC, r.id DESC LIMIT 1
      )
      SELECT
        (SELECT count(*)::text FROM reports r JOIN accounts a ON a.id = r.target_account_id
          WHERE r.action_taken_at IS NULL AND r.category = 1000 AND a.domain = 'spam-wave.example') AS reports_spam_wave_open,
        (SELECT id::text FROM hostile) AS reports_hostile_id,
        (SELECT count(*)::text FROM statuses WHERE id IN (SELECT unnest(status_ids) FROM reports WHERE id = (SELECT id FROM hostile))) AS reports_hostile_posts,
        (SELECT username FROM accounts WHERE id = (SELECT assigned_account_id FROM hostile)) AS reports_hostile_assignee,
        (SELECT id::text FROM reports WHERE comment LIKE '%<script>alert("report comment")%' ORDER BY id LIMIT 1) AS reports_hostile_comment_id,
        (SELECT r.id::text FROM reports r JOIN accounts a ON a.id = r.target_account_id
          WHERE r.action_taken_at IS NULL AND r.assigned_account_id IS NULL AND r.category <> 1000 AND a.id > 0
            AND a.silenced_at IS NULL AND a.suspended_at IS NULL AND a.domain IS NOT NULL AND a.domain NOT IN ('xss.example', 'spam-wave.example')
            AND r.target_account_id <> (SELECT target_account_id FROM limitable)
          ORDER BY r.id LIMIT 1) AS reports_conflict_id,
        (SELECT id::text FROM limitable) AS reports_limit_id,
        (SELECT count(*)::text FROM reports WHERE action_taken_at IS NULL AND target_account_id = (SELECT target_account_id FROM limitable)) AS reports_limit_open_against`.execute(handle.db);
    fs.writeFileSync(path.join(DATA_DIR, 'expected.json'), JSON.stringify({ ...rows[0], ...metrics[0], ...reports[0] }, null, 2));
  } finally {
    await handle.close();
  }
}

async function main() {
  const port = process.env.E2E_PORT ?? '3100';
  ensureBuild();
  await prepare();
  const server = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', port], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PALISADE_DATA_DIR: DATA_DIR,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-only-secret-not-for-production-use-000000',
      // The browser tests run against the embedded database, whatever the shell has set.
      DATABASE_URL: '',
      DATABASE_REPLICA_URL: '',
      MASTODON_URL: '',
      // e2e/blocklists.spec.ts subscribes to lists served on loopback.
      PALISADE_BLOCKLIST_ALLOW_PRIVATE: 'true',
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: Error) => {
  console.error(`e2e-server: ${error.message}`);
  process.exit(1);
});
