import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { policies } from '../../spec/capabilities.ts';
import { checkLinearizability } from '../../src/checkers/linearizability.ts';
import type { Operation } from '../../src/history/operation.ts';
import { type Command, modelHistory } from './model-history.ts';

const command: fc.Arbitrary<Command> = fc.record({
  kind: fc.constantFrom(
    'createHold',
    'captureHold',
    'captureHold',
    'releaseHold',
    'redeem',
    'topUp',
    'getBalance',
  ),
  amount: fc.integer({ min: 1, max: 5000 }),
  pick: fc.nat(10),
  before: fc.integer({ min: 0, max: 250 }),
  after: fc.integer({ min: 0, max: 250 }),
  lost: fc.constantFrom<0 | 1 | 2>(0, 0, 0, 0, 0, 0, 0, 0, 1, 2),
});
const scenario = fc.record({
  policy: fc.constantFrom(...policies),
  funds: fc.integer({ min: 0, max: 20000 }),
  commands: fc.array(command, { minLength: 1, maxLength: 30 }),
});

function check(policy: (typeof policies)[number], funds: number, ops: Operation[], hashFrom?: number) {
  const history = { meta: { kind: 'meta' as const, policy, funds: { v1: funds } }, ops };
  return checkLinearizability({ history }, hashFrom === undefined ? {} : { hashFrom });
}

/** Operations whose answer states a balance: changing it by more than all money in play is never explainable. */
function balanceCarriers(ops: readonly Operation[]): number[] {
  return ops.flatMap((op, index) => {
    if (op.completion !== 'ok') return [];
    const result = op.result as Record<string, unknown>;
    return 'balance' in result || 'balanceAfter' in result ? [index] : [];
  });
}

describe('linearizability against the voucher model (property)', () => {
  it('histories produced by running the model, with overlapping calls and lost answers, are linearizable', () => {
    fc.assert(
      fc.property(scenario, ({ policy, funds, commands }) => {
        const verdict = check(policy, funds, modelHistory(policy, funds, commands));
        assert.equal(verdict.valid, true, verdict.first?.message);
      }),
      { numRuns: 200 },
    );
  });

  it('changing the balance one answer states makes the history not linearizable, with that answer in the window', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ policy, funds, commands }, pick) => {
        const ops = modelHistory(policy, funds, [
          ...commands,
          { kind: 'getBalance', amount: 1, pick: 0, before: 0, after: 0, lost: 0 },
        ]);
        const carriers = balanceCarriers(ops);
        const index = carriers[pick % carriers.length] as number;
        const mutated = structuredClone(ops);
        const result = (mutated[index] as Operation).result as Record<string, { amount: number }>;
        const field = result.balance ? 'balance' : 'balanceAfter';
        (result[field] as { amount: number }).amount += 10_000_000;
        const verdict = check(policy, funds, mutated);
        assert.equal(verdict.valid, false);
        assert.ok(verdict.window?.ops.includes(index), `window ${verdict.window?.ops} lacks ${index}`);
      }),
      { numRuns: 200 },
    );
  });

  it('the search with hashed memo keys gives the same verdict and window as the exact one', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), fc.boolean(), ({ policy, funds, commands }, pick, broken) => {
        const ops = structuredClone(modelHistory(policy, funds, commands));
        const carriers = balanceCarriers(ops);
        if (broken && carriers.length > 0) {
          const result = (ops[carriers[pick % carriers.length] as number] as Operation).result as Record<
            string,
            { amount: number } | undefined
          >;
          (result.balance ?? (result.balanceAfter as { amount: number })).amount += 7;
        }
        const exact = check(policy, funds, ops, Number.POSITIVE_INFINITY);
        const hashed = check(policy, funds, ops, 0);
        assert.equal(hashed.valid, exact.valid);
        assert.deepEqual(hashed.window, exact.window);
      }),
      { numRuns: 200 },
    );
  });
});
