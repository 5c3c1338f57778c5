import { z } from 'zod';
import { can } from './permissions';

/** AccountModerationNote: content required, at most 2000 characters. */
export const NOTE_MAX = 2000;

const ID = /^-?\d{1,19}$/;
export const addNoteSchema = z.object({
  accountId: z.string().regex(ID, 'Not an account id.'),
  content: z.string().trim().min(1, 'Write something first.').max(NOTE_MAX, `A note can be at most ${NOTE_MAX} characters.`),
});
export const deleteNoteSchema = z.object({ noteId: z.string().regex(ID, 'Not a note id.'), accountId: z.string().regex(ID, 'Not an account id.') });
export type AddNoteInput = z.input<typeof addNoteSchema>;
export type DeleteNoteInput = z.input<typeof deleteNoteSchema>;

/** AccountModerationNotePolicy#create?: manage_reports. */
export function mayAddNote(actor: { permissions: bigint }): boolean {
  return can(actor.permissions, 'manage_reports');
}

/**
 * AccountModerationNotePolicy#destroy?: your own note, or someone else's when you can manage
 * reports and your role outranks theirs (UserRole#overrides?).
 */
export function mayDeleteNote(actor: { accountId: string; permissions: bigint; rolePosition: number }, note: { authorAccountId: string; authorRolePosition: number }): boolean {
  if (note.authorAccountId === actor.accountId) return true;
  return can(actor.permissions, 'manage_reports') && actor.rolePosition > note.authorRolePosition;
}
