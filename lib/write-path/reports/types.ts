import { WritePathError, type WriteActor } from '../types';

export interface ReportTarget {
  actor: WriteActor;
  reportId: string;
  /**
   * The report's updated_at as the moderator saw it. When given, the action is refused with a
   * `conflict` if anyone changed the report since (resolved it, acted, added a note): of two
   * moderators acting at once, one wins and the other gets to see what happened first.
   */
  expectedUpdatedAt?: Date | null;
}

export interface ReportNoteInput extends ReportTarget {
  content: string;
  /** Mastodon's "note and resolve" / "note and reopen". */
  then?: 'resolve' | 'reopen' | null;
}

/** What happened to the state change that came with a note; the note itself is always stored. */
export type NoteFollowUp =
  | { status: 'none' }
  | { status: 'done' }
  /** Someone else got there first (already resolved / already open); nothing to do. */
  | { status: 'skipped'; reason: 'already_resolved' | 'already_open' }
  /** Connected mode: Mastodon refused or could not be reached; the note is kept, the report unchanged. */
  | { status: 'failed'; error: WritePathError };

export interface ReportNoteResult {
  noteId: string;
  followUp: NoteFollowUp;
}

export interface BulkReportsInput {
  actor: WriteActor;
  reportIds: string[];
}

export interface BulkResult {
  /** Reports changed. */
  done: string[];
  /** Reports left as they were because they already were in the wanted state. */
  unchanged: string[];
  /** Connected mode only: per-report refusals from Mastodon (the rest went through). */
  failed: Array<{ reportId: string; error: WritePathError }>;
}

export interface ModerationActionInput extends ReportTarget {
  /** The moderator's words on the strike (joined after the preset's text, as Mastodon does). */
  text?: string | null;
  warningPresetId?: string | null;
  /** Only Mastodon can send e-mail: honoured in connected mode, impossible in standalone mode. */
  sendEmailNotification?: boolean;
}

export interface ModerationActionResult {
  strikeId: string;
  /** Posts deleted or marked sensitive. */
  statusIds: string[];
  /** The report was open and this action resolved it. */
  resolvedReport: boolean;
}

/** Largest selection the queue's bulk actions accept in one go (one page of the queue). */
export const MAX_BULK_REPORTS = 100;

/**
 * An action Mastodon has no Admin API for (deleting reported posts, marking them sensitive,
 * assigning to someone else): in connected mode Palisade will not imitate it with SQL behind
 * Mastodon's back, and points to the instance's own page instead.
 */
export class NoAdminApiError extends WritePathError {
  constructor(
    detail: string,
    readonly href: string,
  ) {
    super('unsupported', detail);
    this.name = 'NoAdminApiError';
  }
}

/** Report state changes and report-side actions. */
export interface ReportWrites {
  resolveReport(input: ReportTarget): Promise<void>;
  reopenReport(input: ReportTarget): Promise<void>;
  assignReportToSelf(input: ReportTarget): Promise<void>;
  unassignReport(input: ReportTarget): Promise<void>;

  /**
   * Report notes have no Admin API; Mastodon itself writes them straight to the table
   * (mastodon.md §5.5), so both modes store them in the database. A follow-up resolve/reopen goes
   * through the adapter's usual path, in the same transaction in standalone mode, after the note
   * is committed in connected mode.
   */
  addReportNote(input: ReportNoteInput): Promise<ReportNoteResult>;
  /** Own notes, or others' when the actor's role outranks the author's (ReportNotePolicy#destroy?). */
  deleteReportNote(input: { actor: WriteActor; noteId: string }): Promise<{ reportId: string }>;

  /** Bulk assignment: to the actor (Mastodon's assign_to_self) or to a teammate (standalone only), null = unassign. */
  assignReports(input: BulkReportsInput & { assigneeAccountId: string | null }): Promise<BulkResult>;
  /** Bulk resolve with one shared note stored on every report (kept even on already-resolved ones). */
  resolveReports(input: BulkReportsInput & { note?: string | null }): Promise<BulkResult>;

  /** Admin::ModerationAction `delete`: the reported posts removed, report resolved, strike 1500. */
  deleteReportedStatuses(input: ModerationActionInput): Promise<ModerationActionResult>;
  /** Admin::ModerationAction `mark_as_sensitive`: posts with media marked, report resolved, strike 1250. */
  markReportedStatusesSensitive(input: ModerationActionInput): Promise<ModerationActionResult>;
}
