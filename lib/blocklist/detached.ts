/**
 * A copy of `s` that holds no reference to the text it was cut from. V8 keeps a substring as a
 * view on its parent, so a name kept from a 256 KB chunk of a list would keep the whole chunk
 * alive: whatever outlives a row (a merge's domains and comments, a parser's caches) is copied.
 */
export function detached(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
