import { z } from 'zod';
import { SUGGESTION_ACTIONS } from './merge-suggestions';

/**
 * The review queue's state in the URL (`/blocklists?action=add&q=…&cursor=…`). Anything that does
 * not parse falls back to the default: URLs get edited and shared.
 */
export const suggestionFiltersSchema = z.object({
  action: z.enum(SUGGESTION_ACTIONS).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .toLowerCase()
    .max(253)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  cursor: z.string().max(512).optional().catch(undefined),
});

export type SuggestionQueueFilters = z.infer<typeof suggestionFiltersSchema>;

export function parseSuggestionFilters(params: Record<string, string | string[] | undefined>): SuggestionQueueFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return suggestionFiltersSchema.parse(flat);
}

export function suggestionFiltersHref(filters: SuggestionQueueFilters, changes: Partial<SuggestionQueueFilters> = {}): string {
  const next: Record<string, string | undefined> = { ...filters, cursor: undefined, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/blocklists?${query}` : '/blocklists';
}
