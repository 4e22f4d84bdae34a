/** Builds k6 JSON output lines (`--out json`) for tests: metric declarations and points. */
export interface OpSample {
  client: string;
  op: string;
  voucher: string;
  target?: string;
  key?: string;
  invoked: number;
  completed: number;
  completion: 'ok' | 'fail' | 'info';
  args: unknown;
  result: unknown;
  /** The status of the answer; absent: none came (or an output from before statuses were recorded). */
  status?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function metricLine(name: string, type: string): string {
  return JSON.stringify({
    type: 'Metric',
    metric: name,
    data: { name, type, contains: 'default', thresholds: [], submetrics: null },
  });
}

export function pointLine(
  metric: string,
  ms: number,
  value: number,
  tags: Record<string, string> = {},
  metadata?: Record<string, string>,
): string {
  return JSON.stringify({
    metric,
    type: 'Point',
    data: { time: iso(ms), value, tags, ...(metadata ? { metadata } : {}) },
  });
}

export function opLine(s: OpSample): string {
  return pointLine(
    'vcert_op',
    s.completed,
    s.completed - s.invoked,
    { op: s.op, completion: s.completion, code: '', scenario: 'hotVoucher' },
    {
      voucher: s.voucher,
      target: s.target ?? '',
      key: s.key ?? '',
      client: s.client,
      invoked: String(s.invoked),
      completed: String(s.completed),
      args: JSON.stringify(s.args),
      result: JSON.stringify(s.result),
      ...(s.status ? { status: String(s.status) } : {}),
    },
  );
}

export function setupLine(ms: number, setup: unknown): string {
  return pointLine('vcert_setup', ms, 1, { group: '::setup' }, { setup: JSON.stringify(setup) });
}
