/**
 * Canary rows: entries list maintainers plant to catch blind imports — IFTAS's `dni.invalid` /
 * `aud.invalid` (label `iftas:canary`), Seirdy's `000delete.this.line.if.you.have.read…`, Oliphant's
 * `canary.tier0.example.com`. They must never be applied without a human deciding to.
 */
export type CanaryReason = 'reserved_tld' | 'documentation_domain' | 'canary_label' | 'delete_this_line' | 'canary_comment';

// RFC 2606/6761: names that can never be a real server.
const RESERVED_TLDS = ['invalid', 'localhost'];
const DOCUMENTATION_DOMAINS = ['example.com', 'example.net', 'example.org'];

/** What the name alone says. Cheap substring checks first: this runs for every row of every list. */
export function canaryName(domain: string): CanaryReason | null {
  const name = domain.toLowerCase();
  if (name.includes('delete') && /delete.?this.?line/.test(name)) return 'delete_this_line';
  for (const tld of RESERVED_TLDS) if (name.endsWith(tld) && (name.length === tld.length || name.charCodeAt(name.length - tld.length - 1) === 46)) return 'reserved_tld';
  if (name.includes('canary') && name.split('.').some((label) => label === 'canary' || /^canary[-_0-9]/.test(label))) return 'canary_label';
  if (name.includes('example.') && DOCUMENTATION_DOMAINS.some((d) => name === d || name.endsWith(`.${d}`))) return 'documentation_domain';
  return null;
}

/** What a comment says: "delete this line", or an IFTAS label / tag list containing "canary". */
export function canaryComment(comment: string | null | undefined): CanaryReason | null {
  if (!comment) return null;
  if (/delete this line/i.test(comment)) return 'delete_this_line';
  if (/canary/i.test(comment) && comment.split(/[,;\s]+/).some((tag) => /^(?:[a-z]+:)?canary$/i.test(tag))) return 'canary_comment';
  return null;
}

export function detectCanary(domain: string, comments: Array<string | null | undefined> = []): CanaryReason | null {
  const byName = canaryName(domain);
  if (byName) return byName;
  for (const comment of comments) {
    const reason = canaryComment(comment);
    if (reason) return reason;
  }
  return null;
}
