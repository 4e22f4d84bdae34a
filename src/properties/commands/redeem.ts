import { randomUUID } from 'node:crypto';
import { reach } from '../model/lifecycle-table.ts';
import { useRefusal, useRefusalsAllowed } from '../model/spend-rules.ts';
import { takeMoney } from '../model/take-money.ts';
import { spendable, type VoucherModel } from '../model/voucher-model.ts';
import { moneyText } from '../render/money-text.ts';
import type { TargetSession } from '../target-session.ts';
import { type AmountPick, resolveAmount, showPick } from './amount-pick.ts';
import { checkRedemption } from './check-redemption.ts';
import { expectAnswer, expectAvailable, ModelMismatch } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import { cashier, receiptFor } from './receipt-for.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** RD-01, RD-03: a one-step redemption, with the same checks and effects as hold then capture. */
export class RedeemCommand implements VoucherCommand {
  readonly voucher: number;
  readonly amount: AmountPick;
  readonly currency: string;
  /** RD-06: send the same request again with the same Idempotency-Key, as after a lost answer. */
  readonly retried: boolean;

  constructor(voucher: number, amount: AmountPick, currency: string, retried = false) {
    this.voucher = voucher;
    this.amount = amount;
    this.currency = currency;
    this.retried = retried;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.vouchers.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const v = pickOf(m.vouchers, this.voucher);
    if (!v) return;
    const { id, alias } = r.voucher(v.ref);
    const base = spendable(m, v);
    const amount = resolveAmount(this.amount, base);
    const predicted = useRefusal(m, v, amount, this.currency);
    reach(m, v, 'redeem', predicted);
    r.say(
      `When ${cashier(1)} redeems ${moneyText(amount, this.currency)} from voucher "${alias}" in one step`,
    );
    const request = {
      operationId: 'redeem' as const,
      auth: { role: 'pos' as const },
      params: { id },
      body: {
        amount: { amount, currency: this.currency },
        receipt: receiptFor(1, `P${m.redemptions.length + 1}`),
      },
      idempotencyKey: randomUUID(),
    };
    const answer = await r.call(request);
    sayOutcome(r, 'the redemption', predicted);
    const alsoTrue = useRefusalsAllowed(m, v, amount, this.currency);
    expectAnswer(`redeem ${amount} from V${v.ref + 1}`, answer, predicted, alsoTrue);
    expectAvailable(`redeem ${amount} from V${v.ref + 1}`, answer, base);
    if (this.retried) {
      r.say(`When ${cashier(1)} sends the same request again with the same idempotency key`);
      const again = await r.call(request);
      r.say('Then the second answer is the same as the first');
      expectAnswer(`retry of redeem ${amount} from V${v.ref + 1}`, again, predicted, alsoTrue);
      const first = answer.completion === 'ok' ? answer.body.id : answer.problem.code;
      const second = again.completion === 'ok' ? again.body.id : again.problem.code;
      if (first !== second)
        throw new ModelMismatch(`retry of redeem: first answer ${first}, replay ${second}`);
    }
    if (answer.completion !== 'ok') return;
    checkRedemption(m, r, takeMoney(m, v, amount), answer.body);
  }

  toString(): string {
    return `redeem(V#${this.voucher}; ${showPick(this.amount)} ${this.currency}${this.retried ? '; retried' : ''})`;
  }
}
