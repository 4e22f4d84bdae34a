import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { HistoryWritten } from './history-sink.ts';
import { readK6Lines } from './k6-lines.ts';
import type { PartDone, PartJob } from './read-k6-part.ts';
import type { K6RunRead, K6RunSources } from './read-k6-run.ts';
import type { SetupRecord } from './setup-record.ts';
import { ThresholdSeries } from './threshold-series.ts';

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

export async function readInParts(
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
