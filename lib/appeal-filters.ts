import { z } from 'zod';
import { decodeCursor, encodeCursor } from './keyset';

/** Admin::AppealFilter's statuses, plus `all`; Mastodon's default is pending. */
export const APPEAL_STATUSES = ['pending', 'approved', 'rejected', 'all'] as const;
export type AppealStatusFilter = (typeof APPEAL_STATUSES)[number];

export interface AppealCursorValue {
  rank: 0 | 1;
  createdAt: string;
  id: string;
}

export interface ParsedAppealSearch {
  status: AppealStatusFilter;
  after: AppealCursorValue | null;
  /** The raw cursor, to build links back. */
  cursor: string | null;
}

const Params = z.object({
  status: z.enum(APPEAL_STATUSES).catch('pending').default('pending'),
  after: z.string().max(512).optional().catch(undefined),
});

export function encodeAppealCursor(row: { rank: 0 | 1; createdAt: Date; id: string }): string {
  return encodeCursor([row.rank, row.createdAt.toISOString(), row.id]);
}

/** A cursor that does not parse means page one (it came from a URL someone may have edited). */
export function decodeAppealCursor(cursor: string | null | undefined): AppealCursorValue | null {
  const values = decodeCursor(cursor, 3);
  if (!values) return null;
  const [rank, createdAt, id] = values;
  if ((rank !== 0 && rank !== 1) || typeof createdAt !== 'string' || typeof id !== 'string') return null;
  if (!/^\d{1,19}$/.test(id) || Number.isNaN(Date.parse(createdAt))) return null;
  return { rank, createdAt, id };
}

export function parseAppealSearch(params: Record<string, string | string[] | undefined>): ParsedAppealSearch {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const p = Params.parse(flat);
  const after = decodeAppealCursor(p.after);
  return { status: p.status, after, cursor: after ? (p.after ?? null) : null };
}

export function appealSearchHref(status: AppealStatusFilter, cursor: string | null): string {
  const q = new URLSearchParams({ status });
  if (cursor) q.set('after', cursor);
  return `/appeals?${q.toString()}`;
}
