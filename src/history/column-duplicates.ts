import { type ColumnHistoryData, HistoryColumns } from './history-columns.ts';
import { RepeatedOperationError } from './history-format-error.ts';
import { ClientLines } from './operation-numbers.ts';

/**
 * The first operation recorded twice, as OperationNumbers finds it line by line: the same client and
 * operation number, or (without numbers) the very same line. Lines are looked up by a hash of what the
 * columns already say of them and compared byte by byte only when that matches. Only operations on
 * lines before `beforeLine` count (a bad line there stops the reading first).
 */
export function findRepeatedOperation(
  data: ColumnHistoryData,
  beforeLine: number,
): RepeatedOperationError | undefined {
  const history = new HistoryColumns(data);
  const c = data.columns;
  const numbered: ClientLines[] = [];
  let size = 1024;
  while (size < data.size * 2) size *= 2;
  const mask = size - 1;
  let table: Int32Array | undefined;
  let signatures: Int32Array | undefined;
  for (let i = 0; i < data.size; i++) {
    const line = c.line[i] as number;
    if (line >= beforeLine) return undefined;
    const number = c.number[i] as number;
    if (!Number.isNaN(number)) {
      const client = c.client[i] as number;
      numbered[client] ??= new ClientLines();
      const first = (numbered[client] as ClientLines).seen(number, line);
      if (first !== 0)
        return new RepeatedOperationError(
          line,
          `repeats operation ${number} of client ${data.clients[client]} (line ${first}): a history records each operation once`,
        );
      continue;
    }
    table ??= new Int32Array(size).fill(-1);
    signatures ??= new Int32Array(size);
    // The signature is kept beside its slot: comparing with another line's costs no look at its columns.
    const mine = signature(c, i);
    for (let slot = mine & mask; ; slot = (slot + 1) & mask) {
      const other = table[slot] as number;
      if (other < 0) {
        table[slot] = i;
        signatures[slot] = mine;
        break;
      }
      if (signatures[slot] === mine && history.sameLine(other, i))
        return new RepeatedOperationError(
          line,
          `repeats the same operation (line ${c.line[other]}): a history records each operation once`,
        );
    }
  }
  return undefined;
}

/** A hash of what the columns say of a line: equal lines have equal signatures. */
function signature(c: ColumnHistoryData['columns'], i: number): number {
  let h = Math.imul((c.voucher[i] as number) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (c.client[i] as number), 0xc2b2ae35);
  h = Math.imul(h ^ (c.invokedAt[i] as number), 0x85ebca6b);
  h = Math.imul(h ^ (c.completedAt[i] as number), 0xc2b2ae35);
  h = Math.imul(h ^ (c.keyHash[i] as number), 0x85ebca6b);
  h = Math.imul(h ^ (c.lineLength[i] as number), 0xc2b2ae35);
  h = Math.imul(h ^ ((c.kind[i] as number) | ((c.completion[i] as number) << 8)), 0x85ebca6b);
  return h ^ (h >>> 15);
}
