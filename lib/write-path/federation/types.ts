import type { Severity } from '@/lib/blocklist/severity';
import type { IpSeverity } from '@/lib/domain-access-blocks';
import { WritePathError, type WriteActor } from '../types';

export interface DomainBlockFields {
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  privateComment: string | null;
  publicComment: string | null;
  obfuscate: boolean;
}

/** A block as the write path reports it back. */
export interface DomainBlockRecord extends DomainBlockFields {
  id: string;
  domain: string;
}

export interface CreateDomainBlockInput extends DomainBlockFields {
  actor: WriteActor;
  /** As typed; normalised by the adapter (punycode, lower case). */
  domain: string;
}

export interface UpdateDomainBlockInput extends DomainBlockFields {
  actor: WriteActor;
  id: string;
}

export interface DomainBlockResult {
  block: DomainBlockRecord;
  /** `updated`: an existing block on the same domain was raised in place (Mastodon's web UI does this). */
  outcome: 'created' | 'updated';
}

/** One reviewed import row to apply: create a block, or update the one on the same domain. */
export interface ImportOperation extends DomainBlockFields {
  domain: string;
  action: 'create' | 'update';
  /** Line in the source file, carried through to the report. */
  line: number;
}

export type ImportRowOutcome =
  | { line: number; domain: string; status: 'created' | 'updated'; id: string }
  | { line: number; domain: string; status: 'skipped'; reason: string; existing?: { id: string; domain: string } }
  | { line: number; domain: string; status: 'failed'; reason: string };

export interface ImportDomainBlocksInput {
  actor: WriteActor;
  operations: ImportOperation[];
  /** File name for the private-comment provenance note ("Imported from … on …"). */
  sourceName: string;
}

export interface DomainAllowRecord {
  id: string;
  domain: string;
}

export interface EmailDomainBlockInput {
  actor: WriteActor;
  domain: string;
  allowWithApproval: boolean;
  /** Extra domains blocked together with it (Mastodon's resolved MX hosts), stored as children. */
  otherDomains?: string[];
}

export interface IpBlockInput {
  actor: WriteActor;
  ip: string;
  severity: IpSeverity;
  comment: string;
  /** Seconds from now; null = never expires. */
  expiresIn: number | null;
}

/**
 * Federation and access blocks: domain blocks (BlockDomainService / UnblockDomainService), domain
 * allows, e-mail domain blocks, IP rules. Mastodon writes an audit-log row for every one of them.
 */
export interface FederationWrites {
  createDomainBlock(input: CreateDomainBlockInput): Promise<DomainBlockResult>;
  updateDomainBlock(input: UpdateDomainBlockInput): Promise<DomainBlockResult>;
  removeDomainBlock(input: { actor: WriteActor; id: string }): Promise<void>;
  /**
   * Standalone: every operation in one transaction (all or nothing; rows Mastodon would refuse are
   * reported as skipped). Connected: one API call per operation; call it with small batches to
   * show progress. Never throws for a single row.
   */
  importDomainBlocks(input: ImportDomainBlocksInput): Promise<ImportRowOutcome[]>;
  createDomainAllow(input: { actor: WriteActor; domain: string }): Promise<DomainAllowRecord>;
  removeDomainAllow(input: { actor: WriteActor; id: string }): Promise<void>;
  createEmailDomainBlock(input: EmailDomainBlockInput): Promise<{ id: string; domain: string; children: string[] }>;
  removeEmailDomainBlock(input: { actor: WriteActor; id: string }): Promise<void>;
  createIpBlock(input: IpBlockInput): Promise<{ id: string; ip: string }>;
  removeIpBlock(input: { actor: WriteActor; id: string }): Promise<void>;
}

/**
 * A block on the same domain or a parent domain already applies and the new one is not stricter
 * (Mastodon's prevent_downgrade / the API's 422 `existing_domain_block`). `existing` says which
 * block wins.
 */
export class DomainBlockConflictError extends WritePathError {
  constructor(
    readonly existing: DomainBlockRecord,
    readonly reason: 'same_domain_not_stricter' | 'parent_not_stricter' | 'api_refuses_subdomain' | 'exists',
  ) {
    super(
      'conflict',
      reason === 'parent_not_stricter'
        ? `${existing.domain} is already blocked (${existing.severity}) and that block covers this subdomain; a block here must be stricter.`
        : reason === 'api_refuses_subdomain'
          ? `${existing.domain} is already blocked; Mastodon's API does not create blocks under an existing parent block. Create it in Mastodon's admin instead.`
          : reason === 'exists'
            ? `${existing.domain} is already blocked.`
            : `${existing.domain} is already blocked at least as strictly; edit that block instead.`,
    );
    this.name = 'DomainBlockConflictError';
  }
}

/** The private-comment note Mastodon stamps on imported blocks, kept after the file's own note. */
export function importProvenance(privateComment: string | null, sourceName: string, at: Date): string {
  const note = `Imported from ${sourceName} on ${at.toISOString().slice(0, 10)}`;
  return privateComment ? `${privateComment}\n${note}` : note;
}
