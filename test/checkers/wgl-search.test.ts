import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generate } from '../../bench/checkers-generate.ts';
import { checkLinearizability } from '../../src/checkers/linearizability.ts';
import { searchBudget } from '../../src/checkers/search-budget.ts';
import { type TimedOp, wglSearch } from '../../src/checkers/wgl-search.ts';
import { emptyOutput, type VoucherInput, type VoucherOutput } from '../../src/model/model-io.ts';
import { voucherModel } from '../../src/model/voucher-model.ts';

const model = voucherModel('balance-guard');
const blank = emptyOutput;

function timed(
  op: VoucherInput['op'],
  amount: number | null,
  call: number,
  ret: number,
  output: Partial<VoucherOutput>,
): TimedOp<VoucherInput, VoucherOutput> {
  const input: VoucherInput = {
    op,
    index: 0,
    amount,
    target: null,
    knownHold: false,
    invokedAt: call,
    completedAt: ret,
    ttl: Number.POSITIVE_INFINITY,
  };
  return { input, output: { ...blank, ...output }, call, ret };
}

describe('the linearizability search', () => {
  // The redeem is called first, but the read that overlaps it saw the balance before it: the first
  // order tried (call order) fails at the read's return, and only the search's backtrack finds the order.
  const readBeforeRedeem = [
    timed('redeem', 100, 0, 10, { amount: 100, balanceAfter: 0 }),
    timed('getBalance', null, 1, 5, { balance: 100 }),
  ];

  it('finds an order that needs a backtrack (the first try in call order is not the answer)', () => {
    const result = wglSearch(model, model.init(100), readBeforeRedeem, searchBudget(10_000));
    assert.equal(result.valid, true);
  });

  it('finds the same order with hashed memo keys', () => {
    const result = wglSearch(model, model.init(100), readBeforeRedeem, searchBudget(10_000), 1);
    assert.equal(result.valid, true);
  });

  it('is false when no order explains the answers, and names the operation that could not be placed', () => {
    const impossible = [
      timed('redeem', 100, 0, 3, { amount: 100, balanceAfter: 0 }),
      timed('getBalance', null, 4, 5, { balance: 100 }),
    ];
    const result = wglSearch(model, model.init(100), impossible, searchBudget(10_000));
    assert.equal(result.valid, false);
    if (result.valid === false) assert.deepEqual(result.stuck.pending, [1]);
  });
});

describe('the search on a busy voucher', () => {
  // The closed-loop run of the checker benchmark: 32 clients race one voucher under amount-holds until
  // its balance runs low, so holds, refusals and captures overlap all the time. Without the model's
  // order of trying candidates (reads, refusals and holds first) these ran out of 2,000,000 steps.
  for (const seed of [3, 4, 5])
    it(`decides a voucher raced by 32 clients under amount-holds in under 200,000 steps (seed ${seed})`, () => {
      const { history, ledgers } = generate({
        ops: 2000,
        vouchers: 1,
        clients: 32,
        policy: 'amount-holds',
        funds: 20_000,
        seed,
      });
      const verdict = checkLinearizability({ history, ledgers }, { maxSteps: 200_000 });
      assert.equal(verdict.valid, true, verdict.reason);
    });
});
