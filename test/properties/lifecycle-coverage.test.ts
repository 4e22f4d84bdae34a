import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { type Policy, policies } from '../../spec/capabilities.ts';
import type { VoucherState } from '../../spec/schemas/voucher.ts';
import { openDriver } from '../../src/driver/create-driver.ts';
import { failureReport } from '../../src/properties/failure-report.ts';
import { lifecycleRefusal } from '../../src/properties/model/lifecycle-rules.ts';
import {
  type CellVerdict,
  cellKey,
  reachableCells,
  unreachableCells,
  type VoucherOperation,
  voucherOperations,
} from '../../src/properties/model/lifecycle-table.ts';
import { refundRefusal } from '../../src/properties/model/refund-rules.ts';
import type { Refusal } from '../../src/properties/model/refusal.ts';
import { captureRefusal, topUpRefusal, useRefusal } from '../../src/properties/model/spend-rules.ts';
import {
  type ModelVoucher,
  newVoucherModel,
  type VoucherModel,
} from '../../src/properties/model/voucher-model.ts';
import { checkVoucherLife } from '../../src/properties/voucher-life.ts';
import { startReferenceServer } from '../support/reference-server.ts';

/** A model with one voucher in `state` (expired: past its validity), paid once, with a live hold. */
function voucherIn(state: VoucherState): { m: VoucherModel; v: ModelVoucher } {
  const m = newVoucherModel(['holds', 'hold-expiry']);
  m.now = 1000;
  const v: ModelVoucher = {
    ref: 0,
    kind: {
      policy: 'balance-guard',
      reusable: true,
      topUpAllowed: true,
      validityDays: 1,
      holdTtlSeconds: 600,
    },
    currency: 'EUR',
    denomination: 2000,
    balance: 2000,
    state: state === 'expired' ? 'activated' : state,
    used: false,
    expiresAt: state === 'expired' ? 500 : 86_400,
    remainderOf: null,
  };
  m.vouchers.push(v);
  return { m, v };
}

/** What the model predicts for `op` on a voucher in `state`, every other rule satisfied. */
function modelSays(state: VoucherState, op: VoucherOperation): Refusal {
  const { m, v } = voucherIn(state);
  if (op === 'hold' || op === 'redeem') return useRefusal(m, v, 100, 'EUR');
  if (op === 'topUp') return topUpRefusal(m, v, 'EUR');
  if (op === 'capture') {
    const h = { ref: 0, voucher: 0, amount: 100, reserves: false, status: 'open' as const, expiresAt: 2000 };
    return captureRefusal(m, v, h, undefined, undefined);
  }
  if (op === 'refund')
    return refundRefusal(m, v, { ref: 0, voucher: 0, amount: 100, refunded: 0 }, 50, 'EUR');
  return lifecycleRefusal(m, v, op);
}

const asRefusal = (verdict: CellVerdict): Refusal => (verdict === 'allowed' ? null : verdict);

describe('the lifecycle table (DOMAIN.md: every state × operation)', () => {
  test("the model's rules give the table's verdict in every cell, allowed and forbidden", () => {
    const wrong = reachableCells()
      .filter(({ state, op, verdict }) => modelSays(state, op) !== asRefusal(verdict))
      .map(({ state, op, verdict }) => `${state} × ${op}: table ${verdict}, model ${modelSays(state, op)}`);
    assert.deepEqual(wrong, []);
  });

  test('it has every operation and every state, and only a few argued cells out of reach', () => {
    assert.equal(reachableCells().length + unreachableCells.size, 8 * voucherOperations.length);
  });
});

// Fixed: the same command sequences every time. Bounded by runs, never by the clock.
const budget = { runs: 250, seed: Number(process.env.LC_SEED ?? 20_261_201), noShrink: true };

describe('voucher-life reaches every cell of the lifecycle table (issue 16)', () => {
  let server: RunningServer;
  const reached = new Set<string>();
  let claimedPolicies: Policy[] = [];
  before(async () => {
    server = await startReferenceServer();
    const driver = await openDriver({ target: server.url });
    try {
      const claimed = new Set(await driver.capabilities());
      claimedPolicies = policies.filter((p) => claimed.has(p));
      const outcome = await checkVoucherLife(driver, budget, reached);
      assert.equal(outcome.passed, true, failureReport(outcome));
    } finally {
      await driver.close();
    }
  });
  after(() => server.close());

  test('every transition, allowed and forbidden, is sent from its state at least once', () => {
    const missing = reachableCells()
      .filter(({ state, op }) => !reached.has(cellKey(state, op)))
      .map(({ state, op, verdict }) => `${state} × ${op} (${verdict})`);
    assert.deepEqual(missing, [], `${missing.length} cell(s) no command reached`);
  });

  test('both sides of every end: two minutes before and after a validity and a hold', () => {
    for (const edge of ['validity:before', 'validity:after', 'hold:before', 'hold:after'])
      assert.ok(reached.has(`edge:${edge}`), edge);
  });

  test('a partial capture accepted under every claimed policy', () => {
    assert.ok(claimedPolicies.length > 0);
    for (const policy of claimedPolicies) assert.ok(reached.has(`partial-capture:${policy}`), policy);
  });
});
