import { REPORT_NOTE_MAX_LENGTH } from '@/db/queries/report-notes';
import { WritePathError } from '../types';
import { MAX_BULK_REPORTS } from './types';

const ID = /^\d{1,19}$/;

export function checkReportId(reportId: string): void {
  if (!ID.test(reportId)) throw new WritePathError('invalid', 'A report id is a number.');
}

/** Ids of a bulk action: numbers, no duplicates, at least one and at most a queue page. */
export function checkBulkIds(reportIds: readonly string[]): string[] {
  const ids = [...new Set(reportIds)];
  if (ids.length === 0) throw new WritePathError('invalid', 'Select at least one report.');
  if (ids.length > MAX_BULK_REPORTS) throw new WritePathError('invalid', `Select at most ${MAX_BULK_REPORTS} reports at once.`);
  for (const id of ids) checkReportId(id);
  return ids.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
}

/** A note's text as Mastodon validates it: present, at most 2000 characters. */
export function checkNote(content: string): string {
  const trimmed = content.trim();
  if (trimmed === '') throw new WritePathError('invalid', 'A note cannot be empty.');
  if ([...trimmed].length > REPORT_NOTE_MAX_LENGTH) throw new WritePathError('invalid', `A note holds at most ${REPORT_NOTE_MAX_LENGTH} characters.`);
  return trimmed;
}

export function staleReportError(reportId: string): WritePathError {
  return new WritePathError('conflict', `Report #${reportId} changed while you were looking at it (someone acted on it or added a note). Nothing was applied: look at what happened, then act again if it is still needed.`);
}
