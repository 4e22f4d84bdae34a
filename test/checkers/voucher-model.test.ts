import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Policy } from '../../spec/capabilities.ts';
import { emptyOutput, type VoucherInput, type VoucherOutput } from '../../src/model/model-io.ts';
import { voucherModel } from '../../src/model/voucher-model.ts';
import type { VoucherState } from '../../src/model/voucher-state.ts';

const input = (
  op: VoucherInput['op'],
  amount: number | null,
  target: string | null = null,
  completedAt = 100,
): VoucherInput => ({
  op,
  index: 0,
  amount,
  target,
  knownHold: true,
  invokedAt: 0,
  completedAt,
  ttl: 1000,
});
const ok = (fields: Partial<VoucherOutput> = {}): VoucherOutput => ({ ...emptyOutput, ...fields });
const fail = (code: string): VoucherOutput => ({ ...ok(), completion: 'fail', code });

function held(policy: Policy, funds: number, amount: number): VoucherState {
  const model = voucherModel(policy);
  const step = model.step(model.init(funds), input('createHold', amount), ok({ id: 'h1' }));
  assert.ok(step.ok);
  return step.next;
}

describe('voucher model', () => {
  it('balance-guard: holds do not reserve; the capture checks the balance', () => {
    const model = voucherModel('balance-guard');
    const state = held('balance-guard', 1000, 800);
    const second = model.step(state, input('createHold', 800), ok({ id: 'h2' }));
    assert.ok(second.ok);
    const first = model.step(second.next, input('captureHold', null, 'h1'), ok({ balanceAfter: 200 }));
    assert.ok(first.ok);
    assert.equal(model.step(first.next, input('captureHold', null, 'h2'), ok()).ok, false);
    assert.ok(model.step(first.next, input('captureHold', null, 'h2'), fail('insufficient_balance')).ok);
  });

  it('amount-holds: the sum of open holds stays within the balance', () => {
    const model = voucherModel('amount-holds');
    const state = held('amount-holds', 1000, 800);
    assert.equal(model.step(state, input('createHold', 300), ok({ id: 'h2' })).ok, false);
    assert.ok(model.step(state, input('createHold', 300), fail('insufficient_balance')).ok);
    assert.ok(model.step(state, input('createHold', 200), ok({ id: 'h2' })).ok);
    assert.equal(model.step(state, input('createHold', 200), fail('insufficient_balance')).ok, false);
  });

  it('amount-holds: a spend that needs room lets only as many holds expire as it needs, the earliest due first', () => {
    // 400 (due from 1,000) and 400 (due from 1,050, answered late): at 1,170 a hold of 300 needs one of
    // them gone. The second may still be open at 1,175, so a hold of 350 refused then is explained.
    const model = voucherModel('amount-holds');
    const at = (op: VoucherInput['op'], amount: number, invokedAt: number, completedAt: number) => ({
      ...input(op, amount, null, completedAt),
      invokedAt,
    });
    let state = model.init(1000);
    for (const [id, call] of [
      ['h1', at('createHold', 400, 0, 10)],
      ['h2', at('createHold', 400, 50, 200)],
      ['h3', at('createHold', 300, 1160, 1170)],
    ] as const) {
      const step = model.step(state, call, ok({ id }));
      assert.ok(step.ok, `${id} is accepted`);
      state = step.next;
    }
    assert.deepEqual(
      state.holds.map((h) => h.id),
      ['h2', 'h3'],
      'only the earliest due hold was let go',
    );
    assert.ok(model.step(state, at('createHold', 350, 1175, 1180), fail('insufficient_balance')).ok);
    assert.equal(model.step(state, at('createHold', 350, 1175, 1180), ok({ id: 'h4' })).ok, true);
  });

  it('exclusive-hold: a second hold is refused as in use until the first may have expired', () => {
    const model = voucherModel('exclusive-hold');
    const state = held('exclusive-hold', 1000, 100);
    assert.ok(model.step(state, input('createHold', 100), fail('voucher_in_use')).ok);
    assert.equal(model.step(state, input('createHold', 100), ok({ id: 'h2' })).ok, false);
    const late = model.step(state, input('createHold', 100, null, 5000), ok({ id: 'h2' }));
    assert.ok(late.ok, 'after the time-to-live the first hold may have expired');
    assert.deepEqual(
      late.next.holds.map((hold) => hold.id),
      ['h2'],
    );
    assert.equal(model.step(state, input('releaseHold', null, 'h1'), fail('hold_expired')).ok, false);
  });

  it('redeem-entire: a capture consumes the whole voucher; the rest is the remainder', () => {
    const model = voucherModel('redeem-entire');
    const state = held('redeem-entire', 2000, 1190);
    assert.equal(model.step(state, input('captureHold', null, 'h1'), ok({ balanceAfter: 810 })).ok, false);
    const capture = model.step(
      state,
      input('captureHold', null, 'h1'),
      ok({ balanceAfter: 0, remainder: 810 }),
    );
    assert.ok(capture.ok);
    assert.equal(capture.next.balance, 0);
    assert.ok(model.step(capture.next, input('redeem', 10), fail('voucher_redeemed')).ok);
  });

  it('an unknown outcome may have happened or not', () => {
    const model = voucherModel('balance-guard');
    const info = { ...ok(), completion: 'info' as const };
    const applied = model.step(model.init(100), input('redeem', 60), info);
    assert.ok(applied.ok);
    assert.equal(applied.next.balance, 40);
    const impossible = model.step(model.init(10), input('redeem', 60), info);
    assert.ok(impossible.ok);
    assert.equal(impossible.next.balance, 10);
  });

  it('reads must see the balance', () => {
    const model = voucherModel('balance-guard');
    assert.ok(model.step(model.init(100), input('getBalance', null), ok({ balance: 100 })).ok);
    assert.equal(model.step(model.init(100), input('getBalance', null), ok({ balance: 99 })).ok, false);
    assert.equal(model.describe(held('balance-guard', 100, 5)), 'balance 100; open holds: h1=5');
  });
});
