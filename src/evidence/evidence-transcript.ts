import type { Role } from '../../spec/capabilities.ts';
import type { Exchange } from '../driver/exchange.ts';
import { defaultRole, routeOf } from '../driver/route-table.ts';
import type { ArrangeStep, CallStep, Transcript, TranscriptStep } from '../reproducers/transcript.ts';
import { discoverBinds } from './discover-binds.ts';
import type { EvidenceEntry } from './evidence-recorder.ts';

type HttpExchange = Extract<Exchange, { kind: 'http' }>;
type AdapterExchange = Extract<Exchange, { kind: 'adapter' }>;

/** The path parameters of a request, read back from its URL by the route's template. */
function paramsOf(operationId: string, url: string): Record<string, string> | undefined {
  const template = routeOf(operationId).path;
  const names: string[] = [];
  const pattern = template
    .split(/\{(\w+)\}/)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(part);
      return '([^/]+)';
    })
    .join('');
  const match = new RegExp(`${pattern}$`).exec(new URL(url).pathname);
  if (!match || names.length === 0) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
}

function queryOf(url: string): Record<string, string> | undefined {
  const search = new URL(url).searchParams;
  return search.size === 0 ? undefined : Object.fromEntries(search);
}

function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function authOfHttp(auth: string, otherTenant: boolean): CallStep['auth'] {
  if (auth.startsWith('key:')) {
    const role = auth.slice(4);
    return otherTenant && role !== 'unknown' ? (`other-tenant:${role as Role}` as const) : 'wrong-key';
  }
  return auth as CallStep['auth'];
}

/** A request that went over HTTP, as the curl script sends it again. */
function httpCall(exchange: HttpExchange, otherTenant: boolean): { step: CallStep; answer: unknown } {
  const { request, response } = exchange;
  const answer = parsed(response?.body);
  const refused = response !== undefined && response.status >= 400;
  return {
    step: {
      kind: 'call',
      operationId: exchange.operationId as CallStep['operationId'],
      auth: authOfHttp(request.auth, otherTenant),
      params: paramsOf(exchange.operationId, request.url),
      query: queryOf(request.url),
      body: parsed(request.body),
      ...(request.body === undefined ? {} : { rawBody: request.body }),
      idempotencyKey: request.headers['idempotency-key'],
      binds: [],
      status: response?.status ?? null,
      code: refused ? ((answer as { code?: string } | undefined)?.code ?? undefined) : undefined,
    },
    answer: refused ? undefined : answer,
  };
}

interface AdapterOperation {
  operationId: CallStep['operationId'];
  auth?: 'none' | { role: Role } | { key: string };
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: unknown;
  idempotencyKey?: string;
}

interface AdapterCompletion {
  completion: 'ok' | 'fail' | 'info';
  status?: number;
  body?: unknown;
  problem?: { code?: string };
  idempotencyKey?: string;
}

/** An operation that went through the adapter, as the replay module invokes it again. */
function adapterCall(exchange: AdapterExchange): { step: CallStep; answer: unknown } {
  const operation = exchange.operation as AdapterOperation;
  const completion = exchange.completion as AdapterCompletion;
  const auth = operation.auth;
  const role: CallStep['auth'] =
    auth === 'none'
      ? 'none'
      : auth && 'role' in auth
        ? auth.role
        : auth
          ? 'wrong-key'
          : (defaultRole(routeOf(operation.operationId)) ?? 'none');
  const raw = operation.rawBody;
  return {
    step: {
      kind: 'call',
      operationId: operation.operationId,
      auth: role,
      params: operation.params,
      query: operation.query,
      body: raw === undefined ? operation.body : typeof raw === 'string' ? parsed(raw) : raw,
      ...(typeof raw === 'string' ? { rawBody: raw } : {}),
      idempotencyKey: completion.idempotencyKey ?? operation.idempotencyKey,
      binds: [],
      status: completion.completion === 'info' ? null : (completion.status ?? null),
      code: completion.completion === 'fail' ? completion.problem?.code : undefined,
    },
    answer: completion.completion === 'ok' ? completion.body : undefined,
  };
}

/** The groups that had more than one call in flight: only those are sent together again. */
function racingGroups(entries: readonly EvidenceEntry[]): Set<number> {
  const calls = new Map<number, Set<number>>();
  for (const e of entries) {
    if (e.kind !== 'exchange' || e.group === undefined || e.call === undefined) continue;
    const set = calls.get(e.group) ?? new Set();
    set.add(e.call);
    calls.set(e.group, set);
  }
  return new Set([...calls].flatMap(([group, set]) => (set.size > 1 ? [group] : [])));
}

export interface TranscriptOptions {
  driver: string;
  isolated: boolean;
  suffix?: string;
  /** The last scenario step to include (default: all). */
  upToStep?: number;
}

/**
 * A scenario's record as a transcript for the reproducers, from its first step on (the session's set-up
 * is the reproducer's own). Over the canonical driver, every request as it went over the wire, the
 * driver's arrangement requests included: the curl script sends exactly those. Through an adapter, the
 * provider states asked of it and the operations it was asked outside arrangement: the replay asks the
 * adapter the same. Requests sent elsewhere (an unreachable address) are left out: they never reached
 * the target. Ids that later requests reuse are bound to the answer that gave them.
 */
export function transcriptOf(entries: readonly EvidenceEntry[], options: TranscriptOptions): Transcript {
  const overHttp = options.driver === 'http';
  const racing = racingGroups(entries);
  const steps: TranscriptStep[] = [];
  const answers: unknown[] = [];
  let otherTenant = false;
  for (const entry of entries) {
    if (entry.step === 0 || (options.upToStep !== undefined && entry.step > options.upToStep)) continue;
    if (entry.kind === 'arrange') {
      if (overHttp) continue;
      const step: ArrangeStep = {
        kind: 'arrange',
        state: entry.state,
        params: entry.params,
        binds: [],
        ...(entry.error ? { error: entry.error } : { result: entry.result }),
      };
      steps.push(step);
      answers.push(entry.result);
      continue;
    }
    if (entry.via === 'unreachable') continue;
    const exchange = entry.exchange;
    if (overHttp && exchange.kind !== 'http') continue;
    if (!overHttp && (exchange.kind !== 'adapter' || entry.arranging)) continue;
    const { step, answer } =
      exchange.kind === 'http' ? httpCall(exchange, otherTenant) : adapterCall(exchange);
    if (step.operationId === 'createTestTenant' && answer) otherTenant = true;
    if (entry.group !== undefined && racing.has(entry.group)) step.together = entry.group;
    steps.push(step);
    answers.push(answer);
  }
  discoverBinds(steps, answers, options.suffix);
  return {
    steps,
    gherkin: [],
    isolated: options.isolated,
    driver: options.driver,
    ...(options.suffix ? { suffix: options.suffix } : {}),
  };
}
