import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAvailable } from '../../src/properties/commands/expect-answer.ts';
import { policyViolations } from '../../src/properties/interleavings/race-history.ts';
import { raceViolations } from '../../src/properties/interleavings/race-verdict.ts';
import { applyLifecycle, lifecycleRefusal } from '../../src/properties/model/lifecycle-rules.ts';
import { applyRefund, refundRefusal } from '../../src/properties/model/refund-rules.ts';
import { captureRefusal, useRefusal } from '../../src/properties/model/spend-rules.ts';
import { takeMoney } from '../../src/properties/model/take-money.ts';
import { viewMismatches } from '../../src/properties/model/view-mismatches.ts';
import {
  availableOf,
  type ModelVoucher,
  newVoucherModel,
  type VoucherKind,
  type VoucherModel,
} from '../../src/properties/model/voucher-model.ts';
import { problemFaults } from '../../src/properties/negative/problem-verdict.ts';

const kind = (over: Partial<VoucherKind> = {}): VoucherKind => ({
  policy: 'amount-holds',
  reusable: true,
  topUpAllowed: false,
  validityDays: 1,
  holdTtlSeconds: 120,
  ...over,
});

function withVoucher(k: VoucherKind, balance = 2000): { m: VoucherModel; v: ModelVoucher } {
  const m = newVoucherModel(['holds', 'hold-expiry']);
  const v: ModelVoucher = {
    ref: 0,
    kind: k,
    currency: 'EUR',
    denomination: balance,
    balance,
    state: 'activated',
    used: false,
    expiresAt: 86_400,
    remainderOf: null,
  };
  m.vouchers.push(v);
  return { m, v };
}

const hold = (m: VoucherModel, amount: number, reserves = true) => {
  const h = {
    ref: m.holds.length,
    voucher: 0,
    amount,
    reserves,
    status: 'open' as const,
    expiresAt: m.now + 120,
  };
  m.holds.push(h);
  return h;
};

test('amount holds reserve; a second hold beyond what is left is insufficient', () => {
  const { m, v } = withVoucher(kind());
  hold(m, 1500);
  assert.equal(availableOf(m, v), 500);
  assert.equal(useRefusal(m, v, 501, 'EUR'), 'insufficient_balance');
  assert.equal(useRefusal(m, v, 500, 'EUR'), null);
  assert.equal(useRefusal(m, v, 1, 'USD'), 'currency_mismatch');
});

test('exclusive hold: a live hold blocks others until it expires', () => {
  const { m, v } = withVoucher(kind({ policy: 'exclusive-hold' }));
  const h = hold(m, 100);
  assert.equal(useRefusal(m, v, 1, 'EUR'), 'voucher_in_use');
  m.now += 120;
  assert.equal(useRefusal(m, v, 1, 'EUR'), null);
  assert.equal(captureRefusal(m, v, h, undefined, undefined), 'hold_expired');
});

test('expiry, redemption state and refunds follow the contract', () => {
  const { m, v } = withVoucher(kind({ reusable: false }));
  const { redemption } = takeMoney(m, v, 500);
  assert.equal(v.state, 'redeemed');
  assert.equal(useRefusal(m, v, 1, 'EUR'), 'voucher_redeemed');
  assert.equal(refundRefusal(m, v, redemption, 501, 'EUR'), 'refund_exceeds_redemption');
  applyRefund(v, redemption, 200);
  assert.equal(v.state, 'redeemed', 'a one-time voucher reopens only on a full reversal');
  applyRefund(v, redemption, undefined);
  assert.equal(v.state, 'activated');
  assert.equal(v.balance, 2000);
  m.now = 86_400;
  assert.equal(useRefusal(m, v, 1, 'EUR'), 'voucher_expired');
  assert.equal(lifecycleRefusal(m, v, 'cancelVoucher'), null);
});

test('returns: only an unused, unheld voucher; closing pays out or puts it back for resale', () => {
  const { m, v } = withVoucher(kind());
  const h = hold(m, 100);
  assert.equal(lifecycleRefusal(m, v, 'startReturn'), 'voucher_in_use');
  m.now += 120;
  assert.equal(lifecycleRefusal(m, v, 'startReturn'), null, 'an expired hold no longer holds it');
  assert.equal(lifecycleRefusal(m, v, 'completeReturn'), 'illegal_transition', 'no document is open');
  applyLifecycle(v, 'startReturn');
  assert.equal(lifecycleRefusal(m, v, 'setValidity'), 'illegal_transition');
  applyLifecycle(v, 'completeReturn', 'refunded');
  assert.deepEqual([v.state, v.balance], ['refunded', 0]);
  const used = withVoucher(kind());
  takeMoney(used.m, used.v, 1);
  assert.equal(lifecycleRefusal(used.m, used.v, 'startReturn'), 'illegal_transition');
  applyLifecycle(used.v, 'cancelVoucher');
  assert.equal(lifecycleRefusal(used.m, used.v, 'setValidity'), 'voucher_canceled');
  const fresh = withVoucher(kind());
  fresh.m.now = 86_400;
  assert.equal(lifecycleRefusal(fresh.m, fresh.v, 'startReturn'), 'voucher_expired');
  assert.equal(lifecycleRefusal(fresh.m, fresh.v, 'setValidity'), null, 'an expired voucher can be extended');
  assert.equal(h.status, 'open');
});

test('redeem entire: the rest becomes a new voucher', () => {
  const { m, v } = withVoucher(kind({ policy: 'redeem-entire' }));
  const { remainder } = takeMoney(m, v, 1190);
  assert.equal(v.balance, 0);
  assert.equal(remainder?.balance, 810);
  assert.equal(remainder?.remainderOf, 0);
});

test('a refusal of bad input must be a 4xx problem+json with a catalog code', () => {
  assert.deepEqual(
    problemFaults({
      status: 400,
      contentType: 'application/problem+json',
      body: { code: 'validation_failed', status: 400 },
    }),
    [],
  );
  assert.equal(
    problemFaults({ status: 500, contentType: 'application/json', body: { code: 'boom' } }).length,
    3,
  );
  assert.equal(
    problemFaults({
      status: 409,
      contentType: 'application/problem+json',
      body: { code: 'validation_failed' },
    }).length,
    1,
  );
});

test('race verdict: overspend and lost captures are violations', () => {
  const ok = (amount: number, pos: number, sentAt: number) => ({
    pos,
    operationId: 'redeem' as const,
    amount,
    args: {},
    sentAt,
    answeredAt: sentAt + 1,
    answer: { completion: 'ok' as const, status: 201, body: {} },
  });
  const facts = { policy: 'balance-guard' as const, reusable: true, funds: 1000 };
  assert.deepEqual(
    raceViolations({ ...facts, events: [ok(600, 1, 1)], finalBalance: 400, ledgerSum: 400 }),
    [],
  );
  assert.equal(
    raceViolations({ ...facts, events: [ok(600, 1, 1), ok(600, 2, 2)], finalBalance: 0, ledgerSum: 0 })
      .length,
    2,
  );
  assert.equal(
    raceViolations({ ...facts, events: [ok(600, 1, 1)], finalBalance: 1000, ledgerSum: 1000 }).length,
    1,
  );
});

test('optional fields of a voucher are unknown when absent, compared when present', () => {
  const { m, v } = withVoucher(kind());
  const body = {
    id: 'x',
    state: 'activated' as const,
    denomination: { amount: 2000, currency: 'EUR' },
    balance: { amount: 2000, currency: 'EUR' },
  };
  assert.deepEqual(viewMismatches(m, v, body), []);
  assert.deepEqual(viewMismatches(m, v, { ...body, available: { amount: 1999, currency: 'EUR' } }), [
    'available: expected 2000, got 1999',
  ]);
  assert.deepEqual(viewMismatches(m, v, { ...body, balance: { amount: 1, currency: 'EUR' } }), [
    'balance: expected 2000, got 1',
  ]);
});

test('an insufficient_balance refusal is checked against the model only when it says what is available', () => {
  const refused = (available?: number) => ({
    completion: 'fail' as const,
    status: 409,
    problem: {
      type: 'about:blank',
      title: 'Insufficient balance',
      status: 409,
      code: 'insufficient_balance' as const,
      ...(available === undefined ? {} : { available: { amount: available, currency: 'EUR' } }),
    },
  });
  expectAvailable('redeem', refused(), 500);
  expectAvailable('redeem', refused(500), 500);
  assert.throws(() => expectAvailable('redeem', refused(400), 500), /400 available, expected 500/);
});

test('race history: the policy checker finds a one-time voucher used twice, and nothing in one use', () => {
  const use = (pos: number, sentAt: number, id: string) => ({
    pos,
    operationId: 'redeem' as const,
    amount: 100,
    args: { amount: { amount: 100, currency: 'EUR' } },
    sentAt,
    answeredAt: sentAt + 1,
    answer: {
      completion: 'ok' as const,
      status: 201,
      body: { id, amount: { amount: 100, currency: 'EUR' } },
    },
  });
  const plan = { policy: 'balance-guard' as const, reusable: false, funds: 1000, flows: [] };
  assert.deepEqual(policyViolations(plan, 'V1', [use(1, 1, 'P1')]), []);
  const twice = policyViolations(plan, 'V1', [use(1, 1, 'P1'), use(2, 3, 'P2')]);
  assert.equal(twice.length, 1);
  assert.match(twice[0] ?? '', /one-time voucher used 2 times/);
  assert.deepEqual(
    policyViolations({ ...plan, reusable: true }, 'V1', [use(1, 1, 'P1'), use(2, 3, 'P2')]),
    [],
  );
});

test('race verdict: an exclusive hold stops being certainly open when its first capture is sent, whichever capture is answered first', () => {
  const event = (
    pos: number,
    operationId: 'createHold' | 'captureHold',
    sentAt: number,
    answeredAt: number,
    body: Record<string, unknown>,
    holdId?: string,
  ) => ({
    pos,
    operationId,
    amount: 400,
    args: {},
    ...(holdId ? { holdId } : {}),
    sentAt,
    answeredAt,
    answer: { completion: 'ok' as const, status: 201, body },
  });
  // POS 1 holds (1-2) and splits: one capture sent at 3, the other at 7; POS 2 holds at 4-5, after the
  // first capture was sent. The capture sent last is answered first (events come in answer order).
  const events = [
    event(1, 'createHold', 1, 2, { id: 'H1' }),
    event(2, 'createHold', 4, 5, { id: 'H2' }),
    event(1, 'captureHold', 7, 8, { id: 'P1' }, 'H1'),
    event(1, 'captureHold', 3, 9, { id: 'P1' }, 'H1'),
  ];
  const facts = {
    policy: 'exclusive-hold' as const,
    reusable: true,
    funds: 1000,
    finalBalance: 600,
    ledgerSum: 600,
  };
  assert.deepEqual(
    raceViolations({ ...facts, events }).filter((v) => v.includes('was accepted while')),
    [],
  );
  // Answered before either capture was sent, the second hold is a violation.
  const early = [
    event(1, 'createHold', 1, 2, { id: 'H1' }),
    event(2, 'createHold', 3, 4, { id: 'H2' }),
    event(1, 'captureHold', 7, 8, { id: 'P1' }, 'H1'),
    event(1, 'captureHold', 6, 9, { id: 'P1' }, 'H1'),
  ];
  assert.deepEqual(
    raceViolations({ ...facts, events: early }).filter((v) => v.includes('was accepted while')),
    ["POS 2's hold was accepted while POS 1's hold was open"],
  );
});
