import type { AuditSentence } from './audit-sentences';

/**
 * One chronological history per account, merged from the sources moderators act through:
 * Mastodon's audit log, Palisade's own events, notes, strikes, reports and appeals.
 */
export type TimelineItem =
  /** A row of Mastodon's audit log or of Palisade's events, already worded by describeAuditRow. */
  | { kind: 'audit'; id: string; at: Date; source: 'mastodon' | 'palisade'; sentence: AuditSentence }
  | { kind: 'note'; id: string; at: Date; actor: string | null; content: string }
  | { kind: 'strike'; id: string; at: Date; actor: string | null; action: number; text: string; overruled: boolean }
  | { kind: 'report'; id: string; at: Date; side: 'against' | 'by'; other: string; category: number; open: boolean }
  | { kind: 'appeal'; id: string; at: Date; strikeId: string };

/** Same instant: the order things happen in Mastodon (report, then action, strike, then the rest). */
const KIND_ORDER: Record<TimelineItem['kind'], number> = { appeal: 0, note: 1, audit: 2, strike: 3, report: 4 };

/** Newest first; stable for equal times; at most `limit` items. */
export function mergeTimeline(items: TimelineItem[], limit: number): TimelineItem[] {
  return [...items]
    .sort((a, b) => b.at.getTime() - a.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0))
    .slice(0, limit);
}

/** Report categories by their stored integer (mastodon.md §3.1). */
export function reportCategoryName(value: number): 'other' | 'spam' | 'legal' | 'violation' {
  switch (value) {
    case 1000:
      return 'spam';
    case 1500:
      return 'legal';
    case 2000:
      return 'violation';
    default:
      return 'other';
  }
}

/** A moderator-facing UTC timestamp to the minute: `2026-11-20 14:05 UTC`. */
export function utcMinute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
