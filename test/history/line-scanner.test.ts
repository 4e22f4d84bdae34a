import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generate } from '../../bench/checkers-generate.ts';
import { allocateColumns, type ColumnArrays, STRING_FIELDS } from '../../src/history/column-layout.ts';
import { HistoryColumns } from '../../src/history/history-columns.ts';
import { LineScanner } from '../../src/history/line-scanner.ts';
import { type ChunkTables, writeOperation } from '../../src/history/operation-columns.ts';
import { parseLine } from '../../src/history/parse-line.ts';
import { StringInterner } from '../../src/history/string-interner.ts';

const tables = (): ChunkTables => ({
  vouchers: new StringInterner(),
  clients: new StringInterner(),
  codes: new StringInterner(),
});

/** Everything the columns say of one line, strings decoded: what the checkers can read of it. */
function seen(columns: ColumnArrays, t: ChunkTables, text: Uint8Array, objects: Array<[number, never]>) {
  const history = new HistoryColumns({
    meta: null,
    size: 1,
    columns,
    text,
    vouchers: t.vouchers.strings,
    clients: t.clients.strings,
    codes: t.codes.strings,
    objects,
    slotOf: Int32Array.of(0),
    indexOf: Int32Array.of(0),
  });
  const numbers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(columns))
    if (ArrayBuffer.isView(value) && !['escaped', 'stringOffset', 'stringLength'].includes(name))
      numbers[name] = Object.is((value as Float64Array)[0], -0) ? '-0' : (value as Float64Array)[0];
  numbers.voucher = t.vouchers.strings[columns.voucher[0] as number];
  numbers.client = t.clients.strings[columns.client[0] as number];
  numbers.code = columns.code[0] === -1 ? null : t.codes.strings[columns.code[0] as number];
  const strings = Array.from({ length: STRING_FIELDS }, (_, f) => history.str(0, f));
  return { numbers, strings };
}

/**
 * The scanner's verdict on a line: declined, or accepted with the same columns that the reference
 * (parseLine, then writeOperation on the object) gives. Accepting a line parseLine refuses fails.
 */
function compare(line: string): 'scanned' | 'declined' {
  const bytes = Buffer.from(line);
  const scanned = allocateColumns(1, false);
  const scanTables = tables();
  const accepted = new LineScanner(bytes, scanned, scanTables).scan(0, bytes.length, 0, 7);
  if (!accepted) return 'declined';
  const entry = parseLine(line, 7, false);
  assert.equal(entry.kind, 'op', `scanned a line parseLine reads as ${entry.kind}: ${line}`);
  if (entry.kind !== 'op') return 'scanned';
  const reference = allocateColumns(1, false);
  const referenceTables = tables();
  writeOperation(reference, 0, entry.op, referenceTables, { start: 0, length: bytes.length, number: 7 });
  assert.deepEqual(
    seen(scanned, scanTables, bytes, []),
    seen(reference, referenceTables, bytes, [[0, entry.op as never]]),
    line,
  );
  return 'scanned';
}

/** Whether parseLine takes the line as an operation. */
function valid(line: string): boolean {
  try {
    return parseLine(line, 7, false).kind === 'op';
  } catch {
    return false;
  }
}

const fixtureLines = readdirSync(new URL('../fixtures/histories/', import.meta.url))
  .filter((name) => name.endsWith('.ndjson'))
  .flatMap((name) =>
    readFileSync(new URL(`../fixtures/histories/${name}`, import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && (JSON.parse(line) as { kind?: string }).kind !== 'meta'),
  );

const money = fc.oneof(
  fc.record({ amount: fc.integer({ min: -1e6, max: 1e6 }), currency: fc.constantFrom('EUR', 'JPY') }),
  fc.integer({ min: -100, max: 1e9 }),
  fc.double(),
  fc.constantFrom(
    null,
    'ten',
    true,
    [],
    {},
    { amount: '5' },
    { amount: 2 ** 60 },
    { amount: 1.5 },
    { amount: -0 },
  ),
);
const text = fc.oneof(
  fc.constantFrom('h1', 'r-2', 'voucher-123', 'a"b', 'tab\there', 'é', '𝄞', '\u2028', ''),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const anything = fc.oneof(
  text,
  money,
  fc.constantFrom(null, true, false, 0, -0, 1, [1, [2]], { x: { y: [] } }),
);
const operationNames = [
  'createHold',
  'captureHold',
  'releaseHold',
  'redeem',
  'refundRedemption',
  'topUp',
  'getBalance',
  'getLedger',
];
const resultRecord = fc.record(
  {
    id: fc.oneof(text, anything),
    holdId: text,
    amount: money,
    balance: money,
    balanceAfter: money,
    refundedTotal: money,
    remainderVoucher: fc.oneof(anything, fc.record({ balance: money }), fc.constantFrom(0, '', 'x', -0)),
    receipt: fc.oneof(fc.record({ number: fc.oneof(text, anything) }), anything),
    expiresAt: fc.constantFrom('2026-01-01T00:15:00.000Z', 'soon', 5),
    createdAt: fc.constantFrom('2026-01-01T00:00:00.000Z', 'now'),
    code: fc.oneof(fc.constantFrom('insufficient_balance', 'voucher_in_use'), anything),
    status: fc.oneof(fc.constantFrom(0, 409, -0, 0.0), anything),
    error: fc.oneof(fc.constant('timeout'), anything),
    other: anything,
  },
  { requiredKeys: [] },
);
const present = fc.string({ minLength: 1, maxLength: 6 });
const operation = fc
  .record(
    {
      client: fc.oneof(fc.constantFrom('pos-1', 'é', 'a"b'), present),
      op: fc.constantFrom(...operationNames),
      voucher: fc.oneof(fc.constantFrom('voucher-123', 'v\\1'), present),
      target: fc.oneof(present, fc.constant(null)),
      args: fc.record(
        {
          amount: money,
          ttlSeconds: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), anything),
          receipt: fc.oneof(fc.record({ number: fc.oneof(text, anything), store: text }), anything),
          note: anything,
        },
        { requiredKeys: [] },
      ),
      key: fc.oneof(text, fc.constant(null)),
      index: fc.integer({ min: 1, max: 2 ** 40 }),
      invokedAt: fc.integer({ min: 0, max: 2 ** 45 }),
      took: fc.integer({ min: 0, max: 5000 }),
      completion: fc.constantFrom('ok', 'fail', 'info'),
      result: resultRecord,
      status: fc.integer({ min: 0, max: 600 }),
      violations: fc.array(
        fc.record({ path: text, message: text, value: anything }, { requiredKeys: ['path', 'message'] }),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: ['client', 'op', 'voucher', 'args', 'key', 'invokedAt', 'took', 'completion', 'result'] },
  )
  .map(({ took, ...op }) => {
    const result: Record<string, unknown> = { ...op.result };
    if (op.completion === 'fail')
      Object.assign(result, { code: 'insufficient_balance', status: 409 }, result);
    if (op.completion === 'info') result.error = typeof result.error === 'string' ? result.error : 'timeout';
    return { ...op, completedAt: op.invokedAt + took, result } as Record<string, unknown>;
  });
/** Breaks an operation now and then: a field of another type, a field missing, a field too many. */
const broken = fc.tuple(operation, fc.nat(40), anything).map(([op, pick, value]) => {
  const keys = Object.keys(op);
  const key = keys[pick % keys.length] as string;
  if (pick < keys.length) return { ...op, [key]: value };
  if (pick < 2 * keys.length) {
    const { [key]: _, ...rest } = op;
    return rest;
  }
  if (pick === 2 * keys.length) return { ...op, kind: 'meta' };
  return op;
});
/**
 * Operations as JSON text, with whitespace, a key written with an escape, a key given twice or the end
 * cut off; `plain` when none of the last three (the scanner reads every such valid line itself).
 */
const line = fc.tuple(broken, fc.nat(5), fc.nat(20), fc.boolean()).map(([op, spaces, seed, escaped]) => {
  const plain = !escaped && seed > 2;
  let json = JSON.stringify(op, null, spaces > 3 ? 1 : 0).replaceAll('\n', ' ');
  if (escaped) json = json.replace(/"([a-z])/, (_, c: string) => `"\\u00${c.charCodeAt(0).toString(16)}`);
  if (seed === 0) json = json.replace('{', '{"voucher":"dup",');
  if (seed === 1) json = json.replace(/}$/, ',"completion":"ok"}');
  if (seed === 2) json = json.slice(0, -1 - (spaces % 3));
  return { json, plain };
});

describe('line scanner', () => {
  it('reads every fixture line, with the columns the object reader gives', () => {
    for (const text of fixtureLines) assert.equal(compare(text), 'scanned', text);
  });

  it('reads every line of a generated run (retries, refusals, lost answers)', () => {
    const { history } = generate({
      ops: 3000,
      vouchers: 20,
      clients: 16,
      policy: 'amount-holds',
      funds: 20_000,
      seed: 5,
    });
    for (const op of history.ops) assert.equal(compare(JSON.stringify(op)), 'scanned');
  });

  it('never takes a line parseLine refuses, and reads what JSON.parse reads (property)', () => {
    let scanned = 0;
    fc.assert(
      fc.property(line, ({ json, plain }) => {
        const verdict = compare(json);
        if (verdict === 'scanned') scanned++;
        // Declining is always safe (the line is then read as an object), but a plain valid line is read.
        else assert.ok(!plain || !valid(json), `declined a plain valid line: ${json}`);
      }),
      { numRuns: 3000 },
    );
    assert.ok(scanned > 500, `only ${scanned} lines scanned`);
  });

  it('takes a valid line whatever its mutations, or declines it (property)', () => {
    const base = JSON.stringify({
      client: 'pos-1',
      op: 'captureHold',
      voucher: 'v1',
      target: 'h1',
      args: { amount: { amount: 500, currency: 'EUR' }, receipt: { number: 'R1' } },
      key: 'k1',
      index: 3,
      invokedAt: 10,
      completedAt: 20,
      completion: 'ok',
      result: {
        id: 'r1',
        holdId: 'h1',
        amount: { amount: 500, currency: 'EUR' },
        balanceAfter: { amount: 0 },
      },
      status: 201,
    });
    const bytes = [...'{}[]":,\\ 0123456789-.eEtrufalsn\u00e9\r\t'];
    fc.assert(
      fc.property(fc.nat(base.length - 1), fc.constantFrom(...bytes), fc.nat(2), (at, char, how) => {
        const mutated =
          how === 0
            ? base.slice(0, at) + base.slice(at + 1)
            : how === 1
              ? base.slice(0, at) + char + base.slice(at)
              : base.slice(0, at) + char + base.slice(at + 1);
        compare(mutated);
      }),
      { numRuns: 4000 },
    );
  });
});
