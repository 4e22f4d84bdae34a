import { closeSync, openSync, writeSync } from 'node:fs';
import type { FinalLedger } from '../../src/history/final-ledger.ts';
import type { History, Operation } from '../../src/history/operation.ts';
import type { SetupRecord } from '../../src/load/setup-record.ts';

/** k6's built-in HTTP trends, one line each per request, as `--out json` writes them. */
const httpTrends = [
  'http_req_duration',
  'http_req_blocked',
  'http_req_connecting',
  'http_req_tls_handshaking',
  'http_req_sending',
  'http_req_waiting',
  'http_req_receiving',
];
const okStatus: Record<string, number> = {
  createHold: 201,
  captureHold: 201,
  redeem: 201,
  refundRedemption: 201,
};

/** The answer as a conforming system gives it: the generator leaves out what the checkers do not read. */
function conforming(op: Operation, holds: Map<string, unknown>): unknown {
  const result = op.result as Record<string, unknown>;
  if (op.completion !== 'ok') return result;
  if (op.op === 'createHold') holds.set(result.id as string, result.amount);
  if (op.op === 'releaseHold') return { ...result, amount: holds.get(op.target as string) };
  if (op.op === 'redeem' || op.op === 'captureHold') return { ...result, voucherId: op.voucher };
  if (op.op === 'getBalance') return { voucherId: op.voucher, ...result };
  if (op.op === 'topUp')
    return {
      id: op.voucher,
      state: 'activated',
      denomination: { amount: 50_000, currency: 'EUR' },
      ...result,
    };
  return result;
}

const metricLine = (name: string, type: string, contains = 'default') =>
  JSON.stringify({
    type: 'Metric',
    data: { name, type, contains, thresholds: [], submetrics: null },
    metric: name,
  });

/** Go's RFC 3339 with nanoseconds, as k6 writes sample times. */
const goTime = (ms: number, nanos: number) =>
  new Date(ms).toISOString().replace('Z', `${String(nanos).padStart(6, '0')}Z`);

const point = (metric: string, time: string, value: number, tags: string, metadata?: string) =>
  `{"metric":"${metric}","type":"Point","data":{"time":"${time}","value":${value},"tags":${tags}${metadata ? `,"metadata":${metadata}` : ''}}}`;

/**
 * A k6 JSON output of a run that recorded `history`: for each operation, one request with the lines k6
 * writes for it (http_reqs, the seven HTTP trends, http_req_failed), the scripts' own unexpected_errors,
 * refusals for a refusal, and the vcert_op sample with its metadata; per two requests an iteration's
 * lines (iterations, iteration_duration, data_sent, data_received); the setup's vcert_setup sample
 * first. Operation times are microseconds from `setup.startedAt`. Returns the number of lines.
 */
export function writeK6Output(path: string, history: History, setup: SetupRecord): number {
  const file = openSync(path, 'w');
  const origin = Date.parse(setup.startedAt);
  let pending: string[] = [];
  let lines = 0;
  const holds = new Map<string, unknown>();
  const put = (line: string) => {
    pending.push(line);
    lines += 1;
    if (pending.length >= 20_000) {
      writeSync(file, `${pending.join('\n')}\n`);
      pending = [];
    }
  };
  for (const [name, type] of [
    ['vcert_setup', 'counter'],
    ['http_reqs', 'counter'],
    ...httpTrends.map((name) => [name, 'trend']),
    ['http_req_failed', 'rate'],
    ['unexpected_errors', 'rate'],
    ['refusals', 'counter'],
    ['vcert_op', 'trend'],
    ['iterations', 'counter'],
    ['iteration_duration', 'trend'],
    ['data_sent', 'counter'],
    ['data_received', 'counter'],
  ] as const)
    put(metricLine(name, type));
  put(
    point(
      'vcert_setup',
      goTime(origin, 0),
      1,
      '{"group":"::setup"}',
      JSON.stringify({ setup: JSON.stringify(setup) }),
    ),
  );
  history.ops.forEach((op: Operation, n) => {
    const invoked = origin + Math.floor(op.invokedAt / 1000);
    const completed = Math.max(invoked, origin + Math.floor(op.completedAt / 1000));
    const time = goTime(completed, (n * 7919) % 1_000_000);
    const duration = completed - invoked + ((n * 31) % 1000) / 1000;
    const status =
      op.completion === 'ok'
        ? (okStatus[op.op] ?? 200)
        : op.completion === 'fail'
          ? ((op.result as { status?: number }).status ?? 409)
          : 0;
    const code = op.completion === 'fail' ? String((op.result as { code?: string }).code ?? '') : '';
    const scenario = op.client.startsWith('web') ? 'webshop' : 'hotVoucher';
    const http = `{"expected_response":"${(status >= 200 && status < 300) || status === 409}","group":"","method":"POST","name":"${op.op}","op":"${op.op}","proto":"HTTP/1.1","scenario":"${scenario}","status":"${status}","url":"${op.op}"}`;
    if (status > 0) {
      put(point('http_reqs', time, 1, http));
      for (const trend of httpTrends)
        put(
          point(
            trend,
            time,
            trend === 'http_req_duration' || trend === 'http_req_waiting' ? duration : 0.01,
            http,
          ),
        );
      put(point('http_req_failed', time, status >= 500 || (status >= 400 && status !== 409) ? 1 : 0, http));
    }
    put(
      point(
        'unexpected_errors',
        time,
        op.completion === 'info' ? 1 : 0,
        `{"group":"","op":"${op.op}","scenario":"${scenario}"}`,
      ),
    );
    if (code)
      put(
        point('refusals', time, 1, `{"code":"${code}","group":"","op":"${op.op}","scenario":"${scenario}"}`),
      );
    const metadata = {
      voucher: op.voucher,
      target: op.target ?? '',
      key: op.key ?? '',
      client: op.client,
      invoked: String(invoked),
      completed: String(completed),
      args: JSON.stringify(op.args),
      result: JSON.stringify(conforming(op, holds)),
      ...(status > 0 ? { status: String(status) } : {}),
    };
    put(
      point(
        'vcert_op',
        time,
        Math.round(duration),
        `{"code":"${code}","completion":"${op.completion}","group":"","op":"${op.op}","scenario":"${scenario}"}`,
        JSON.stringify(metadata),
      ),
    );
    if (n % 2 === 1) {
      const iteration = `{"group":"","scenario":"${scenario}"}`;
      put(point('iterations', time, 1, iteration));
      put(point('iteration_duration', time, duration * 2, iteration));
      put(point('data_sent', time, 412, iteration));
      put(point('data_received', time, 655, iteration));
    }
  });
  writeSync(file, `${pending.join('\n')}\n`);
  closeSync(file);
  return lines;
}

/** The ledgers as `vcert load` writes them (ledgers.json). */
export function writeLedgers(path: string, ledgers: ReadonlyMap<string, FinalLedger>): void {
  const file = openSync(path, 'w');
  writeSync(file, '[\n');
  let first = true;
  for (const ledger of ledgers.values()) {
    writeSync(file, `${first ? '' : ',\n'}${JSON.stringify(ledger)}`);
    first = false;
  }
  writeSync(file, '\n]\n');
  closeSync(file);
}
