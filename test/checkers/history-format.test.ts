import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { HistoryFormatError } from '../../src/history/history-format-error.ts';
import type { Operation } from '../../src/history/operation.ts';
import { parseHistory, readHistoryFile, readHistoryLines } from '../../src/history/read-history.ts';
import { createRecorder } from '../../src/history/recorder.ts';
import { createHistoryFileWriter } from '../../src/history/write-history.ts';

/** A valid operation line; `at` makes it a different operation of the same client. */
const goodAt = (at: number, index?: number) =>
  JSON.stringify({
    client: 'pos-1',
    op: 'getBalance',
    voucher: 'v1',
    args: {},
    key: null,
    ...(index === undefined ? {} : { index }),
    invokedAt: at,
    completedAt: at + 1,
    completion: 'ok',
    result: { balance: { amount: 5, currency: 'EUR' } },
  });
const good = goodAt(1);

describe('history format', () => {
  it('reads a meta line and operations', () => {
    const history = parseHistory(
      `{"kind":"meta","policy":"balance-guard","seed":3}\n${good}\n\n${goodAt(7)}\n`,
    );
    assert.equal(history.meta?.policy, 'balance-guard');
    assert.equal(history.ops.length, 2);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['an unknown operation', good.replace('getBalance', 'explode'), /\/op/],
    ['a float time', good.replace('"invokedAt":1', '"invokedAt":1.5'), /invokedAt/],
    ['a completion before the call', good.replace('"completedAt":2', '"completedAt":0'), /before invokedAt/],
    ['a fail without a code', good.replace('"completion":"ok"', '"completion":"fail"'), /\{code, status\}/],
    ['an info without an error', good.replace('"completion":"ok"', '"completion":"info"'), /\{error\}/],
    ['broken JSON', good.slice(0, 20), /not JSON/],
  ];
  for (const [what, line, reason] of bad)
    it(`rejects ${what} and tells the line`, () => {
      assert.throws(
        () => parseHistory(`${goodAt(10)}\n${goodAt(20)}\n${line}\n`),
        (error: unknown) =>
          error instanceof HistoryFormatError && error.line === 3 && reason.test(error.message),
      );
    });

  it('rejects an operation recorded twice: the same client and operation number, naming both lines', () => {
    assert.throws(
      () => parseHistory(`${goodAt(1, 1)}\n${goodAt(5, 2)}\n${goodAt(9, 1)}\n`),
      (error: unknown) =>
        error instanceof HistoryFormatError &&
        error.line === 3 &&
        /repeats operation 1 of client pos-1 \(line 1\)/.test(error.message),
    );
  });

  it('rejects a history whose every line is duplicated, with or without operation numbers', () => {
    const once = [goodAt(1), goodAt(5), goodAt(9)];
    assert.throws(
      () => parseHistory(`${once.flatMap((l) => [l, l]).join('\n')}\n`),
      /line 2: repeats the same operation \(line 1\)/,
    );
    const numbered = [goodAt(1, 1), goodAt(5, 2)];
    assert.throws(
      () => parseHistory(`${[...numbered, ...numbered].join('\n')}\n`),
      /line 3: repeats operation 1/,
    );
  });

  it('forgives a cut last line (the run stopped while writing it) and says which', async () => {
    const text = `${goodAt(1, 1)}\n${goodAt(5, 2)}\n${goodAt(9, 3).slice(0, 30)}`;
    const history = parseHistory(text);
    assert.equal(history.ops.length, 2);
    assert.equal(history.cutLine, 3);
    const path = join(await mkdtemp(join(tmpdir(), 'history-')), 'cut.ndjson');
    await writeFile(path, text);
    assert.equal((await readHistoryFile(path)).cutLine, 3);
    // A broken line that is not the last one, or that ends with a newline, is not a cut: it is an error.
    assert.throws(() => parseHistory(`${text}\n`), /line 3: not JSON/);
    assert.throws(() => parseHistory(`${goodAt(9, 3).slice(0, 30)}\n${goodAt(1, 1)}`), /line 1: not JSON/);
  });

  it('rejects a meta line that is not first', () => {
    assert.throws(
      () => parseHistory(`${good}\n{"kind":"meta"}\n`),
      /line 2: a meta line may only be the first/,
    );
  });

  it('streams lines and stops at the first bad one', async () => {
    const seen: number[] = [];
    const stream = Readable.from([`${good}\n${goodAt(1)}\n`, '{"client":3}\n', `${good}\n`]);
    await assert.rejects(async () => {
      for await (const line of readHistoryLines(stream)) if (line.kind === 'op') seen.push(line.op.invokedAt);
    }, /history line 3/);
    assert.deepEqual(seen, [1, 1]);
  });

  it('the recorder and the file writer produce a history the reader reads back', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'history-')), 'run.ndjson');
    const writer = createHistoryFileWriter(path);
    await writer.meta({ seed: 42, policy: 'exclusive-hold' });
    const recorded: Operation[] = [];
    let now = 10;
    const recorder = createRecorder(
      (op) => recorded.push(op),
      () => (now += 5),
    );
    recorder
      .invoke({
        client: 'pos-1',
        op: 'redeem',
        voucher: 'v1',
        args: { amount: { amount: 3, currency: 'EUR' } },
        key: 'k',
      })
      .info('timeout');
    const call = recorder.invoke({
      client: 'pos-2',
      op: 'releaseHold',
      voucher: 'v1',
      target: 'h1',
      key: 'k2',
    });
    call.fail('hold_not_open', 409);
    assert.throws(() => call.ok({}), /completed twice/);
    for (const op of recorded) await writer.append(op);
    await writer.close();
    const history = await readHistoryFile(path);
    assert.equal(history.meta?.seed, 42);
    assert.deepEqual(history.ops, recorded);
    assert.deepEqual(
      history.ops.map((op) => [op.invokedAt, op.completedAt, op.completion, op.target ?? null]),
      [
        [15, 20, 'info', null],
        [25, 30, 'fail', 'h1'],
      ],
    );
    assert.deepEqual(
      history.ops.map((op) => op.index),
      [1, 1],
      "each client's operations are numbered from 1",
    );
    assert.match(await readFile(path, 'utf8'), /^\{"kind":"meta","seed":42/);
  });
});
