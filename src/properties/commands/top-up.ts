import { reach } from '../model/lifecycle-table.ts';
import { topUpRefusal } from '../model/spend-rules.ts';
import { viewMismatches } from '../model/view-mismatches.ts';
import type { VoucherModel } from '../model/voucher-model.ts';
import { moneyText } from '../render/money-text.ts';
import type { TargetSession } from '../target-session.ts';
import { expectAnswer, expectNoMismatch } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import { cashier, receiptFor } from './receipt-for.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** LC-11: load value onto a reusable voucher whose type allows it. */
export class TopUpCommand implements VoucherCommand {
  readonly voucher: number;
  readonly amount: number;
  readonly currency: string;

  constructor(voucher: number, amount: number, currency: string) {
    this.voucher = voucher;
    this.amount = amount;
    this.currency = currency;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.vouchers.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const v = pickOf(m.vouchers, this.voucher);
    if (!v) return;
    const { id, alias } = r.voucher(v.ref);
    const predicted = topUpRefusal(m, v, this.currency);
    reach(m, v, 'topUp', predicted);
    r.say(`When ${cashier(1)} tops up voucher "${alias}" with ${moneyText(this.amount, this.currency)}`);
    const answer = await r.call({
      operationId: 'topUp',
      auth: { role: 'pos' },
      params: { id },
      body: {
        amount: { amount: this.amount, currency: this.currency },
        receipt: receiptFor(1, `L${r.transcript.steps.length}`),
      },
    });
    sayOutcome(r, 'the top-up', predicted);
    expectAnswer(`topUp V${v.ref + 1}`, answer, predicted);
    if (answer.completion !== 'ok') return;
    v.balance += this.amount;
    expectNoMismatch(`topUp V${v.ref + 1}`, viewMismatches(m, v, answer.body));
  }

  toString(): string {
    return `topUp(V#${this.voucher}; ${this.amount} ${this.currency})`;
  }
}
