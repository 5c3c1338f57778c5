import { csvCell } from './blocklist/csv';
import { neutralizeFormula } from './blocklist/export';

/**
 * One CSV record (RFC 4180, CRLF-terminated) for Palisade's exports. Text cells that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR) get a leading apostrophe; numbers are written as
 * numbers; null is an empty cell. Audit rows carry text moderators and remote servers chose
 * (acct, announcement text, domains), so every text cell is neutralised, not only "risky" columns.
 */
export function csvLine(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${values
    .map((v) => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
      if (typeof v === 'boolean') return v ? 'true' : 'false';
      return csvCell(neutralizeFormula(v));
    })
    .join(',')}\r\n`;
}

/** Excel reads UTF-8 only with a byte-order mark; other tools ignore it. */
export const CSV_BOM = '\uFEFF';
