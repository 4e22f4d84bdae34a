import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generate } from '../../bench/checkers-generate.ts';
import type { Policy } from '../../spec/capabilities.ts';
import { type CheckAllOptions, checkAll } from '../../src/checkers/check-all.ts';
import { checkHistoryFile } from '../../src/checkers/check-file.ts';
import type { Report } from '../../src/checkers/compose.ts';
import { readLedgersFile } from '../../src/history/final-ledger.ts';
import { readHistoryFile } from '../../src/history/read-history.ts';
import { mutations, policyOf, random, type Sample } from './history-mutations.ts';

const dir = mkdtempSync(join(tmpdir(), 'check-file-'));
const fixtures = new URL('../fixtures/histories/', import.meta.url);

type Outcome = { error: string } | { report: Report; ops: number; cutLine: number | undefined };

/** What the object checkers (readHistoryFile, readLedgersFile, checkAll) say of the files. */
async function objectPath(
  history: string,
  ledgers: string | undefined,
  options: CheckAllOptions,
): Promise<Outcome> {
  try {
    const read = await readHistoryFile(history);
    const input = { history: read, ...(ledgers ? { ledgers: await readLedgersFile(ledgers) } : {}) };
    return { report: checkAll(input, options), ops: read.ops.length, cutLine: read.cutLine };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** What the columnar path (checkHistoryFile, on `threads` threads) says of the same files. */
async function columnPath(
  history: string,
  ledgers: string | undefined,
  options: CheckAllOptions,
  threads: number,
): Promise<Outcome> {
  try {
    const checked = await checkHistoryFile(history, { ...options, ...(ledgers ? { ledgers } : {}), threads });
    return { report: checked.report, ops: checked.history.ops.length, cutLine: checked.history.cutLine };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function assertSame(
  history: string,
  ledgers: string | undefined,
  options: CheckAllOptions,
  threads: number,
) {
  const expected = await objectPath(history, ledgers, options);
  const actual = await columnPath(history, ledgers, options, threads);
  assert.deepEqual(actual, expected, `${history} on ${threads} thread(s)`);
  return expected;
}

/** How a sample is written: the history's lines, and the ledgers in one of the formats readers take. */
function write(
  name: string,
  sample: Sample,
  rnd: ReturnType<typeof random>,
): { history: string; ledgers: string } {
  const lines = [
    ...(sample.meta ? [JSON.stringify(sample.meta)] : []),
    ...sample.ops.map((op) => JSON.stringify(op)),
  ];
  const layout = rnd.int(0, 9);
  let text = `${lines.join('\n')}\n`;
  if (layout === 0) text = `${lines.join('\r\n')}\r\n`;
  if (layout === 1) text = `${lines.map((line) => (rnd.next() < 0.1 ? `\n  ${line}  \n` : line)).join('\n')}`;
  if (layout === 2)
    text = lines.map((line) => JSON.stringify(JSON.parse(line), null, 1).replaceAll('\n', ' ')).join('\n');
  const history = join(dir, `${name}.ndjson`);
  writeFileSync(history, text);
  const ledgers = join(dir, `${name}.ledgers.json`);
  const format = rnd.int(0, 3);
  const list = sample.ledgers.map((ledger) => JSON.stringify(ledger));
  if (format === 0) writeFileSync(ledgers, `[\n${list.join(',\n')}\n]\n`);
  else if (format === 1) writeFileSync(ledgers, `${list.join('\n')}\n`);
  else if (format === 2) writeFileSync(ledgers, JSON.stringify(sample.ledgers, null, 2));
  else writeFileSync(ledgers, JSON.stringify({ ledgers: sample.ledgers }));
  return { history, ledgers };
}

/** A generated run with a few mutations applied: correct, or with defects, unknowns and oddities. */
function sampleOf(seed: number): { sample: Sample; applied: string[]; policy: Policy } {
  const rnd = random(seed);
  const policy = policyOf(rnd);
  const { history, ledgers } = generate({
    ops: rnd.int(50, 700),
    vouchers: rnd.int(1, 12),
    clients: rnd.int(2, 12),
    policy,
    funds: rnd.pick([500, 5000, 100_000]),
    seed,
  });
  const sample: Sample = JSON.parse(
    JSON.stringify({ meta: history.meta, ops: history.ops, ledgers: [...ledgers.values()] }),
  );
  const names = Object.keys(mutations);
  const applied = seed % 5 === 0 ? [] : Array.from({ length: rnd.int(1, 4) }, () => rnd.pick(names));
  for (const name of applied) mutations[name]?.(sample, rnd);
  return { sample, applied, policy };
}

describe('vcert check reads a file into columns and gives the object checkers’ report', () => {
  it('on every fixture history, with and without its ledgers', async () => {
    for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.ndjson'))) {
      const history = new URL(name, fixtures).pathname;
      const ledgerFile = history.replace(/\.ndjson$/, '.ledgers.json');
      const ledgers = readdirSync(fixtures).includes(ledgerFile.split('/').at(-1) as string)
        ? ledgerFile
        : undefined;
      await assertSame(history, ledgers, {}, 1);
      await assertSame(history, undefined, { policy: 'amount-holds' }, 1);
    }
  });

  it('on generated runs, correct and defective (verdicts, counts, messages, windows), on one and two threads', async () => {
    const seen = { true: 0, false: 0, unknown: 0 };
    for (let seed = 1; seed <= 48; seed++) {
      const { sample, applied } = sampleOf(seed);
      const files = write(`run-${seed}`, sample, random(seed * 7));
      const options: CheckAllOptions = seed % 7 === 0 ? { policy: policyOf(random(seed)) } : {};
      // Threads cost a worker's start-up (a few hundred ms): every eighth run is read and checked on two.
      const threads = seed % 8 === 1 ? 2 : 1;
      const outcome = await assertSame(
        files.history,
        seed % 11 === 0 ? undefined : files.ledgers,
        options,
        threads,
      );
      assert.ok('report' in outcome, `${applied.join(', ')}: ${'error' in outcome ? outcome.error : ''}`);
      seen[String(outcome.report.valid) as keyof typeof seen] += 1;
    }
    // The runs cover every verdict (a differential test of valid histories alone would prove little).
    assert.ok(seen.true > 3 && seen.false > 10 && seen.unknown > 3, JSON.stringify(seen));
  });

  it('with a step limit, as the object checker spends it voucher by voucher', async () => {
    const { sample } = sampleOf(3);
    const files = write('steps', sample, random(1));
    for (const maxSteps of [1, 50, 400]) await assertSame(files.history, files.ledgers, { maxSteps }, 2);
  });
  it('names a hold acknowledged without its id by its history index, as the model does', async () => {
    const op = (voucher: string, at: number, rest: Record<string, unknown>) =>
      JSON.stringify({
        client: `c${at}`,
        voucher,
        args: {},
        key: `k${at}`,
        invokedAt: at,
        completedAt: at + 1,
        completion: 'ok',
        ...rest,
      });
    const text = [
      JSON.stringify({ kind: 'meta', policy: 'amount-holds', funds: { a: 1000, b: 1000 } }),
      op('a', 10, { op: 'getBalance', key: null, result: { balance: { amount: 1000, currency: 'EUR' } } }),
      op('b', 20, {
        op: 'createHold',
        args: { amount: { amount: 500, currency: 'EUR' } },
        result: { amount: { amount: 500, currency: 'EUR' } },
      }),
      op('a', 30, { op: 'getBalance', key: null, result: { balance: { amount: 1000, currency: 'EUR' } } }),
      op('b', 40, { op: 'getBalance', key: null, result: { balance: { amount: 300, currency: 'EUR' } } }),
    ].join('\n');
    const history = join(dir, 'hold-without-id.ndjson');
    writeFileSync(history, text);
    const outcome = await assertSame(history, undefined, {}, 1);
    const lin =
      'report' in outcome ? outcome.report.verdicts.find((v) => v.checker === 'linearizability') : undefined;
    assert.match(lin?.first?.message ?? '', /\?1=500/);
  });
});

describe('vcert check judges moves of the test clock as the object checkers do (issue 16)', () => {
  const money = (amount: number) => ({ amount, currency: 'EUR' });
  const line = (client: string, at: number, rest: Record<string, unknown>) =>
    JSON.stringify({
      client,
      voucher: 'v',
      args: {},
      key: `k${at}`,
      invokedAt: at,
      completedAt: at + 5,
      completion: 'ok',
      ...rest,
    });
  const hold = (client: string, at: number, id: string) =>
    line(client, at, {
      op: 'createHold',
      args: { amount: money(600) },
      result: { id, amount: money(600), status: 'open' },
    });
  const move = (at: number, seconds: number) =>
    line('clock', at, {
      op: 'advanceTestClock',
      key: null,
      args: { advanceSeconds: seconds },
      result: { now: '2026-01-01T00:12:00.000Z', offsetSeconds: seconds },
      status: 200,
    });
  const capture = (at: number, id: string, rest: Record<string, unknown> = {}) =>
    line('pos-1', at, {
      op: 'captureHold',
      target: id,
      result: { id: `red-${at}`, holdId: id, amount: money(600), balanceAfter: money(400) },
      ...rest,
    });
  const meta = (policy: Policy) =>
    JSON.stringify({ kind: 'meta', policy, funds: { v: 1000 }, holdTtlSeconds: 600 });
  const verdicts = async (name: string, lines: string[]) => {
    const history = join(dir, `clock-${name}.ndjson`);
    writeFileSync(history, lines.join('\n'));
    const outcome = await assertSame(history, undefined, {}, 1);
    assert.ok('report' in outcome, errorOf(outcome));
    return Object.fromEntries(outcome.report.verdicts.map((v) => [v.checker, v.valid]));
  };

  it('a capture after a completed move past the hold’s time-to-live is a defect; its refusal is not', async () => {
    const captured = await verdicts('captured', [
      meta('balance-guard'),
      hold('pos-1', 10, 'h1'),
      move(30, 720),
      capture(50, 'h1'),
    ]);
    assert.equal(captured.linearizability, false);
    const refused = await verdicts('refused', [
      meta('balance-guard'),
      hold('pos-1', 10, 'h1'),
      move(30, 720),
      capture(50, 'h1', { completion: 'fail', result: { code: 'hold_expired', status: 409 }, status: 409 }),
    ]);
    assert.equal(refused.linearizability, true);
    // A move too short, or one still in flight when the capture was called: the capture may go through.
    const short = await verdicts('short', [
      meta('balance-guard'),
      hold('pos-1', 10, 'h1'),
      move(30, 120),
      capture(50, 'h1'),
    ]);
    assert.equal(short.linearizability, true);
    const overlapping = await verdicts('overlapping', [
      meta('balance-guard'),
      hold('pos-1', 10, 'h1'),
      move(52, 720),
      capture(50, 'h1'),
    ]);
    assert.equal(overlapping.linearizability, true);
  });

  it('an expired hold’s amount is free again: a second hold after the move is fine, its refusal is not', async () => {
    const second = [meta('exclusive-hold'), hold('pos-1', 10, 'h1'), move(30, 720)];
    const accepted = await verdicts('accepted', [...second, hold('pos-2', 50, 'h2')]);
    assert.deepEqual([accepted.policy, accepted.linearizability], [true, true]);
    const refused = await verdicts('in-use', [
      ...second,
      line('pos-2', 50, {
        op: 'createHold',
        args: { amount: money(600) },
        completion: 'fail',
        result: { code: 'voucher_in_use', status: 409 },
        status: 409,
      }),
    ]);
    assert.equal(refused.linearizability, false);
    // Without the move the first hold is open: the second one breaks the policy.
    const unmoved = await verdicts('unmoved', [
      meta('exclusive-hold'),
      hold('pos-1', 10, 'h1'),
      hold('pos-2', 50, 'h2'),
    ]);
    assert.deepEqual([unmoved.policy, unmoved.linearizability], [false, false]);
  });

  it('on generated runs with clock moves, on one and two threads', async () => {
    const seen = { true: 0, false: 0, unknown: 0 };
    for (let seed = 1; seed <= 12; seed++) {
      const { sample } = sampleOf(seed * 13);
      mutations.clockMoves?.(sample, random(seed));
      const files = write(`clock-run-${seed}`, sample, random(seed * 5));
      const outcome = await assertSame(files.history, files.ledgers, {}, seed % 6 === 1 ? 2 : 1);
      assert.ok('report' in outcome, errorOf(outcome));
      seen[String(outcome.report.valid) as keyof typeof seen] += 1;
    }
    assert.ok(seen.false > 0, JSON.stringify(seen));
  });
});

describe('vcert check decides by history order where the object checkers do, though it reads voucher by voucher', () => {
  const money = (amount: number) => ({ amount, currency: 'EUR' });
  const line = (at: number, rest: Record<string, unknown>) =>
    JSON.stringify({
      client: `c${at}`,
      args: {},
      key: null,
      invokedAt: at,
      completedAt: at + 1,
      completion: 'ok',
      ...rest,
    });
  const check = async (name: string, lines: string[]) => {
    const history = join(dir, `${name}.ndjson`);
    writeFileSync(history, lines.join('\n'));
    return assertSame(history, undefined, {}, 1);
  };

  it('the worst of equal idempotency findings is the key repeated first in the history', async () => {
    const redeem = (at: number, voucher: string, key: string, id: string) =>
      line(at, { op: 'redeem', voucher, key, args: { amount: money(5) }, result: { id, amount: money(5) } });
    const outcome = await check('key-order', [
      JSON.stringify({ kind: 'meta', policy: 'balance-guard', funds: { a: 100, b: 100 } }),
      redeem(10, 'a', 'kA', 'r1'),
      redeem(20, 'b', 'kB', 'r2'),
      redeem(30, 'b', 'kB', 'r3'),
      redeem(40, 'a', 'kA', 'r4'),
    ]);
    const verdict =
      'report' in outcome ? outcome.report.verdicts.find((v) => v.checker === 'idempotency') : undefined;
    assert.deepEqual(
      [verdict?.first?.ops, verdict?.worst?.ops],
      [
        [0, 3],
        [1, 2],
      ],
    );
  });

  it('the worst of equal contract findings is the first in the history', async () => {
    const read = (at: number, voucher: string, breach?: string) =>
      line(at, {
        op: 'getBalance',
        voucher,
        status: 200,
        result: { balance: money(100) },
        ...(breach ? { violations: [{ path: '/balance', message: breach }] } : {}),
      });
    const outcome = await check('contract-order', [
      JSON.stringify({ kind: 'meta', policy: 'balance-guard', funds: { a: 100, b: 100 } }),
      read(10, 'a'),
      read(20, 'b', 'must be object'),
      read(30, 'a', 'must be object'),
    ]);
    const verdict =
      'report' in outcome ? outcome.report.verdicts.find((v) => v.checker === 'contract') : undefined;
    assert.deepEqual([verdict?.first?.ops, verdict?.worst?.ops], [[1], [1]]);
  });

  it('a hold id acknowledged on two vouchers belongs to the first createHold in the history', async () => {
    const hold = (at: number, voucher: string, amount: number) =>
      line(at, {
        op: 'createHold',
        voucher,
        key: `k${at}`,
        args: { amount: money(amount) },
        result: { id: 'h1', amount: money(amount) },
      });
    const outcome = await check('hold-order', [
      JSON.stringify({ kind: 'meta', policy: 'exclusive-hold', funds: { a: 150, b: 1000 } }),
      line(10, { op: 'getBalance', voucher: 'a', result: { balance: money(150) } }),
      hold(20, 'b', 100),
      hold(30, 'a', 200),
      line(40, {
        op: 'captureHold',
        voucher: 'a',
        target: 'h1',
        key: 'k40',
        result: { id: 'r1', holdId: 'h1' },
      }),
    ]);
    const verdicts = 'report' in outcome ? outcome.report.verdicts : [];
    // The capture takes the first hold's 100, within a's 150 (the later one's 200 would not be).
    assert.equal(verdicts.find((v) => v.checker === 'money-bounds')?.counts.violations, 0);
    assert.equal(verdicts.find((v) => v.checker === 'policy')?.counts.holds, 1);
  });
});

describe('vcert check refuses what the object reader refuses, with the same line and reason', () => {
  const base = sampleOf(5).sample;
  const lines = [JSON.stringify(base.meta), ...base.ops.map((op) => JSON.stringify(op))];
  const ledgers = join(dir, 'base.ledgers.json');
  writeFileSync(ledgers, JSON.stringify(base.ledgers));
  const numbered = (text: string, index: number) => JSON.stringify({ ...JSON.parse(text), index });
  const cases: Array<[string, string, RegExp]> = [
    [
      'a duplicated line',
      [...lines.slice(0, 30), lines[12], ...lines.slice(30)].join('\n'),
      /^history line 31: repeats the same operation \(line 13\)/,
    ],
    [
      'a line duplicated at the end',
      [...lines, lines[1]].join('\n'),
      /repeats the same operation \(line 2\)/,
    ],
    [
      'an operation number repeated by its client',
      [lines[0], ...lines.slice(1, 40).map((line) => numbered(line as string, 1))].join('\n'),
      /repeats operation 1 of client/,
    ],
    [
      'a line that is not JSON',
      [...lines.slice(0, 20), '{"client":', ...lines.slice(20)].join('\n'),
      /^history line 21: not JSON/,
    ],
    [
      'a line missing a field',
      [...lines.slice(0, 9), '{"client":"x"}', ...lines.slice(9)].join('\n'),
      /^history line 10: /,
    ],
    [
      'a meta line that is not first',
      [...lines.slice(0, 9), lines[0], ...lines.slice(9)].join('\n'),
      /^history line 10: a meta line may only be the first line/,
    ],
    ['a cut last line', `${lines.join('\n')}\n{"client":"pos-1","op":"redeem","vouch`, /cut/],
    ['a cut line then a good one', `${lines.join('\n')}\n{"client":"pos-1","op":\n${lines[3]}`, /not JSON/],
    [
      'a completion before its call',
      [
        ...lines.slice(0, 5),
        lines[5]?.replace(/"completedAt":\d+/, '"completedAt":0') ?? '',
        ...lines.slice(6),
      ].join('\n'),
      /^history line 6: completedAt is before invokedAt/,
    ],
    ['only blank lines', '\n\n  \n', /0 operations/],
    ['an empty file', '', /0 operations/],
  ];
  cases.forEach(([what, text, expected], k) => {
    it(what, async () => {
      const history = join(dir, `${what.replaceAll(' ', '-')}.ndjson`);
      writeFileSync(history, text);
      // Errors found by the worker's chunk, or across the chunks, must read as in one piece.
      const outcome = await assertSame(history, ledgers, {}, k % 3 === 0 ? 2 : 1);
      const said =
        'error' in outcome
          ? outcome.error
          : `${outcome.ops} operations${outcome.cutLine ? `, line ${outcome.cutLine} cut` : ''}`;
      assert.match(said, expected);
    });
  });

  it('a ledgers file that cannot be read, after the history’s own errors', async () => {
    const history = join(dir, 'good.ndjson');
    writeFileSync(history, lines.join('\n'));
    const bad = join(dir, 'bad.ledgers.json');
    writeFileSync(bad, `[\n${base.ledgers.map((l) => JSON.stringify(l)).join(',\n')},\n{"entries":[]}\n]`);
    assert.match(errorOf(await assertSame(history, bad, {}, 1)), /ledger \d+: a ledger needs a voucherId/);
    assert.match(errorOf(await assertSame(history, join(dir, 'missing.ledgers.json'), {}, 1)), /ENOENT/);
    assert.match(errorOf(await assertSame(join(dir, 'missing.ndjson'), bad, {}, 1)), /ENOENT/);
    const broken = join(dir, 'broken.ndjson');
    writeFileSync(broken, `${lines.slice(0, 4).join('\n')}\n{"client":"x"}\n`);
    assert.match(
      errorOf(await assertSame(broken, join(dir, 'missing.ledgers.json'), {}, 1)),
      /^history line 5/,
    );
  });
});

function errorOf(outcome: Outcome): string {
  return 'error' in outcome ? outcome.error : 'no error';
}
