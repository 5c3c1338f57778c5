import { csvCell } from './csv';
import { domainDigest, publicDomain } from './obfuscation';
import { compareSeverity, type Severity } from './severity';

/**
 * Writers for the formats other tools read. The input type has no private comment on purpose:
 * moderators' private notes can never end up in a file that leaves the instance.
 */
export interface ExportBlock {
  /** Stored form: lower-case punycode. */
  domain: string;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  publicComment: string | null;
  obfuscate: boolean;
}

export const EXPORT_FORMATS = ['mastodon_csv', 'fediblockhole_csv', 'plain_text', 'mastodon_public_json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Mastodon's admin export header, byte for byte. */
export const MASTODON_CSV_HEADER = '#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate';
/** FediBlockHole's column names (Oliphant's column order), without `#`. */
export const FEDIBLOCKHOLE_CSV_HEADER = 'domain,severity,reject_media,reject_reports,public_comment,obfuscate';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab/CR that some strip first) gets
 * a leading apostrophe, which every spreadsheet shows as text. Palisade's importer removes it
 * again, so an export re-imports unchanged.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: string): string {
  return value === '' ? '' : csvCell(neutralizeFormula(value));
}

function rows(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** Mastodon's `#` CSV with its lower-case booleans; rows in the order given (Mastodon: by id). */
export function toMastodonCsv(blocks: Iterable<ExportBlock>): string {
  const lines = [MASTODON_CSV_HEADER];
  for (const b of blocks) {
    lines.push(`${cell(b.domain)},${b.severity},${b.rejectMedia},${b.rejectReports},${cell(b.publicComment ?? '')},${b.obfuscate}`);
  }
  return rows(lines);
}

/** FediBlockHole's CSV: plain headers, `True`/`False`, sorted by domain as its writer does. */
export function toFediBlockHoleCsv(blocks: Iterable<ExportBlock>): string {
  const py = (v: boolean) => (v ? 'True' : 'False');
  const sorted = [...blocks].sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  const lines = [FEDIBLOCKHOLE_CSV_HEADER];
  for (const b of sorted) {
    lines.push([cell(b.domain), b.severity, py(b.rejectMedia), py(b.rejectReports), cell(b.publicComment ?? ''), py(b.obfuscate)].join(','));
  }
  return rows(lines);
}

/** One domain a line, as Garden Fence and GoToSocial's text/plain lists do. */
export function toPlainText(blocks: Iterable<ExportBlock>): string {
  const lines = [...blocks].map((b) => b.domain);
  return lines.length === 0 ? '' : rows(lines);
}

export interface PublicBlockEntry {
  domain: string;
  digest: string;
  severity: 'silence' | 'suspend';
  comment: string | null;
}

/**
 * The body of Mastodon's `GET /api/v1/instance/domain_blocks`: only silence and suspend blocks,
 * silence first then suspend, each by domain; obfuscated names as Mastodon computes them, with the
 * digest of the real domain. `comments: false` mirrors a hidden rationale (`comment: null`).
 */
export function toPublicJson(blocks: Iterable<ExportBlock>, { comments = true }: { comments?: boolean } = {}): PublicBlockEntry[] {
  return [...blocks]
    .filter((b): b is ExportBlock & { severity: 'silence' | 'suspend' } => b.severity === 'silence' || b.severity === 'suspend')
    .sort((a, b) => compareSeverity(a.severity, b.severity) || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0))
    .map((b) => ({ domain: publicDomain(b.domain, b.obfuscate), digest: domainDigest(b.domain), severity: b.severity, comment: comments ? b.publicComment : null }));
}

export function writeExport(format: ExportFormat, blocks: ExportBlock[], options: { comments?: boolean } = {}): { body: string; contentType: string; extension: string } {
  switch (format) {
    case 'mastodon_csv':
      return { body: toMastodonCsv(blocks), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
    case 'fediblockhole_csv':
      return { body: toFediBlockHoleCsv(blocks), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
    case 'plain_text':
      return { body: toPlainText(blocks), contentType: 'text/plain; charset=utf-8', extension: 'txt' };
    case 'mastodon_public_json':
      return { body: `${JSON.stringify(toPublicJson(blocks, options), null, 2)}\n`, contentType: 'application/json; charset=utf-8', extension: 'json' };
  }
}
