import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BlocklistParseError, BlocklistParser, type BlocklistFormat, type BlocklistParse, type BlocklistRow, type ParseOptions } from '@/lib/blocklist/parse';
import { progress, type CliContext } from './context';
import { CliError } from './errors';

/**
 * Reads one blocklist named on the command line — a file, `-` for standard input, a `file://`
 * URL or an http(s) URL — through the console's parser, chunk by chunk as it arrives. The text
 * is never held whole (except a fetched body, which the fetcher caps), and with `onRow` neither
 * are the parsed rows.
 */
export interface InputOptions extends Pick<ParseOptions, 'maxBytes' | 'maxRows' | 'digests' | 'onRow' | 'reuseRows' | 'defaultSeverity' | 'domains'> {
  format?: BlocklistFormat | 'auto';
  /** For the progress line. */
  label?: string;
}

const CHUNK = 256 * 1024;

export function isUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

/** A short name for reports: the file's base name or the URL as given. */
export function inputName(spec: string): string {
  if (spec === '-') return 'standard input';
  if (isUrl(spec)) return spec;
  return path.basename(spec.startsWith('file://') ? fileURLToPath(spec) : spec);
}

/** The input's bytes in chunks, each valid until the next is asked for. */
async function* chunksOf(spec: string, ctx: CliContext, maxBytes: number | undefined): AsyncGenerator<Buffer> {
  if (spec === '-') {
    for await (const chunk of ctx.io.stdin) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    return;
  }
  if (isUrl(spec)) {
    const { fetchSource } = await import('@/lib/blocklist/sources-fetch');
    const res = await fetchSource({ url: spec, allowPrivate: ctx.env.PALISADE_BLOCKLIST_ALLOW_PRIVATE, timeoutMs: 60_000, ...(maxBytes ? { maxBytes } : {}) });
    if (res.status !== 'ok') throw new CliError(`${spec} answered 304 Not Modified to a plain request`, 'fetch_http_error');
    if (/^text\/html/i.test(res.contentType ?? '') || /^\s*<(!doctype|html)/i.test(res.body.subarray(0, 200).toString('utf8'))) {
      throw new CliError(`${spec} returned a web page, not a list: link the file itself (the "raw" link on a code host)`, 'fetch_html');
    }
    yield res.body;
    return;
  }
  const file = path.resolve(ctx.io.cwd, spec.startsWith('file://') ? fileURLToPath(spec) : spec);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${spec}: no such file` : `${spec}: cannot be read (${code ?? (error as Error).message})`, 'not_found');
  }
  if (stat.isDirectory()) throw new CliError(`${spec} is a directory, not a blocklist file`, 'not_a_file');
  // Two buffers in turn: the next chunk is read into one while the parser reads the other (and
  // copies whatever it keeps of a chunk before asking for the next).
  const handle = await fs.promises.open(file, 'r');
  const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  let pending: Promise<{ bytesRead: number }> | null = null;
  try {
    let turn = 0;
    pending = handle.read(buffers[0]!, 0, CHUNK, null);
    for (;;) {
      const { bytesRead } = await pending;
      pending = null;
      if (bytesRead === 0) break;
      const buffer = buffers[turn]!;
      turn ^= 1;
      pending = handle.read(buffers[turn]!, 0, CHUNK, null);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    // (A read still under way when the consumer stops early must end before the file is closed.)
    await pending?.catch(() => undefined);
    await handle.close();
  }
}

/** Parses one input. Errors name the input: `lists/a.csv: The CSV is malformed: … (line 12)`. */
export async function readBlocklistInput(spec: string, ctx: CliContext, options: InputOptions = {}): Promise<BlocklistParse> {
  const parser = new BlocklistParser({ ...options, format: options.format ?? 'auto' });
  const bar = progress(ctx);
  let bytes = 0;
  try {
    for await (const chunk of chunksOf(spec, ctx, options.maxBytes)) {
      bytes += chunk.length;
      parser.pushBytes(chunk);
      bar.update(`${options.label ?? inputName(spec)}: ${Math.round(bytes / 1024)} KB read`);
    }
    return parser.end();
  } catch (error) {
    if (error instanceof BlocklistParseError) {
      throw new CliError(`${inputName(spec)}: ${error.message}${error.line ? ` (line ${error.line})` : ''}`, error.code);
    }
    if (error instanceof CliError) throw error;
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.name === 'SourceFetchError') {
      throw new CliError(`${spec}: ${error.message}`, `fetch_${error.code}`);
    }
    throw error;
  } finally {
    bar.done();
  }
}

export type { BlocklistRow };
