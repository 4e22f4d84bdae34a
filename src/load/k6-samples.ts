import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

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

/** Adds one line of k6 JSON output to the samples; other lines are ignored. */
export function addLine(samples: K6Samples, text: string): void {
  if (text.trim() === '') return;
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
  if (line.type === 'Metric' && line.data.type) samples.types.set(line.metric, line.data.type);
  else if (line.type === 'Point')
    samples.points.push({
      metric: line.metric,
      time: Date.parse(line.data.time ?? ''),
      value: line.data.value ?? 0,
      tags: line.data.tags ?? {},
      metadata: line.data.metadata ?? {},
    });
}

/** Reads k6 JSON output files (one per k6 process of a segmented run) into one set of raw samples. */
export async function readK6Outputs(paths: readonly string[]): Promise<K6Samples> {
  const samples = emptySamples();
  for (const path of paths) {
    const lines = createInterface({
      input: createReadStream(path, 'utf8'),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const text of lines) addLine(samples, text);
  }
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
