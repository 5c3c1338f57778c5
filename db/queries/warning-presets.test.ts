import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { deleteWarningPreset, getWarningPreset, insertWarningPreset, listWarningPresets, updateWarningPreset } from './warning-presets';

describe.each(testBackends())('warning preset queries on %s', (backend) => {
  let t: TestDatabase;
  const db = () => t.handle.db;
  const at = new Date('2026-11-01T08:00:00Z');
  const later = new Date('2026-11-02T09:15:00Z');

  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  const titlesAndTexts = async () => (await listWarningPresets({ db: db() })).map((p) => [p.title, p.text]);

  it('inserts a preset as the row Mastodon would write', async () => {
    const id = await insertWarningPreset({ db: db(), title: 'Spam', text: 'Stop posting ads.', at });
    expect(typeof id).toBe('string');
    expect(await db().selectFrom('account_warning_presets').selectAll().where('id', '=', id).execute()).toEqual([
      { id, title: 'Spam', text: 'Stop posting ads.', created_at: at, updated_at: at },
    ]);
    expect(await getWarningPreset({ db: db(), id })).toEqual({ id, title: 'Spam', text: 'Stop posting ads.', createdAt: at, updatedAt: at });
    await deleteWarningPreset({ db: db(), id });
  });

  it('lists alphabetically by title, then text, then id (AccountWarningPreset.alphabetic), an untitled preset first', async () => {
    const inserted = [
      await insertWarningPreset({ db: db(), title: 'Spam', text: 'b: second text', at }),
      await insertWarningPreset({ db: db(), title: 'Harassment', text: 'Leave them alone.', at }),
      await insertWarningPreset({ db: db(), title: '', text: 'No title at all.', at }),
      await insertWarningPreset({ db: db(), title: 'Spam', text: 'a: first text', at }),
      await insertWarningPreset({ db: db(), title: 'Spam', text: 'a: first text', at }),
    ];
    const listed = await listWarningPresets({ db: db() });
    expect(listed.map((p) => [p.title, p.text])).toEqual([
      ['', 'No title at all.'],
      ['Harassment', 'Leave them alone.'],
      ['Spam', 'a: first text'],
      ['Spam', 'a: first text'],
      ['Spam', 'b: second text'],
    ]);
    // Identical title and text: the older row (lower id) first, so the order is stable between renders.
    expect(listed.slice(2, 4).map((p) => p.id)).toEqual([inserted[3], inserted[4]]);
    for (const id of inserted) await deleteWarningPreset({ db: db(), id });
    expect(await listWarningPresets({ db: db() })).toEqual([]);
  });

  it('updates title, text and updated_at, keeps created_at, and reports a missing preset as false', async () => {
    const id = await insertWarningPreset({ db: db(), title: 'Old', text: 'Old text', at });
    const other = await insertWarningPreset({ db: db(), title: 'Other', text: 'Untouched', at });

    expect(await updateWarningPreset({ db: db(), id, title: 'New', text: 'New text', at: later })).toBe(true);

    expect(await getWarningPreset({ db: db(), id })).toEqual({ id, title: 'New', text: 'New text', createdAt: at, updatedAt: later });
    expect(await getWarningPreset({ db: db(), id: other })).toEqual({ id: other, title: 'Other', text: 'Untouched', createdAt: at, updatedAt: at });
    expect(await updateWarningPreset({ db: db(), id: '987654321987654321', title: 'x', text: 'y', at: later })).toBe(false);
    expect(await titlesAndTexts()).toEqual([
      ['New', 'New text'],
      ['Other', 'Untouched'],
    ]);
    await deleteWarningPreset({ db: db(), id });
    await deleteWarningPreset({ db: db(), id: other });
  });

  it('deletes one preset and returns false for a preset that is already gone', async () => {
    const gone = await insertWarningPreset({ db: db(), title: 'Gone', text: 'Soon deleted', at });
    const kept = await insertWarningPreset({ db: db(), title: 'Kept', text: 'Stays', at });

    expect(await deleteWarningPreset({ db: db(), id: gone })).toBe(true);

    expect(await getWarningPreset({ db: db(), id: gone })).toBeUndefined();
    expect(await titlesAndTexts()).toEqual([['Kept', 'Stays']]);
    expect(await deleteWarningPreset({ db: db(), id: gone })).toBe(false);
    expect(await deleteWarningPreset({ db: db(), id: '987654321987654321' })).toBe(false);
    expect(await titlesAndTexts()).toEqual([['Kept', 'Stays']]);
    await deleteWarningPreset({ db: db(), id: kept });
  });
});
