import { z } from 'zod';
import { SEVERITIES } from '@/lib/blocklist/severity';

/** Mastodon does not limit comment length; these bound what one form can post. */
export const COMMENT_LIMIT = 5000;

const comment = z
  .string()
  .max(COMMENT_LIMIT, 'tooLong')
  .nullable()
  .default(null)
  .transform((v) => (v && v.trim() !== '' ? v.trim() : null));

/** The fields of Mastodon's domain-block form (shared by the form, the preview and the actions). */
export const domainBlockFieldsSchema = z.object({
  severity: z.enum(SEVERITIES),
  rejectMedia: z.boolean().default(false),
  rejectReports: z.boolean().default(false),
  privateComment: comment,
  publicComment: comment,
  obfuscate: z.boolean().default(false),
});

export const createDomainBlockSchema = domainBlockFieldsSchema.extend({
  domain: z.string().trim().min(1, 'required').max(300, 'tooLong'),
});

export const updateDomainBlockSchema = domainBlockFieldsSchema.extend({
  id: z.string().regex(/^\d+$/, 'id'),
});

export const previewDomainBlockSchema = z.object({
  domain: z.string().trim().max(300),
  /** The block being edited or removed (its own accounts count as lifted, not as conflicts). */
  id: z.string().regex(/^\d+$/).nullable().default(null),
});

export type DomainBlockFieldsInput = z.input<typeof domainBlockFieldsSchema>;
export type CreateDomainBlockInput = z.input<typeof createDomainBlockSchema>;
export type UpdateDomainBlockInput = z.input<typeof updateDomainBlockSchema>;
export type PreviewDomainBlockInput = z.input<typeof previewDomainBlockSchema>;
