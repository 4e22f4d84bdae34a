import {
  ARG_RECEIPT,
  type ColumnArrays,
  FAIL,
  HOLD_ID,
  IN_OBJECT,
  INFO,
  KEY,
  NO_STRING,
  OK,
  REMAINDER,
  RESULT_ID,
  RESULT_RECEIPT,
  STRING_FIELDS,
  TARGET,
  ZERO_STATUS,
} from './column-layout.ts';
import { minorUnits, receiptNumber } from './op-fields.ts';
import { type Operation, operationNames } from './operation.ts';
import { hashString } from './string-hash.ts';
import type { StringInterner } from './string-interner.ts';

/** The interners of one parsed chunk: vouchers, clients and refusal codes, numbered as first seen. */
export interface ChunkTables {
  vouchers: StringInterner;
  clients: StringInterner;
  codes: StringInterner;
}

export const completionCodes = { ok: OK, fail: FAIL, info: INFO } as const;

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

const orNaN = (value: number | null) => (value === null ? Number.NaN : value);
const stringOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * What the columns hold for an operation, read from the object with the helpers the checkers use
 * (minorUnits, receiptNumber): the reference for the line scanner, which must give the same from the
 * line's bytes, and the way in for operations kept as objects. Result fields are read whatever the
 * completion; the readers apply it (a result's id counts only when it is ok, as resultString says).
 */
export function writeOperation(
  columns: ColumnArrays,
  slot: number,
  op: Operation,
  tables: ChunkTables,
  line: { start: number; length: number; number: number },
): void {
  const result = op.result;
  columns.lineStart[slot] = line.start;
  columns.lineLength[slot] = line.length;
  columns.line[slot] = line.number;
  columns.kind[slot] = operationNames.indexOf(op.op);
  columns.completion[slot] = completionCodes[op.completion];
  columns.voucher[slot] = tables.vouchers.intern(op.voucher);
  columns.client[slot] = tables.clients.intern(op.client);
  const code = field(result, 'code');
  columns.code[slot] = typeof code === 'string' ? tables.codes.intern(code) : -1;
  columns.invokedAt[slot] = op.invokedAt;
  columns.completedAt[slot] = op.completedAt;
  columns.status[slot] = op.status ?? Number.NaN;
  columns.number[slot] = op.index ?? Number.NaN;
  columns.violations[slot] = op.violations?.length ?? 0;
  columns.flags[slot] =
    (field(result, 'remainderVoucher') ? REMAINDER : 0) | (field(result, 'status') === 0 ? ZERO_STATUS : 0);
  columns.escaped[slot] = 0;
  const strings = [
    stringOrNull(op.target),
    op.key,
    stringOrNull(field(result, 'id')),
    stringOrNull(field(result, 'holdId')),
    receiptNumber(op.args),
    receiptNumber(result),
  ];
  for (let f = 0; f < STRING_FIELDS; f++) {
    columns.stringOffset[slot * STRING_FIELDS + f] = strings[f] === null ? NO_STRING : IN_OBJECT;
    columns.stringLength[slot * STRING_FIELDS + f] = 0;
  }
  columns.targetHash[slot] = strings[TARGET] === null ? 0 : hashString(strings[TARGET] as string);
  columns.keyHash[slot] = strings[KEY] === null ? 0 : hashString(strings[KEY] as string);
  columns.idHash[slot] = strings[RESULT_ID] === null ? 0 : hashString(strings[RESULT_ID] as string);
  columns.argAmount[slot] = orNaN(minorUnits(op.args.amount));
  const ttl = op.args.ttlSeconds;
  columns.argTtl[slot] = typeof ttl === 'number' ? ttl : Number.NaN;
  columns.resultAmount[slot] = orNaN(minorUnits(field(result, 'amount')));
  columns.resultBalance[slot] = orNaN(minorUnits(field(result, 'balance')));
  columns.resultBalanceAfter[slot] = orNaN(minorUnits(field(result, 'balanceAfter')));
  columns.refundedTotal[slot] = orNaN(minorUnits(field(result, 'refundedTotal')));
  columns.remainderBalance[slot] = orNaN(minorUnits(field(field(result, 'remainderVoucher'), 'balance')));
  columns.resultTtlMs[slot] =
    op.op === 'createHold' ? ttlMillis(field(result, 'expiresAt'), field(result, 'createdAt')) : Number.NaN;
}

/** A hold's time-to-live from its answer's expiresAt and createdAt, in ms (NaN when either is missing). */
export function ttlMillis(expiresAt: unknown, createdAt: unknown): number {
  if (typeof expiresAt !== 'string' || typeof createdAt !== 'string') return Number.NaN;
  return Date.parse(expiresAt) - Date.parse(createdAt);
}

/** The string fields of an operation kept as an object, by field number. */
export function objectString(op: Operation, f: number): string | null {
  const result = op.result;
  if (f === TARGET) return stringOrNull(op.target);
  if (f === KEY) return op.key;
  if (f === RESULT_ID) return stringOrNull(field(result, 'id'));
  if (f === HOLD_ID) return stringOrNull(field(result, 'holdId'));
  if (f === ARG_RECEIPT) return receiptNumber(op.args);
  if (f === RESULT_RECEIPT) return receiptNumber(result);
  return null;
}
