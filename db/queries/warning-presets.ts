import type { Db } from '../client';

export interface WarningPreset {
  id: string;
  title: string;
  text: string;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = ['id', 'title', 'text', 'created_at as createdAt', 'updated_at as updatedAt'] as const;

/**
 * Mastodon's AccountWarningPreset.alphabetic order (title, then text). A handful of rows per
 * instance, so no pagination.
 */
export async function listWarningPresets({ db }: { db: Db }): Promise<WarningPreset[]> {
  return db.selectFrom('account_warning_presets').select(COLUMNS).orderBy('title').orderBy('text').orderBy('id').execute();
}

export async function getWarningPreset({ db, id }: { db: Db; id: string }): Promise<WarningPreset | undefined> {
  return db.selectFrom('account_warning_presets').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function insertWarningPreset({ db, title, text, at }: { db: Db; title: string; text: string; at: Date }): Promise<string> {
  const row = await db.insertInto('account_warning_presets').values({ title, text, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Returns false when the preset no longer exists (deleted by someone else meanwhile). */
export async function updateWarningPreset({ db, id, title, text, at }: { db: Db; id: string; title: string; text: string; at: Date }): Promise<boolean> {
  const result = await db.updateTable('account_warning_presets').set({ title, text, updated_at: at }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function deleteWarningPreset({ db, id }: { db: Db; id: string }): Promise<boolean> {
  const result = await db.deleteFrom('account_warning_presets').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows === 1n;
}
