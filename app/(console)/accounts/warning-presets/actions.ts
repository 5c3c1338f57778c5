'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { recordEvent } from '@/db/queries/events';
import { deleteWarningPreset, getWarningPreset, insertWarningPreset, updateWarningPreset } from '@/db/queries/warning-presets';
import { failureFrom, invalidFrom, type ActionResult } from '@/lib/account-action-result';
import { presetIdSchema, presetSchema, type PresetIdInput, type PresetInput } from '@/lib/account-warning-presets';
import { authorizeAction } from '@/lib/session';

/**
 * Warning presets (Admin::WarningPresetsController, manage_settings). No side effects in Mastodon
 * and no Admin API, so written directly in both modes; Mastodon does not audit-log them, Palisade
 * records the change in its own event log.
 */
export async function savePreset(input: PresetInput): Promise<ActionResult<{ id: string }>> {
  const auth = await authorizeAction('manage_settings');
  if (!('actor' in auth)) return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
  const parsed = presetSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const { id, title, text } = parsed.data;
  let saved: string | null;
  try {
    const db = await getDb();
    saved = await db.transaction().execute(async (trx) => {
      const at = new Date();
      if (id) {
        if (!(await updateWarningPreset({ db: trx, id, title, text, at }))) return null;
        await recordEvent({ db: trx, actorId: auth.actor.accountId, targetType: 'AccountWarningPreset', action: 'update', targetId: id, humanIdentifier: title || null, at });
        return id;
      }
      const created = await insertWarningPreset({ db: trx, title, text, at });
      await recordEvent({ db: trx, actorId: auth.actor.accountId, targetType: 'AccountWarningPreset', action: 'create', targetId: created, humanIdentifier: title || null, at });
      return created;
    });
  } catch (error) {
    return failureFrom(error, 'save warning preset');
  }
  if (!saved) return { status: 'error', code: 'not_found', message: 'This preset was deleted meanwhile.' };
  revalidatePath('/accounts/warning-presets');
  return { status: 'success', id: saved };
}

export async function removePreset(input: PresetIdInput): Promise<ActionResult> {
  const auth = await authorizeAction('manage_settings');
  if (!('actor' in auth)) return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
  const parsed = presetIdSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let deleted = false;
  try {
    const db = await getDb();
    deleted = await db.transaction().execute(async (trx) => {
      const preset = await getWarningPreset({ db: trx, id: parsed.data.id });
      if (!preset || !(await deleteWarningPreset({ db: trx, id: parsed.data.id }))) return false;
      await recordEvent({ db: trx, actorId: auth.actor.accountId, targetType: 'AccountWarningPreset', action: 'destroy', targetId: preset.id, humanIdentifier: preset.title || null });
      return true;
    });
  } catch (error) {
    return failureFrom(error, 'delete warning preset');
  }
  if (!deleted) return { status: 'error', code: 'not_found', message: 'This preset was already deleted.' };
  revalidatePath('/accounts/warning-presets');
  return { status: 'success' };
}
