import type { QueueTargetAccount, ReportQueueGroup, ReportQueueItem } from '@/db/queries/reports';
import { avatarUrl } from '@/components/status/status-view';
import { categoryName, type ReportCategory } from '@/lib/report-priority';
import { displayAcct, displayName } from '@/lib/report-display';
import { revealHiddenControls } from '@/lib/sanitize-html';

/**
 * Queue rows as the client table gets them: serialisable (dates as ISO strings), names made safe
 * to show (hidden bidi controls revealed, invisible names replaced by the handle) and avatar
 * URLs resolved. Server side only.
 */

export interface QueueAccountView {
  id: string;
  acct: string;
  displayName: string;
}

export interface QueueTargetView extends QueueAccountView {
  avatarUrl: string | null;
  createdAt: string;
  strikes: number;
  suspended: boolean;
  silenced: boolean;
}

export interface ReportRowView {
  id: string;
  createdAt: string;
  resolvedAt: string | null;
  category: ReportCategory;
  ruleCount: number;
  comment: string;
  commentTruncated: boolean;
  statusCount: number;
  target: QueueTargetView;
  otherReports: number;
  reporter: QueueAccountView & { domain: string | null; server: boolean };
  assignee: QueueAccountView | null;
  priority: number;
}

export interface GroupRowView {
  id: string;
  kind: 'account' | 'domain';
  reports: number;
  reporters: number;
  accounts: number;
  oldestAt: string;
  categories: ReportCategory[];
  firstReportId: string;
  priority: number;
  target: QueueTargetView | null;
  /** Domain groups: the server, null for this one. */
  domain: string | null;
}

function targetView(t: QueueTargetAccount, mediaBaseUrl: string | null): QueueTargetView {
  const handle = displayAcct(t.username, t.domain);
  return {
    id: t.id,
    acct: handle,
    displayName: displayName(t.displayName, handle),
    avatarUrl: avatarUrl({ id: t.id, fileName: t.avatarFileName, storageSchemaVersion: t.avatarStorageSchemaVersion, local: t.domain === null, mediaBaseUrl }),
    createdAt: t.createdAt.toISOString(),
    strikes: t.strikes,
    suspended: t.suspended,
    silenced: t.silenced,
  };
}

export function toReportRowView(row: ReportQueueItem, { mediaBaseUrl }: { mediaBaseUrl: string | null }): ReportRowView {
  const reporterAcct = displayAcct(row.reporter.username, row.reporter.domain);
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    category: categoryName(row.category),
    ruleCount: row.ruleIds.length,
    comment: revealHiddenControls(row.commentExcerpt),
    commentTruncated: row.commentLength > row.commentExcerpt.length,
    statusCount: row.statusCount,
    target: targetView(row.target, mediaBaseUrl),
    otherReports: Math.max(0, row.targetReports - 1),
    reporter: {
      id: row.reporter.id,
      acct: reporterAcct,
      displayName: displayName(row.reporter.displayName, reporterAcct),
      domain: row.reporter.domain === null ? null : displayAcct('', row.reporter.domain).slice(1),
      // Reports relayed by another server are filed by its instance actor (an Application).
      server: row.reporter.domain !== null && row.reporter.actorType === 'Application',
    },
    assignee: row.assignee ? { id: row.assignee.id, acct: displayAcct(row.assignee.username, row.assignee.domain), displayName: displayName(row.assignee.displayName, row.assignee.username) } : null,
    priority: row.priority,
  };
}

export function toGroupRowView(group: ReportQueueGroup, { mediaBaseUrl }: { mediaBaseUrl: string | null }): GroupRowView {
  return {
    id: `${group.kind}:${group.key}`,
    kind: group.kind,
    reports: group.reports,
    reporters: group.reporters,
    accounts: group.accounts,
    oldestAt: group.oldestAt.toISOString(),
    categories: [...new Set(group.categories.map(categoryName))],
    firstReportId: group.firstReportId,
    priority: group.priority,
    target: group.target ? targetView(group.target, mediaBaseUrl) : null,
    domain: group.domain,
  };
}
