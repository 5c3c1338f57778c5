import { parentPort, workerData } from 'node:worker_threads';
import { DomainTable } from '@/lib/blocklist/domain-table';
import { env } from '@/lib/env';
import type { BlocklistFormat } from '@/lib/blocklist/parse';
import { readBlocklistInput } from './blocklist-input';
import type { CliContext } from './context';
import { describeError } from './errors';
import { countRow, emptyCounts, RowBatchWriter, type RowBatch } from './merge-rows';

/**
 * A reading thread of `palisade blocklist merge` (bundled beside the CLI as merge-worker.mjs): it
 * reads and parses the inputs it is given, one after another, with the console's parser, and
 * sends the rows the merge can use back in packed batches, while the main thread merges.
 */
export interface ReadTask {
  index: number;
  input: string;
  format: BlocklistFormat | 'auto';
  maxRows: number;
  maxBytes: number;
}

export type ReadMessage =
  | { index: number; kind: 'batch'; batch: RowBatch }
  | { index: number; kind: 'done'; format: BlocklistFormat; counts: ReturnType<typeof emptyCounts> }
  | { index: number; kind: 'error'; code: string; message: string };

export interface ReadWorkerData {
  cwd: string;
}

function context(data: ReadWorkerData): CliContext {
  const settings = env();
  return {
    io: { out: () => {}, err: () => {}, interactive: false, stdin: process.stdin, cwd: data.cwd },
    env: settings,
    vars: process.env,
    now: () => new Date(),
    embeddedDir: '',
    openDatabase: () => Promise.reject(new Error('a reading thread opens no database')),
    fetch: globalThis.fetch,
  };
}

async function read(task: ReadTask, ctx: CliContext, domains: DomainTable, post: (message: ReadMessage, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const counts = emptyCounts();
  const writer = new RowBatchWriter();
  const send = (batch: RowBatch | null) => {
    if (batch) post({ index: task.index, kind: 'batch', batch }, [batch.bits.buffer as ArrayBuffer, batch.pub.buffer as ArrayBuffer, batch.priv.buffer as ArrayBuffer]);
  };
  try {
    const parsed = await readBlocklistInput(task.input, ctx, {
      format: task.format,
      maxRows: task.maxRows,
      maxBytes: task.maxBytes,
      digests: false,
      domains,
      onRow: (row) => {
        if (countRow(counts, row)) send(writer.add(row));
      },
    });
    send(writer.flush());
    post({ index: task.index, kind: 'done', format: parsed.format, counts });
  } catch (error) {
    const { code, message } = describeError(error);
    post({ index: task.index, kind: 'error', code, message });
  }
}

if (parentPort) {
  const port = parentPort;
  const ctx = context(workerData as ReadWorkerData);
  // This thread's own numbering: what a domain's name says is worked out once per thread, and
  // repeats within a list are found by number (the merging thread numbers domains again).
  const domains = new DomainTable();
  // One input at a time, in the order given: the main thread merges them in that order.
  let queue = Promise.resolve();
  port.on('message', (task: ReadTask) => {
    queue = queue.then(() => read(task, ctx, domains, (message, transfer) => port.postMessage(message, transfer ?? [])));
  });
}
