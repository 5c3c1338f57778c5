import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DbHandle } from '../client';
import type { Database } from '../schema';
import { dropSecondaryIndexes, recreateIndexes, resetSequences } from './index';

/**
 * The large scale: 1 M accounts, 5 M statuses, 2 M follows, 200 k reports and 20 k domain blocks
 * on top of the demo instance, for load tests and the bench. Everything is generated inside
 * PostgreSQL with generate_series; every value is a function of the row number (hashtext), never
 * random(), so the same `now` gives the same rows.
 *
 * Ids of generated accounts and statuses are Mastodon timestamp ids whose low 16 bits have the
 * 0x8000 bit set; the demo seed never sets it, so the two sets cannot collide.
 */

export const LARGE = {
  accounts: 1_000_000,
  /** Every 50th generated account is local (20 000 local users). */
  localEvery: 50,
  statuses: 5_000_000,
  follows: 2_000_000,
  reports: 200_000,
  domains: 60_000,
  /** Domains with index >= this are blocked: exactly 20 000 domain blocks. */
  blockedFrom: 40_000,
};

export type LargeSizes = { [K in keyof typeof LARGE]: number };

const DAY_MS = 86_400_000;
/** Accounts were created over this window; statuses and reports cover the last year. */
const ACCOUNT_SPAN_MS = 800 * DAY_MS;
const STATUS_SPAN_MS = 365 * DAY_MS;

const WORDS = ['kettle', 'fern', 'lumen', 'birch', 'harbor', 'quiet', 'tinker', 'nord', 'pixel', 'chaos', 'bit', 'maple', 'salt', 'tea', 'tide', 'floss', 'hack', 'synth', 'river', 'clock', 'moon', 'sun', 'paper', 'wood', 'bee', 'raven', 'light', 'field', 'tram', 'fjord', 'bike', 'lantern', 'sakura', 'kaffee', 'nebula', 'orbit', 'glitch', 'hexa', 'quill', 'otter'];
const TLDS = ['social', 'org', 'de', 'net', 'online', 'xyz', 'io', 'fr', 'nl', 'jp', 'town', 'space'];
const GIVEN = ['Alice', 'Ben', 'Chloe', 'Dan', 'Emma', 'Finn', 'Grace', 'Anna', 'Lukas', 'Marie', 'Jonas', 'Camille', 'Hugo', 'Lucía', 'Mateo', '美咲', '翔太', 'João', 'Olena', 'Aino', 'Priya', 'Omar', 'Noa', 'Jimin'];
const FAMILY = ['Walker', 'Nguyen', 'Patel', 'Schmidt', 'Müller', 'Martin', 'García', 'Silva', '佐藤', 'Коваленко', 'Korhonen', 'Okafor', 'Chen', 'Reyes', 'Fischer', 'Rossi'];
const HANDLES = ['alice', 'ben', 'chloe', 'dan', 'emma', 'finn', 'grace', 'anna', 'lukas', 'marie', 'jonas', 'camille', 'hugo', 'lucia', 'mateo', 'misaki', 'shota', 'joao', 'olena', 'aino', 'priya', 'omar', 'noa', 'jimin'];
const SENTENCES = [
  'Finally finished the bookshelf I started in March.', 'The train was late again, but the sunset made up for it.', 'Does anyone have a good sourdough recipe?',
  'Reminder: backups are only as good as your last restore test.', 'New blog post about self-hosting a small server.', 'Made soup. That is the post.',
  'Endlich das Regal fertig gebaut.', 'Die Bahn hatte wieder Verspätung.', 'Enfin fini l’étagère commencée en mars.', '¿Alguien tiene una buena receta de pan?',
  '三月から作っていた本棚がやっと完成した。', 'Three hours of debugging and it was a missing semicolon.', 'The cat has decided the keyboard is a heated bed.',
  'Spam spam spam: cheap followers at https://free-followers.xyz', 'Climate strike on Friday, meeting at the town hall at noon.',
];
const LANGS = ['en', 'en', 'en', 'de', 'de', 'fr', 'es', 'ja', 'pt', 'nl', 'it', 'pl'];
const COMMENTS = ['', 'Spam', 'Harassment in the replies.', 'Slurs in the second post.', 'Bot account posting links.', 'Not sure, please take a look.', 'Werbung.', 'Forwarded from our moderation team.', 'Copyrighted material.'];
const BLOCK_COMMENTS = ['Spam', 'Harassment', 'Hate speech', 'Poorly moderated', 'Unmarked NSFW', 'Imported from a shared blocklist'];

function textArray(values: readonly string[]): RawBuilder<unknown> {
  return sql`ARRAY[${sql.join(values.map((v) => sql.lit(v)))}]::text[]`;
}

type Db = Kysely<Database>;

export async function seedLarge(options: { handle: DbHandle; now: Date; log: (line: string) => void; sizes?: Partial<LargeSizes> }): Promise<Record<string, number>> {
  const { handle, log } = options;
  // `sizes` shrinks the run for tests of the SQL itself; the defaults are the advertised scale.
  const L: LargeSizes = { ...LARGE, ...options.sizes };
  if (handle.kind !== 'postgres') throw new Error('The large scale needs a real PostgreSQL (set DATABASE_URL).');
  const nowMs = options.now.getTime();
  const started = performance.now();
  const step = async (name: string, fn: () => Promise<void>) => {
    const t0 = performance.now();
    await fn();
    const total = ((performance.now() - started) / 1000).toFixed(1);
    log(`large: ${name} ${((performance.now() - t0) / 1000).toFixed(1)} s (total ${total} s)`);
  };

  // Temporary functions live in one session, so the whole run uses one connection.
  return handle.db.connection().execute(async (db) => {
    await sql`SET synchronous_commit = off`.execute(db);
    await sql`SET maintenance_work_mem = '512MB'`.execute(db);
    await sql`SET max_parallel_maintenance_workers = 2`.execute(db);
    await sql`SET work_mem = '64MB'`.execute(db);
    await defineHelpers(db, nowMs, L);
    // Foreign-key triggers cost a third of the insert time. Every generated reference points at a
    // row that exists by construction, and verifyReferences() proves it afterwards; skipping the
    // triggers needs a superuser, otherwise they simply stay on.
    const triggersOff = await sql`SET session_replication_role = replica`.execute(db).then(
      () => true,
      () => false,
    );
    log(triggersOff ? 'large: foreign-key triggers off for the bulk load (checked afterwards)' : 'large: foreign-key triggers stay on (not a superuser); this is slower');

    const staff = await sql<{ id: string }>`
      SELECT a.id FROM accounts a JOIN users u ON u.account_id = a.id
      WHERE u.role_id IS NOT NULL AND NOT u.disabled ORDER BY u.id`.execute(db);
    if (staff.rows.length === 0) throw new Error('The large scale builds on the demo seed, whose staff accounts are missing.');
    const staffIds = sql`ARRAY[${sql.join(staff.rows.map((r) => sql.lit(r.id)))}]::bigint[]`;
    const offsets = await sql<{ users: string; reports: string; blocks: string }>`
      SELECT (SELECT COALESCE(max(id), 0) FROM users) AS users, (SELECT COALESCE(max(id), 0) FROM reports) AS reports,
             (SELECT COALESCE(max(id), 0) FROM domain_blocks) AS blocks`.execute(db);
    const off = offsets.rows[0]!;

    await step(`domain blocks (${(L.domains - L.blockedFrom).toLocaleString('en-US')})`, async () => {
      await sql`
        INSERT INTO domain_blocks (id, domain, severity, reject_media, reject_reports, obfuscate, private_comment, public_comment, created_at, updated_at)
        SELECT ${sql.lit(Number(off.blocks))} + (d - ${sql.lit(L.blockedFrom)} + 1), pg_temp.dname(d), pg_temp.severity(d),
               d % 7 = 0, d % 11 = 0, d % 13 = 0,
               CASE WHEN d % 3 = 0 THEN NULL ELSE 'Bulk block #' || d END,
               (${textArray(BLOCK_COMMENTS)})[1 + d % ${sql.lit(BLOCK_COMMENTS.length)}],
               pg_temp.ts(pg_temp.block_ms(d)), pg_temp.ts(pg_temp.block_ms(d))
        FROM generate_series(${sql.lit(L.blockedFrom)}, ${sql.lit(L.domains - 1)}) AS d`.execute(db);
      await sql`
        INSERT INTO admin_action_logs (account_id, action, target_type, target_id, human_identifier, created_at, updated_at)
        SELECT (${staffIds})[1 + d % ${sql.lit(staff.rows.length)}], 'create', 'DomainBlock',
               ${sql.lit(Number(off.blocks))} + (d - ${sql.lit(L.blockedFrom)} + 1), pg_temp.dname(d), pg_temp.ts(pg_temp.block_ms(d)), pg_temp.ts(pg_temp.block_ms(d))
        FROM generate_series(${sql.lit(L.blockedFrom)}, ${sql.lit(L.domains - 1)}) AS d ORDER BY pg_temp.block_ms(d)`.execute(db);
    });

    // Random inserts into big B-trees (and the GIN search index) thrash the buffer cache once the
    // indexes outgrow it; building them afterwards from sorted data is several times faster. This
    // database is a throwaway one (seed() refuses real instances), and the indexes come back exactly.
    const accountIndexes = await dropSecondaryIndexes(db, 'accounts');
    const chunk = 200_000;
    for (let from = 1; from <= L.accounts; from += chunk) {
      const to = Math.min(L.accounts, from + chunk - 1);
      await step(`accounts ${to.toLocaleString('en-US')}/${L.accounts.toLocaleString('en-US')}`, () => insertAccounts(db, L, from, to, nowMs));
    }
    await step(`accounts: rebuild ${accountIndexes.length} indexes`, () => recreateIndexes(db, accountIndexes));

    await step('users for local accounts', async () => {
      await sql`
        INSERT INTO users (id, account_id, email, encrypted_password, created_at, updated_at, confirmed_at, confirmation_sent_at, approved,
                           sign_up_ip, sign_in_count, current_sign_in_at, last_sign_in_at, locale)
        SELECT ${sql.lit(Number(off.users))} + i / ${sql.lit(L.localEvery)}, pg_temp.acc_id(i),
               pg_temp.username(i) || '@' || (ARRAY['gmail.com','posteo.de','proton.me','mailbox.org','outlook.com','gmx.de'])[1 + pg_temp.h('mail', i) % 6],
               (SELECT encrypted_password FROM users WHERE email = 'owner@palisade.test'),
               pg_temp.ts(pg_temp.acc_ms(i)), pg_temp.ts(pg_temp.acc_ms(i)),
               CASE WHEN pg_temp.h('conf', i) % 100 = 0 THEN NULL ELSE pg_temp.ts(pg_temp.acc_ms(i) + 600000) END,
               pg_temp.ts(pg_temp.acc_ms(i)),
               pg_temp.h('appr', i) % 200 <> 0,
               ('198.18.' || (pg_temp.h('ip1', i) % 256) || '.' || (1 + pg_temp.h('ip2', i) % 254))::inet,
               pg_temp.h('sic', i) % 40,
               pg_temp.ts(${sql.lit(nowMs)} - pg_temp.h('cur', i) % ${sql.lit(60 * DAY_MS)}),
               pg_temp.ts(${sql.lit(nowMs)} - ${sql.lit(60 * DAY_MS)} - pg_temp.h('last', i) % ${sql.lit(60 * DAY_MS)}),
               (ARRAY['en','de','fr','es','ja','pt-BR','nl'])[1 + pg_temp.h('loc', i) % 7]
        FROM generate_series(${sql.lit(L.localEvery)}, ${sql.lit(L.accounts)}, ${sql.lit(L.localEvery)}) AS i`.execute(db);
    });

    await step('active authors (temporary)', async () => {
      // Posting, following and being reported needs an account that is neither suspended nor newer than the posts.
      await sql`
        CREATE TEMP TABLE seed_authors AS
        SELECT row_number() OVER (ORDER BY id) AS rn, id, username, domain
        FROM accounts
        WHERE id > 0 AND (id & 32768) = 32768 AND suspended_at IS NULL AND created_at < pg_temp.ts(${sql.lit(nowMs - STATUS_SPAN_MS)})`.execute(db);
      await sql`ALTER TABLE seed_authors ADD PRIMARY KEY (rn)`.execute(db);
      await sql`ANALYZE seed_authors`.execute(db);
    });
    const authorCount = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM seed_authors`.execute(db)).rows[0]?.n ?? 0);
    await sql`
      CREATE TEMP TABLE seed_remote AS
      SELECT row_number() OVER (ORDER BY id) - 1 AS rn, id, domain FROM seed_authors WHERE domain IS NOT NULL`.execute(db);
    await sql`ALTER TABLE seed_remote ADD PRIMARY KEY (rn)`.execute(db);
    const remoteCount = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM seed_remote`.execute(db)).rows[0]?.n ?? 0);

    const statusIndexes = await dropSecondaryIndexes(db, 'statuses');
    const statusChunk = 500_000;
    for (let from = 1; from <= L.statuses; from += statusChunk) {
      const to = Math.min(L.statuses, from + statusChunk - 1);
      await step(`statuses ${to.toLocaleString('en-US')}/${L.statuses.toLocaleString('en-US')}`, () => insertStatuses(db, L, from, to, authorCount, nowMs));
    }
    await step(`statuses: rebuild ${statusIndexes.length} indexes`, () => recreateIndexes(db, statusIndexes));

    // Pairs are distinct by construction (see insertFollows), so the unique index can be rebuilt too.
    const followIndexes = await dropSecondaryIndexes(db, 'follows');
    const followChunk = 500_000;
    for (let from = 1; from <= L.follows; from += followChunk) {
      const to = Math.min(L.follows, from + followChunk - 1);
      await step(`follows ${to.toLocaleString('en-US')}/${L.follows.toLocaleString('en-US')}`, () => insertFollows(db, L, from, to, remoteCount, nowMs));
    }
    await step(`follows: rebuild ${followIndexes.length} indexes`, () => recreateIndexes(db, followIndexes));

    await step(`reports (${L.reports.toLocaleString('en-US')})`, () => insertReports(db, L, Number(off.reports), authorCount, staffIds, staff.rows.length, nowMs));
    await step('audit log for resolved reports', async () => {
      await sql`
        INSERT INTO admin_action_logs (account_id, action, target_type, target_id, human_identifier, created_at, updated_at)
        SELECT action_taken_by_account_id, 'resolve', 'Report', id, id::text, action_taken_at, action_taken_at
        FROM reports WHERE id > ${sql.lit(Number(off.reports))} AND action_taken_at IS NOT NULL ORDER BY action_taken_at`.execute(db);
    });
    await step('account_stats', async () => {
      const statIndexes = await dropSecondaryIndexes(db, 'account_stats');
      await insertAccountStats(db);
      await recreateIndexes(db, statIndexes);
    });
    if (triggersOff) {
      await sql`SET session_replication_role = origin`.execute(db);
      await step('verify foreign keys of the bulk rows', () => verifyReferences(db));
    }
    await step('sequences and instances view', async () => {
      await resetSequences(db);
      await sql`REFRESH MATERIALIZED VIEW instances`.execute(db);
    });
    await step('ANALYZE', async () => {
      await sql`ANALYZE`.execute(db);
    });

    const counts = await sql<Record<string, string>>`
      SELECT (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM accounts WHERE domain IS NULL) AS local_accounts,
             (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM statuses) AS statuses, (SELECT count(*) FROM follows) AS follows,
             (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM reports WHERE action_taken_at IS NULL) AS open_reports,
             (SELECT count(*) FROM domain_blocks) AS domain_blocks, (SELECT count(*) FROM account_stats) AS account_stats,
             (SELECT count(*) FROM admin_action_logs) AS admin_action_logs`.execute(db);
    return Object.fromEntries(Object.entries(counts.rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
  });
}

/**
 * What the skipped foreign-key triggers would have checked, for every bulk-loaded row at once.
 * in_reply_to_id / reblog_of_id are left out: they name status s-1-k (k < 1000) of the same run,
 * which exists by construction, and checking them costs two extra passes over 5 M rows.
 */
async function verifyReferences(db: Db): Promise<void> {
  const checks: [string, RawBuilder<unknown>][] = [
    ['statuses.account_id', sql`SELECT count(*) AS n FROM statuses s WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = s.account_id)`],
    ['statuses.in_reply_to_account_id', sql`SELECT count(*) AS n FROM statuses s WHERE s.in_reply_to_account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = s.in_reply_to_account_id)`],
    ['follows', sql`SELECT count(*) AS n FROM follows f WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = f.account_id) OR NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = f.target_account_id)`],
    ['reports', sql`SELECT count(*) AS n FROM reports r WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = r.account_id) OR NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = r.target_account_id)`],
    ['users.account_id', sql`SELECT count(*) AS n FROM users u WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = u.account_id)`],
    ['account_stats.account_id', sql`SELECT count(*) AS n FROM account_stats x WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = x.account_id)`],
  ];
  for (const [name, query] of checks) {
    const { rows } = await (query as RawBuilder<{ n: string }>).execute(db);
    const broken = Number(rows[0]?.n ?? 0);
    if (broken > 0) throw new Error(`large seed: ${broken} rows break the foreign key ${name}`);
  }
}

async function defineHelpers(db: Db, nowMs: number, L: LargeSizes): Promise<void> {
  const now = sql.lit(nowMs);
  // Immutable one-line SQL functions are inlined by the planner, so they cost nothing per row.
  await sql`CREATE FUNCTION pg_temp.h(seed text, i bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT hashtext(seed || ':' || i::text)::bigint & 2147483647 $$`.execute(db);
  await sql`CREATE FUNCTION pg_temp.u(seed text, i bigint) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$ SELECT (hashtext(seed || ':' || i::text)::bigint & 2147483647)::float8 / 2147483648.0::float8 $$`.execute(db);
  await sql`CREATE FUNCTION pg_temp.ts(ms bigint) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $$ SELECT timestamp '1970-01-01 00:00:00' + ms * interval '1 millisecond' $$`.execute(db);
  await sql.raw(`CREATE FUNCTION pg_temp.dname(d int) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT (ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])[1 + d % ${WORDS.length}] || (ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])[1 + (d / ${WORDS.length}) % ${WORDS.length}] || d::text || '.' || (ARRAY[${TLDS.map((t) => `'${t}'`).join(',')}])[1 + (d / ${WORDS.length * WORDS.length}) % ${TLDS.length}] $$`).execute(db);
  await sql`CREATE FUNCTION pg_temp.didx(i bigint) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT floor(${sql.lit(L.domains)} * power(pg_temp.u('dom', i), 3))::int $$`.execute(db);
  await sql`CREATE FUNCTION pg_temp.severity(d int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN d < ${sql.lit(L.blockedFrom)} THEN NULL WHEN d % 10 < 6 THEN 1 WHEN d % 10 < 9 THEN 0 ELSE 2 END $$`.execute(db);
  await sql`CREATE FUNCTION pg_temp.block_ms(d int) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT ${now}::bigint - ((d % 700) + 1)::bigint * ${sql.lit(DAY_MS)} - (d % 86400)::bigint * 1000 $$`.execute(db);
  await sql`CREATE FUNCTION pg_temp.acc_ms(i bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT ${now}::bigint - 60000 - ${sql.lit(ACCOUNT_SPAN_MS)} + i * ${sql.lit(ACCOUNT_SPAN_MS / L.accounts)} $$`.execute(db);
  await sql`CREATE FUNCTION pg_temp.acc_id(i bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT (pg_temp.acc_ms(i) << 16) | (32768 | (i & 32767)) $$`.execute(db);
  // 'u<number>_<name>': no demo username starts with u and a digit, so the two seeds never collide.
  await sql.raw(`CREATE FUNCTION pg_temp.username(i bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'u' || i::text || '_' || (ARRAY[${HANDLES.map((w) => `'${w}'`).join(',')}])[1 + pg_temp.h('un', i) % ${HANDLES.length}] $$`).execute(db);
  await sql`CREATE FUNCTION pg_temp.st_ms(s bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT ${now}::bigint - 60000 - ${sql.lit(STATUS_SPAN_MS)} + floor(s * ${sql.lit(STATUS_SPAN_MS / L.statuses)})::bigint $$`.execute(db);
  await sql`CREATE FUNCTION pg_temp.st_id(s bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT (pg_temp.st_ms(s) << 16) | (32768 | (s & 32767)) $$`.execute(db);
  // Skewed: low author numbers post far more, like real servers.
  await sql`CREATE FUNCTION pg_temp.author_rn(s bigint, n bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT 1 + floor(n * power(pg_temp.u('au', s), 2))::bigint $$`.execute(db);
}

async function insertAccounts(db: Db, L: LargeSizes, from: number, to: number, nowMs: number): Promise<void> {
  const q = sql`
    INSERT INTO accounts (id, username, domain, display_name, note, uri, url, inbox_url, shared_inbox_url, outbox_url, followers_url, following_url,
                          protocol, actor_type, locked, discoverable, indexable, silenced_at, suspended_at, suspension_origin,
                          avatar_file_name, avatar_content_type, avatar_file_size, avatar_updated_at, avatar_remote_url, avatar_storage_schema_version,
                          last_webfingered_at, created_at, updated_at)
    SELECT pg_temp.acc_id(i), x.username, x.domain,
           (${textArray(GIVEN)})[1 + pg_temp.h('gv', i) % ${sql.lit(GIVEN.length)}] || ' ' || (${textArray(FAMILY)})[1 + pg_temp.h('fm', i) % ${sql.lit(FAMILY.length)}],
           CASE WHEN x.domain IS NULL THEN '' ELSE '<p>' || (${textArray(SENTENCES)})[1 + pg_temp.h('bio', i) % ${sql.lit(SENTENCES.length)}] || '</p>' END,
           CASE WHEN x.domain IS NULL THEN NULL ELSE 'https://' || x.domain || '/users/' || x.username END,
           CASE WHEN x.domain IS NULL THEN NULL ELSE 'https://' || x.domain || '/@' || x.username END,
           CASE WHEN x.domain IS NULL THEN '' ELSE 'https://' || x.domain || '/users/' || x.username || '/inbox' END,
           CASE WHEN x.domain IS NULL THEN '' ELSE 'https://' || x.domain || '/inbox' END,
           CASE WHEN x.domain IS NULL THEN '' ELSE 'https://' || x.domain || '/users/' || x.username || '/outbox' END,
           CASE WHEN x.domain IS NULL THEN '' ELSE 'https://' || x.domain || '/users/' || x.username || '/followers' END,
           CASE WHEN x.domain IS NULL THEN '' ELSE 'https://' || x.domain || '/users/' || x.username || '/following' END,
           CASE WHEN x.domain IS NULL THEN 0 ELSE 1 END,
           CASE WHEN pg_temp.h('bot', i) % 20 = 0 THEN 'Service' ELSE 'Person' END,
           pg_temp.h('lock', i) % 12 = 0, pg_temp.h('disc', i) % 3 <> 0, pg_temp.h('idx', i) % 3 = 0,
           -- BlockDomainService links accounts to the block by its created_at; else an individual limit.
           CASE WHEN x.sev = 0 THEN pg_temp.ts(pg_temp.block_ms(x.d))
                WHEN x.sev IS DISTINCT FROM 1 AND pg_temp.h('sil', i) % 250 = 0 THEN pg_temp.ts(LEAST(${sql.lit(nowMs - DAY_MS)}, pg_temp.acc_ms(i) + ${sql.lit(5 * DAY_MS)})) END,
           CASE WHEN x.sev = 1 THEN pg_temp.ts(pg_temp.block_ms(x.d))
                WHEN x.domain IS NOT NULL AND pg_temp.h('rsus', i) % 400 = 0 THEN pg_temp.ts(LEAST(${sql.lit(nowMs - DAY_MS)}, pg_temp.acc_ms(i) + ${sql.lit(20 * DAY_MS)})) END,
           CASE WHEN x.sev = 1 THEN 0 WHEN x.domain IS NOT NULL AND pg_temp.h('rsus', i) % 400 = 0 THEN 1 END,
           CASE WHEN x.sev = 1 OR pg_temp.h('av', i) % 10 >= 7 THEN NULL ELSE left(md5('av' || i), 16) || '.png' END,
           CASE WHEN x.sev = 1 OR pg_temp.h('av', i) % 10 >= 7 THEN NULL ELSE 'image/png' END,
           CASE WHEN x.sev = 1 OR pg_temp.h('av', i) % 10 >= 7 THEN NULL ELSE (20000 + pg_temp.h('avs', i) % 400000)::int END,
           CASE WHEN x.sev = 1 OR pg_temp.h('av', i) % 10 >= 7 THEN NULL ELSE pg_temp.ts(pg_temp.acc_ms(i)) END,
           CASE WHEN x.domain IS NULL THEN NULL WHEN pg_temp.h('av', i) % 10 >= 7 THEN '' ELSE 'https://files.' || x.domain || '/accounts/avatars/' || md5('avr' || i) || '.png' END,
           CASE WHEN x.domain IS NOT NULL AND x.sev IS DISTINCT FROM 1 AND pg_temp.h('av', i) % 10 < 7 THEN 1 END,
           CASE WHEN x.domain IS NULL THEN NULL ELSE pg_temp.ts(pg_temp.acc_ms(i) + pg_temp.h('wf', i) % ${sql.lit(30 * DAY_MS)}) END,
           pg_temp.ts(pg_temp.acc_ms(i)), pg_temp.ts(pg_temp.acc_ms(i))
    FROM generate_series(${sql.lit(from)}::bigint, ${sql.lit(to)}::bigint) AS i
    CROSS JOIN LATERAL (
      -- OFFSET 0 keeps the planner from inlining these into every reference (each costs ~20 µs/row).
      SELECT CASE WHEN i % ${sql.lit(L.localEvery)} = 0 THEN NULL ELSE pg_temp.didx(i) END AS d OFFSET 0
    ) AS dd
    CROSS JOIN LATERAL (
      SELECT dd.d, pg_temp.username(i) AS username, CASE WHEN dd.d IS NULL THEN NULL ELSE pg_temp.dname(dd.d) END AS domain,
             CASE WHEN dd.d IS NULL THEN NULL ELSE pg_temp.severity(dd.d) END AS sev OFFSET 0
    ) AS x`;
  await q.execute(db);
}

async function insertStatuses(db: Db, L: LargeSizes, from: number, to: number, authors: number, nowMs: number): Promise<void> {
  await sql`
    INSERT INTO statuses (id, account_id, uri, url, text, created_at, updated_at, visibility, language, local, reply,
                          in_reply_to_id, in_reply_to_account_id, reblog_of_id, conversation_id, sensitive, spoiler_text, deleted_at)
    SELECT k.id, a.id,
           CASE WHEN a.domain IS NULL THEN 'https://palisade.test/users/' || a.username ELSE 'https://' || a.domain || '/users/' || a.username END
             || '/statuses/' || k.id || CASE WHEN k.kind = 'boost' THEN '/activity' ELSE '' END,
           CASE WHEN k.kind = 'boost' THEN NULL WHEN a.domain IS NULL THEN 'https://palisade.test/@' || a.username || '/' || k.id
                ELSE 'https://' || a.domain || '/@' || a.username || '/' || k.id END,
           CASE WHEN k.kind = 'boost' THEN ''
                WHEN a.domain IS NULL THEN (${textArray(SENTENCES)})[1 + k.tx % ${sql.lit(SENTENCES.length)}]
                ELSE '<p>' || (${textArray(SENTENCES)})[1 + k.tx % ${sql.lit(SENTENCES.length)}] || '</p>' END,
           pg_temp.ts(k.ms), pg_temp.ts(k.ms),
           CASE WHEN k.kind = 'boost' THEN 0 WHEN k.vis < 70 THEN 0 WHEN k.vis < 85 THEN 1 WHEN k.vis < 97 THEN 2 ELSE 3 END,
           CASE WHEN k.kind = 'boost' THEN NULL ELSE (${textArray(LANGS)})[1 + pg_temp.h('lang', s) % ${sql.lit(LANGS.length)}] END,
           a.domain IS NULL,
           k.kind = 'reply',
           CASE WHEN k.kind = 'reply' THEN pg_temp.st_id(k.parent) END,
           CASE WHEN k.kind = 'reply' THEN p.id END,
           CASE WHEN k.kind = 'boost' THEN pg_temp.st_id(k.parent) END,
           s,
           pg_temp.h('sens', s) % 40 = 0,
           CASE WHEN k.kind <> 'boost' AND pg_temp.h('cw', s) % 15 = 0 THEN 'content warning' ELSE '' END,
           CASE WHEN pg_temp.h('del', s) % 500 = 0 THEN pg_temp.ts(LEAST(${sql.lit(nowMs)}, k.ms + ${sql.lit(DAY_MS)})) END
    FROM generate_series(${sql.lit(from)}::bigint, ${sql.lit(to)}::bigint) AS s
    CROSS JOIN LATERAL (
      -- Replies and boosts point at one of the previous thousand statuses (already inserted).
      -- OFFSET 0: computed once per row instead of at every reference.
      SELECT pg_temp.st_id(s) AS id, pg_temp.st_ms(s) AS ms,
             CASE WHEN s <= 1000 THEN 'post' WHEN pg_temp.h('kind', s) % 10 = 0 THEN 'boost' WHEN pg_temp.h('kind', s) % 10 < 3 THEN 'reply' ELSE 'post' END AS kind,
             s - 1 - pg_temp.h('par', s) % 1000 AS parent,
             pg_temp.h('vis', s) % 100 AS vis, pg_temp.h('tx', s) AS tx
      OFFSET 0
    ) AS k
    JOIN seed_authors a ON a.rn = pg_temp.author_rn(s, ${sql.lit(authors)})
    LEFT JOIN seed_authors p ON k.kind = 'reply' AND p.rn = pg_temp.author_rn(k.parent, ${sql.lit(authors)})`.execute(db);
}

/**
 * Follow f links local account l = f mod locals with remote account (l·7919 + k·P) mod R, where
 * k = f div locals < 100 and P is a prime not dividing R: for a given l the targets of different
 * k differ, odd f follow outwards and even f inwards, so no pair repeats and no ON CONFLICT is needed.
 */
async function insertFollows(db: Db, L: LargeSizes, from: number, to: number, remotes: number, nowMs: number): Promise<void> {
  const locals = L.accounts / L.localEvery;
  const prime = [1_000_003, 1_000_033, 1_000_037, 1_000_039].find((p) => remotes % p !== 0) ?? 1_000_081;
  await sql`
    INSERT INTO follows (account_id, target_account_id, uri, show_reblogs, notify, created_at, updated_at)
    SELECT CASE WHEN f % 2 = 1 THEN l.id ELSE r.id END, CASE WHEN f % 2 = 1 THEN r.id ELSE l.id END,
           CASE WHEN f % 2 = 1 THEN 'https://palisade.test/' ELSE 'https://' || r.domain || '/' END || md5('follow' || f),
           pg_temp.h('rb', f) % 15 <> 0, pg_temp.h('nt', f) % 30 = 0,
           pg_temp.ts(LEAST(${sql.lit(nowMs)}, GREATEST(l.ms, r.id >> 16) + pg_temp.h('fat', f) % ${sql.lit(60 * DAY_MS)})),
           pg_temp.ts(LEAST(${sql.lit(nowMs)}, GREATEST(l.ms, r.id >> 16) + pg_temp.h('fat', f) % ${sql.lit(60 * DAY_MS)}))
    FROM generate_series(${sql.lit(from)}::bigint, ${sql.lit(to)}::bigint) AS f
    CROSS JOIN LATERAL (
      SELECT 1 + f % ${sql.lit(locals)} AS l, f / ${sql.lit(locals)} AS k,
             pg_temp.acc_id(${sql.lit(L.localEvery)} * (1 + f % ${sql.lit(locals)})) AS id,
             pg_temp.acc_ms(${sql.lit(L.localEvery)} * (1 + f % ${sql.lit(locals)})) AS ms
      OFFSET 0
    ) AS l
    JOIN seed_remote r ON r.rn = (l.l * 7919 + l.k * ${sql.lit(prime)}) % ${sql.lit(remotes)}`.execute(db);
}

async function insertReports(db: Db, L: LargeSizes, offset: number, authors: number, staffIds: RawBuilder<unknown>, staffCount: number, nowMs: number): Promise<void> {
  const spacing = Math.floor(STATUS_SPAN_MS / L.reports);
  const locals = L.accounts / L.localEvery;
  await sql`
    INSERT INTO reports (id, account_id, target_account_id, category, comment, status_ids, rule_ids, forwarded, uri,
                         assigned_account_id, action_taken_at, action_taken_by_account_id, created_at, updated_at)
    SELECT ${sql.lit(offset)} + r, rep.id, t.id, c.category,
           (${textArray(COMMENTS)})[1 + pg_temp.h('cm', r) % ${sql.lit(COMMENTS.length)}],
           CASE WHEN pg_temp.h('ns', r) % 10 = 0 THEN '{}'::bigint[] ELSE ARRAY[pg_temp.st_id(x.s)] END,
           CASE WHEN c.category = 2000 THEN ARRAY[(ARRAY[1,2,3,4,5,7])[1 + pg_temp.h('rule', r) % 6]]::bigint[] END,
           t.domain IS NOT NULL AND pg_temp.h('fw', r) % 2 = 0,
           'https://palisade.test/' || md5('report' || r),
           CASE WHEN pg_temp.h('asg', r) % 10 < 3 THEN (${staffIds})[1 + pg_temp.h('asw', r) % ${sql.lit(staffCount)}] END,
           CASE WHEN o.open THEN NULL ELSE pg_temp.ts(o.resolved_ms) END,
           CASE WHEN o.open THEN NULL ELSE (${staffIds})[1 + pg_temp.h('by', r) % ${sql.lit(staffCount)}] END,
           pg_temp.ts(x.ms), pg_temp.ts(CASE WHEN o.open THEN x.ms ELSE o.resolved_ms END)
    FROM generate_series(1::bigint, ${sql.lit(L.reports)}::bigint) AS r
    CROSS JOIN LATERAL (
      SELECT ${sql.lit(nowMs - STATUS_SPAN_MS)}::bigint + r * ${sql.lit(spacing)} AS ms
    ) AS t0
    CROSS JOIN LATERAL (
      -- A status posted before the report; its author is the reported account.
      SELECT t0.ms, GREATEST(1, floor(((t0.ms - ${sql.lit(nowMs - STATUS_SPAN_MS)}) / ${sql.lit(STATUS_SPAN_MS / L.statuses)}) * (1 - power(pg_temp.u('rs', r), 3))))::bigint AS s
      OFFSET 0
    ) AS x
    CROSS JOIN LATERAL (
      SELECT CASE WHEN pg_temp.h('cat', r) % 100 < 35 THEN 1000 WHEN pg_temp.h('cat', r) % 100 < 70 THEN 2000
                  WHEN pg_temp.h('cat', r) % 100 < 90 THEN 0 ELSE 1500 END AS category
      OFFSET 0
    ) AS c
    CROSS JOIN LATERAL (
      SELECT CASE WHEN x.ms > ${sql.lit(nowMs - 30 * DAY_MS)} THEN pg_temp.h('open', r) % 100 < 60 ELSE pg_temp.h('open', r) % 100 < 11 END AS open,
             LEAST(${sql.lit(nowMs - 60_000)}, x.ms + 300000 + pg_temp.h('delay', r) % ${sql.lit(5 * DAY_MS)}) AS resolved_ms
      OFFSET 0
    ) AS o
    JOIN seed_authors t ON t.rn = pg_temp.author_rn(x.s, ${sql.lit(authors)})
    CROSS JOIN LATERAL (
      SELECT pg_temp.acc_id(${sql.lit(L.localEvery)} * (1 + pg_temp.h('rp', r) % ${sql.lit(locals)})) AS id
    ) AS rep`.execute(db);
}

async function insertAccountStats(db: Db): Promise<void> {
  await sql`
    INSERT INTO account_stats (account_id, statuses_count, following_count, followers_count, last_status_at, created_at, updated_at)
    SELECT a.id,
           COALESCE(s.n, 0) + CASE WHEN a.domain IS NULL OR a.suspended_at IS NOT NULL THEN 0 ELSE pg_temp.h('xs', a.id) % 3000 END,
           COALESCE(fo.n, 0) + CASE WHEN a.domain IS NULL OR a.suspended_at IS NOT NULL THEN 0 ELSE pg_temp.h('xg', a.id) % 400 END,
           COALESCE(fr.n, 0) + CASE WHEN a.domain IS NULL OR a.suspended_at IS NOT NULL THEN 0 ELSE pg_temp.h('xf', a.id) % 1500 END,
           s.last, a.created_at, GREATEST(a.created_at, s.last)
    FROM accounts a
    LEFT JOIN (SELECT account_id, count(*) AS n, max(created_at) AS last FROM statuses WHERE (id & 32768) = 32768 AND deleted_at IS NULL GROUP BY 1) s ON s.account_id = a.id
    LEFT JOIN (SELECT account_id, count(*) AS n FROM follows GROUP BY 1) fo ON fo.account_id = a.id
    LEFT JOIN (SELECT target_account_id, count(*) AS n FROM follows GROUP BY 1) fr ON fr.target_account_id = a.id
    -- Mastodon creates the row lazily; a few accounts never got one.
    WHERE a.id > 0 AND (a.id & 32768) = 32768 AND pg_temp.h('nost', a.id) % 33 <> 0`.execute(db);
}
