/**
 * Canary rows: entries list maintainers plant to catch blind imports — IFTAS's `dni.invalid` /
 * `aud.invalid` (label `iftas:canary`), Seirdy's `000delete.this.line.if.you.have.read…`, Oliphant's
 * `canary.tier0.example.com`. They must never be applied without a human deciding to.
 */
export type CanaryReason = 'reserved_tld' | 'documentation_domain' | 'canary_label' | 'delete_this_line' | 'canary_comment';

// RFC 2606/6761: names that can never be a real server.
const RESERVED_TLDS = new Set(['invalid', 'localhost']);
const DOCUMENTATION_DOMAINS = ['example.com', 'example.net', 'example.org'];

export function detectCanary(domain: string, comments: Array<string | null | undefined> = []): CanaryReason | null {
  const name = domain.toLowerCase();
  // Cheap substring checks first: this runs for every row of every list.
  if (name.includes('delete') && /delete.?this.?line/.test(name)) return 'delete_this_line';
  if (RESERVED_TLDS.has(name.slice(name.lastIndexOf('.') + 1))) return 'reserved_tld';
  if (name.includes('canary') && name.split('.').some((label) => label === 'canary' || /^canary[-_0-9]/.test(label))) return 'canary_label';
  if (name.includes('example.') && DOCUMENTATION_DOMAINS.some((d) => name === d || name.endsWith(`.${d}`))) return 'documentation_domain';
  for (const comment of comments) {
    if (!comment) continue;
    if (/delete this line/i.test(comment)) return 'delete_this_line';
    // IFTAS labels (`iftas:canary`) or a tag list containing "canary".
    if (/canary/i.test(comment) && comment.split(/[,;\s]+/).some((tag) => /^(?:[a-z]+:)?canary$/i.test(tag))) return 'canary_comment';
  }
  return null;
}
