// handleSummary for every script: k6's end-of-test data as JSON and its thresholds as JUnit (one test
// case per threshold) in VCERT_SUMMARY_DIR, and a short text on stdout.
import { env } from './env.ts';

interface MetricData {
  type: string;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}
interface SummaryData {
  metrics: Record<string, MetricData>;
  state?: { testRunDurationMs?: number };
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function thresholdList(data: SummaryData): Array<{ metric: string; expression: string; ok: boolean }> {
  const list: Array<{ metric: string; expression: string; ok: boolean }> = [];
  for (const [metric, m] of Object.entries(data.metrics))
    for (const [expression, t] of Object.entries(m.thresholds ?? {}))
      list.push({ metric, expression, ok: t.ok });
  return list;
}

/** The thresholds as JUnit XML: a crossed threshold is a failure. */
export function junit(data: SummaryData): string {
  const list = thresholdList(data);
  const failures = list.filter((t) => !t.ok).length;
  const cases = list.map(
    (t) =>
      `  <testcase classname="k6 thresholds" name="${escapeXml(`${t.metric} ${t.expression}`)}">${t.ok ? '' : '<failure message="threshold crossed"/>'}</testcase>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="k6 thresholds" tests="${list.length}" failures="${failures}">\n${cases.join('\n')}\n</testsuite>\n`;
}

const value = (m: MetricData | undefined, key: string) =>
  m?.values[key] === undefined ? 'n/a' : String(Math.round((m.values[key] as number) * 1000) / 1000);

function text(data: SummaryData): string {
  const m = data.metrics;
  const lines = [
    `requests ${value(m.http_reqs, 'count')}, failed rate ${value(m.http_req_failed, 'rate')} (contract refusals are expected, not failures), refusals ${value(m.refusals, 'count')}`,
    `http_req_duration p(95) ${value(m.http_req_duration, 'p(95)')} ms, p(99) ${value(m.http_req_duration, 'p(99)')} ms`,
    ...thresholdList(data).map((t) => `${t.ok ? 'ok  ' : 'FAIL'} ${t.metric} ${t.expression}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function handleSummary(data: SummaryData): Record<string, string> {
  const out: Record<string, string> = { stdout: text(data) };
  if (env.summaryDir) {
    out[`${env.summaryDir}/k6-summary-${env.segment}.json`] = JSON.stringify(data, null, 1);
    out[`${env.summaryDir}/k6-junit-${env.segment}.xml`] = junit(data);
  }
  return out;
}
