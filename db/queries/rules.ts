import { sql } from 'kysely';
import type { Db } from '../client';

export interface RuleTranslationRow {
  id: string;
  language: string;
  text: string;
  hint: string;
}

export interface RuleRow {
  id: string;
  text: string;
  hint: string;
  priority: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  translations: RuleTranslationRow[];
  /** Reports citing the rule (reports.rule_ids), all and unresolved. */
  reportsTotal: number;
  reportsOpen: number;
}

/**
 * Rules in Mastodon's order (priority, then id) with their translations and how many reports cite
 * them. Soft-deleted rules are listed only with `deleted: true`, for the reports that still cite
 * them. The citation count scans reports.rule_ids once (no index covers array membership; the
 * rules page is rare and 200 k reports take tens of milliseconds).
 */
export async function listRules({ db, deleted = false }: { db: Db; deleted?: boolean }): Promise<RuleRow[]> {
  let q = db.selectFrom('rules').select(['id', 'text', 'hint', 'priority', 'created_at', 'updated_at', 'deleted_at']);
  q = deleted ? q.where('deleted_at', 'is not', null).orderBy('deleted_at', 'desc') : q.where('deleted_at', 'is', null).orderBy('priority').orderBy('id');
  const rules = await q.execute();
  if (rules.length === 0) return [];
  const ids = rules.map((r) => r.id);
  const translations = await db.selectFrom('rule_translations').select(['id', 'rule_id', 'language', 'text', 'hint']).where('rule_id', 'in', ids).orderBy('language').execute();
  const { rows: counts } = await sql<{ rule_id: string; total: number; open: number }>`
    SELECT rid::text AS rule_id, count(*)::int AS total, count(*) FILTER (WHERE action_taken_at IS NULL)::int AS open
      FROM reports, unnest(rule_ids) AS rid
     WHERE rule_ids IS NOT NULL AND rid = ANY(${ids}::bigint[])
     GROUP BY rid`.execute(db);
  return rules.map((r) => {
    const c = counts.find((x) => x.rule_id === r.id);
    return {
      id: r.id,
      text: r.text,
      hint: r.hint,
      priority: r.priority,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
      translations: translations.filter((t) => t.rule_id === r.id).map(({ rule_id: _ruleId, ...t }) => t),
      reportsTotal: c?.total ?? 0,
      reportsOpen: c?.open ?? 0,
    };
  });
}

/** The kept rules' ids in order, locked: every reorder renumbers under this lock. */
export async function lockKeptRuleIds({ db }: { db: Db }): Promise<string[]> {
  const rows = await db.selectFrom('rules').select('id').where('deleted_at', 'is', null).orderBy('priority').orderBy('id').forUpdate().execute();
  return rows.map((r) => r.id);
}

export async function getRule({ db, id }: { db: Db; id: string }): Promise<{ id: string; text: string; hint: string; deletedAt: Date | null } | null> {
  if (!/^\d+$/.test(id)) return null;
  const row = await db.selectFrom('rules').select(['id', 'text', 'hint', 'deleted_at']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, text: row.text, hint: row.hint, deletedAt: row.deleted_at } : null;
}

export async function insertRule({ db, text, hint, priority, at }: { db: Db; text: string; hint: string; priority: number; at: Date }): Promise<string> {
  const row = await db.insertInto('rules').values({ text, hint, priority, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRuleText({ db, id, text, hint, at }: { db: Db; id: string; text: string; hint: string; at: Date }): Promise<boolean> {
  const r = await db.updateTable('rules').set({ text, hint, updated_at: at }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Discard (deleted_at), never DELETE: reports keep citing the rule by id. */
export async function softDeleteRule({ db, id, at }: { db: Db; id: string; at: Date }): Promise<boolean> {
  const r = await db.updateTable('rules').set({ deleted_at: at, updated_at: at }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Rule#move!: priorities 0…n−1 in the given order, in one statement. */
export async function renumberRules({ db, orderedIds, at }: { db: Db; orderedIds: string[]; at: Date }): Promise<void> {
  if (orderedIds.length === 0) return;
  await sql`
    UPDATE rules r SET priority = o.position - 1, updated_at = ${at}::timestamp
      FROM unnest(${orderedIds}::bigint[]) WITH ORDINALITY AS o(id, position)
     WHERE r.id = o.id AND r.priority IS DISTINCT FROM (o.position - 1)`.execute(db);
}

export async function upsertRuleTranslation({ db, ruleId, language, text, hint, at }: { db: Db; ruleId: string; language: string; text: string; hint: string; at: Date }): Promise<void> {
  await db
    .insertInto('rule_translations')
    .values({ rule_id: ruleId, language, text, hint, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['rule_id', 'language']).doUpdateSet({ text, hint, updated_at: at }))
    .execute();
}

export async function deleteRuleTranslation({ db, ruleId, language }: { db: Db; ruleId: string; language: string }): Promise<boolean> {
  const r = await db.deleteFrom('rule_translations').where('rule_id', '=', ruleId).where('language', '=', language).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
