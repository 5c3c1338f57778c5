import { describe, expect, it } from 'vitest';
import { addNoteSchema, mayAddNote, mayDeleteNote } from './account-notes';

const moderator = { accountId: '10', permissions: 16n | 1024n, rolePosition: 10 };

describe('moderation note policy (AccountModerationNotePolicy)', () => {
  it('needs manage_reports to add', () => {
    expect(mayAddNote(moderator)).toBe(true);
    expect(mayAddNote({ permissions: 1024n })).toBe(false);
    expect(mayAddNote({ permissions: 1n })).toBe(true);
  });

  it('lets you delete your own notes, or others’ when your role outranks the author’s', () => {
    expect(mayDeleteNote(moderator, { authorAccountId: '10', authorRolePosition: 1000 })).toBe(true);
    expect(mayDeleteNote(moderator, { authorAccountId: '11', authorRolePosition: 10 })).toBe(false);
    expect(mayDeleteNote(moderator, { authorAccountId: '11', authorRolePosition: -1 })).toBe(true);
    expect(mayDeleteNote({ ...moderator, permissions: 1024n }, { authorAccountId: '11', authorRolePosition: -1 })).toBe(false);
  });

  it('refuses empty and over-long notes', () => {
    expect(addNoteSchema.safeParse({ accountId: '1', content: '   ' }).success).toBe(false);
    expect(addNoteSchema.safeParse({ accountId: '1', content: 'x'.repeat(2001) }).success).toBe(false);
    expect(addNoteSchema.parse({ accountId: '1', content: ' watch this one ' }).content).toBe('watch this one');
  });
});
