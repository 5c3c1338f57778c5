import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, runCli } from '../testing';
import { parseThreshold } from './blocklist-merge';

/** The real lists of /work/shared/data/blocklists, as copied into the repository. */
const FIXTURES = path.resolve(import.meta.dirname, '../../lib/blocklist/fixtures');
const merge = (...args: string[]) => runCli(['blocklist', 'merge', ...args], { cwd: FIXTURES });
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('palisade blocklist merge: golden outputs of the real lists', () => {
  it('rebuilds Oliphant’s unified tier 0 exactly as FediBlockHole wrote it (its sources, max plan, its allowlist)', async () => {
    // Seirdy's tier 0, Garden Fence, IFTAS DNI and AUD merged with __allowlist.csv: Oliphant's own
    // FediBlockHole run. Garden Fence's 2026-03-15 week is the nearest snapshot we hold; it lacks
    // only edens.faith. FediBlockHole's Python csv module ends lines with CRLF, Palisade with LF.
    const run = await merge('oliphant-seirdy-tier0.csv', 'gardenfence-mastodon-2026-03-15.csv', 'oliphant-dni.csv', 'oliphant-iftas-aud.csv', '--allow', 'oliphant-__allowlist.csv', '--format', 'fediblockhole');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const fediblockhole = fixture('oliphant-_unified_tier0_blocklist.csv')
      .replace(/\r\n/g, '\n')
      .split('\n')
      .filter((line) => !line.startsWith('edens.faith,'))
      .join('\n');
    expect(run.stdout).toBe(fediblockhole);
    expectGolden('tier0.fediblockhole.csv', run.stdout);
  });

  it('keeps what 60% of five lists name, in Mastodon’s CSV; canaries and obfuscated names never become blocks', async () => {
    const run = await merge('oliphant-seirdy-tier0.csv', 'gardenfence-mastodon.csv', 'oliphant-dni.csv', 'oliphant-iftas-aud.csv', 'oliphant-mastodon.social.csv', '--threshold', '60%');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate');
    expect(run.stdout).not.toMatch(/\*|\.invalid,|delete\.this\.line|canary\./);
    expectGolden('five-lists.60pct.mastodon.csv', run.stdout);
  });

  it('with the min plan and a count threshold: the mildest severity among the lists that agree, as plain text', async () => {
    const run = await merge('gardenfence.txt', 'gardenfence-fediblocksync.csv', 'oliphant-iftas-aud.csv', 'oliphant-mastodon.social.csv', '--plan', 'min', '--threshold', '2', '--format', 'txt');
    expect(run.code).toBe(0);
    expectGolden('min-plan.threshold-2.txt', run.stdout);
  });

  it('prints FediBlockHole’s audit table (every domain, passing or not) and writes the list to --out', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-merge-'));
    try {
      const out = path.join(dir, 'merged.csv');
      const run = await merge('oliphant-dni.csv', 'oliphant-iftas-aud.csv', 'gardenfence-mastodon.csv', '--threshold', '2', '--audit', '--out', out);
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe('domain,count,percent');
      expectGolden('audit.three-lists.csv', run.stdout);
      const list = fs.readFileSync(out, 'utf8');
      expectGolden('audit.three-lists.merged.csv', list);
      // Every listed domain is in the audit; only those counted twice or more are in the list.
      const audit = run.stdout.trim().split('\n').slice(1).map((l) => l.split(','));
      const twice = audit.filter(([, count]) => Number(count) >= 2).map(([d]) => d);
      expect(list.trim().split('\n').slice(1).map((l) => l.split(',')[0])).toEqual(twice);
      expect(fs.readdirSync(dir)).toEqual(['merged.csv']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes Mastodon’s public JSON: obfuscated names as Mastodon shows them, with the real domain’s digest', async () => {
    const run = await merge('oliphant-dni.csv', 'oliphant-iftas-aud.csv', '--format', 'json');
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as Array<{ domain: string; digest: string }>;
    expect(body.length).toBeGreaterThan(100);
    expect(body.every((b) => /^[0-9a-f]{64}$/.test(b.digest))).toBe(true);
    expectGolden('dni-aud.public.json', run.stdout);
  });

  it('--json reports inputs, counts, sources per domain and every held-back row, and still writes nothing else to stdout', async () => {
    const run = await merge('oliphant-dni.csv', 'oliphant-iftas-aud.csv', 'oliphant-mastodon.social.csv', '--threshold', '2', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ok: true, command: 'blocklist merge', plan: 'max', threshold: { type: 'count', value: 2 } });
    expect(report.inputs.map((i: { name: string; format: string; rows: number }) => [i.name, i.format, i.rows])).toEqual([
      ['oliphant-dni.csv', 'mastodon_csv', 87],
      ['oliphant-iftas-aud.csv', 'mastodon_csv', 37],
      ['oliphant-mastodon.social.csv', 'fediblockhole_csv', 396],
    ]);
    expect(report.heldBack.filter((h: { kind: string }) => h.kind === 'canary').map((h: { name: string }) => h.name)).toEqual(['dni.invalid', 'aud.invalid']);
    expect(report.heldBack.filter((h: { kind: string }) => h.kind === 'obfuscated')).toHaveLength(130 - report.resolved.length);
    expect(report.blocks.every((b: { count: number; sources: string[] }) => b.count >= 2 && b.sources.length === b.count)).toBe(true);
    expectGolden('three-lists.report.json', run.stdout);
  });

  it('reads standard input (-) and the same list twice counts twice', async () => {
    const run = await runCli(['blocklist', 'merge', '-', 'gardenfence.txt', '--threshold', '100%', '--format', 'txt'], { cwd: FIXTURES, stdin: fixture('gardenfence.txt') });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(fixture('gardenfence.txt').split('\n').filter(Boolean).sort().join('\n') + '\n');
  });

  it('fetches http(s) inputs through the guarded fetcher: loopback only when the operator allows it, web pages refused', async () => {
    const server = http.createServer((req, res) => {
      if (req.url === '/list.csv') return res.writeHead(200, { 'content-type': 'text/csv' }).end(fixture('oliphant-dni.csv'));
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>a page');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const refused = await runCli(['blocklist', 'merge', `${base}/list.csv`], { cwd: FIXTURES });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^palisade blocklist merge: .*private or local address/);
      const allowed = await runCli(['blocklist', 'merge', `${base}/list.csv`, '--format', 'txt'], { cwd: FIXTURES, env: { PALISADE_BLOCKLIST_ALLOW_PRIVATE: true } });
      expect(allowed.code).toBe(0);
      expect(allowed.stdout.split('\n')).toContain('poa.st');
      const page = await runCli(['blocklist', 'merge', `${base}/`], { cwd: FIXTURES, env: { PALISADE_BLOCKLIST_ALLOW_PRIVATE: true } });
      expect(page.code).toBe(1);
      expect(page.stderr).toContain('returned a web page, not a list');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('palisade blocklist merge: bad input and bad usage', () => {
  it('bad flags exit 2 with the error and a usage line on stderr, nothing on stdout', async () => {
    for (const args of [['--plan', 'median', 'a.csv'], ['--threshold', 'most', 'a.csv'], ['--threshold', '150%', 'a.csv'], ['--frobnicate', 'a.csv'], [], ['--format']]) {
      const run = await merge(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^palisade blocklist merge: /);
      expect(lines[1]).toMatch(/^Usage: palisade blocklist merge FILE_OR_URL\.\.\. /);
    }
  });

  it('--json turns a usage error into a JSON object too', async () => {
    const run = await merge('--plan', 'median', 'a.csv', '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ ok: false, command: 'blocklist merge', error: { code: 'usage', message: '--plan must be one of max, min; got "median"' } });
  });

  it('an unreadable input fails the whole merge (exit 1, one line naming it) and --out is left alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-merge-'));
    try {
      const broken = path.join(dir, 'broken.csv');
      fs.writeFileSync(broken, '#domain,#severity\n"unterminated.example,suspend\n');
      const out = path.join(dir, 'out.csv');
      fs.writeFileSync(out, 'previous list\n');
      const run = await merge('oliphant-dni.csv', broken, '--out', out);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('palisade blocklist merge: broken.csv: The CSV is malformed: A quoted field opened on line 2 is never closed. (line 2)\n');
      expect(fs.readFileSync(out, 'utf8')).toBe('previous list\n');
      const missing = await merge('no-such-list.csv');
      expect(missing).toMatchObject({ code: 1, stdout: '', stderr: 'palisade blocklist merge: no-such-list.csv: no such file\n' });
      fs.writeFileSync(broken, Buffer.from([0x64, 0x6f, 0xff, 0xfe, 0x0a]));
      expect((await merge(broken)).stderr).toContain('is not UTF-8 text');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads thresholds as FediBlockHole’s count or pct', () => {
    expect(parseThreshold(undefined)).toEqual({ type: 'count', value: 0 });
    expect(parseThreshold('3')).toEqual({ type: 'count', value: 3 });
    expect(parseThreshold('33.3%')).toEqual({ type: 'percent', value: 33.3 });
    expect(() => parseThreshold('-1')).toThrow(/whole number/);
  });
});
