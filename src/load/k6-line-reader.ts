import type { HistorySink } from './history-sink.ts';
import { pointText } from './k6-point-text.ts';
import { parseK6Line } from './k6-samples.ts';
import type { SetupRecord } from './setup-record.ts';
import type { ThresholdSeries } from './threshold-series.ts';

/** The metric of a Point line as k6 writes it (`{"metric":"NAME",...`); null for any other line. */
function metricOf(text: string): string | null {
  if (!text.startsWith('{"metric":"')) return null;
  const close = text.indexOf('"', 11);
  return close < 0 ? null : text.slice(11, close);
}

/**
 * What one pass does with each line of k6's output: a threshold's sample goes to the series (read from
 * its text), a `vcert_op` sample to the history, the first `vcert_setup` sample becomes the setup; a line
 * that is not JSON is counted and left out.
 */
export class K6LineReader {
  unreadable = 0;
  setup: SetupRecord | null;
  readonly series: ThresholdSeries;
  readonly sink: HistorySink;

  constructor(series: ThresholdSeries, sink: HistorySink, setup: SetupRecord | null) {
    this.series = series;
    this.sink = sink;
    this.setup = setup;
  }

  /** The metrics whose lines are read; the others are skipped unread. */
  get wanted(): string[] {
    return ['vcert_op', 'vcert_setup', ...this.series.metrics];
  }

  readonly onLine = (text: string): void => {
    const metric = metricOf(text);
    if (metric !== null && metric !== 'vcert_op' && metric !== 'vcert_setup') {
      const point = pointText(text);
      if (point) {
        this.series.addText(metric, point);
        return;
      }
    }
    let line: ReturnType<typeof parseK6Line>;
    try {
      line = parseK6Line(text);
    } catch {
      this.unreadable += 1;
      return;
    }
    if (line?.kind === 'metric') this.series.types.set(line.metric, line.type);
    if (line?.kind !== 'point') return;
    const point = line.point;
    this.series.add(point.metric, point.time, point.value, point.tags);
    if (point.metric === 'vcert_op') this.sink.add(point);
    else if (point.metric === 'vcert_setup' && !this.setup && point.metadata.setup) {
      this.setup = JSON.parse(point.metadata.setup) as SetupRecord;
      this.sink.useSetup(this.setup);
    }
  };
}
