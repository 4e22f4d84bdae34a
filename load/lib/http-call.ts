// The one place that sends a request: tags it, times it, and records it as one history operation.
import exec from 'k6/execution';
import http from 'k6/http';
import { env } from './env.ts';
import { type Completion, installedFlow, invokeFlow } from './flow.ts';
import { opMetric, refusals, unexpected } from './metrics.ts';

export interface Call {
  /** operationId of the contract (createHold, captureHold ...). */
  op: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  apiKey: string | null;
  /** The voucher the operation concerns (for the history); omit for set-up calls. */
  voucher?: string;
  /** The id in the path when it is not the voucher: hold or redemption id. */
  target?: string;
  /** The Idempotency-Key; a fresh one for every POST unless given (retries pass the same). */
  key?: string;
  /** Codes this flow expects as refusals (not counted as unexpected). */
  expected?: readonly string[];
  /** Client name; by default the channel and VU: `pos-s0-12`. */
  client?: string;
}

export interface Answer {
  status: number;
  completion: 'ok' | 'fail' | 'info';
  code: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: k6 scripts read JSON answers loosely.
  body: any;
}

// Refusals of the contract (409: insufficient_balance, voucher_in_use, ...) are answers a healthy system
// gives under load: k6 counts them as expected, so http_req_failed shows only what really failed (5xx,
// other 4xx, transport errors). The refusals metric counts them by code.
http.setResponseCallback(http.expectedStatuses({ min: 200, max: 299 }, 409));

let counter = 0;

/** A key unique across VUs and segments of the run. */
export function newKey(): string {
  counter += 1;
  const vu = exec.vu.idInTest;
  return `k6-${env.segment}-${vu}-${counter}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The client name of this VU: channel, segment and VU id. */
export function clientName(channel = 'pos'): string {
  return `${channel}-${env.segment}-${exec.vu.idInTest}`;
}

/** The part of a k6 response the scripts read. */
interface Response {
  status: number;
  body: string | null;
  error: string;
}

interface Prepared {
  c: Call;
  key: string | null;
  payload: string | null;
  request: [string, string, string | null, Record<string, unknown>];
}

function prepare(c: Call): Prepared {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (c.apiKey) headers.authorization = `Bearer ${c.apiKey}`;
  const key = c.method === 'POST' ? (c.key ?? newKey()) : null;
  if (key) headers['idempotency-key'] = key;
  const payload = c.body === undefined ? null : JSON.stringify(c.body);
  const params = { headers, tags: { op: c.op, name: c.op }, timeout: '10s', responseType: 'text' };
  return { c, key, payload, request: [c.method, `${env.target}${c.path}`, payload, params] };
}

/** Sends one request; contract operations on a voucher are recorded for the audit. */
export function call(c: Call): Answer {
  const p = prepare(c);
  const invoked = Date.now();
  if (installedFlow()) {
    const completion = invokeFlow(operationOf(c, p.key));
    return settle(p, responseOf(completion), invoked, Date.now());
  }
  const res = http.request(...p.request);
  return settle(p, res, invoked, Date.now());
}

/** The role whose key a call carries (the vendor's keys), else the key itself. */
function authOf(apiKey: string | null): unknown {
  if (apiKey === null) return 'none';
  const role = Object.entries(env.apiKeys ?? {}).find(([, key]) => key === apiKey)?.[0];
  return role ? { role } : { key: apiKey };
}

/** A call of the scripts as the contract operation an adapter performs. */
function operationOf(c: Call, key: string | null): Record<string, unknown> {
  const id = c.target ?? c.voucher;
  return {
    operationId: c.op,
    auth: authOf(c.apiKey),
    ...(id ? { params: { id } } : {}),
    ...(c.body === undefined ? {} : { body: c.body }),
    ...(key ? { idempotencyKey: key } : {}),
  };
}

/** An adapter's completion as the answer the scripts read: its status and body, or no answer. */
function responseOf(completion: Completion): Response {
  if (completion.completion === 'info')
    return { status: 0, body: null, error: completion.error ?? 'unknown' };
  const body = completion.completion === 'ok' ? completion.body : completion.problem;
  return {
    status: completion.status ?? 0,
    body: body === undefined ? null : JSON.stringify(body),
    error: '',
  };
}

/** Sends requests in parallel (http.batch), e.g. the same retry several times at once. */
export function callAll(calls: Call[]): Answer[] {
  // An adapter's flows run one after another: k6 batches plain requests only.
  if (installedFlow()) return calls.map(call);
  const prepared = calls.map(prepare);
  const invoked = Date.now();
  const responses = http.batch(prepared.map((p) => p.request));
  const completed = Date.now();
  return prepared.map((p, index) => settle(p, responses[index] as Response, invoked, completed));
}

/** The `code` of a problem document, when the body is one. */
function problemCode(body: unknown): string | null {
  const code = body && typeof body === 'object' ? (body as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
}

function settle(p: Prepared, res: Response, invoked: number, completed: number): Answer {
  const { c, key, payload } = p;
  let body: unknown = null;
  try {
    body = res.body ? JSON.parse(res.body as string) : null;
  } catch {
    body = res.body;
  }
  const status = res.status;
  // A 5xx is `info` in the history (the service may have acted before failing), but an answer all the same.
  const completion = status >= 200 && status < 300 ? 'ok' : status >= 400 && status < 500 ? 'fail' : 'info';
  const code = completion === 'ok' ? null : (problemCode(body) ?? `http_${status}`);
  // Every answered non-2xx is counted by its code (a 5xx's problem code, e.g. internal_error, else
  // http_<status>); status 0 is no answer at all (a transport error), counted by `unexpected` alone.
  if (code !== null && status > 0) refusals.add(1, { code, op: c.op });
  unexpected.add(completion === 'info' || (code !== null && !(c.expected ?? []).includes(code)), {
    op: c.op,
  });
  if (c.voucher) {
    const vu = exec.vu;
    vu.metrics.metadata.voucher = c.voucher;
    vu.metrics.metadata.target = c.target ?? '';
    vu.metrics.metadata.key = key ?? '';
    vu.metrics.metadata.client = c.client ?? clientName();
    vu.metrics.metadata.invoked = String(invoked);
    vu.metrics.metadata.completed = String(completed);
    vu.metrics.metadata.args = payload ?? '{}';
    if (status > 0) vu.metrics.metadata.status = String(status);
    vu.metrics.metadata.result =
      completion === 'ok'
        ? JSON.stringify(body)
        : JSON.stringify(
            completion === 'fail'
              ? { code, status }
              : { error: res.error || `status ${status}${code && status > 0 ? ` ${code}` : ''}` },
          );
    opMetric.add(completed - invoked, { op: c.op, completion, code: code ?? '' });
    for (const name of [
      'voucher',
      'target',
      'key',
      'client',
      'invoked',
      'completed',
      'args',
      'result',
      'status',
    ])
      delete vu.metrics.metadata[name];
  }
  return { status, completion, code, body };
}
