import type { Operation } from './operation.ts';

type Loose = Record<string, unknown> | null | undefined;

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** Minor units of a money value: `{amount, currency}` or a bare integer. */
export function minorUnits(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  const amount = field(value, 'amount');
  return typeof amount === 'number' && Number.isSafeInteger(amount) ? amount : null;
}

/** The amount the request asked for (args.amount), if any. */
export function requestedAmount(op: Operation): number | null {
  return minorUnits(op.args.amount);
}

/** A string field of the ok result (id, holdId, ...). */
export function resultString(op: Operation, name: string): string | null {
  if (op.completion !== 'ok') return null;
  const value = field(op.result, name);
  return typeof value === 'string' ? value : null;
}

/** A money field of the ok result (amount, balance, balanceAfter ...) in minor units. */
export function resultAmount(op: Operation, name: string): number | null {
  return op.completion === 'ok' ? minorUnits(field(op.result, name)) : null;
}

/** The error code of a fail completion. */
export function failCode(op: Operation): string | null {
  return op.completion === 'fail' ? (field(op.result, 'code') as string) : null;
}

/** The receipt number of a request or response body. */
export function receiptNumber(body: unknown): string | null {
  const number = field(field(body, 'receipt') as Loose, 'number');
  return typeof number === 'string' ? number : null;
}

/** The balance of the remainder voucher a redeem-entire capture issued, in minor units. */
export function remainderAmount(op: Operation): number {
  const remainder = op.completion === 'ok' ? field(op.result, 'remainderVoucher') : null;
  return remainder ? (minorUnits(field(remainder, 'balance')) ?? 0) : 0;
}

/** Operations that take money from the voucher, and those that give money to it. */
export const debitOps: ReadonlySet<string> = new Set(['captureHold', 'redeem']);
export const creditOps: ReadonlySet<string> = new Set(['topUp', 'refundRedemption']);

/**
 * Whether the service answered: ok, or a refusal it sent. A fail with status 0 (a refused connection:
 * nothing was sent) is no answer, and says nothing about an earlier attempt with the same key.
 */
export function isAnswer(op: Operation): boolean {
  if (op.completion === 'ok') return true;
  if (op.completion !== 'fail') return false;
  const status = (op.result as { status?: unknown } | null)?.status;
  return status !== 0;
}

/**
 * What makes two answers one answer (a replay that moves nothing more): the id of what the operation
 * made. A top-up makes nothing with an id of its own (its answer is the voucher, the same for every
 * top-up), so its Idempotency-Key stands for it; without a key, none.
 */
export function answerIdentity(op: Operation): string | null {
  if (op.op === 'topUp') return op.key === null ? null : `key:${op.key}`;
  return resultString(op, 'id');
}
