import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBlocklist } from '@/lib/blocklist/parse';
import type { MergeEntry } from '@/lib/blocklist/merge';
import { entryOf } from './commands/blocklist-merge';
import { countRow, emptyCounts, readBatch, RowBatchWriter, type RowBatch } from './merge-rows';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'lib', 'blocklist', 'fixtures');

/** What the merge reads of an entry (labels and domain numbers never cross threads). */
function seen(e: MergeEntry) {
  return { domain: e.domain, input: e.input, digest: e.obfuscated ? e.digest : null, severity: e.severity, rejectMedia: e.rejectMedia, rejectReports: e.rejectReports, obfuscate: e.obfuscate, obfuscated: e.obfuscated, publicComment: e.publicComment, privateComment: e.privateComment, canary: e.canary };
}

describe('row batches between threads', () => {
  it('give back every mergeable row as the merge would read it, across batch boundaries', () => {
    // Canaries, obfuscated names, comments (some repeated), both flags and every severity.
    const rows = ['oliphant-dni.csv', 'oliphant-iftas-aud.csv', 'gardenfence-mastodon-2026-03-15.csv', 'oliphant-mastodon.social.csv'].flatMap(
      (f) => parseBlocklist(fs.readFileSync(path.join(FIXTURES, f)), { digests: false }).rows,
    );
    const counts = emptyCounts();
    const usable = rows.filter((r) => countRow(counts, r));
    expect(usable.length).toBeGreaterThan(100);
    expect(usable.some((r) => r.canary)).toBe(true);
    expect(counts).toMatchObject({ rows: rows.length, used: usable.length });

    const writer = new RowBatchWriter(7);
    const batches: RowBatch[] = [];
    for (const row of usable) {
      const full = writer.add(row);
      if (full) batches.push(structuredClone(full));
    }
    const last = writer.flush();
    if (last) batches.push(structuredClone(last));
    expect(batches.length).toBe(Math.ceil(usable.length / 7));

    const comments: Array<string | null> = [null];
    const back: ReturnType<typeof seen>[] = [];
    for (const batch of batches) readBatch(batch, comments, (entry) => back.push(seen(entry)));
    expect(back).toEqual(usable.map((r) => seen(entryOf(r))));
  });

  it('carry the digest of an obfuscated row', () => {
    const [row] = parseBlocklist(JSON.stringify([{ domain: 'exa**le.com', digest: 'a'.repeat(64), severity: 'silence', comment: 'spam' }])).rows;
    const writer = new RowBatchWriter();
    expect(writer.add(row!)).toBeNull();
    const back: MergeEntry[] = [];
    readBatch(writer.flush()!, [null], (e) => back.push({ ...e }));
    expect(back).toEqual([expect.objectContaining({ domain: null, input: 'exa**le.com', digest: 'a'.repeat(64), severity: 'silence', obfuscated: true, publicComment: 'spam' })]);
  });
});
