import { closeSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HistorySink, type HistoryWritten } from './history-sink.ts';
import { K6LineReader } from './k6-line-reader.ts';
import { readK6Lines } from './k6-lines.ts';
import type { PartDone, PartJob } from './read-k6-part.ts';
import type { SetupRecord } from './setup-record.ts';
import { ThresholdSeries } from './threshold-series.ts';

export interface K6RunRead {
  /** What the thresholds need, over the samples of every file. */
  series: ThresholdSeries;
  /** The setup given, else the first one the samples recorded (`vcert_setup`); null when none. */
  setup: SetupRecord | null;
  history: HistoryWritten;
  /** Lines that were not JSON (a file cut while k6 was writing it): left out. */
  unreadable: number;
}

export interface K6RunSources {
  /** The thresholds of the script, as `k6 inspect` gives them. */
  thresholds: Record<string, readonly string[]>;
  /** Where the history goes. */
  historyPath: string;
  target?: string;
  /** The setup every segment read back (a segmented run); else it is taken from the samples. */
  setup?: SetupRecord | null;
  /** Worker threads for a large run (default: the cores, at most 4); 1 reads on this thread. */
  threads?: number;
  /** From how many bytes of output the threads read it in parts (default 64 MiB). */
  inPartsFrom?: number;
}

/** Below this many bytes of k6 output, one thread reads it all (threads cost more than they save). */
const inPartsFrom = 64 << 20;

/**
 * Reads the k6 JSON outputs of a run (one file per k6 process) in one streaming pass: the samples the
 * thresholds need are kept as numbers, the `vcert_op` samples are written to the history as they come,
 * every other sample is skipped unparsed. Memory does not grow with the number of requests beyond the
 * thresholds' numbers. A large run is read in parts by worker threads, each a range of lines, once the
 * setup is known (given, or from the start of the files).
 */
export async function readK6Run(paths: readonly string[], sources: K6RunSources): Promise<K6RunRead> {
  const sizes = paths.map((path) => statSync(path).size);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const threads = sources.threads ?? Math.min(4, availableParallelism());
  if (threads > 1 && total >= (sources.inPartsFrom ?? inPartsFrom)) {
    const setup = sources.setup ?? (await findSetup(paths, sizes));
    if (setup) return readInParts(paths, sizes, sources, setup, threads);
  }
  return readInOrder(paths, sources);
}

async function readInOrder(paths: readonly string[], sources: K6RunSources): Promise<K6RunRead> {
  const series = new ThresholdSeries(sources.thresholds);
  const setup = sources.setup ?? null;
  const sink = new HistorySink(sources.historyPath, sources.target, setup);
  const reader = new K6LineReader(series, sink, setup);
  try {
    for (const path of paths) await readK6Lines(path, reader.wanted, reader.onLine);
  } catch (error) {
    sink.close();
    throw error;
  }
  return { series, setup: reader.setup, history: sink.close(), unreadable: reader.unreadable };
}

/** The setup a run recorded, from the first 16 MB of its files (setup() runs before any iteration). */
async function findSetup(paths: readonly string[], sizes: readonly number[]): Promise<SetupRecord | null> {
  let found: SetupRecord | null = null;
  for (const [i, path] of paths.entries()) {
    await readK6Lines(
      path,
      ['vcert_setup'],
      (text) => {
        try {
          const data = JSON.parse(text) as { type?: string; data?: { metadata?: { setup?: string } } };
          if (!found && data.type === 'Point' && data.data?.metadata?.setup)
            found = JSON.parse(data.data.metadata.setup) as SetupRecord;
        } catch {
          // A line cut by the end of the range.
        }
      },
      { start: 0, end: Math.min(sizes[i] as number, 16 << 20) },
    );
    if (found) return found;
  }
  return null;
}

/** The first line start at or after `offset` in a file (its size when there is none). */
function lineStart(path: string, size: number, offset: number): number {
  if (offset <= 0) return 0;
  const file = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    for (let at = offset - 1; at < size; at += buffer.length) {
      const read = readSync(file, buffer, 0, buffer.length, at);
      const newline = buffer.subarray(0, read).indexOf(0x0a);
      if (newline >= 0) return Math.min(size, at + newline + 1);
      if (read === 0) break;
    }
    return size;
  } finally {
    closeSync(file);
  }
}

/** The files cut into `parts` shares of about equal bytes, each a list of line ranges in file order. */
function shares(paths: readonly string[], sizes: readonly number[], parts: number): PartJob['ranges'][] {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const cuts: Array<[number, number]> = [[0, 0]];
  for (let k = 1; k < parts; k++) {
    let at = Math.floor((total * k) / parts);
    let file = 0;
    while (file < sizes.length - 1 && at >= (sizes[file] as number)) at -= sizes[file++] as number;
    cuts.push([file, lineStart(paths[file] as string, sizes[file] as number, at)]);
  }
  cuts.push([sizes.length - 1, sizes[sizes.length - 1] as number]);
  return cuts.slice(0, -1).map(([file, start], k) => {
    const [lastFile, end] = cuts[k + 1] as [number, number];
    const ranges: PartJob['ranges'] = [];
    for (let f = file; f <= lastFile; f++) {
      const from = f === file ? start : 0;
      const to = f === lastFile ? end : (sizes[f] as number);
      if (to > from) ranges.push({ path: paths[f] as string, start: from, end: to });
    }
    return ranges;
  });
}

function runPart(job: PartJob): Promise<PartDone> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./read-k6-worker.ts', import.meta.url), { workerData: job });
    worker.once('message', (message: { done?: PartDone; error?: string }) =>
      message.done ? resolve(message.done) : reject(new Error(message.error)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a reading thread ended (exit code ${code})`)));
  });
}

/**
 * Appends a later part's history lines to the first, each client's operation numbers carried on from
 * the parts before (every line the sink writes ends with `,"index":N}`).
 */
async function appendPart(target: number, part: HistoryWritten, offsets: Map<string, number>): Promise<void> {
  const byText = new Map([...offsets].map(([client, offset]) => [JSON.stringify(client), offset]));
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) writeSync(target, `${pending.join('\n')}\n`);
    pending = [];
  };
  await readK6Lines(part.path, 'all', (line) => {
    const offset = byText.get(line.slice(10, line.indexOf(',"op":'))) ?? 0;
    const at = line.lastIndexOf(',"index":');
    pending.push(
      offset === 0 || at < 0
        ? line
        : `${line.slice(0, at)},"index":${Number(line.slice(at + 9, -1)) + offset}}`,
    );
    if (pending.length >= 10_000) flush();
  });
  flush();
}

async function readInParts(
  paths: readonly string[],
  sizes: readonly number[],
  sources: K6RunSources,
  setup: SetupRecord,
  threads: number,
): Promise<K6RunRead> {
  const jobs: PartJob[] = shares(paths, sizes, threads).map((ranges, k) => ({
    ranges,
    thresholds: sources.thresholds,
    setup,
    ...(sources.target ? { target: sources.target } : {}),
    historyPath: k === 0 ? sources.historyPath : `${sources.historyPath}.part${k}`,
    first: k === 0,
  }));
  const done = await Promise.allSettled(jobs.map(runPart));
  const failed = done.find((one) => one.status === 'rejected');
  try {
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const parts = done.map((one) => (one as PromiseFulfilledResult<PartDone>).value);
    const series = new ThresholdSeries(sources.thresholds);
    const history: HistoryWritten = { path: sources.historyPath, operations: 0, counts: {}, clients: {} };
    const target = openSync(sources.historyPath, 'a');
    try {
      for (const [k, part] of parts.entries()) {
        series.merge(part.series);
        const offsets = new Map(Object.entries(history.clients));
        if (k > 0) await appendPart(target, part.history, offsets);
        history.operations += part.history.operations;
        for (const [key, n] of Object.entries(part.history.counts))
          history.counts[key] = (history.counts[key] ?? 0) + n;
        for (const [client, n] of Object.entries(part.history.clients))
          history.clients[client] = (history.clients[client] ?? 0) + n;
      }
    } finally {
      closeSync(target);
    }
    return { series, setup, history, unreadable: parts.reduce((sum, part) => sum + part.unreadable, 0) };
  } finally {
    for (const job of jobs.slice(1)) rmSync(job.historyPath, { force: true });
  }
}
