import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import { listPublishableBlocks } from '../../db/queries/blocklist-publishing';
import { insertBlocklistFetch, insertBlocklistSource, listBlocklistSources, storeSnapshot } from '../../db/queries/blocklist-sources';
import { getBlockSupport, listCurrentBlocks, listPendingSuggestions } from '../../db/queries/blocklist-suggestions';
import { listKnownDomainsOfLengths } from '../../db/queries/domain-blocks';
import { MERGE_MAX_BYTES, MERGE_MAX_ROWS } from '../../cli/commands/blocklist-merge';
import { DomainTable } from '../../lib/blocklist/domain-table';
import { writeExport } from '../../lib/blocklist/export';
import { isMergeableRow, MergeAccumulator, mergeBlocklists, mergedBlocks, type MergeSource } from '../../lib/blocklist/merge';
import { BlocklistParser } from '../../lib/blocklist/parse';
import { planSuggestions } from '../../lib/blocklist/merge-suggestions';
import { domainDigest, publicDomain } from '../../lib/blocklist/obfuscation';
import { diffEntries, keyEntries, type SourceEntry } from '../../lib/blocklist/sources';
import { renderList } from '../../lib/blocklist/sources-publish';
import { recomputeSuggestions } from '../../lib/blocklist/sources-sync';
import { generateBlocklistCsvs } from './blocklist-lists';
import type { BenchCase } from './cases';

/**
 * The blocklist exchange at scale: 8 subscribed lists of 20 000 entries each, drawn from a pool
 * that overlaps Mastodon's 20 000 blocks and the instances with accounts (so impact and follows
 * are real work), with subdomains, obfuscated entries carrying digests, and a canary per list.
 */
const LISTS = 8;
const PER_LIST = 20_000;
const BENCH_PREFIX = 'Bench list ';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function generateLists(db: Db): Promise<{ sources: MergeSource[]; entries: Map<string, SourceEntry[]> }> {
  const blocks = [...(await listCurrentBlocks({ db })).keys()].slice(0, 10_000);
  const known = (await listKnownDomainsOfLengths({ db, lengths: Array.from({ length: 20 }, (_, i) => i + 8) })).slice(0, 5_000);
  const synthetic = Array.from({ length: 15_000 }, (_, i) => (i % 10 === 0 ? `chat.spam${Math.floor(i / 10)}.bench.example` : `spam${i}.bench.example`));
  const pool = [...new Set([...blocks, ...known, ...synthetic])];
  const sources: MergeSource[] = [];
  const entries = new Map<string, SourceEntry[]>();
  for (let l = 0; l < LISTS; l += 1) {
    const next = random(l + 1);
    const id = `bench-${l}`;
    sources.push({ id, name: `${BENCH_PREFIX}${l + 1}`, weight: 1 + (l % 3), maxSeverity: l === 7 ? 'silence' : 'suspend', priority: l });
    const picked = new Set<string>();
    while (picked.size < PER_LIST - 1) picked.add(pool[Math.floor(next() * pool.length)]!);
    const list: SourceEntry[] = [...picked].map((domain) => {
      const obfuscated = next() < 0.02;
      const input = obfuscated ? publicDomain(domain) : domain;
      return {
        key: obfuscated ? `*${input}` : domain,
        domain: obfuscated ? null : domain,
        input,
        digest: domainDigest(domain),
        severity: next() < 0.85 ? 'suspend' : 'silence',
        rejectMedia: next() < 0.1,
        rejectReports: next() < 0.05,
        obfuscate: obfuscated,
        obfuscated,
        publicComment: next() < 0.5 ? 'spam, harassment' : null,
        privateComment: null,
        canary: null,
        labels: [],
      };
    });
    list.push({ key: `bench${l}.invalid`, domain: `bench${l}.invalid`, input: `bench${l}.invalid`, digest: null, severity: 'suspend', rejectMedia: false, rejectReports: false, obfuscate: false, obfuscated: false, publicComment: 'iftas:canary', privateComment: null, canary: 'reserved_tld', labels: ['iftas:canary'] });
    entries.set(id, list);
  }
  return { sources, entries };
}

/** Stores the generated lists as subscriptions of the bench database once. */
async function ensureBenchSources(db: Db): Promise<void> {
  const existing = (await listBlocklistSources({ db })).filter((s) => s.name.startsWith(BENCH_PREFIX));
  if (existing.length === LISTS) return;
  const { sources, entries } = await generateLists(db);
  const at = new Date();
  for (const s of sources) {
    const row = await insertBlocklistSource({
      db,
      values: { name: s.name, url: `https://${s.id}.bench.example/list.csv`, format: 'mastodon_csv', role: 'block', priority: s.priority ?? 0, weight: s.weight ?? 1, maxSeverity: s.maxSeverity ?? 'suspend', authType: 'none', authUsername: null, authSecretSealed: null, autoApply: false, autoRetract: false, autoApplyAccountId: null, refreshMinutes: 10080, enabled: true },
      createdBy: null,
      at,
    });
    const list = entries.get(s.id)!;
    await db.transaction().execute(async (trx) => {
      const fetchId = await insertBlocklistFetch({ db: trx, fetch: { sourceId: row.id, startedAt: at, durationMs: 0, status: 'ok', httpStatus: 200, error: null, entries: list.length, bytes: null, triggeredBy: null } });
      await storeSnapshot({ db: trx, sourceId: row.id, fetchId, format: 'mastodon_csv', entries: list.length, changes: diffEntries(new Map(), keyEntries(list)), contentHash: `bench-${s.id}`, body: null, at });
    });
  }
  // The bench ANALYZEd these tables before they held the lists, and CI's PostgreSQL has no
  // autovacuum to do it after: without this the first run plans on empty-table statistics
  // (federation_block_support_page ANDed every source's whole primary-key range, 160 000
  // entries, into its domain look-up: 41 ms p50 against 3 ms once analysed).
  await sql`ANALYZE palisade.blocklist_sources, palisade.blocklist_fetches, palisade.blocklist_snapshots, palisade.blocklist_entries, palisade.blocklist_changes`.execute(db);
}

/**
 * What `palisade blocklist merge FILE… --threshold 50% --out FILE` does with the files' bytes: each
 * read in the CLI's 256 KB chunks through the streaming parser (rows reduced as they arrive),
 * merged, and written as Mastodon's CSV.
 */
function mergeFiles(files: readonly Buffer[]): string {
  const sources: MergeSource[] = files.map((_, i) => ({ id: String(i), name: `list${i}.csv`, role: 'block' }));
  const domains = new DomainTable();
  const merge = new MergeAccumulator({ sources, plan: 'max', threshold: { type: 'percent', value: 50 }, domains });
  files.forEach((bytes, i) => {
    const id = String(i);
    const parser = new BlocklistParser({ format: 'auto', maxRows: MERGE_MAX_ROWS, maxBytes: MERGE_MAX_BYTES, digests: false, domains, reuseRows: true, onRow: (row) => isMergeableRow(row) && merge.add(id, row) });
    for (let at = 0; at < bytes.length; at += 256 * 1024) parser.pushBytes(bytes.subarray(at, at + 256 * 1024));
    parser.end();
  });
  return writeExport('mastodon_csv', mergedBlocks(merge.finish({ lazy: true, candidates: false }))).body;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The generated lists as files, once per bench process (the CLI case reads them from disk). */
function writeGeneratedLists(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-bench-lists-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return generateBlocklistCsvs({ lists: 20, rows: 20_000 }).texts.map((text, i) => {
    const file = path.join(dir, `list${String(i).padStart(2, '0')}.csv`);
    fs.writeFileSync(file, text);
    return file;
  });
}

/**
 * One run of the command itself, as cron runs it: a fresh process, `palisade blocklist merge
 * FILE… --threshold 50% --out FILE`. Resolves with the process's peak RSS in MB.
 */
function runMergeCommand(files: string[]): Promise<{ peakRssMb: number }> {
  const dir = path.dirname(files[0]!);
  const rssFile = path.join(dir, 'rss');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', path.join(ROOT, 'scripts/bench/rss-reporter.mjs'), path.join(ROOT, 'bin/palisade.mjs'), 'blocklist', 'merge', ...files, '--threshold', '50%', '--out', path.join(dir, 'merged.csv')], {
      env: { ...process.env, PALISADE_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`palisade blocklist merge exited ${code}: ${stderr.trim()}`));
      else resolve({ peakRssMb: Math.round(Number(fs.readFileSync(rssFile, 'utf8')) / 1024) });
    });
  });
}

export const BLOCKLISTS_BENCH_CASES: BenchCase[] = [
  {
    // Issue requirement: 20 lists × 20 000 rows merge in well under a second and 200 MB. No database.
    name: 'blocklist_merge_20_lists',
    database: false,
    runs: 10,
    memory: true,
    prepare: async () => generateBlocklistCsvs({ lists: 20, rows: 20_000 }).texts.map((t) => Buffer.from(t)),
    run: async (_db, files) => mergeFiles(files as Buffer[]),
  },
  {
    // The same merge as a command started from a shell or cron: process start-up, reading the files,
    // merging, writing the result. Peak RSS is the command's own.
    name: 'blocklist_merge_20_lists_command',
    database: false,
    runs: 10,
    childMemory: true,
    prepare: async () => writeGeneratedLists(),
    run: async (_db, files) => runMergeCommand(files as string[]),
  },
  {
    // The engine alone (what `palisade blocklist merge` runs): 8 × 20 000 entries against 20 000 blocks.
    name: 'blocklist_merge_8_lists',
    prepare: async (db) => ({ ...(await generateLists(db)), blocks: await listCurrentBlocks({ db }) }),
    run: async (_db, prepared) => {
      const { sources, entries, blocks } = prepared as Awaited<ReturnType<typeof generateLists>> & { blocks: Awaited<ReturnType<typeof listCurrentBlocks>> };
      const merge = mergeBlocklists({ sources, entries, plan: 'max', threshold: { type: 'percent', value: 50 }, knownDomains: blocks.keys() });
      return planSuggestions({ merge, blocks, provenance: new Map(), sources: sources.map((s) => ({ id: s.id, name: s.name, autoApply: false, autoRetract: false })) });
    },
  },
  {
    // The worker's whole merge step from the database: load, merge, impact at 1 M accounts, sync the queue.
    name: 'blocklist_recompute_8_lists',
    prepare: async (db) => {
      await ensureBenchSources(db);
      return null;
    },
    run: (db) => recomputeSuggestions({ db, kind: 'postgres', secret: 'bench', allowPrivate: false }),
  },
  {
    name: 'blocklist_review_first_page',
    prepare: async (db) => ensureBenchSources(db),
    run: (db) => listPendingSuggestions({ db, filters: {} }),
  },
  {
    name: 'federation_block_support_page',
    prepare: async (db) => {
      await ensureBenchSources(db);
      return [...(await listCurrentBlocks({ db })).values()].slice(0, 50).map((b) => ({ id: b.id, domain: b.domain }));
    },
    run: (db, blocks) => getBlockSupport({ db, blocks: blocks as Array<{ id: string; domain: string }> }),
  },
  {
    name: 'blocklist_publish_mastodon_csv',
    run: async (db) => renderList('mastodon_csv', await listPublishableBlocks({ db, includeSubscribed: false }), 'allies', { commentVisibility: 'allies' }),
  },
];
