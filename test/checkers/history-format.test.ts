import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { HistoryFormatError } from '../../src/history/history-format-error.ts';
import type { Operation } from '../../src/history/operation.ts';
import { parseHistory, readHistoryFile, readHistoryLines } from '../../src/history/read-history.ts';
import { createRecorder } from '../../src/history/recorder.ts';
import { createHistoryFileWriter } from '../../src/history/write-history.ts';

const good = JSON.stringify({
  client: 'pos-1',
  op: 'getBalance',
  voucher: 'v1',
  args: {},
  key: null,
  invokedAt: 1,
  completedAt: 2,
  completion: 'ok',
  result: { balance: { amount: 5, currency: 'EUR' } },
});

describe('history format', () => {
  it('reads a meta line and operations', () => {
    const history = parseHistory(`{"kind":"meta","policy":"balance-guard","seed":3}\n${good}\n\n${good}\n`);
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
        () => parseHistory(`${good}\n${good}\n${line}\n`),
        (error: unknown) =>
          error instanceof HistoryFormatError && error.line === 3 && reason.test(error.message),
      );
    });

  it('rejects a meta line that is not first', () => {
    assert.throws(
      () => parseHistory(`${good}\n{"kind":"meta"}\n`),
      /line 2: a meta line may only be the first/,
    );
  });

  it('streams lines and stops at the first bad one', async () => {
    const seen: number[] = [];
    const stream = Readable.from([`${good}\n${good}\n`, '{"client":3}\n', `${good}\n`]);
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
    assert.match(await readFile(path, 'utf8'), /^\{"kind":"meta","seed":42/);
  });
});
