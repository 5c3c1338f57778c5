import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends, type TestDatabase } from '@/db/testing';
import { createAccount, createReport } from '@/db/testing-fixtures';
import { moveRule } from '@/lib/server-rules';
import { deleteRuleTranslation, insertRule, listRules, lockKeptRuleIds, renumberRules, softDeleteRule, updateRuleText, upsertRuleTranslation } from './rules';

describe.each(testBackends())('rule queries on %s', (backend) => {
  let t: TestDatabase;
  const db = () => t.handle.db;
  const at = new Date('2026-11-01T00:00:00Z');
  const ids: string[] = [];

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    for (const [i, text] of ['Be kind', 'No spam', 'Mark NSFW media'].entries()) ids.push(await insertRule({ db: db(), text, hint: '', priority: i, at }));
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  const order = async () => (await listRules({ db: db() })).map((r) => [r.text, r.priority]);

  it('moves like Rule#move!, keeping priorities 0…n−1', async () => {
    const moved = moveRule(await lockKeptRuleIds({ db: db() }), ids[2]!, -2)!;
    await renumberRules({ db: db(), orderedIds: moved, at });
    expect(await order()).toEqual([
      ['Mark NSFW media', 0],
      ['Be kind', 1],
      ['No spam', 2],
    ]);
  });

  it('soft-deletes (reports keep citing the id), hides the rule, and the rest is renumbered', async () => {
    const reporter = await createAccount({ db: db(), username: 'rep', domain: 'r.example' });
    const target = await createAccount({ db: db(), username: 'tgt', domain: 't.example' });
    const open = await createReport({ db: db(), reporterId: reporter, targetId: target, category: 2000 });
    const closed = await createReport({ db: db(), reporterId: reporter, targetId: target, category: 2000, resolvedBy: reporter });
    await db().updateTable('reports').set({ rule_ids: [ids[0]!, ids[1]!] }).where('id', '=', open).execute();
    await db().updateTable('reports').set({ rule_ids: [ids[0]!] }).where('id', '=', closed).execute();
    const before = await listRules({ db: db() });
    expect(before.find((r) => r.id === ids[0])).toMatchObject({ reportsTotal: 2, reportsOpen: 1 });
    expect(before.find((r) => r.id === ids[1])).toMatchObject({ reportsTotal: 1, reportsOpen: 1 });

    expect(await softDeleteRule({ db: db(), id: ids[0]!, at })).toBe(true);
    expect(await softDeleteRule({ db: db(), id: ids[0]!, at })).toBe(false);
    await renumberRules({ db: db(), orderedIds: (await lockKeptRuleIds({ db: db() })), at });
    expect(await order()).toEqual([
      ['Mark NSFW media', 0],
      ['No spam', 1],
    ]);
    const deleted = await listRules({ db: db(), deleted: true });
    expect(deleted).toMatchObject([{ id: ids[0], text: 'Be kind', reportsTotal: 2 }]);
    expect(await db().selectFrom('rules').select('id').where('id', '=', ids[0]!).execute()).toHaveLength(1);
    expect(await updateRuleText({ db: db(), id: ids[0]!, text: 'x', hint: '', at })).toBe(false);
  });

  it('keeps one translation per language, replacing on save', async () => {
    await upsertRuleTranslation({ db: db(), ruleId: ids[1]!, language: 'de', text: 'Kein Spam', hint: '', at });
    await upsertRuleTranslation({ db: db(), ruleId: ids[1]!, language: 'de', text: 'Keine Werbung', hint: 'Auch keine Bots', at });
    await upsertRuleTranslation({ db: db(), ruleId: ids[1]!, language: 'pt-BR', text: 'Sem spam', hint: '', at });
    const rule = (await listRules({ db: db() })).find((r) => r.id === ids[1]);
    expect(rule?.translations.map((x) => [x.language, x.text, x.hint])).toEqual([
      ['de', 'Keine Werbung', 'Auch keine Bots'],
      ['pt-BR', 'Sem spam', ''],
    ]);
    expect(await deleteRuleTranslation({ db: db(), ruleId: ids[1]!, language: 'de' })).toBe(true);
    expect(await deleteRuleTranslation({ db: db(), ruleId: ids[1]!, language: 'de' })).toBe(false);
  });
});
