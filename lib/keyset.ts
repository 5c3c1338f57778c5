/**
 * Opaque keyset cursors for URLs: the sort-key values of the last row seen, e.g. [created_at, id].
 * Ids stay strings; dates travel as ISO strings. A cursor that does not parse is ignored (page one)
 * rather than an error, because it came from a URL someone may have edited.
 */
export type CursorValue = string | number | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, length: number): CursorValue[] | null {
  if (!cursor || cursor.length > 512) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== length) return null;
    if (!parsed.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) return null;
    return parsed as CursorValue[];
  } catch {
    return null;
  }
}

/** Fetch one row more than the page to know whether a next page exists, without counting. */
export function splitPage<T>(rows: T[], limit: number): { rows: T[]; hasMore: boolean } {
  return rows.length > limit ? { rows: rows.slice(0, limit), hasMore: true } : { rows, hasMore: false };
}
