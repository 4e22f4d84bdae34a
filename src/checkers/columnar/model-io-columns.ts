import { FAIL, INFO, OK, RESULT_ID, TARGET } from '../../history/column-layout.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import { type Completion, type HistoryMeta, operationNames } from '../../history/operation.ts';
import type { VoucherInput, VoucherOutput } from '../../model/model-io.ts';
import { type HistoryTables, holdOf } from './history-tables.ts';
import { ttlMicros } from './hold-intervals.ts';
import { remainderOf } from './money-effects.ts';

const completions: Completion[] = ['ok', 'fail', 'info'];
const GET_BALANCE = operationNames.indexOf('getBalance');
const GET_LEDGER = operationNames.indexOf('getLedger');
const TOP_UP = operationNames.indexOf('topUp');
const CREATE_HOLD = operationNames.indexOf('createHold');
const CAPTURE = operationNames.indexOf('captureHold');
const RELEASE = operationNames.indexOf('releaseHold');
const orNull = (value: number) => (Number.isNaN(value) ? null : value);

/**
 * toModelIO (src/model/model-io.ts) read from the columns: the model's view of the operation in slot i. Only what
 * the model reads is made into strings: the id of a hold, and the target of a capture or release (the
 * hold it closes); other ids and targets are left null, as the model never looks at them.
 */
export function modelIO(
  history: HistoryColumns,
  tables: HistoryTables,
  i: number,
  meta: HistoryMeta | null,
): { input: VoucherInput; output: VoucherOutput } {
  const c = history.c;
  const kind = c.kind[i] as number;
  const completion = c.completion[i] as number;
  const ok = completion === OK;
  const read = kind === GET_BALANCE || kind === GET_LEDGER;
  const balance = ok && (read || kind === TOP_UP) ? orNull(c.resultBalance[i] as number) : null;
  const id = ok && kind === CREATE_HOLD ? history.str(i, RESULT_ID) : null;
  const closes = kind === CAPTURE || kind === RELEASE;
  const target = closes ? history.str(i, TARGET) : null;
  const code = c.code[i] as number;
  const input: VoucherInput = {
    op: operationNames[kind] as VoucherInput['op'],
    index: history.indexOf[i] as number,
    amount: orNull(c.argAmount[i] as number),
    target,
    knownHold: target !== null && holdOf(history, tables, i) >= 0,
    invokedAt: c.invokedAt[i] as number,
    completedAt: completion === INFO ? Number.POSITIVE_INFINITY : (c.completedAt[i] as number),
    ttl: kind === CREATE_HOLD ? ttlMicros(history, i, meta) : Number.POSITIVE_INFINITY,
  };
  const output: VoucherOutput = {
    completion: completions[completion] as Completion,
    code: completion === FAIL && code >= 0 ? (history.codes[code] as string) : null,
    id,
    amount: read || !ok ? null : orNull(c.resultAmount[i] as number),
    balance,
    balanceAfter: ok ? orNull(c.resultBalanceAfter[i] as number) : null,
    remainder: ok && (c.flags[i] as number) & 1 ? remainderOf(history, i) : null,
    blind: ok && ((read && balance === null) || (kind === CREATE_HOLD && id === null)),
  };
  return { input, output };
}
