import { z } from 'zod';

/** Mastodon's Rule::TEXT_SIZE_LIMIT (also for translations). */
export const RULE_TEXT_LIMIT = 300;
/** Mastodon does not limit hints; a screenful is plenty and bounds what a form can post. */
export const RULE_HINT_LIMIT = 2000;

export const ruleSchema = z.object({
  text: z.string().trim().min(1, 'required').max(RULE_TEXT_LIMIT, 'tooLong'),
  hint: z.string().trim().max(RULE_HINT_LIMIT, 'tooLong').default(''),
});

/** A locale tag such as `de`, `pt-BR` or `zh-Hant` (what RuleTranslation stores). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const translationSchema = ruleSchema.extend({
  language: z.string().trim().regex(LANGUAGE_TAG, 'language'),
});

/** Common locales Mastodon ships, offered as suggestions (any valid tag is accepted). */
export const SUGGESTED_LANGUAGES = ['ar', 'ca', 'cs', 'cy', 'da', 'de', 'el', 'eo', 'es', 'es-AR', 'eu', 'fa', 'fi', 'fr', 'ga', 'gl', 'he', 'hu', 'id', 'it', 'ja', 'ko', 'nl', 'no', 'pl', 'pt-BR', 'pt-PT', 'ru', 'sv', 'th', 'tr', 'uk', 'vi', 'zh-CN', 'zh-TW'];

/**
 * Rule#move!: take the rule out and put it back `offset` places further, clamped to the list.
 * Returns the new order (ids), or null when the rule is not in it.
 */
export function moveRule(orderedIds: readonly string[], id: string, offset: number): string[] | null {
  const index = orderedIds.indexOf(id);
  if (index < 0) return null;
  const next = orderedIds.filter((x) => x !== id);
  next.splice(Math.max(0, Math.min(next.length, index + offset)), 0, id);
  return next;
}

/**
 * A full order posted by drag and drop must be a permutation of the rules in force now; anything
 * else means the list changed meanwhile (another moderator), and the page must reload.
 */
export function isSameRuleSet(current: readonly string[], proposed: readonly string[]): boolean {
  if (current.length !== proposed.length) return false;
  const a = [...current].sort();
  const b = [...proposed].sort();
  return a.every((x, i) => x === b[i]);
}
