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

function json(text: string | undefined): unknown {
  if (text === undefined || text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return { error: text };
  }
}

/**
 * One history operation from a `vcert_op` sample, with the status of its answer when one came (and
 * where that answer departs from the contract, for the contract checker). Its call and return times
 * are whole milliseconds (k6's Date.now()), so the interval is widened to cover the whole millisecond
 * of each: a wider interval only adds possible orders, it never hides a violation of money bounds.
 */
function toOperation(point: K6Point, originMs: number): Operation | null {
  const m = point.metadata;
  const op = point.tags.op ?? '';
  const completion = point.tags.completion ?? '';
  if (!recorded.has(op) || !completions.has(completion) || !m.voucher) return null;
  const invoked = Number(m.invoked ?? point.time - point.value);
  const completed = Number(m.completed ?? point.time);
  const status = Number(m.status);
  const answered = Number.isSafeInteger(status) && status > 0;
  const result = json(m.result);
  const violations = answered ? violationsOf(op, status, completion, result) : [];
  return {
    client: m.client || 'k6',
    op: op as Operation['op'],
    voucher: m.voucher,
    ...(m.target ? { target: m.target } : {}),
    args: json(m.args) as Record<string, unknown>,
    key: m.key || null,
    invokedAt: Math.max(0, (invoked - originMs) * 1000),
    completedAt: Math.max(0, (completed - originMs) * 1000 + 999),
    completion: completion as Completion,
    result,
    ...(answered ? { status } : {}),
    ...(violations.length > 0 ? { violations } : {}),
  };
}

/**
 * Turns k6's raw samples (one or several processes) into a history in the project's NDJSON format:
 * the `vcert_op` samples become operations in call order, the setup record the meta line.
 */
export function historyFromK6(samples: K6Samples, setup: SetupRecord | null, target?: string): History {
  const opPoints = samples.points.filter((p) => p.metric === 'vcert_op');
  const invokedOf = (p: K6Point) => Number(p.metadata.invoked ?? p.time);
  const startedMs = setup ? Date.parse(setup.startedAt) : Number.NaN;
  const originMs = Math.min(
    Number.isNaN(startedMs) ? Number.POSITIVE_INFINITY : startedMs,
    ...opPoints.map(invokedOf),
  );
  const ops = opPoints
    .map((p) => toOperation(p, Number.isFinite(originMs) ? originMs : 0))
    .filter((op): op is Operation => op !== null)
    .sort((a, b) => a.invokedAt - b.invokedAt);
  const meta: HistoryMeta = { kind: 'meta', seed: 'k6' };
  if (target) meta.target = target;
  if (setup) {
    meta.startedAt = setup.startedAt;
    meta.policy = setup.policy as Policy;
    meta.funds = Object.fromEntries(setup.vouchers.map((voucher) => [voucher, setup.funds]));
  }
  return { meta, ops };
}
