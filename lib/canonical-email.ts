import crypto from 'node:crypto';

/**
 * Mastodon's canonical e-mail (CanonicalEmailBlock): lowercase the address, strip every dot and
 * any +tag from the local part, keep the domain. Applied to every domain, not only Gmail.
 */
export function canonicalEmail(email: string): string {
  const lowered = email.trim().toLowerCase();
  const at = lowered.lastIndexOf('@');
  if (at < 0) return lowered;
  const local = lowered.slice(0, at).split('+')[0]!.replace(/\./g, '');
  return `${local}@${lowered.slice(at + 1)}`;
}

/** `canonical_email_blocks.canonical_email_hash`: SHA-256 hex of the canonical e-mail. */
export function canonicalEmailHash(email: string): string {
  return crypto.createHash('sha256').update(canonicalEmail(email)).digest('hex');
}
