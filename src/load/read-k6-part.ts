import type { HistoryWritten } from './history-sink.ts';
import { HistorySink } from './history-sink.ts';
import { K6LineReader } from './k6-line-reader.ts';
import { readK6Lines } from './k6-lines.ts';
import type { SetupRecord } from './setup-record.ts';
import { type SeriesPart, ThresholdSeries } from './threshold-series.ts';

/** A worker's share of a large run's k6 outputs: byte ranges in file order, each starting a line. */
export interface PartJob {
  ranges: Array<{ path: string; start: number; end: number }>;
  thresholds: Record<string, readonly string[]>;
  setup: SetupRecord;
  target?: string;
  historyPath: string;
  /** The first part writes the history's meta line. */
  first: boolean;
}

export interface PartDone {
  series: SeriesPart;
  history: HistoryWritten;
  unreadable: number;
}

/** Reads one share (src/load/read-k6-worker.ts runs it in a worker thread). */
export async function readPart(job: PartJob): Promise<PartDone> {
  const series = new ThresholdSeries(job.thresholds);
  const sink = new HistorySink(job.historyPath, job.target, job.setup, job.first);
  const reader = new K6LineReader(series, sink, job.setup);
  try {
    for (const range of job.ranges) await readK6Lines(range.path, reader.wanted, reader.onLine, range);
  } catch (error) {
    sink.close();
    throw error;
  }
  return { series: series.toPart(), history: sink.close(), unreadable: reader.unreadable };
}
