import { reach } from '../model/lifecycle-table.ts';
import { applyRefund, refundRefusal } from '../model/refund-rules.ts';
import { type VoucherModel, voucherOf } from '../model/voucher-model.ts';
import { moneyText } from '../render/money-text.ts';
import type { TargetSession } from '../target-session.ts';
import { type AmountPick, resolveAmount, showPick } from './amount-pick.ts';
import { expectAnswer, expectNoMismatch } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import { cashier, receiptFor } from './receipt-for.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** RD-05: credit back part or all of what a redemption took (returned goods); never more in total. */
export class RefundCommand implements VoucherCommand {
  readonly redemption: number;
  /** undefined: a full reversal, with no amount in the body. */
  readonly amount: AmountPick | undefined;

  constructor(redemption: number, amount: AmountPick | undefined) {
    this.redemption = redemption;
    this.amount = amount;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.redemptions.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const p = pickOf(m.redemptions, this.redemption);
    if (!p) return;
    const v = voucherOf(m, p.voucher);
    const refundable = p.amount - p.refunded;
    const amount = this.amount === undefined ? undefined : resolveAmount(this.amount, refundable);
    const predicted = refundRefusal(m, v, p, amount, amount === undefined ? undefined : v.currency);
    reach(m, v, 'refund', predicted);
    const last = p.ref === m.redemptions.length - 1;
    const which = last ? 'that payment' : `the payment on receipt "P${p.ref + 1}"`;
    r.say(
      amount === undefined
        ? `When ${cashier(1)} reverses ${which}`
        : `When ${cashier(1)} refunds ${moneyText(amount, v.currency)} of ${which}`,
    );
    const answer = await r.call({
      operationId: 'refundRedemption',
      auth: { role: 'pos' },
      params: { id: r.redemption(p.ref).id },
      body: {
        receipt: receiptFor(1, `RF${p.ref + 1}`),
        ...(amount === undefined ? {} : { amount: { amount, currency: v.currency } }),
      },
    });
    sayOutcome(r, 'the refund', predicted);
    expectAnswer(`refund of P${p.ref + 1}`, answer, predicted);
    if (answer.completion !== 'ok') return;
    const credited = applyRefund(v, p, amount);
    r.say(`And voucher "${r.voucher(v.ref).alias}" has a balance of ${moneyText(v.balance, v.currency)}`);
    const differences: string[] = [];
    if (answer.body.amount.amount !== credited)
      differences.push(`amount: expected ${credited}, got ${answer.body.amount.amount}`);
    // Optional in the contract: compared when the system gives them.
    const total = answer.body.refundedTotal;
    if (total !== undefined && total.amount !== p.refunded)
      differences.push(`refundedTotal: expected ${p.refunded}, got ${total.amount}`);
    const after = answer.body.balanceAfter;
    if (after !== undefined && after.amount !== v.balance)
      differences.push(`balanceAfter: expected ${v.balance}, got ${after.amount}`);
    expectNoMismatch(`refund of P${p.ref + 1}`, differences);
  }

  toString(): string {
    return `refund(P#${this.redemption}${this.amount === undefined ? '' : `; ${showPick(this.amount)}`})`;
  }
}
