// Transport-free adapters in k6 (docs/adapter.md): `vcert load --adapter FILE` makes an entry module that
// imports the adapter and installs it here; every contract call of the scripts then runs the adapter's
// flow, whose requests k6 sends. The same module runs in Node for vcert run, race and properties.
import http from 'k6/http';
import * as kit from '../../adapter/flow-kit.js';
import { env } from './env.ts';

declare const __ENV: Record<string, string | undefined>;

// biome-ignore lint/suspicious/noExplicitAny: flows are plain JavaScript, read loosely.
type Any = any;
export interface Completion {
  completion: 'ok' | 'fail' | 'info';
  status?: number;
  body?: unknown;
  problem?: unknown;
  error?: string;
}

const vendorStatuses = http.expectedStatuses({ min: 200, max: 499 });
let installed: Any = null;
/** Kept between calls of this virtual user's adapter, as in Node per adapter instance. */
const state: Record<string, unknown> = {};

export function installFlow(flow: Any): void {
  if (!flow || typeof flow !== 'object' || typeof flow.operations !== 'object')
    throw new Error('--adapter: not a transport-free adapter (a default export with operations)');
  installed = flow;
}

/** The installed adapter, or null for the canonical contract. */
export function installedFlow(): Any {
  return installed;
}

const context = () => ({ target: env.target, keys: env.apiKeys ?? {}, state });

function parse(text: string | null): unknown {
  if (!text) return '';
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Sends one request a flow yielded, tagged with the contract operation it belongs to. */
function send(op: string, request: Any): Any {
  const headers: Record<string, string> = { accept: 'application/json', ...(request.headers ?? {}) };
  let body: string | null = null;
  if (request.body !== undefined) {
    body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json';
  }
  const path = `${request.path.startsWith('/') ? '' : '/'}${request.path}`;
  const res = http.request(request.method, `${env.target}${path}`, body, {
    headers,
    tags: { op, name: `${op} ${request.method}` },
    timeout: __ENV.REQUEST_TIMEOUT ?? '10s',
    responseType: 'text',
    // A vendor's refusals come in its own statuses: any answered 4xx is one (the flow turns it into the
    // contract's refusal, counted by code); 5xx and no answer are what k6 counts as failed requests.
    responseCallback: vendorStatuses,
  });
  if (res.status === 0) return { status: 0, headers: {}, body: '', error: res.error || 'no answer' };
  return { status: res.status, headers: res.headers, body: parse(res.body as string | null) };
}
/** Drives a flow step to its end: each request sent, its answer handed back. */
function drive(op: string, iterator: Any): unknown {
  let step = iterator.next();
  while (!step.done) step = iterator.next(send(op, step.value));
  return step.value;
}

/** One contract operation through the installed adapter; a flow that throws gives an unknown outcome. */
export function invokeFlow(operation: Any): Completion {
  const step = installed.operations[operation.operationId];
  if (!step) return kit.refuse('not_found', { detail: `${installed.name} has no ${operation.operationId}` });
  try {
    return drive(operation.operationId, step(operation, context(), kit)) as Completion;
  } catch (error) {
    return kit.unknown(`the adapter threw: ${(error as Error).message}`);
  }
}

/** A provider state through the installed adapter (e.g. 'voucher'); throws when it cannot be arranged. */
export function arrangeFlow(state: string, params: unknown): Any {
  const step = installed.arrange?.[state];
  if (!step) throw new Error(`${installed.name} cannot arrange "${state}"`);
  return drive(`arrange ${state}`, step(params, context(), kit));
}
