import type { DataTable } from '@cucumber/cucumber';
import type { Receipt } from '../spec/schemas/receipt.ts';
import { type Actor, receiptOf } from './support/actors.ts';
import { type Money, parseMoney } from './support/money.ts';
import { captureOf, holdOn, payWith, redeemInOneStep } from './support/payments.ts';
import { When } from './support/steps.ts';
import type { VoucherWorld } from './support/world.ts';

When(
  '{actor} holds {money} of voucher {string}',
  async function (this: VoucherWorld, actor: Actor, amount: Money, alias: string) {
    await holdOn(this, actor, amount, alias);
  },
);

When(
  '{actor} holds {money} of voucher {string} for {int} seconds',
  async function (this: VoucherWorld, actor: Actor, amount: Money, alias: string, ttl: number) {
    await holdOn(this, actor, amount, alias, undefined, ttl);
  },
);

When('{actor} captures the hold', async function (this: VoucherWorld, actor: Actor) {
  await captureOf(this, actor);
});

When(
  '{actor} captures {money} of the hold',
  async function (this: VoucherWorld, actor: Actor, amount: Money) {
    await captureOf(this, actor, amount);
  },
);

When('{actor} releases the hold', async function (this: VoucherWorld, actor: Actor) {
  const hold = this.holds.get(actor.label);
  if (!hold) throw new Error(`${actor.label} holds nothing`);
  await this.call(
    { operationId: 'releaseHold', params: { id: hold.id }, body: {}, auth: { role: actor.role } },
    this.via(actor.label),
  );
});

When(
  '{actor} pays {money} with voucher {string}',
  async function (this: VoucherWorld, actor: Actor, amount: Money, alias: string) {
    await payWith(this, actor, amount, alias, this.nextReceipt());
  },
);

When(
  '{actor} pays {money} with voucher {string} on receipt {string}',
  async function (this: VoucherWorld, actor: Actor, amount: Money, alias: string, receipt: string) {
    await payWith(this, actor, amount, alias, receipt);
  },
);

/** The table lists the receipt's lines: product, quantity, amount; the receipt total is their sum. */
When(
  '{actor} pays {money} with voucher {string} on receipt {string} for:',
  async function (
    this: VoucherWorld,
    actor: Actor,
    amount: Money,
    alias: string,
    receipt: string,
    table: DataTable,
  ) {
    const lines = table.hashes().map((row) => ({
      product: row.product ?? '',
      quantity: Number(row.quantity ?? '1'),
      amount: parseMoney(row.amount ?? ''),
    }));
    const total = { amount: lines.reduce((sum, l) => sum + l.amount.amount, 0), currency: amount.currency };
    await payWith(this, actor, amount, alias, receipt, {
      lines,
      total,
      legalEntity: actor.legalEntity ?? 'LE1',
    } as Partial<Receipt>);
  },
);

When(
  '{actor} redeems {money} from voucher {string} in one step',
  async function (this: VoucherWorld, actor: Actor, amount: Money, alias: string) {
    await redeemInOneStep(this, actor, amount, alias, receiptOf(actor, this.nextReceipt()));
  },
);

/** RD-08: the amount as written, JSON, in the first request of a payment (hold, or one-step redemption). */
When(
  '{actor} tries to pay with voucher {string} the amount {string}',
  async function (this: VoucherWorld, actor: Actor, alias: string, amountJson: string) {
    await this.touch(alias);
    const receipt = receiptOf(actor, this.nextReceipt());
    const rawBody = `{"amount": ${amountJson}, "receipt": ${JSON.stringify(receipt)}}`;
    const operationId = this.claimed.has('holds') ? 'createHold' : 'redeem';
    // Paying is the core, whichever way the target claims.
    await this.needs.paying(() =>
      this.call({ operationId, params: { id: this.voucherId(alias) }, rawBody, auth: { role: actor.role } }),
    );
  },
);

function paymentOn(world: VoucherWorld, receipt: string) {
  const payment = world.payments.get(receipt);
  if (!payment) throw new Error(`no payment on receipt "${receipt}" in this scenario`);
  return payment;
}

async function refund(world: VoucherWorld, actor: Actor, receipt: string, amount?: Money): Promise<void> {
  const payment = paymentOn(world, receipt);
  const alias = [...world.vouchers].find(([, v]) => v.id === payment.voucherId)?.[0];
  if (alias) await world.touch(alias);
  const returnReceipt = receiptOf(actor, world.nextReceipt());
  const body = amount ? { amount, receipt: returnReceipt } : { receipt: returnReceipt };
  await world.call({
    operationId: 'refundRedemption',
    params: { id: payment.id },
    body,
    auth: { role: actor.role },
  });
}

When(
  '{actor} refunds {money} of the payment on receipt {string}',
  async function (this: VoucherWorld, actor: Actor, amount: Money, receipt: string) {
    await refund(this, actor, receipt, amount);
  },
);

When(
  '{actor} refunds {money} of that payment',
  async function (this: VoucherWorld, actor: Actor, amount: Money) {
    await refund(this, actor, 'last', amount);
  },
);

When(
  '{actor} reverses the payment on receipt {string}',
  async function (this: VoucherWorld, actor: Actor, receipt: string) {
    await refund(this, actor, receipt);
  },
);

When('{actor} reverses that payment', async function (this: VoucherWorld, actor: Actor) {
  await refund(this, actor, 'last');
});
