import type { Db } from '../client';

export interface ModeratorMediaPreference {
  blur: boolean;
  greyscale: boolean;
}

/** The moderator's media default; blurred and greyscale until they choose otherwise. */
export async function getModeratorMediaPreference({ db, accountId }: { db: Db; accountId: string }): Promise<ModeratorMediaPreference> {
  const row = await db
    .selectFrom('palisade.moderator_preferences')
    .select(['media_blur', 'media_greyscale'])
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return { blur: row?.media_blur ?? true, greyscale: row?.media_greyscale ?? true };
}

export async function setModeratorMediaPreference({ db, accountId, preference, at = new Date() }: { db: Db; accountId: string; preference: ModeratorMediaPreference; at?: Date }): Promise<void> {
  await db
    .insertInto('palisade.moderator_preferences')
    .values({ account_id: accountId, media_blur: preference.blur, media_greyscale: preference.greyscale, updated_at: at })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ media_blur: preference.blur, media_greyscale: preference.greyscale, updated_at: at }))
    .execute();
}
