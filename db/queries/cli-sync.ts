import type { Db } from '../client';

/**
 * For `palisade blocklist sync --dry-run`: which suggestions are already in the queue and which
 * were dismissed, by fingerprint — what the real run compares its plan with before inserting.
 */
export async function listSuggestionFingerprints({ db }: { db: Db }): Promise<{ pending: Map<string, string>; dismissed: Set<string> }> {
  const pending = await db.selectFrom('palisade.blocklist_suggestions').select(['domain', 'fingerprint']).where('state', '=', 'pending').execute();
  const dismissed = await db.selectFrom('palisade.blocklist_dismissals').select(['domain', 'fingerprint']).execute();
  return { pending: new Map(pending.map((r) => [r.domain, r.fingerprint])), dismissed: new Set(dismissed.map((d) => `${d.domain}\n${d.fingerprint}`)) };
}
