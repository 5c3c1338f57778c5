import { z } from 'zod';
import { SEVERITIES } from '@/lib/blocklist/severity';

/**
 * The domain-block list's state lives in the URL. Anything that does not parse falls back to the
 * default instead of erroring: URLs get edited, bookmarked and shared.
 */
export const DOMAIN_BLOCK_SORTS = ['newest', 'oldest', 'domain', 'severity'] as const;
export type DomainBlockSort = (typeof DOMAIN_BLOCK_SORTS)[number];

const yesNo = z.enum(['yes', 'no']).optional().catch(undefined);

export const domainBlockFiltersSchema = z.object({
  q: z
    .string()
    .trim()
    .max(253)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  reject_media: yesNo,
  reject_reports: yesNo,
  obfuscate: yesNo,
  private_comment: yesNo,
  sort: z.enum(DOMAIN_BLOCK_SORTS).optional().catch(undefined),
  cursor: z.string().max(512).optional().catch(undefined),
});

export type DomainBlockFilters = z.infer<typeof domainBlockFiltersSchema>;

export function parseDomainBlockFilters(params: Record<string, string | string[] | undefined>): DomainBlockFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return domainBlockFiltersSchema.parse(flat);
}

/** Query string for the same filters with some changed; `cursor` is dropped unless given. */
export function domainBlockFiltersHref(base: string, filters: DomainBlockFilters, changes: Partial<DomainBlockFilters> = {}): string {
  const next: Record<string, string | undefined> = { ...filters, cursor: undefined, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
