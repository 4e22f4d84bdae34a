import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { HistorySink, type HistoryWritten } from './history-sink.ts';
import { K6LineReader } from './k6-line-reader.ts';
import { readK6Lines } from './k6-lines.ts';
import { readInParts } from './read-in-parts.ts';
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
