import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { policies } from '../../spec/capabilities.ts';
import { type LogicalOp, logicalOps } from '../../src/checkers/logical-ops.ts';
import { searchBudget } from '../../src/checkers/search-budget.ts';
import { wglSearch } from '../../src/checkers/wgl-search.ts';
import { createdHoldIds } from '../../src/history/hold-index.ts';
import type { Operation } from '../../src/history/operation.ts';
import { voucherModel } from '../../src/model/voucher-model.ts';
import { type Command, modelHistory } from './model-history.ts';

/** Every order of the operations that keeps real time (a returned before b was called: a first). */
function someOrderExplains(
  policy: (typeof policies)[number],
  funds: number,
  ops: readonly LogicalOp[],
): boolean {
  const model = voucherModel(policy);
  const placed = new Array<boolean>(ops.length).fill(false);
  const extend = (state: ReturnType<typeof model.init>, count: number): boolean => {
    if (count === ops.length) return true;
    for (let i = 0; i < ops.length; i++) {
      if (placed[i]) continue;
      const op = ops[i] as LogicalOp;
      // Not yet allowed if an unplaced operation returned before this one was called.
      if (ops.some((other, j) => !placed[j] && j !== i && other.ret < op.call)) continue;
      const step = model.step(state, op.input, op.output);
      if (!step.ok) continue;
      placed[i] = true;
      const found = extend(step.next, count + 1);
      placed[i] = false;
      if (found) return true;
    }
    return false;
  };
  return extend(model.init(funds), 0);
}

const command: fc.Arbitrary<Command> = fc.record({
  kind: fc.constantFrom('createHold', 'captureHold', 'releaseHold', 'redeem', 'topUp', 'getBalance'),
  amount: fc.integer({ min: 1, max: 4 }).map((units) => units * 500),
  pick: fc.nat(3),
  // Wide calls: most operations overlap several others, so many orders are possible.
  before: fc.integer({ min: 0, max: 400 }),
  after: fc.integer({ min: 0, max: 400 }),
  lost: fc.constantFrom<0 | 1 | 2>(0, 0, 0, 0, 0, 1, 2),
});

/** Moves one stated balance by the amount of another operation: sometimes another order explains it, sometimes none. */
function nudge(ops: Operation[], which: number, by: number): Operation[] {
  const carriers = ops.flatMap((op, index) => {
    const result = op.result as Record<string, { amount: number } | undefined>;
    return op.completion === 'ok' && (result.balance || result.balanceAfter) ? [index] : [];
  });
  if (carriers.length === 0) return ops;
  const index = carriers[which % carriers.length] as number;
  const op = structuredClone(ops[index] as Operation);
  const result = op.result as Record<string, { amount: number } | undefined>;
  const money = result.balance ?? result.balanceAfter;
  if (money) money.amount = Math.max(0, money.amount + by);
  return ops.map((other, at) => (at === index ? op : other));
}

describe('the linearizability search against brute force (property)', () => {
  it('says linearizable exactly when some order that keeps real time explains every answer', () => {
    let explained = 0;
    let unexplained = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        fc.integer({ min: 0, max: 4 }).map((units) => units * 500),
        fc.array(command, { minLength: 1, maxLength: 7 }),
        fc.option(fc.tuple(fc.nat(), fc.constantFrom(-1000, -500, 500, 1000)), { nil: undefined }),
        (policy, funds, commands, change) => {
          const recorded = modelHistory(policy, funds, commands);
          const ops = change ? nudge(recorded, change[0], change[1]) : recorded;
          const logical = logicalOps(
            ops,
            ops.map((_, index) => index),
            null,
            createdHoldIds(ops),
          );
          const expected = someOrderExplains(policy, funds, logical);
          if (expected) explained += 1;
          else unexplained += 1;
          const model = voucherModel(policy);
          for (const hashFrom of [undefined, 1]) {
            const result = wglSearch(model, model.init(funds), logical, searchBudget(10_000), hashFrom);
            assert.equal(result.valid, expected, `hashFrom ${hashFrom}`);
          }
        },
      ),
      { numRuns: 400 },
    );
    // Both answers must have come up, or the comparison proves little.
    assert.ok(explained > 20 && unexplained > 20, `explained ${explained}, unexplained ${unexplained}`);
  });
});
