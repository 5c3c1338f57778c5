'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { recordEvent } from '@/db/queries/events';
import { deleteRuleTranslation, getRule, insertRule, lockKeptRuleIds, renumberRules, softDeleteRule, updateRuleText, upsertRuleTranslation } from '@/db/queries/rules';
import { failureFrom, invalidFrom, type ActionFailure, type ActionResult } from '@/lib/account-action-result';
import { isSameRuleSet, moveRule as moveInOrder, ruleSchema, translationSchema } from '@/lib/server-rules';
import { authorizeAction } from '@/lib/session';

/**
 * Server rules (Admin::RulesController, manage_rules). Mastodon has no Admin API for rules and
 * writing them has no side effects (mastodon.md §5.5), so they are written directly in both modes.
 * Priorities stay contiguous (0…n−1, Rule#move!), deletion is a discard (reports cite rule ids).
 * Mastodon keeps no audit row for rules; Palisade records each change in its own event log.
 */
type Auth = { actor: { accountId: string } } | ActionFailure;

async function authorize(): Promise<Auth> {
  const auth = await authorizeAction('manage_rules');
  if ('actor' in auth) return auth;
  return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
}

const id = z.string().regex(/^\d+$/, 'id');

async function inTransaction<T>(context: string, work: (trx: Db, at: Date) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; failure: ActionFailure }> {
  try {
    const db = await getDb();
    return { ok: true, value: await db.transaction().execute((trx) => work(trx, new Date())) };
  } catch (error) {
    return { ok: false, failure: failureFrom(error, context) };
  }
}

const gone = { status: 'error', code: 'not_found', message: 'This rule was deleted meanwhile. Reload the page.' } as const;

export async function createRule(input: { text: string; hint?: string }): Promise<ActionResult<{ id: string }>> {
  const auth = await authorize();
  if (!('actor' in auth)) return auth;
  const parsed = ruleSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const done = await inTransaction('create rule', async (trx, at) => {
    const order = await lockKeptRuleIds({ db: trx });
    // Appended at the end; renumbering first heals any gap or tie left by other tools.
    await renumberRules({ db: trx, orderedIds: order, at });
    const created = await insertRule({ db: trx, text: parsed.data.text, hint: parsed.data.hint, priority: order.length, at });
    await recordEvent({ db: trx, actorId: auth.actor.accountId, targetType: 'Rule', action: 'create', targetId: created, humanIdentifier: parsed.data.text.slice(0, 80), at });
    return created;
  });
  if (!done.ok) return done.failure;
  revalidatePath('/rules');
  return { status: 'success', id: done.value };
}

export async function updateRule(input: { id: string; text: string; hint?: string }): Promise<ActionResult> {
  const auth = await authorize();
  if (!('actor' in auth)) return auth;
  const parsed = ruleSchema.extend({ id }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const done = await inTransaction('update rule', async (trx, at) => {
    if (!(await updateRuleText({ db: trx, id: parsed.data.id, text: parsed.data.text, hint: parsed.data.hint, at }))) return false;
    await recordEvent({ db: trx, actorId: auth.actor.accountId, targetType: 'Rule', action: 'update', targetId: parsed.data.id, humanIdentifier: parsed.data.text.slice(0, 80), at });
    return true;
  });
  if (!done.ok) return done.failure;
  if (!done.value) return gone;
  revalidatePath('/rules');
  return { status: 'success' };
}

export async function deleteRule(input: { id: string }): Promise<ActionResult> {
  const auth = await authorize();
  if (!('actor' in auth)) return auth;
  const parsed = z.object({ id }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const done = await inTransaction('delete rule', async (trx, at) => {
    const order = await lockKeptRuleIds({ db: trx });
    const rule = await getRule({ db: trx, id: parsed.data.id });
    if (!rule || !(await softDeleteRule({ db: trx, id: parsed.data.id, at }))) return false;
    await renumberRules({ db: trx, orderedIds: order.filter((x) => x !== parsed.data.id), at });
    await recordEvent({ db: trx, actorId: auth.actor.accountId, targetType: 'Rule', action: 'destroy', targetId: rule.id, humanIdentifier: rule.text.slice(0, 80), at });
    return true;
  });
  if (!done.ok) return done.failure;
  if (!done.value) return gone;
  revalidatePath('/rules');
  return { status: 'success' };
}

/** Rule#move! (the arrow buttons and Alt+arrow keys). */
export async function moveRule(input: { id: string; offset: number }): Promise<ActionResult<{ order: string[] }>> {
  const auth = await authorize();
  if (!('actor' in auth)) return auth;
  const parsed = z.object({ id, offset: z.number().int().min(-1000).max(1000) }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const done = await inTransaction('move rule', async (trx, at) => {
    const order = moveInOrder(await lockKeptRuleIds({ db: trx }), parsed.data.id, parsed.data.offset);
    if (!order) return null;
    await renumberRules({ db: trx, orderedIds: order, at });
    await recordEvent({ db: trx, actorId: auth.actor.accountId, targetType: 'Rule', action: 'reorder', targetId: parsed.data.id, humanIdentifier: null, data: { position: order.indexOf(parsed.data.id) + 1 }, at });
    return order;
  });
  if (!done.ok) return done.failure;
  if (!done.value) return gone;
  revalidatePath('/rules');
  return { status: 'success', order: done.value };
}

/** A whole new order (drag and drop). Refused when the set of rules changed meanwhile. */
export async function reorderRules(input: { ids: string[] }): Promise<ActionResult<{ order: string[] }>> {
  const auth = await authorize();
  if (!('actor' in auth)) return auth;
  const parsed = z.object({ ids: z.array(id).max(500) }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const done = await inTransaction('reorder rules', async (trx, at) => {
    const current = await lockKeptRuleIds({ db: trx });
    if (!isSameRuleSet(current, parsed.data.ids)) return null;
    await renumberRules({ db: trx, orderedIds: parsed.data.ids, at });
    await recordEvent({ db: trx, actorId: auth.actor.accountId, targetType: 'Rule', action: 'reorder', targetId: null, humanIdentifier: null, data: { rules: parsed.data.ids.length }, at });
    return parsed.data.ids;
  });
  if (!done.ok) return done.failure;
  if (!done.value) return { status: 'error', code: 'conflict', message: 'The rules changed while you were reordering them. The page now shows the current order.' };
  revalidatePath('/rules');
  return { status: 'success', order: done.value };
}

/** rule_translations: one per (rule, language); saving an existing language replaces it. */
export async function saveRuleTranslation(input: { ruleId: string; language: string; text: string; hint?: string }): Promise<ActionResult> {
  const auth = await authorize();
  if (!('actor' in auth)) return auth;
  const parsed = translationSchema.extend({ ruleId: id }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const done = await inTransaction('save rule translation', async (trx, at) => {
    const rule = await getRule({ db: trx, id: parsed.data.ruleId });
    if (!rule || rule.deletedAt) return false;
    await upsertRuleTranslation({ db: trx, ruleId: rule.id, language: parsed.data.language, text: parsed.data.text, hint: parsed.data.hint, at });
    await recordEvent({ db: trx, actorId: auth.actor.accountId, targetType: 'Rule', action: 'translate', targetId: rule.id, humanIdentifier: rule.text.slice(0, 80), data: { language: parsed.data.language }, at });
    return true;
  });
  if (!done.ok) return done.failure;
  if (!done.value) return gone;
  revalidatePath('/rules');
  return { status: 'success' };
}

export async function removeRuleTranslation(input: { ruleId: string; language: string }): Promise<ActionResult> {
  const auth = await authorize();
  if (!('actor' in auth)) return auth;
  const parsed = z.object({ ruleId: id, language: z.string().min(1).max(35) }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const done = await inTransaction('remove rule translation', async (trx, at) => {
    const rule = await getRule({ db: trx, id: parsed.data.ruleId });
    if (!rule || !(await deleteRuleTranslation({ db: trx, ruleId: rule.id, language: parsed.data.language }))) return false;
    await recordEvent({ db: trx, actorId: auth.actor.accountId, targetType: 'Rule', action: 'translate', targetId: rule.id, humanIdentifier: rule.text.slice(0, 80), data: { language: parsed.data.language, removed: true }, at });
    return true;
  });
  if (!done.ok) return done.failure;
  if (!done.value) return gone;
  revalidatePath('/rules');
  return { status: 'success' };
}
