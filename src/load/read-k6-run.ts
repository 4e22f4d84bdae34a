import { HistorySink, type HistoryWritten } from './history-sink.ts';
import { readK6Lines } from './k6-lines.ts';
import { pointText } from './k6-point-text.ts';
import { parseK6Line } from './k6-samples.ts';
import type { SetupRecord } from './setup-record.ts';
import { ThresholdSeries } from './threshold-series.ts';

/** The metric of a Point line as k6 writes it (`{"metric":"NAME",...`); null for any other line. */
function metricOf(text: string): string | null {
  if (!text.startsWith('{"metric":"')) return null;
  const close = text.indexOf('"', 11);
  return close < 0 ? null : text.slice(11, close);
}

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
}

/**
 * Reads the k6 JSON outputs of a run (one file per k6 process) in one streaming pass: the samples the
 * thresholds need are kept as numbers, the `vcert_op` samples are written to the history as they come,
 * every other sample is skipped unparsed. Memory does not grow with the number of requests beyond the
 * thresholds' numbers.
 */
export async function readK6Run(paths: readonly string[], sources: K6RunSources): Promise<K6RunRead> {
  const series = new ThresholdSeries(sources.thresholds);
  let setup = sources.setup ?? null;
  const sink = new HistorySink(sources.historyPath, sources.target, setup);
  const wanted = ['vcert_op', 'vcert_setup', ...series.metrics];
  let unreadable = 0;
  const onLine = (text: string) => {
    // Threshold samples (most lines) are read from their text; vcert_op and vcert_setup whole.
    const metric = metricOf(text);
    if (metric !== null && metric !== 'vcert_op' && metric !== 'vcert_setup') {
      const point = pointText(text);
      if (point) {
        series.addText(metric, point);
        return;
      }
    }
    let line: ReturnType<typeof parseK6Line>;
    try {
      line = parseK6Line(text);
    } catch {
      unreadable += 1;
      return;
    }
    if (line?.kind === 'metric') series.types.set(line.metric, line.type);
    if (line?.kind !== 'point') return;
    const point = line.point;
    series.add(point.metric, point.time, point.value, point.tags);
    if (point.metric === 'vcert_op') sink.add(point);
    else if (point.metric === 'vcert_setup' && !setup && point.metadata.setup) {
      setup = JSON.parse(point.metadata.setup) as SetupRecord;
      sink.useSetup(setup);
    }
  };
  try {
    for (const path of paths) await readK6Lines(path, wanted, onLine);
  } catch (error) {
    sink.close();
    throw error;
  }
  return { series, setup, history: sink.close(), unreadable };
}
