/**
 * Queue priority: how urgently a report wants a moderator, in one number.
 *
 *   priority = category weight × hours waiting × distinct reporters
 *
 * - category weight: legal 5 (legal deadlines, e.g. DSA notices), rule violation 3 (harassment,
 *   hate: people are being hurt now), spam 2 (annoying, usually contained), other 1;
 * - hours waiting: whole hours since the report was filed, at least 1, so a fresh report still ranks;
 * - distinct reporters: how many different accounts have an open report against the same
 *   account (several people independently complaining is a strong signal; one person filing ten
 *   reports is not).
 *
 * The same formula runs in SQL (db/queries/reports.ts) and is printed in the queue's help text,
 * both from these constants, so the three cannot drift apart.
 */

export const CATEGORY_CODES = { other: 0, spam: 1000, legal: 1500, violation: 2000 } as const;
export type ReportCategory = keyof typeof CATEGORY_CODES;
export const REPORT_CATEGORIES = Object.keys(CATEGORY_CODES) as ReportCategory[];

export const CATEGORY_WEIGHTS: Record<ReportCategory, number> = { legal: 5, violation: 3, spam: 2, other: 1 };

export function categoryName(code: number): ReportCategory {
  return (Object.entries(CATEGORY_CODES).find(([, v]) => v === code)?.[0] as ReportCategory | undefined) ?? 'other';
}

/** Weight for Mastodon's `reports.category` integer (unknown values count as "other"). */
export function categoryWeight(code: number): number {
  return CATEGORY_WEIGHTS[categoryName(code)];
}

export function hoursWaiting(createdAt: Date, asOf: Date): number {
  return Math.max(1, Math.floor((asOf.getTime() - createdAt.getTime()) / 3_600_000));
}

export function reportPriority({ category, createdAt, reporters, asOf }: { category: number; createdAt: Date; reporters: number; asOf: Date }): number {
  return categoryWeight(category) * hoursWaiting(createdAt, asOf) * Math.max(1, reporters);
}

/** The weight as a SQL CASE over `reports.category`, generated from the same table as above. */
export function categoryWeightSql(column: string): string {
  if (!/^[a-z_]+(\.[a-z_]+)?$/.test(column)) throw new Error(`categoryWeightSql: not a column reference: ${column}`);
  const arms = REPORT_CATEGORIES.filter((c) => c !== 'other').map((c) => `WHEN ${CATEGORY_CODES[c]} THEN ${CATEGORY_WEIGHTS[c]}`);
  return `(CASE ${column} ${arms.join(' ')} ELSE ${CATEGORY_WEIGHTS.other} END)`;
}
