import type { Policy } from '../../spec/capabilities.ts';
import { ResponseValidator, type Violation } from '../contract/response-validator.ts';
import {
  type Completion,
  type History,
  type HistoryMeta,
  type Operation,
  operationNames,
} from '../history/operation.ts';
import type { K6Point, K6Samples } from './k6-samples.ts';
import type { SetupRecord } from './setup-record.ts';

const recorded: ReadonlySet<string> = new Set(operationNames);
let validator: ResponseValidator | undefined;

/**
 * Where a recorded answer departs from the contract, as far as k6's sample tells: a status the
 * operation does not declare, and for a success the body against its schema (k6 keeps the body of a
 * success only, and no content type: the contract's JSON is assumed).
 */
function violationsOf(op: string, status: number, completion: string, result: unknown): Violation[] {
  validator ??= new ResponseValidator();
  const declared = validator.declaredStatuses(op);
  if (!declared.includes(status))
    return [
      {
        path: 'status',
        message: `status ${status} is not declared for ${op} (declared: ${declared.join(', ')})`,
        value: status,
      },
    ];
  if (completion !== 'ok') return [];
  return validator.check({ operationId: op, status, contentType: 'application/json', body: result });
}
const completions: ReadonlySet<string> = new Set(['ok', 'fail', 'info']);

/** A metadata field's JSON; `{}` when empty, `{ error: text }` when it is not JSON. */
function json(text: string | undefined): { value: unknown; parsed: boolean } {
  if (text === undefined || text === '') return { value: {}, parsed: false };
  try {
    return { value: JSON.parse(text), parsed: true };
  } catch {
    return { value: { error: text }, parsed: false };
  }
}

/**
 * One history operation from a `vcert_op` sample, with the status of its answer when one came (and
 * where that answer departs from the contract, for the contract checker). Its call and return times
 * are whole milliseconds (k6's Date.now()), so the interval is widened to cover the whole millisecond
 * of each: a wider interval only adds possible orders, it never hides a violation of money bounds.
 */
export function toOperation(point: K6Point, originMs: number): Operation | null {
  return operationOf(point, originMs)?.op ?? null;
}

/**
 * The operation, and the JSON texts of its arguments and result as k6 recorded them when they are that
 * JSON (a history line can then carry them as they are instead of writing them out again).
 */
export function operationOf(
  point: K6Point,
  originMs: number,
  lazy = false,
): { op: Operation; argsText?: string; resultText?: string } | null {
  const m = point.metadata;
  const op = point.tags.op ?? '';
  const completion = point.tags.completion ?? '';
  if (!recorded.has(op) || !completions.has(completion) || !m.voucher) return null;
  const invoked = Number(m.invoked ?? point.time - point.value);
  const completed = Number(m.completed ?? point.time);
  const status = Number(m.status);
  const answered = Number.isSafeInteger(status) && status > 0;
  // Lazily (a history line is written from the texts): only what the contract check reads is parsed.
  const needResult = answered && completion === 'ok';
  const result = lazy && !needResult && objectText(m.result) ? { value: null, parsed: true } : json(m.result);
  const args = lazy && objectText(m.args) ? { value: {}, parsed: true } : json(m.args);
  const violations = answered ? violationsOf(op, status, completion, result.value) : [];
  return {
    op: {
      client: m.client || 'k6',
      op: op as Operation['op'],
      voucher: m.voucher,
      ...(m.target ? { target: m.target } : {}),
      args: args.value as Record<string, unknown>,
      key: m.key || null,
      invokedAt: Math.max(0, (invoked - originMs) * 1000),
      completedAt: Math.max(0, (completed - originMs) * 1000 + 999),
      completion: completion as Completion,
      result: result.value,
      ...(answered ? { status } : {}),
      ...(violations.length > 0 ? { violations } : {}),
    },
    ...(args.parsed ? { argsText: m.args } : {}),
    ...(result.parsed ? { resultText: m.result } : {}),
  };
}

/**
 * A JSON object's text on one line, as k6's JSON.stringify wrote it: what a history line can carry as it
 * is without parsing it first.
 */
export function objectText(text: string | undefined): text is string {
  return (
    typeof text === 'string' &&
    text.startsWith('{') &&
    text.endsWith('}') &&
    !text.includes('\n') &&
    !text.includes('\r')
  );
}

/**
 * The origin of a run's times: the setup's start when the run recorded one (setup() ends before any
 * iteration starts, so on one machine nothing is called before it), else the first call.
 */
export function originOf(setup: SetupRecord | null, firstCallMs: number): number {
  const started = setup ? Date.parse(setup.startedAt) : Number.NaN;
  if (!Number.isNaN(started)) return started;
  return Number.isFinite(firstCallMs) ? firstCallMs : 0;
}

/** Whether a sample is a history operation's (`vcert_op`), and when it was called. */
export const isOpPoint = (p: K6Point) => p.metric === 'vcert_op';
export const invokedOf = (p: K6Point) => Number(p.metadata.invoked ?? p.time);

/** The meta line of a load run's history: the target, and from the setup its start, policy and funds. */
export function loadMeta(setup: SetupRecord | null, target?: string): HistoryMeta {
  const meta: HistoryMeta = { kind: 'meta', seed: 'k6' };
  if (target) meta.target = target;
  if (setup) {
    meta.startedAt = setup.startedAt;
    meta.policy = setup.policy as Policy;
    meta.funds = Object.fromEntries(setup.vouchers.map((voucher) => [voucher, setup.funds]));
  }
  return meta;
}

/**
 * Turns k6's raw samples held in memory into a history in the project's NDJSON format (tests, small
 * runs; `vcert load` streams them with readK6Run): the `vcert_op` samples become operations in call
 * order, the setup record the meta line.
 */
export function historyFromK6(samples: K6Samples, setup: SetupRecord | null, target?: string): History {
  const opPoints = samples.points.filter(isOpPoint);
  let first = Number.POSITIVE_INFINITY;
  for (const point of opPoints) first = Math.min(first, invokedOf(point));
  const originMs = originOf(setup, first);
  const ops = opPoints
    .map((p) => toOperation(p, originMs))
    .filter((op): op is Operation => op !== null)
    .sort((a, b) => a.invokedAt - b.invokedAt);
  return { meta: loadMeta(setup, target), ops };
}
