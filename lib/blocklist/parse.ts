import { canaryComment, canaryName, type CanaryReason } from './canary';
import { ByteTable } from './byte-table';
import { CsvReader, CsvSyntaxError, MAX_FIELD_LENGTH } from './csv';
import { detached } from './detached';
import { isObfuscatedName, normalizeDomain, type NormalizedDomain } from './domain';
import type { DomainTable } from './domain-table';
import { domainDigest } from './obfuscation';
import { MAX_BLOCKLIST_BYTES, MAX_BLOCKLIST_ROWS, type BlocklistFormat } from './limits';
import { parseSeverity, type Severity } from './severity';
import { withRoom } from './typed-array';
import { Utf8ChunkDecoder } from './utf8';

/**
 * Reads every blocklist format moderators actually trade (see /work/shared/data/blocklists):
 *
 * - `mastodon_csv`: Mastodon's admin export, headers `#domain,#severity,…`. Columns are matched by
 *   name. A missing severity column means suspend (Mastodon's import default); an empty cell is an
 *   invalid row, as in Mastodon.
 * - `fediblockhole_csv`: the same columns without `#`, in any order (Seirdy's tier0 reorders them),
 *   any subset (Garden Fence's `domain,severity,private_comment,public_comment`). A missing or empty
 *   severity means noop, FediBlockHole's rule.
 * - `plain_text`: one domain a line; blank lines and `#` comments ignored. Means suspend.
 * - `mastodon_public_json`: `GET /api/v1/instance/domain_blocks` (domain, digest, severity, comment).
 * - `mastodon_admin_json`: `GET /api/v1/admin/domain_blocks` (all fields, private comment included).
 *
 * Parsing never throws for a bad row: every row comes back with what was understood and, when it
 * cannot be applied, why. It throws a BlocklistParseError only for a file that cannot be read as a
 * whole (too large, too many rows, broken quoting, no domain column, broken JSON) — the caller
 * then changes nothing.
 */
export { BLOCKLIST_FORMATS, MAX_BLOCKLIST_BYTES, MAX_BLOCKLIST_ROWS, type BlocklistFormat } from './limits';

export type ParseErrorCode =
  | 'too_large'
  | 'too_many_rows'
  | 'not_utf8'
  | 'binary'
  | 'empty'
  | 'malformed_csv'
  | 'missing_domain_column'
  | 'invalid_json'
  | 'not_a_blocklist';

export class BlocklistParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'BlocklistParseError';
  }
}

export type RowProblemCode = 'empty_domain' | 'invalid_domain' | 'domain_too_long' | 'unknown_severity' | 'missing_severity' | 'bad_boolean' | 'not_an_object';

export interface RowProblem {
  code: RowProblemCode;
  /** The offending value or column, for the message. */
  detail: string;
}

export interface BlocklistRow {
  /** 0-based position among the data rows. */
  index: number;
  /** 1-based line of the source file (for JSON, the element's position + 1). */
  line: number;
  /** The domain cell as written. */
  input: string;
  /** Stored form (lower-case punycode); null when the row is invalid or obfuscated. */
  domain: string | null;
  /** For people: IDN decoded, or the name as written when it is not a usable domain. */
  displayDomain: string;
  severity: Severity;
  /** True when the file gave no severity and the format's default was used. */
  severityDefaulted: boolean;
  rejectMedia: boolean;
  rejectReports: boolean;
  obfuscate: boolean;
  publicComment: string | null;
  privateComment: string | null;
  /** SHA-256 of the real domain: given by the file (public JSON) or computed for real domains. */
  digest: string | null;
  /** The name contains `*`: Mastodon's public obfuscation. Never applied as a literal block. */
  obfuscated: boolean;
  canary: CanaryReason | null;
  invalid: RowProblem | null;
  /** Line of an earlier row with the same domain; the first one wins. */
  duplicateOfLine: number | null;
  /** How the domain was tidied (a pasted URL, a `*.` prefix). */
  note: 'url_host' | 'wildcard_prefix' | null;
  /** The domain's number in ParseOptions.domains, when one is shared. */
  domainId?: number;
}

export interface BlocklistParse {
  format: BlocklistFormat;
  /** What auto-detection chose, even when the caller forced another format. */
  detectedFormat: BlocklistFormat;
  rows: BlocklistRow[];
  /** Header names as written (CSV only). */
  columns: string[];
  /** Header columns Palisade does not use (kept for the review screen). */
  ignoredColumns: string[];
  bytes: number;
}

export interface ParseOptions {
  /** Force a format instead of detecting it. */
  format?: BlocklistFormat | 'auto';
  maxBytes?: number;
  maxRows?: number;
  /** Severity for rows whose file gives none (overrides the format's own default). */
  defaultSeverity?: Severity;
  /**
   * Compute the SHA-256 digest of every real domain (default true). A merge only needs the digests
   * obfuscated rows carry, so `palisade blocklist merge` skips one hash per row.
   */
  digests?: boolean;
  /**
   * Hand each row over as soon as it is read instead of keeping it: the result's `rows` is then
   * empty. For consumers that reduce rows as they stream in (the CLI's merge of large lists).
   */
  onRow?: (row: BlocklistRow) => void;
  /**
   * With onRow: the row handed over is valid during the call only (the next row may reuse the
   * object). Saves an allocation per row for consumers that reduce rows as they arrive.
   */
  reuseRows?: boolean;
  /**
   * Number real domains through this table (shared with a MergeAccumulator): rows carry
   * `domainId` and the table's copy of the name, and repeats are found by number. With it, CSV
   * given to `pushBytes` is read from the bytes: a plain line becomes a row without a string being
   * made of the line (nor of the domain, once numbered).
   */
  domains?: DomainTable;
}

// -------------------------------------------------------------------------------------------------
// Detection

/** Decides the format from the start of the file (the first line is enough for CSV and text). */
export function detectFormat(sample: string): BlocklistFormat {
  const text = sample.charCodeAt(0) === 0xfeff ? sample.slice(1) : sample;
  const first = text.trimStart()[0];
  if (first === '[' || first === '{') {
    return /"(private_comment|public_comment|reject_media|reject_reports|obfuscate|created_at)"\s*:/.test(text) ? 'mastodon_admin_json' : 'mastodon_public_json';
  }
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const cells = firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  if (cells.includes('#domain')) return 'mastodon_csv';
  // `#`-prefixed header cells: Mastodon's export with its domain column missing (reported later).
  if (cells.length > 1 && cells.every((c) => c.startsWith('#'))) return 'mastodon_csv';
  if (cells.includes('domain')) return cells.some((c) => c.startsWith('#')) ? 'mastodon_csv' : 'fediblockhole_csv';
  return 'plain_text';
}

// -------------------------------------------------------------------------------------------------
// Cell helpers

type BoolResult = boolean | null | 'bad';

/**
 * Booleans in any case: true/t/yes/y/1/on and false/f/no/n/0/off; empty means "not given".
 * Mastodon would read anything unknown (even "no") as true; a file saying something else is
 * reported instead of guessed.
 */
export function parseBoolean(value: unknown): BoolResult {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : 'bad';
  if (typeof value !== 'string') return 'bad';
  // The spellings real lists use, without a trim and a lower-case copy per cell.
  switch (value) {
    case '':
      return null;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
  }
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  if (['true', 't', 'yes', 'y', '1', 'on'].includes(v)) return true;
  if (['false', 'f', 'no', 'n', '0', 'off'].includes(v)) return false;
  return 'bad';
}

/** Undoes the export's spreadsheet-formula guard (a leading `'` before = + - @) and trims. */
function comment(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  let v = value.trim();
  if (v.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(v)) v = v.slice(1);
  return v === '' ? null : v;
}

/** A comment cell read: its value and whether it marks a canary. */
interface CommentCell {
  value: string | null;
  canary: CanaryReason | null;
}

const NO_COMMENT: CommentCell = { value: null, canary: null };
const COMMENT_CACHE_SIZE = 1024;

/**
 * Lists repeat a handful of comments thousands of times ("spam", "iftas:harassment"). Each cell
 * read is looked up here by a hash of its length and a few characters — far cheaper than hashing
 * the whole text — so a repeated comment is tidied and checked for canary marks once, and every
 * row gets the same string (which later maps, the merge's, hash once).
 */
class CommentCache {
  readonly #raw: Array<string | undefined> = new Array<string | undefined>(COMMENT_CACHE_SIZE);
  readonly #cells: CommentCell[] = new Array<CommentCell>(COMMENT_CACHE_SIZE);

  read(raw: unknown): CommentCell {
    if (typeof raw !== 'string' || raw === '') return NO_COMMENT;
    const n = raw.length;
    const at = (n * 31 + raw.charCodeAt(0) * 7 + raw.charCodeAt(n >> 1) * 3 + raw.charCodeAt(n - 1)) & (COMMENT_CACHE_SIZE - 1);
    if (this.#raw[at] === raw) return this.#cells[at]!;
    const value = comment(raw);
    // Copies: a cell is a slice of the chunk it was read from, which the cache must not keep alive.
    const cell: CommentCell = { value: value === null ? null : detached(value), canary: canaryComment(value) };
    this.#raw[at] = detached(raw);
    this.#cells[at] = cell;
    return cell;
  }

  readonly #byBytes = new ByteTable();
  readonly #byBytesCells: CommentCell[] = [];

  /**
   * `read` of an ASCII cell given as bytes[start, end) (inside its quotes, doubled quotes as
   * written: `doubled` says there are some): a repeated comment makes no string at all.
   */
  readBytes(bytes: Buffer, start: number, end: number, doubled: boolean): CommentCell {
    if (start === end) return NO_COMMENT;
    const known = this.#byBytes.find(bytes, start, end);
    if (known !== -1) return this.#byBytesCells[known]!;
    // (Written bytes name one cell: only a quoted cell can hold a quote, always doubled.)
    const raw = bytes.toString('latin1', start, end);
    const cell = this.read(doubled ? raw.replaceAll('""', '"') : raw);
    // A list of distinct comments (a hostile one) is read, not remembered.
    if (this.#byBytes.size < BYTE_COMMENTS) this.#byBytesCells[this.#byBytes.add(bytes, start, end)] = cell;
    return cell;
  }
}

/** Comments remembered by their bytes: far more than real lists repeat, bounded for hostile ones. */
const BYTE_COMMENTS = 4096;

const KNOWN_COLUMNS = ['domain', 'severity', 'reject_media', 'reject_reports', 'public_comment', 'private_comment', 'obfuscate', 'digest', 'comment'] as const;
type KnownColumn = (typeof KNOWN_COLUMNS)[number];

interface RawEntry {
  line: number;
  domain: unknown;
  severity: unknown;
  severityColumn: boolean;
  rejectMedia: unknown;
  rejectReports: unknown;
  obfuscate: unknown;
  publicComment: unknown;
  privateComment: unknown;
  digest: unknown;
}

/** Which names a list has given already, and on which line. */
class Repeats {
  readonly #seen = new Map<string, number>();
  /** By domain number when a table is shared (0: not yet; else the line). */
  #lines = new Int32Array(0);

  constructor(readonly table: DomainTable | undefined) {}

  /** The line of an earlier row with this key, or null (and this row's line is kept). */
  byName(key: string, line: number): number | null {
    const earlier = this.#seen.get(key);
    if (earlier !== undefined) return earlier;
    this.#seen.set(key, line);
    return null;
  }

  byNumber(id: number, line: number): number | null {
    this.#lines = withRoom(this.#lines, Math.max(id, this.table!.size));
    const earlier = this.#lines[id]!;
    if (earlier !== 0) return earlier;
    this.#lines[id] = line;
    return null;
  }
}

/** Turns one entry into a row; `repeats` detects repeated domains. */
function buildRow(entry: RawEntry, index: number, format: BlocklistFormat, options: ParseOptions, repeats: Repeats, comments: CommentCache): BlocklistRow {
  const input = typeof entry.domain === 'string' ? entry.domain.trim() : '';
  // The first problem found is the one reported. (No closures here: this runs once per row.)
  let invalid: RowProblem | null = null;

  // A name already numbered (a domain an earlier row or list gave, as written) is not worked out again.
  const table = repeats.table;
  const known = table ? table.find(input) : -1;
  const normalized = known !== -1 ? table!.normalized(known) : normalizeDomain(input);
  const obfuscated = !normalized.ok && normalized.problem === 'obfuscated';
  if (!normalized.ok && !obfuscated) {
    invalid = { code: normalized.problem === 'empty' ? 'empty_domain' : normalized.problem === 'too_long' ? 'domain_too_long' : 'invalid_domain', detail: input };
  }

  const formatDefault: Severity = format === 'fediblockhole_csv' ? 'noop' : 'suspend';
  let severity: Severity = options.defaultSeverity ?? formatDefault;
  let severityDefaulted = true;
  if (entry.severityColumn) {
    const raw = typeof entry.severity === 'string' ? entry.severity.trim() : '';
    if (raw === '') {
      // Mastodon's own format treats an empty severity cell as an error; FediBlockHole as noop.
      if (format === 'mastodon_csv') invalid ??= { code: 'missing_severity', detail: '' };
    } else {
      const parsed = parseSeverity(raw);
      if (parsed) {
        severity = parsed;
        severityDefaulted = false;
      } else invalid ??= { code: 'unknown_severity', detail: raw };
    }
  }

  const media = parseBoolean(entry.rejectMedia);
  if (media === 'bad') invalid ??= { code: 'bad_boolean', detail: `reject_media=${String(entry.rejectMedia)}` };
  const reports = parseBoolean(entry.rejectReports);
  if (reports === 'bad') invalid ??= { code: 'bad_boolean', detail: `reject_reports=${String(entry.rejectReports)}` };
  const obfuscateFlag = parseBoolean(entry.obfuscate);
  if (obfuscateFlag === 'bad') invalid ??= { code: 'bad_boolean', detail: `obfuscate=${String(entry.obfuscate)}` };
  const rejectMedia = media === true;
  const rejectReports = reports === true;
  // A scraped public list loses the flag but keeps the stars: the name says it was obfuscated.
  const obfuscate = obfuscateFlag === true || obfuscated;
  const publicCell = comments.read(entry.publicComment);
  const privateCell = comments.read(entry.privateComment);

  let domain = normalized.ok && !invalid ? normalized.ascii : null;
  const givenDigest = typeof entry.digest === 'string' && /^[0-9a-f]{64}$/i.test(entry.digest.trim()) ? entry.digest.trim().toLowerCase() : null;
  let duplicateOfLine: number | null = null;
  let domainId: number | undefined;
  if (domain !== null && table) {
    domainId = known !== -1 && domain === table.name(known) ? known : table.id(domain);
    domain = table.name(domainId);
    duplicateOfLine = repeats.byNumber(domainId, entry.line);
  } else {
    const key = domain ?? (obfuscated ? `*${input.toLowerCase()}` : null);
    if (key !== null && !invalid) duplicateOfLine = repeats.byName(key, entry.line);
  }

  return {
    index,
    line: entry.line,
    input,
    domain,
    displayDomain: normalized.ok ? normalized.unicode : input.toLowerCase(),
    severity,
    severityDefaulted,
    rejectMedia,
    rejectReports,
    obfuscate,
    publicComment: publicCell.value,
    privateComment: privateCell.value,
    digest: givenDigest ?? (domain && options.digests !== false ? domainDigest(domain) : null),
    obfuscated,
    canary: (domainId !== undefined ? table!.canary(domainId) : canaryName(normalized.ok ? normalized.ascii : input)) ?? publicCell.canary ?? privateCell.canary,
    invalid,
    duplicateOfLine,
    note: normalized.ok ? normalized.note : null,
    domainId,
  };
}

/** A mapped column's cell: undefined when the file has no such column, '' when the row is short. */
function cellAt(fields: readonly string[], index: number | undefined): string | undefined {
  return index === undefined ? undefined : (fields[index] ?? '');
}

// -------------------------------------------------------------------------------------------------
// Streaming parser

function binaryFile(): BlocklistParseError {
  return new BlocklistParseError('binary', 'This is not a text file (it contains NUL bytes). Upload the CSV, TXT or JSON file itself.');
}

function notUtf8(): BlocklistParseError {
  return new BlocklistParseError('not_utf8', 'The file is not UTF-8 text. Export it again as UTF-8 (CSV, TXT or JSON).');
}

// Reading rows from bytes (BlocklistParser.pushBytes).

/** A plain line with more fields than this is read as text. */
const MAX_BYTE_FIELDS = 32;
/** An unfinished line longer than this is decoded as it comes instead of being carried. */
const CARRY_LIMIT = 2 * MAX_FIELD_LENGTH;
/** What a byte is to a plain line: 0 ordinary, or one of these (OTHER: not ASCII). */
const COMMA = 1;
const QUOTE = 2;
const OTHER = 3;
const LF = 4;
const CR = 5;
const BYTE_KIND = new Uint8Array(256).map((_, b) => (b === 44 ? COMMA : b === 34 ? QUOTE : b === 10 ? LF : b === 13 ? CR : b >= 128 ? OTHER : 0));
const COL_DOMAIN = 0;
const COL_SEVERITY = 1;
const COL_MEDIA = 2;
const COL_REPORTS = 3;
const COL_OBFUSCATE = 4;
const COL_PUBLIC = 5;
const COL_PRIVATE = 6;
const COL_DIGEST = 7;

/** The header's columns by number, -1 for those the file lacks (the public comment may be "comment"). */
function columnNumbers(map: Partial<Record<KnownColumn, number>>): Int32Array {
  const n = (i: number | undefined) => i ?? -1;
  return Int32Array.of(n(map.domain), n(map.severity), n(map.reject_media), n(map.reject_reports), n(map.obfuscate), n(map.public_comment ?? map.comment), n(map.private_comment), n(map.digest));
}

/** A row with the shape buildRow gives (same properties, same order), to be filled in. */
function blankRow(): BlocklistRow {
  return {
    index: 0,
    line: 0,
    input: '',
    domain: null,
    displayDomain: '',
    severity: 'suspend',
    severityDefaulted: false,
    rejectMedia: false,
    rejectReports: false,
    obfuscate: false,
    publicComment: null,
    privateComment: null,
    digest: null,
    obfuscated: false,
    canary: null,
    invalid: null,
    duplicateOfLine: null,
    note: null,
    domainId: 0,
  };
}

/** The bit of field `at` in a line's mask (none for a column past what a plain line holds). */
function fieldBit(at: number): number {
  return at >= 0 && at < MAX_BYTE_FIELDS ? 1 << at : 0;
}

const SEVERITY_BYTES: ReadonlyArray<[Severity, Buffer]> = (['suspend', 'silence', 'noop'] as const).map((s) => [s, Buffer.from(s)]);
const TRUE_BYTES = Buffer.from('true');
const FALSE_BYTES = Buffer.from('false');

function sameBytes(data: Buffer, start: number, end: number, word: Buffer): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i += 1) if (data[start + i] !== word[i]) return false;
  return true;
}

/** A severity cell spelled as Mastodon writes it; null for anything `parseSeverity` must judge. */
function severityOf(data: Buffer, start: number, end: number): Severity | null {
  for (const [severity, word] of SEVERITY_BYTES) if (sameBytes(data, start, end, word)) return severity;
  return null;
}

/** A boolean cell: 1 true, 0 false or not given, -1 a spelling `parseBoolean` must judge. */
function flagOf(data: Buffer, from: Int32Array, to: Int32Array, last: number, at: number): number {
  if (at === -1 || at > last) return 0;
  const start = from[at]!;
  const end = to[at]!;
  if (start === end) return 0;
  if (sameBytes(data, start, end, TRUE_BYTES)) return 1;
  if (sameBytes(data, start, end, FALSE_BYTES)) return 0;
  return -1;
}

function tooManyRows(max: number): BlocklistParseError {
  return new BlocklistParseError('too_many_rows', `The file has more than ${max.toLocaleString('en')} entries, the most one import handles (Mastodon's limit too). Split it into smaller files.`);
}

function tooLarge(max: number): BlocklistParseError {
  return new BlocklistParseError('too_large', `The file is larger than ${Math.round(max / 1024 / 1024)} MB, far beyond any real blocklist of ${MAX_BLOCKLIST_ROWS.toLocaleString('en')} entries.`);
}

/**
 * Incremental parser: `push` text as it arrives, `end` for the result. CSV and plain text are read
 * record by record (memory stays proportional to the rows, not the file); JSON is buffered, within
 * the same byte limit, and parsed at the end.
 */
export class BlocklistParser {
  readonly #options: ParseOptions;
  readonly #maxBytes: number;
  readonly #maxRows: number;
  #bytes = 0;
  #head = '';
  #format: BlocklistFormat | null = null;
  #detected: BlocklistFormat | null = null;
  #csv: CsvReader | null = null;
  #textRest = '';
  #textLine = 1;
  #json = '';
  #columns: string[] = [];
  #ignored: string[] = [];
  #map: Partial<Record<KnownColumn, number>> | null = null;
  #rows: BlocklistRow[] = [];
  #count = 0;
  readonly #repeats: Repeats;
  readonly #comments = new CommentCache();
  #ended = false;
  /** pushBytes: decodes what is not read from the bytes. */
  #decoder: Utf8ChunkDecoder | null = null;
  /** pushBytes: an unfinished line, held until the chunk that ends it. */
  #carry: Buffer | null = null;
  /** pushBytes: columns by number (-1: the file has none), set once the header is read. */
  #byteColumns: Int32Array | null = null;
  /** The fields of the line being read: field k is [#from[k], #to[k]) (inside its quotes, if quoted). */
  readonly #from = new Int32Array(MAX_BYTE_FIELDS);
  readonly #to = new Int32Array(MAX_BYTE_FIELDS);
  /** Lines not read from the bytes, not yet decoded: [#runStart, the current line) of #runData. */
  #runData: Buffer | null = null;
  #runStart = -1;
  /** The row object reused with `reuseRows`. */
  #scratch: BlocklistRow | null = null;
  /** The line #byteRow refused may hold a quote. */
  #lineQuote = false;

  constructor(options: ParseOptions = {}) {
    this.#options = options;
    this.#maxBytes = options.maxBytes ?? MAX_BLOCKLIST_BYTES;
    this.#maxRows = options.maxRows ?? MAX_BLOCKLIST_ROWS;
    this.#repeats = new Repeats(options.domains);
  }

  /** Rows parsed so far (grows with each push). */
  get rows(): readonly BlocklistRow[] {
    return this.#rows;
  }

  push(chunk: string): void {
    if (this.#ended) throw new Error('BlocklistParser: push after end');
    this.#bytes += Buffer.byteLength(chunk, 'utf8');
    if (this.#bytes > this.#maxBytes) throw tooLarge(this.#maxBytes);
    if (chunk.includes('\u0000')) throw binaryFile();
    this.#feedText(chunk);
  }

  /** Text whose bytes were counted and checked. */
  #feedText(chunk: string) {
    if (this.#format === null) {
      this.#head += chunk;
      // The first complete non-blank line (or the first character for JSON) decides the format.
      const trimmed = this.#head.trimStart();
      if (trimmed === '' || (!/^[[{]/.test(trimmed) && !/\r|\n/.test(trimmed))) return;
      this.#start();
      const head = this.#head;
      this.#head = '';
      this.#feed(head);
      return;
    }
    this.#feed(chunk);
  }

  /**
   * `push` for raw bytes (strict UTF-8, as `decodeBlocklistBytes`). Use one or the other for a
   * file, not both. With a shared DomainTable, a CSV's plain lines are read from the bytes (most
   * lines of the large lists a merge reads); everything else is decoded and read as by `push`.
   * Nothing of the chunk is kept once this returns: the caller may reuse its memory.
   */
  pushBytes(chunk: Uint8Array): void {
    if (this.#ended) throw new Error('BlocklistParser: push after end');
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.#decoder ??= new Utf8ChunkDecoder();
    if (!this.#options.domains) {
      this.push(this.#decode(bytes));
      return;
    }
    // Until the header is read, line by line as text (format detection works on text).
    let pos = 0;
    while (this.#byteColumns === null && pos < bytes.length) {
      if (this.#format !== null && !this.#csv) {
        this.push(this.#decode(bytes.subarray(pos)));
        return;
      }
      const nl = bytes.indexOf(10, pos);
      const stop = nl === -1 ? bytes.length : nl + 1;
      this.push(this.#decode(bytes.subarray(pos, stop)));
      pos = stop;
      if (this.#map !== null && this.#csv!.atRecordStart && this.#decoder.idle) this.#byteColumns = columnNumbers(this.#map);
    }
    if (pos >= bytes.length) return;
    const rest = pos === 0 ? bytes : bytes.subarray(pos);
    this.#bytes += rest.length;
    if (this.#bytes > this.#maxBytes) throw tooLarge(this.#maxBytes);
    if (rest.indexOf(0) !== -1) throw binaryFile();
    this.#readLines(rest);
  }

  /** Complete lines of `chunk` (after what was carried), each read from the bytes or decoded. */
  #readLines(chunk: Buffer) {
    const carry = this.#carry;
    this.#carry = null;
    if (carry === null) return this.#readRange(chunk);
    // The line begun in the last chunk, finished by this one, on its own (the chunk is not copied).
    const nl = chunk.indexOf(10);
    if (nl === -1) return this.#readRange(Buffer.concat([carry, chunk]));
    this.#readRange(Buffer.concat([carry, chunk.subarray(0, nl + 1)]));
    if (nl + 1 === chunk.length) return;
    // (A line ends at its LF, so nothing is carried from that line; were it, it would go first.)
    const rest = chunk.subarray(nl + 1);
    const left = this.#carry;
    this.#carry = null;
    this.#readRange(left === null ? rest : Buffer.concat([left, rest]));
  }

  /** The complete lines of `data`; what follows the last one is carried (copied) to the next chunk. */
  #readRange(data: Buffer) {
    this.#runData = data;
    let pos = 0;
    while (pos < data.length) {
      // (A pending run holds no quote, so it ends between records: what matters is the state before it.)
      if (this.#csv!.atRecordStart && this.#decoder!.idle) {
        this.#lineQuote = false;
        const read = this.#byteRow(data, pos);
        if (read === -1) break;
        if (read >= 0) {
          pos = read + 1;
          continue;
        }
        const lf = -read - 2;
        if (this.#runStart === -1) this.#runStart = pos;
        // A quote may open a field that runs on over lines: read it now, to know where the next line stands.
        if (this.#lineQuote) this.#flushRun(lf + 1);
        pos = lf + 1;
      } else {
        const lf = data.indexOf(10, pos);
        if (lf === -1) break;
        if (this.#runStart === -1) this.#runStart = pos;
        this.#flushRun(lf + 1);
        pos = lf + 1;
      }
    }
    this.#flushRun(pos);
    this.#runData = null;
    if (pos < data.length) {
      // A line longer than any field may be (or a file of lone CRs) is read as text as it comes.
      if (data.length - pos > CARRY_LIMIT) this.#feedText(this.#decode(data.subarray(pos)));
      else this.#carry = Buffer.from(data.subarray(pos));
    }
  }

  /** Decodes and reads the lines of the current run, up to `end`. */
  #flushRun(end: number) {
    if (this.#runStart === -1) return;
    const text = this.#decode(this.#runData!.subarray(this.#runStart, end));
    this.#runStart = -1;
    this.#feedText(text);
  }

  #decode(bytes: Buffer): string {
    try {
      return this.#decoder!.decode(bytes);
    } catch {
      throw notUtf8();
    }
  }

  /** A line #byteRow gives up on at `at`: the text reader reads it (it may hold a quote). */
  #refuseFrom(data: Buffer, at: number): number {
    this.#lineQuote = true;
    const lf = data.indexOf(10, at);
    return lf === -1 ? -1 : -(lf + 2);
  }

  /**
   * One line (data[start, nl), nl its LF) read from the bytes when it is plain — ASCII, quotes only
   * around whole fields and with none inside, every cell in the spelling lists use, a domain that
   * needs no tidying: the row `buildRow` would give, made without decoding the line. Anything else
   * returns false and the line is decoded and read as text (the row is the same either way; a test
   * reads every fixture both ways).
   */
  #byteRow(data: Buffer, start: number): number {
    const from = this.#from;
    const to = this.#to;
    const size = data.length;
    let last = 0;
    let ascii = true;
    let quoted = false;
    /** Bit k: field k holds doubled quotes. */
    let escaped = 0;
    from[0] = start;
    let i = start;
    for (; ; i += 1) {
      if (i === size) return -1;
      const kind = BYTE_KIND[data[i]!]!;
      if (kind === 0) continue;
      if (kind === LF) break;
      if (kind === COMMA) {
        if (!quoted) to[last] = i;
        quoted = false;
        if (last === MAX_BYTE_FIELDS - 1) return this.#refuseFrom(data, i);
        last += 1;
        from[last] = i + 1;
      } else if (kind === QUOTE) {
        // A quoted field: "…" (a quote inside doubled), then a comma or the end (Ruby's CSV rules).
        if (i !== from[last]) return this.#refuseFrom(data, i);
        let close = i + 1;
        let doubled = false;
        for (; ; close += 1) {
          if (close === size) return -1;
          const b = data[close]!;
          if (b === 34) {
            // (Whether a quote closes the field or is doubled, the next byte says.)
            if (close + 1 === size) return -1;
            if (data[close + 1] !== 34) break;
            doubled = true;
            close += 1;
          } else if (b === 10) {
            // A field running on over lines: the line ends here, and the reader reads on.
            this.#lineQuote = true;
            return -(close + 2);
          } else if (b === 13 || b >= 128) ascii = false;
        }
        const after = data[close + 1]!;
        if (after !== 44 && after !== 10 && after !== 13) return this.#refuseFrom(data, close);
        from[last] = i + 1;
        to[last] = close;
        // (Only comments may hold a quote: a doubled one anywhere else sends the line the long way.)
        if (doubled) escaped |= 1 << last;
        quoted = true;
        i = close;
      } else if (kind === CR) {
        // CRLF ends the line; a CR anywhere else is left to the text reader.
        if (i + 1 === size) return -1;
        if (data[i + 1] !== 10) ascii = false;
      } else ascii = false;
    }
    const lf = i;
    const end = lf > start && data[lf - 1] === 13 ? lf - 1 : lf;
    if (!quoted) to[last] = end;
    const refused = -(lf + 2);
    if (!ascii || end - start > MAX_FIELD_LENGTH) return refused;
    const columns = this.#byteColumns!;
    const publicAt = columns[COL_PUBLIC]!;
    const privateAt = columns[COL_PRIVATE]!;
    if (escaped !== 0 && (escaped & ~(fieldBit(publicAt) | fieldBit(privateAt))) !== 0) return refused;

    const domainAt = columns[COL_DOMAIN]!;
    if (domainAt > last) return refused;
    const table = this.#options.domains!;
    const domainFrom = from[domainAt]!;
    const domainTo = to[domainAt]!;
    if (domainFrom === domainTo || data[domainFrom]! <= 32 || data[domainTo - 1]! <= 32) return refused;
    // A numbered plain name (the common row) needs no look at its per-domain objects.
    const known = table.findBytes(data, domainFrom, domainTo);
    const plain = known !== -1 && table.plain(known);
    let input: string;
    let normalized: NormalizedDomain | null = null;
    if (plain) input = table.name(known);
    else {
      input = known !== -1 ? table.name(known) : data.toString('latin1', domainFrom, domainTo);
      normalized = known !== -1 ? table.normalized(known) : normalizeDomain(input);
      // An obfuscated name (a**.example) is read here too; other problems the long way.
      if (!normalized.ok && normalized.problem !== 'obfuscated') return refused;
    }

    let severity: Severity = this.#options.defaultSeverity ?? (this.#format === 'fediblockhole_csv' ? 'noop' : 'suspend');
    let severityDefaulted = true;
    const severityAt = columns[COL_SEVERITY]!;
    if (severityAt !== -1) {
      const given = severityAt > last ? null : severityOf(data, from[severityAt]!, to[severityAt]!);
      if (given === null) return refused;
      severity = given;
      severityDefaulted = false;
    }
    const media = flagOf(data, from, to, last, columns[COL_MEDIA]!);
    const reports = flagOf(data, from, to, last, columns[COL_REPORTS]!);
    const obfuscate = flagOf(data, from, to, last, columns[COL_OBFUSCATE]!);
    if (media === -1 || reports === -1 || obfuscate === -1) return refused;
    const digestAt = columns[COL_DIGEST]!;
    if (digestAt !== -1 && digestAt <= last && to[digestAt]! > from[digestAt]!) return refused;
    const publicCell = publicAt === -1 || publicAt > last ? NO_COMMENT : this.#comments.readBytes(data, from[publicAt]!, to[publicAt]!, (escaped & (1 << publicAt)) !== 0);
    const privateCell = privateAt === -1 || privateAt > last ? NO_COMMENT : this.#comments.readBytes(data, from[privateAt]!, to[privateAt]!, (escaped & (1 << privateAt)) !== 0);

    // The row is certain. The lines before it come first (they may number domains and repeat this one).
    this.#flushRun(start);
    if (this.#count >= this.#maxRows) throw tooManyRows(this.#maxRows);
    let domainId: number | undefined;
    let domain: string | null;
    let displayDomain = input;
    let note: BlocklistRow['note'] = null;
    let canary: CanaryReason | null = null;
    let duplicateOfLine: number | null;
    const line = this.#csv!.takeLine();
    if (normalized === null) {
      domainId = known;
      domain = input;
      duplicateOfLine = this.#repeats.byNumber(domainId, line);
    } else if (!normalized.ok) {
      // Obfuscated: never a domain; repeats are found by the name as written.
      domain = null;
      displayDomain = input.toLowerCase();
      canary = canaryName(input);
      duplicateOfLine = this.#repeats.byName(`*${displayDomain}`, line);
    } else {
      if (known !== -1 && normalized.ascii === input) domainId = known;
      else if (known === -1 && normalized.ascii === input) {
        // A name new to the table, spelled as stored: its bytes and what normalizeDomain said are kept.
        domainId = table.idBytes(input, data, domainFrom, domainTo);
        table.worked(domainId, normalized);
      } else domainId = table.id(normalized.ascii, known === -1 && normalized.note !== 'wildcard_prefix');
      // (A name decoded here is a string of its own: only tidying by a slice could cut it from the input.)
      domain = table.name(domainId);
      displayDomain = normalized.unicode;
      note = normalized.note;
      canary = table.canary(domainId);
      duplicateOfLine = this.#repeats.byNumber(domainId, line);
    }
    const obfuscated = domain === null;
    const digest = domain !== null && this.#options.digests !== false ? domainDigest(domain) : null;
    if (this.#options.reuseRows && this.#options.onRow) {
      const row = (this.#scratch ??= blankRow());
      row.index = this.#count;
      row.line = line;
      row.input = input;
      row.domain = domain;
      row.displayDomain = displayDomain;
      row.severity = severity;
      row.severityDefaulted = severityDefaulted;
      row.rejectMedia = media === 1;
      row.rejectReports = reports === 1;
      row.obfuscate = obfuscate === 1 || obfuscated;
      row.publicComment = publicCell.value;
      row.privateComment = privateCell.value;
      row.digest = digest;
      row.obfuscated = obfuscated;
      row.canary = canary ?? publicCell.canary ?? privateCell.canary;
      row.duplicateOfLine = duplicateOfLine;
      row.note = note;
      row.domainId = domainId;
      this.#keep(row);
      return lf;
    }
    this.#keep({
      index: this.#count,
      line,
      input,
      domain,
      displayDomain,
      severity,
      severityDefaulted,
      rejectMedia: media === 1,
      rejectReports: reports === 1,
      obfuscate: obfuscate === 1 || obfuscated,
      publicComment: publicCell.value,
      privateComment: privateCell.value,
      digest,
      obfuscated,
      canary: canary ?? publicCell.canary ?? privateCell.canary,
      invalid: null,
      duplicateOfLine,
      note,
      domainId,
    });
    return lf;
  }

  end(): BlocklistParse {
    if (this.#ended) throw new Error('BlocklistParser: end called twice');
    if (this.#decoder) {
      if (this.#carry) {
        const carry = this.#carry;
        this.#carry = null;
        this.#feedText(this.#decode(carry));
      }
      let tail: string;
      try {
        tail = this.#decoder.end();
      } catch {
        throw notUtf8();
      }
      if (tail !== '') this.push(tail);
    }
    this.#ended = true;
    if (this.#format === null) {
      if (this.#head.trim() === '') throw new BlocklistParseError('empty', 'The file is empty.');
      this.#start();
      const head = this.#head;
      this.#head = '';
      this.#feed(head);
    }
    const format = this.#format!;
    if (this.#csv) {
      try {
        for (const record of this.#csv.end()) this.#csvRecord(record.fields, record.line);
      } catch (error) {
        throw this.#csvError(error);
      }
    } else if (format === 'plain_text') {
      if (this.#textRest !== '') this.#readTextLine(this.#textRest);
      this.#textRest = '';
    } else {
      this.#parseJson();
    }
    if (format !== 'plain_text' && !format.endsWith('json') && this.#map === null) {
      throw new BlocklistParseError('missing_domain_column', 'The file has no header row with a "domain" (or "#domain") column.');
    }
    return { format, detectedFormat: this.#detected!, rows: this.#rows, columns: this.#columns, ignoredColumns: this.#ignored, bytes: this.#bytes };
  }

  #start() {
    this.#detected = detectFormat(this.#head.slice(0, 64 * 1024));
    const forced = this.#options.format && this.#options.format !== 'auto' ? this.#options.format : null;
    this.#format = forced ?? this.#detected;
    if (this.#format === 'mastodon_csv' || this.#format === 'fediblockhole_csv') this.#csv = new CsvReader();
  }

  #feed(text: string) {
    if (this.#csv) {
      try {
        this.#csv.push(text, this.#onRecord);
      } catch (error) {
        throw this.#csvError(error);
      }
    } else if (this.#format === 'plain_text') {
      const all = this.#textRest + text;
      // A trailing "\r" may be the first half of "\r\n": hold it back with the unfinished line.
      const carry = all.endsWith('\r');
      const parts = (carry ? all.slice(0, -1) : all).split(/\r\n|\n|\r/);
      this.#textRest = (parts.pop() ?? '') + (carry ? '\r' : '');
      for (const part of parts) this.#readTextLine(part);
    } else {
      this.#json += text;
    }
  }

  #csvError(error: unknown): unknown {
    if (error instanceof CsvSyntaxError) return new BlocklistParseError('malformed_csv', `The CSV is malformed: ${error.message}`, error.line);
    return error;
  }

  #add(entry: RawEntry) {
    if (this.#count >= this.#maxRows) throw tooManyRows(this.#maxRows);
    this.#keep(buildRow(entry, this.#count, this.#format!, this.#options, this.#repeats, this.#comments));
  }

  #keep(row: BlocklistRow) {
    this.#count += 1;
    if (this.#options.onRow) this.#options.onRow(row);
    else this.#rows.push(row);
  }

  readonly #onRecord = (fields: string[], line: number) => this.#csvRecord(fields, line);

  #csvRecord(fields: string[], line: number) {
    // Blank unless a cell has more than whitespace (the first cell, the domain, almost always does).
    let blank = true;
    for (const f of fields) {
      if (f !== '' && f.trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) return;
    if (this.#map === null) {
      this.#columns = fields.map((f) => f.trim());
      const map: Partial<Record<KnownColumn, number>> = {};
      fields.forEach((cell, i) => {
        const name = cell.trim().replace(/^#/, '').trim().toLowerCase() as KnownColumn;
        if ((KNOWN_COLUMNS as readonly string[]).includes(name) && map[name] === undefined) map[name] = i;
        else if (cell.trim() !== '') this.#ignored.push(cell.trim());
      });
      if (map.domain === undefined) {
        throw new BlocklistParseError('missing_domain_column', `The first line (${fields.join(',').slice(0, 80)}) is not a header with a "domain" column. If the file is a plain list of domains, choose the plain-text format.`, line);
      }
      this.#map = map;
      return;
    }
    const map = this.#map;
    this.#add({
      line: line,
      domain: cellAt(fields, map.domain),
      severity: cellAt(fields, map.severity),
      severityColumn: map.severity !== undefined,
      rejectMedia: cellAt(fields, map.reject_media),
      rejectReports: cellAt(fields, map.reject_reports),
      obfuscate: cellAt(fields, map.obfuscate),
      publicComment: map.public_comment !== undefined ? cellAt(fields, map.public_comment) : cellAt(fields, map.comment),
      privateComment: cellAt(fields, map.private_comment),
      digest: cellAt(fields, map.digest),
    });
  }

  #readTextLine(raw: string) {
    const line = this.#textLine;
    this.#textLine += 1;
    let text = raw.replace(/^\uFEFF/, '').trim();
    if (text === '' || text.startsWith('#') || text.startsWith('//') || text.startsWith('!')) return;
    // An inline comment after the domain, or further columns of a headerless CSV.
    text = text.replace(/\s+#.*$/, '').split(/[\s,;]/)[0] ?? '';
    if (text === '') return;
    this.#add({ line, domain: text, severity: undefined, severityColumn: false, rejectMedia: null, rejectReports: null, obfuscate: null, publicComment: null, privateComment: null, digest: null });
  }

  #parseJson() {
    let data: unknown;
    try {
      data = JSON.parse(this.#json.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new BlocklistParseError('invalid_json', `The JSON cannot be read: ${(error as Error).message}.`);
    }
    const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { domain_blocks?: unknown }).domain_blocks) ? (data as { domain_blocks: unknown[] }).domain_blocks : null;
    if (!list) throw new BlocklistParseError('not_a_blocklist', 'The JSON is not a list of domain blocks (expected an array of objects with a "domain").');
    if (list.length > this.#maxRows) throw tooManyRows(this.#maxRows);
    const admin = this.#format === 'mastodon_admin_json';
    list.forEach((item, i) => {
      const line = i + 1;
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        this.#keep({ ...buildRow({ line, domain: '', severity: undefined, severityColumn: false, rejectMedia: null, rejectReports: null, obfuscate: null, publicComment: null, privateComment: null, digest: null }, i, this.#format!, this.#options, this.#repeats, this.#comments), invalid: { code: 'not_an_object', detail: JSON.stringify(item)?.slice(0, 40) ?? '' } });
        return;
      }
      const o = item as Record<string, unknown>;
      this.#add({
        line,
        domain: o.domain,
        severity: o.severity,
        severityColumn: o.severity !== undefined,
        rejectMedia: admin ? o.reject_media : null,
        rejectReports: admin ? o.reject_reports : null,
        obfuscate: admin ? o.obfuscate : null,
        publicComment: admin ? (o.public_comment ?? o.comment) : (o.comment ?? o.public_comment),
        privateComment: admin ? o.private_comment : null,
        digest: o.digest,
      });
    });
  }
}

/** Decodes uploaded bytes strictly as UTF-8 (with or without BOM). */
export function decodeBlocklistBytes(bytes: Uint8Array, maxBytes = MAX_BLOCKLIST_BYTES): string {
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BlocklistParseError('not_utf8', 'The file is not UTF-8 text. Export it again as UTF-8 (CSV, TXT or JSON).');
  }
}

export function parseBlocklist(input: string | Uint8Array, options: ParseOptions = {}): BlocklistParse {
  const text = typeof input === 'string' ? input : decodeBlocklistBytes(input, options.maxBytes);
  const max = options.maxBytes ?? MAX_BLOCKLIST_BYTES;
  if (Buffer.byteLength(text, 'utf8') > max) throw tooLarge(max);
  const parser = new BlocklistParser(options);
  parser.push(text);
  return parser.end();
}

/** Rows that could become blocks as they are: valid, real (not obfuscated) and not repeated. */
export function applicableRows(rows: readonly BlocklistRow[]): BlocklistRow[] {
  return rows.filter((r) => r.domain !== null && !r.invalid && !r.obfuscated && r.duplicateOfLine === null);
}

export { isObfuscatedName };
