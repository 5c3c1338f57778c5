import { z } from 'zod';
import type { Db } from '@/db/client';
import { countLocalFollowsByDomain, domainsWithAccounts, findDomainBlocks, listKnownDomainsOfLengths } from '@/db/queries/domain-blocks';
import { displayDomain, domainVariants } from '@/lib/blocklist/domain';
import { resolveObfuscated } from '@/lib/blocklist/obfuscation';
import { MAX_BLOCKLIST_ROWS, type BlocklistParse } from '@/lib/blocklist/parse';
import { lookupDomains, reviewImport, summarizeReview, type ExistingBlock, type ReviewStatus, type ReviewSummary } from '@/lib/blocklist/review';
import { SEVERITIES, type Severity } from '@/lib/blocklist/severity';

/** One row of the review screen, as the browser receives it. */
export interface ImportReviewRow {
  line: number;
  input: string;
  domain: string | null;
  unicode: string;
  severity: Severity;
  severityDefaulted: boolean;
  rejectMedia: boolean;
  rejectReports: boolean;
  obfuscate: boolean;
  publicComment: string | null;
  privateComment: string | null;
  status: ReviewStatus;
  action: 'create' | 'update' | 'none';
  selected: boolean;
  caution: 'canary' | 'downgrade' | 'follows' | null;
  canary: string | null;
  invalid: { code: string; detail: string } | null;
  existing: { id: string; domain: string; severity: Severity; rejectMedia: boolean; rejectReports: boolean } | null;
  viaParent: boolean;
  coveredByLine: number | null;
  duplicateOfLine: number | null;
  /** Local follow relationships with the domain and its subdomains. */
  follows: number;
  /** For obfuscated names: known domains this server federates with that fit the pattern. */
  candidates: string[];
}

export interface ImportReview {
  fileName: string;
  format: BlocklistParse['format'];
  detectedFormat: BlocklistParse['detectedFormat'];
  bytes: number;
  columns: string[];
  ignoredColumns: string[];
  rows: ImportReviewRow[];
  summary: ReviewSummary;
}

/**
 * Joins a parsed file with the database: the blocks in force for every domain and parent (one
 * query), local follows for the domains that have accounts, and candidates for obfuscated names
 * among known instances. The decisions themselves are lib/blocklist/review's.
 */
export async function buildImportReview({ db, parsed, fileName }: { db: Db; parsed: BlocklistParse; fileName: string }): Promise<ImportReview> {
  const existing = await findDomainBlocks({ db, domains: lookupDomains(parsed.rows) });
  const byDomain = new Map<string, ExistingBlock>(existing.map((b) => [b.domain, b]));

  // Follows: only domains (or their subdomains) that have accounts here can have any.
  const rowDomains = new Set(parsed.rows.map((r) => r.domain).filter((d): d is string => d !== null));
  const populated = (await domainsWithAccounts({ db, domains: [...rowDomains] })).filter((d) => domainVariants(d).some((v) => rowDomains.has(v)));
  const followsByPopulated = await countLocalFollowsByDomain({ db, domains: populated });
  const follows = new Map<string, number>();
  for (const [d, count] of followsByPopulated) {
    for (const v of domainVariants(d)) if (rowDomains.has(v)) follows.set(v, (follows.get(v) ?? 0) + count);
  }

  const obfuscated = parsed.rows.filter((r) => r.obfuscated);
  const known = obfuscated.length ? await listKnownDomainsOfLengths({ db, lengths: [...new Set(obfuscated.map((r) => r.input.length))] }) : [];

  const reviewed = reviewImport(parsed.rows, (d) => byDomain.get(d), { follows: (d) => follows.get(d) ?? 0 });
  const rows = reviewed.map((r): ImportReviewRow => {
    let candidates: string[] = [];
    if (r.row.obfuscated) {
      const res = resolveObfuscated(r.row.input.toLowerCase(), known, r.row.digest);
      candidates = res.status === 'resolved' ? [res.domain] : res.status === 'ambiguous' ? res.candidates.slice(0, 5) : [];
    }
    return {
      line: r.row.line,
      input: r.row.input,
      domain: r.row.domain,
      unicode: r.row.domain ? displayDomain(r.row.domain) : r.row.displayDomain,
      severity: r.row.severity,
      severityDefaulted: r.row.severityDefaulted,
      rejectMedia: r.row.rejectMedia,
      rejectReports: r.row.rejectReports,
      obfuscate: r.row.obfuscate,
      publicComment: r.row.publicComment,
      privateComment: r.row.privateComment,
      status: r.status,
      action: r.action,
      selected: r.selected,
      caution: r.caution,
      canary: r.row.canary,
      invalid: r.row.invalid,
      existing: r.existing ? { id: r.existing.id, domain: r.existing.domain, severity: r.existing.severity, rejectMedia: r.existing.rejectMedia, rejectReports: r.existing.rejectReports } : null,
      viaParent: r.viaParent,
      coveredByLine: r.coveredByLine,
      duplicateOfLine: r.row.duplicateOfLine,
      follows: r.row.domain ? (follows.get(r.row.domain) ?? 0) : 0,
      candidates,
    };
  });
  return {
    fileName,
    format: parsed.format,
    detectedFormat: parsed.detectedFormat,
    bytes: parsed.bytes,
    columns: parsed.columns,
    ignoredColumns: parsed.ignoredColumns,
    rows,
    summary: summarizeReview(reviewed),
  };
}

const comment = z
  .string()
  .max(5000)
  .nullable()
  .transform((v) => (v && v.trim() !== '' ? v : null));

/** What the browser sends back: the ticked rows, as reviewed. */
export const applyImportSchema = z.object({
  sourceName: z
    .string()
    .trim()
    .max(200)
    .transform((v) => v.replace(/[\u0000-\u001f]/g, '') || 'an uploaded file'),
  operations: z
    .array(
      z.object({
        line: z.number().int().min(0),
        domain: z.string().min(1).max(300),
        action: z.enum(['create', 'update']),
        severity: z.enum(SEVERITIES),
        rejectMedia: z.boolean(),
        rejectReports: z.boolean(),
        obfuscate: z.boolean(),
        publicComment: comment,
        privateComment: comment,
      }),
    )
    .min(1)
    .max(MAX_BLOCKLIST_ROWS),
});

export type ApplyImportInput = z.infer<typeof applyImportSchema>;

/** Largest JSON body the apply endpoint reads: 20 000 rows with long comments. */
export const MAX_APPLY_BYTES = 16 * 1024 * 1024;
