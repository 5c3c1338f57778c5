import { z } from 'zod';

const ID = /^\d{1,19}$/;

/** AccountWarningPreset: text required; the title is optional in Mastodon (shown in the picker). */
export const presetSchema = z.object({
  id: z.string().regex(ID, 'Not a preset id.').nullish(),
  title: z.string().trim().max(200, 'A title can be at most 200 characters.').default(''),
  text: z.string().trim().min(1, 'The preset needs a text.').max(5000, 'The text can be at most 5000 characters.'),
});
export type PresetInput = z.input<typeof presetSchema>;

export const presetIdSchema = z.object({ id: z.string().regex(ID, 'Not a preset id.') });
export type PresetIdInput = z.input<typeof presetIdSchema>;
