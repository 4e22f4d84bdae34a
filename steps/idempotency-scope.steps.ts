import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { Completion } from '../src/driver/completion.ts';
import { answerText, differences } from '../src/evidence/answer-text.ts';
import type { Actor } from './support/actors.ts';
import { receiptOf } from './support/actors.ts';
import { expectRefused } from './support/expect.ts';
import type { Money } from './support/money.ts';
import { redeemInOneStep } from './support/payments.ts';
import { Given, Then, When } from './support/steps.ts';
import type { VoucherWorld } from './support/world.ts';

/**
 * RD-06 beyond "same key, same request": keys are a retailer's own (another tenant's request under the
 * same key is another request), and a refusal is an answer like any other (a retry gets it again, even
 * after the voucher changed).
 */

Given(
  'the cashier of the other retailer has an activated voucher {string} worth {money}',
  async function (this: VoucherWorld, alias: string, amount: Money) {
    this.requires('test-control');
    const other = await this.openDriver(
      {
        target: this.parameters.target,
        ...(this.parameters.adapter ? { adapter: this.parameters.adapter } : {}),
        ...(this.parameters.timeoutMs ? { timeoutMs: this.parameters.timeoutMs } : {}),
      },
      'other retailer',
    );
    // With test control, a driver's set-up is a tenant of its own: the other retailer.
    const session = await other.setup();
    assert.ok(session.isolated, 'the other retailer needs a tenant of its own (test control)');
    const policy = (['balance-guard', 'amount-holds', 'exclusive-hold'] as const).find((p) =>
      this.claimed.has(p),
    );
    if (!policy) throw new Error('the target claims no general policy for the other retailer’s voucher');
    const { voucherId } = await other.arrange('voucher', {
      type: {
        key: 'OTHER',
        currency: amount.currency,
        policy,
        reusable: true,
        topUpAllowed: false,
        validityDays: 365,
      },
      state: 'activated',
      amount,
    });
    this.retailers.set('other retailer', other);
    this.vouchers.set(alias, { id: voucherId, readable: true, via: other });
  },
);

When(
  '{actor} redeems {money} from voucher {string} in one step with the same idempotency key',
  async function (this: VoucherWorld, actor: Actor, amount: Money, alias: string) {
    const key = this.lastRequest?.idempotencyKey;
    if (!key) throw new Error('no earlier request with an idempotency key to reuse');
    await this.touch(alias);
    await this.call(
      {
        operationId: 'redeem',
        params: { id: this.voucherId(alias) },
        body: { amount, receipt: receiptOf(actor, this.nextReceipt()) },
        auth: { role: actor.role },
        idempotencyKey: key,
      },
      this.via(actor.label),
    );
  },
);

Given(
  '{actor} tries to redeem {money} from voucher {string} in one step and is refused with {string}',
  async function (this: VoucherWorld, actor: Actor, amount: Money, alias: string, code: string) {
    const answer = await redeemInOneStep(this, actor, amount, alias, receiptOf(actor, this.nextReceipt()));
    expectRefused(answer, code);
    if (!this.lastRequest) throw new Error('the refused request was not recorded');
    this.refused = { request: this.lastRequest, answer };
  },
);

When(
  '{actor} retries the refused request with the same idempotency key',
  async function (this: VoucherWorld, actor: Actor) {
    if (!this.refused) throw new Error('no refused request in this scenario to retry');
    const { request, answer } = this.refused;
    const again = await this.again(() => this.call(request, this.via(actor.label)));
    this.answers = [answer, again];
  },
);

Then('the retry is refused the same way', function (this: VoucherWorld) {
  const [first, second] = this.answers as [Completion, Completion];
  assert.ok(first && second, 'two answers are needed');
  const strip = (c: Completion) => ({ ...c, idempotencyKey: undefined });
  if (!isDeepStrictEqual(strip(second), strip(first)))
    throw new Error(
      `the retry answered ${answerText(second)}; the first answer was the refusal ${answerText(first)} (${differences(first, second).join('; ')})`,
    );
});
