import { readK6Lines } from './k6-lines.ts';

/** One data point of k6's JSON output (`--out json=FILE`). */
export interface K6Point {
  metric: string;
  /** Milliseconds since the epoch. */
  time: number;
  value: number;
  tags: Record<string, string>;
  metadata: Record<string, string>;
}

export type K6MetricType = 'counter' | 'gauge' | 'rate' | 'trend';

/** The raw samples of one or more k6 processes of a run, merged, with each metric's type. */
export interface K6Samples {
  types: Map<string, K6MetricType>;
  points: K6Point[];
}

export function emptySamples(): K6Samples {
  return { types: new Map(), points: [] };
}

/** One line of k6 JSON output: a metric's declaration (its type), a data point, or neither. */
export type K6Line =
  | { kind: 'metric'; metric: string; type: K6MetricType }
  | { kind: 'point'; point: K6Point }
  | null;

export function parseK6Line(text: string): K6Line {
  const line = JSON.parse(text) as {
    type: string;
    metric: string;
    data: {
      type?: K6MetricType;
      time?: string;
      value?: number;
      tags?: Record<string, string> | null;
      metadata?: Record<string, string> | null;
    };
  };
  if (line.type === 'Metric' && line.data.type)
    return { kind: 'metric', metric: line.metric, type: line.data.type };
  if (line.type !== 'Point') return null;
  return {
    kind: 'point',
    point: {
      metric: line.metric,
      time: Date.parse(line.data.time ?? ''),
      value: line.data.value ?? 0,
      tags: line.data.tags ?? {},
      metadata: line.data.metadata ?? {},
    },
  };
}

/** Adds one line of k6 JSON output to the samples; other lines are ignored. */
export function addLine(samples: K6Samples, text: string): void {
  if (text.trim() === '') return;
  const line = parseK6Line(text);
  if (line?.kind === 'metric') samples.types.set(line.metric, line.type);
  else if (line?.kind === 'point') samples.points.push(line.point);
}

/**
 * Reads k6 JSON output files whole into memory (small runs and tests; `vcert load` streams them with
 * readK6Run instead).
 */
export async function readK6Outputs(paths: readonly string[]): Promise<K6Samples> {
  const samples = emptySamples();
  for (const path of paths) await readK6Lines(path, 'all', (text) => addLine(samples, text));
  samples.points.sort((a, b) => a.time - b.time);
  return samples;
}

/** Parses k6 JSON output held in a string (tests). */
export function parseK6Output(text: string): K6Samples {
  const samples = emptySamples();
  for (const line of text.split('\n')) addLine(samples, line);
  samples.points.sort((a, b) => a.time - b.time);
  return samples;
}
