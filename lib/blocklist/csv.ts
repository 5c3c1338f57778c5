/**
 * An incremental RFC 4180 reader: feed it chunks as they arrive (an upload stream, a fetch body)
 * and it hands back complete records with the line each one started on. Quoted fields may hold
 * commas, doubled quotes and line breaks; CRLF, LF and lone CR all end a record. Like Ruby's CSV
 * (what Mastodon uses), text after a closing quote and an unterminated quote are errors rather
 * than guesses.
 */
export interface CsvRecord {
  fields: string[];
  /** 1-based line on which the record starts. */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'unterminated_quote' | 'text_after_quote' | 'field_too_long',
  ) {
    super(
      reason === 'unterminated_quote'
        ? `A quoted field opened on line ${line} is never closed.`
        : reason === 'field_too_long'
          ? `A field on line ${line} is longer than any blocklist cell should be.`
          : `Line ${line} has text right after a closing quote.`,
    );
    this.name = 'CsvSyntaxError';
  }
}

/** No cell of a real blocklist comes close; this bounds memory for a hostile file. */
export const MAX_FIELD_LENGTH = 64 * 1024;

export class CsvReader {
  #field = '';
  #fields: string[] = [];
  #inQuotes = false;
  /** The previous character was a quote inside a quoted field: either an escape or the end. */
  #quotePending = false;
  #afterQuote = false;
  #line = 1;
  #recordLine = 1;
  #pendingCR = false;
  #started = false;
  #fieldStarted = false;

  /**
   * Reads a chunk: the records it completes are returned, or, with `each`, handed over one by one
   * as they are read (nothing is collected: a large list's records never pile up).
   */
  push(chunk: string, each?: (fields: string[], line: number) => void): CsvRecord[] {
    const out: CsvRecord[] = [];
    const emit = each ?? ((fields: string[], line: number) => void out.push({ fields, line }));
    let text = chunk;
    if (!this.#started) {
      if (text.length === 0) return out;
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // Where the next quote and carriage return are (recomputed once passed): the line fast path
    // below must not rescan the rest of the chunk for every line of a file that quotes each one.
    let quote = -1;
    let cr = -1;
    for (let i = 0; i < text.length; i += 1) {
      // Fast path: whole lines with no quote (almost every line of a large list) become records
      // straight away, split at their commas. Lone CRs, quotes and over-long lines go the long way.
      if (!this.#inQuotes && !this.#pendingCR && !this.#afterQuote && !this.#fieldStarted && this.#fields.length === 0) {
        let at = i;
        for (;;) {
          const nl = text.indexOf('\n', at);
          if (nl === -1) break;
          if (quote < at) quote = text.indexOf('"', at) >>> 0;
          if (quote < nl) break;
          if (cr < at) cr = text.indexOf('\r', at) >>> 0;
          let end = nl;
          if (cr < nl) {
            if (cr !== nl - 1) break;
            end = cr;
          }
          if (end - at > MAX_FIELD_LENGTH) break;
          const fields: string[] = [];
          for (let start = at; ; ) {
            const comma = text.indexOf(',', start);
            if (comma === -1 || comma >= end) {
              fields.push(text.slice(start, end));
              break;
            }
            fields.push(text.slice(start, comma));
            start = comma + 1;
          }
          emit(fields, this.#line);
          this.#line += 1;
          this.#recordLine = this.#line;
          at = nl + 1;
        }
        if (at > i) {
          i = at - 1;
          continue;
        }
      }
      // Fast path: a run of ordinary characters is appended as one slice (large lists are mostly
      // such runs); commas, quotes and line breaks go through the state machine below.
      if (!this.#pendingCR && !this.#afterQuote && !this.#quotePending) {
        const end = this.#inQuotes ? quotedRunEnd(text, i) : plainRunEnd(text, i);
        if (end > i) {
          this.#append(text.slice(i, end));
          i = end - 1;
          continue;
        }
      }
      const c = text[i]!;
      if (this.#pendingCR) {
        this.#pendingCR = false;
        if (c === '\n') continue;
      }
      if (this.#inQuotes) {
        if (this.#quotePending) {
          this.#quotePending = false;
          if (c === '"') {
            this.#append('"');
            continue;
          }
          this.#inQuotes = false;
          this.#afterQuote = true;
          // fall through: c is handled as an unquoted character below
        } else if (c === '"') {
          this.#quotePending = true;
          continue;
        } else {
          if (c === '\n' || c === '\r') {
            this.#line += 1;
            if (c === '\r') this.#pendingCR = true;
          }
          this.#append(c);
          continue;
        }
      }
      if (c === ',') {
        this.#endField();
      } else if (c === '\n' || c === '\r') {
        this.#endField();
        const fields = this.#fields;
        emit(fields, this.#recordLine);
        this.#fields = [];
        this.#line += 1;
        this.#recordLine = this.#line;
        if (c === '\r') this.#pendingCR = true;
      } else if (this.#afterQuote) {
        throw new CsvSyntaxError(this.#line, 'text_after_quote');
      } else if (c === '"' && !this.#fieldStarted) {
        this.#inQuotes = true;
        this.#fieldStarted = true;
      } else {
        this.#append(c);
      }
    }
    return out;
  }

  /** Between records: the next character read starts a new record (nothing half read). */
  get atRecordStart(): boolean {
    return this.#started && !this.#inQuotes && !this.#pendingCR && !this.#afterQuote && !this.#fieldStarted && this.#fields.length === 0;
  }

  /**
   * A record the caller read itself (a plain line, between records): its line, counted as this
   * reader would have counted it.
   */
  takeLine(): number {
    const line = this.#line;
    this.#line += 1;
    this.#recordLine = this.#line;
    return line;
  }

  end(): CsvRecord[] {
    if (this.#inQuotes && !this.#quotePending) throw new CsvSyntaxError(this.#recordLine, 'unterminated_quote');
    this.#inQuotes = false;
    this.#quotePending = false;
    if (this.#fieldStarted || this.#fields.length > 0) {
      this.#endField();
      const record = { fields: this.#fields, line: this.#recordLine };
      this.#fields = [];
      return [record];
    }
    return [];
  }

  #append(text: string) {
    this.#fieldStarted = true;
    this.#field += text;
    if (this.#field.length > MAX_FIELD_LENGTH) throw new CsvSyntaxError(this.#line, 'field_too_long');
  }

  #endField() {
    this.#fields.push(this.#field);
    this.#field = '';
    this.#afterQuote = false;
    this.#fieldStarted = false;
  }
}

/** End of the run of characters from `i` with no comma, quote or line break. */
function plainRunEnd(text: string, i: number): number {
  let j = i;
  for (; j < text.length; j += 1) {
    const k = text.charCodeAt(j);
    if (k === 44 || k === 34 || k === 10 || k === 13) break;
  }
  return j;
}

/** Inside quotes: end of the run with no quote or line break (line breaks count lines). */
function quotedRunEnd(text: string, i: number): number {
  let j = i;
  for (; j < text.length; j += 1) {
    const k = text.charCodeAt(j);
    if (k === 34 || k === 10 || k === 13) break;
  }
  return j;
}

/** Parses a whole string; convenient for tests and small inputs. */
export function readCsv(text: string): CsvRecord[] {
  const reader = new CsvReader();
  return [...reader.push(text), ...reader.end()];
}

/** Quotes a cell when it must be (comma, quote, line break, or surrounding spaces). */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
