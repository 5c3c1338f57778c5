'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { listPendingSuggestionIds } from '@/db/queries/blocklist-suggestions';
import { failureFrom, invalidFrom, type ActionResult } from '@/lib/account-action-result';
import { suggestionFiltersSchema } from '@/lib/blocklist/merge-filters';
import { publishingFormSchema, settingsFormSchema, sourceFormSchema } from '@/lib/blocklist/sources';
import { applySuggestions, dismissSuggestions, type ApplyOutcome } from '@/lib/blocklist/sources-apply';
import { processExchangeContext } from '@/lib/blocklist/sources-context';
import { createAlly, createSource, deleteSource, issueAllyToken, revokeAlly, saveMergeSettings, savePublishing, updateSource } from '@/lib/blocklist/sources-manage';
import { recomputeSuggestions, refreshSource, type RefreshOutcome } from '@/lib/blocklist/sources-sync';
import { authorizeAction } from '@/lib/session';

/**
 * The blocklist exchange's server actions: authorize (manage_federation) → zod → lib → revalidate →
 * a closed result. Mastodon's blocks change only in applySuggestions, through the write path.
 */
async function authorize() {
  const auth = await authorizeAction('manage_federation');
  if (!('actor' in auth)) return { failure: auth.status === 'forbidden' ? ({ status: 'forbidden', message: null } as const) : ({ status: 'unauthenticated' } as const) };
  return { actor: auth.actor };
}

const idSchema = z.string().regex(/^\d+$/, 'id');
const idsSchema = z.array(idSchema).min(1, 'required').max(500, 'tooMany');

function revalidateAll() {
  revalidatePath('/blocklists', 'layout');
  revalidatePath('/federation');
}

/** Adds a source, fetches it at once and brings the queue up to date. */
export async function createSourceAction(input: unknown): Promise<ActionResult<{ id: string; refresh: RefreshOutcome }>> {
  const auth = await authorize();
  if (auth.failure) return auth.failure;
  const parsed = sourceFormSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let result;
  try {
    const ctx = await processExchangeContext();
    const source = await createSource(ctx, { actor: auth.actor, form: parsed.data });
    const refresh = parsed.data.enabled ? await refreshSource(ctx, source.id, { actorId: auth.actor.accountId }) : ({ status: 'not_modified', entries: 0 } as const);
    await recomputeSuggestions(ctx, { auto: true });
    result = { id: source.id, refresh };
  } catch (error) {
    return failureFrom(error, 'create blocklist source');
  }
  revalidateAll();
  return { status: 'success', ...result };
}

export async function updateSourceAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const auth = await authorize();
  if (auth.failure) return auth.failure;
  const id = idSchema.safeParse((input as { id?: unknown })?.id);
  const parsed = sourceFormSchema.safeParse(input);
  if (!id.success) return invalidFrom(id.error);
  if (!parsed.success) return invalidFrom(parsed.error);
  try {
    const ctx = await processExchangeContext();
    await updateSource(ctx, { actor: auth.actor, id: id.data, form: parsed.data });
    await recomputeSuggestions(ctx);
  } catch (error) {
    return failureFrom(error, 'update blocklist source');
  }
  revalidateAll();
  return { status: 'success', id: id.data };
}

export async function deleteSourceAction(input: { id: string }): Promise<ActionResult> {
  const auth = await authorize();
  if (auth.failure) return auth.failure;
  const id = idSchema.safeParse(input?.id);
  if (!id.success) return invalidFrom(id.error);
  try {
    const ctx = await processExchangeContext();
    await deleteSource(ctx, { actor: auth.actor, id: id.data });
    await recomputeSuggestions(ctx);
  } catch (error) {
    return failureFrom(error, 'delete blocklist source');
  }
  revalidateAll();
  return { status: 'success' };
}

export async function refreshSourceAction(input: { id: string }): Promise<ActionResult<{ refresh: RefreshOutcome }>> {
  const auth = await authorize();
  if (auth.failure) return auth.failure;
  const id = idSchema.safeParse(input?.id);
  if (!id.success) return invalidFrom(id.error);
  let refresh: RefreshOutcome;
  try {
    const ctx = await processExchangeContext();
    refresh = await refreshSource(ctx, id.data, { actorId: auth.actor.accountId });
    if (refresh.status === 'ok') await recomputeSuggestions(ctx, { auto: true });
  } catch (error) {
    return failureFrom(error, 'refresh blocklist source');
  }
  revalidateAll();
  return { status: 'success', refresh };
}

export async function recomputeAction(): Promise<ActionResult<{ busy: boolean }>> {
  const auth = await authorize();
  if (auth.failure) return auth.failure;
  let busy = false;
  try {
    busy = (await recomputeSuggestions(await processExchangeContext())).status === 'busy';
  } catch (error) {
    return failureFrom(error, 'merge blocklists');
  }
  revalidateAll();
  return { status: 'success', busy };
}

const applySchema = z.object({ ids: idsSchema, overrides: z.array(idSchema).max(500).default([]) });

/** One batch of the review's apply (the browser sends batches and shows progress). */
export async function applySuggestionsAction(input: unknown): Promise<ActionResult<{ outcomes: ApplyOutcome[] }>> {
  const auth = await authorize();
  if (auth.failure) return auth.failure;
  const parsed = applySchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let outcomes: ApplyOutcome[];
  try {
    const ctx = await processExchangeContext();
    outcomes = await applySuggestions({ db: ctx.db, writePath: ctx.writePath! }, { ids: parsed.data.ids, actor: auth.actor, overrides: parsed.data.overrides, mode: 'manual' });
  } catch (error) {
    return failureFrom(error, 'apply blocklist suggestions');
  }
  revalidateAll();
  return { status: 'success', outcomes };
}

export async function dismissSuggestionsAction(input: unknown): Promise<ActionResult<{ dismissed: string[] }>> {
  const auth = await authorize();
  if (auth.failure) return auth.failure;
  const parsed = z.object({ ids: idsSchema }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let dismissed: string[];
  try {
    const ctx = await processExchangeContext();
    ({ dismissed } = await dismissSuggestions(ctx, { ids: parsed.data.ids, actor: auth.actor }));
  } catch (error) {
    return failureFrom(error, 'dismiss blocklist suggestions');
  }
  revalidateAll();
  return { status: 'success', dismissed };
}

/** Every pending suggestion matching the queue's filters, for "apply all" (sent back in batches). */
export async function pendingIdsAction(input: unknown): Promise<ActionResult<{ ids: string[] }>> {
  const auth = await authorize();
  if (auth.failure) return auth.failure;
  const filters = suggestionFiltersSchema.parse(input ?? {});
  try {
    const ctx = await processExchangeContext();
    return { status: 'success', ids: await listPendingSuggestionIds({ db: ctx.db, filters: { action: filters.action, q: filters.q } }) };
  } catch (error) {
    return failureFrom(error, 'list blocklist suggestions');
  }
}

export async function saveSettingsAction(input: unknown): Promise<ActionResult<{ excludesAdded: number; excludesRemoved: number }>> {
  const auth = await authorize();
  if (auth.failure) return auth.failure;
  const parsed = settingsFormSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let result;
  try {
    const ctx = await processExchangeContext();
    result = await saveMergeSettings(ctx, { actor: auth.actor, form: parsed.data });
    await recomputeSuggestions(ctx);
  } catch (error) {
    return failureFrom(error, 'save blocklist settings');
  }
  revalidateAll();
  return { status: 'success', ...result };
}

export async function savePublishingAction(input: unknown): Promise<ActionResult> {
  const auth = await authorize();
  if (auth.failure) return auth.failure;
  const parsed = publishingFormSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  try {
    await savePublishing(await processExchangeContext(), { actor: auth.actor, form: parsed.data });
  } catch (error) {
    return failureFrom(error, 'save publishing settings');
  }
  revalidatePath('/blocklists/publishing');
  return { status: 'success' };
}

const allySchema = z.object({ name: z.string().trim().min(1, 'required').max(100, 'tooLong'), domain: z.string().trim().max(253, 'tooLong').default('') });

/** The token is in this answer only; Palisade keeps its hash. */
export async function createAllyAction(input: unknown): Promise<ActionResult<{ allyId: string; token: string }>> {
  const auth = await authorize();
  if (auth.failure) return auth.failure;
  const parsed = allySchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let result;
  try {
    result = await createAlly(await processExchangeContext(), { actor: auth.actor, name: parsed.data.name, domain: parsed.data.domain || null });
  } catch (error) {
    return failureFrom(error, 'create blocklist ally');
  }
  revalidatePath('/blocklists/publishing');
  return { status: 'success', ...result };
}

export async function issueTokenAction(input: { allyId: string }): Promise<ActionResult<{ token: string }>> {
  const auth = await authorize();
  if (auth.failure) return auth.failure;
  const id = idSchema.safeParse(input?.allyId);
  if (!id.success) return invalidFrom(id.error);
  let result;
  try {
    result = await issueAllyToken(await processExchangeContext(), { actor: auth.actor, allyId: id.data });
  } catch (error) {
    return failureFrom(error, 'issue blocklist token');
  }
  revalidatePath('/blocklists/publishing');
  return { status: 'success', ...result };
}

export async function revokeAllyAction(input: { allyId: string; tokenId?: string | null }): Promise<ActionResult> {
  const auth = await authorize();
  if (auth.failure) return auth.failure;
  const parsed = z.object({ allyId: idSchema, tokenId: idSchema.nullish() }).safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  try {
    await revokeAlly(await processExchangeContext(), { actor: auth.actor, allyId: parsed.data.allyId, tokenId: parsed.data.tokenId ?? null });
  } catch (error) {
    return failureFrom(error, 'revoke blocklist ally');
  }
  revalidatePath('/blocklists/publishing');
  return { status: 'success' };
}
