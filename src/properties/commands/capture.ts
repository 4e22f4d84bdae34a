import { reach } from '../model/lifecycle-table.ts';
import { captureRefusal } from '../model/spend-rules.ts';
import { takeMoney } from '../model/take-money.ts';
import { holdExpired, spendable, type VoucherModel, voucherOf } from '../model/voucher-model.ts';
import { moneyText } from '../render/money-text.ts';
import type { TargetSession } from '../target-session.ts';
import { type AmountPick, resolveAmount, showPick } from './amount-pick.ts';
import { checkRedemption } from './check-redemption.ts';
import { expectAnswer, expectAvailable } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** RD-02: the second phase: capture the whole hold, or part of it (partial-capture). */
export class CaptureCommand implements VoucherCommand {
  readonly hold: number;
  /** undefined: the whole hold, with no amount in the body. */
  readonly amount: AmountPick | undefined;

  constructor(hold: number, amount: AmountPick | undefined) {
    this.hold = hold;
    this.amount = amount;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.holds.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const h = pickOf(m.holds, this.hold);
    if (!h) return;
    const v = voucherOf(m, h.voucher);
    const { id, actor } = r.hold(h.ref);
    const amount = this.amount === undefined ? undefined : resolveAmount(this.amount, h.amount);
    const predicted = captureRefusal(m, v, h, amount, amount === undefined ? undefined : 'EUR');
    // A capture tells of the voucher's state only while its hold is live; otherwise the hold answers.
    if (h.status === 'open' && !holdExpired(m, h)) reach(m, v, 'capture', predicted);
    r.say(
      amount === undefined
        ? `When ${actor} captures the hold`
        : `When ${actor} captures ${moneyText(amount, 'EUR')} of the hold`,
    );
    const answer = await r.call({
      operationId: 'captureHold',
      auth: { role: 'pos' },
      params: { id },
      body: amount === undefined ? {} : { amount: { amount, currency: 'EUR' } },
    });
    sayOutcome(r, 'the capture', predicted);
    expectAnswer(`captureHold H${h.ref + 1}`, answer, predicted);
    expectAvailable(`captureHold H${h.ref + 1}`, answer, h.reserves ? v.balance : spendable(m, v));
    if (answer.completion !== 'ok') return;
    h.status = 'captured';
    if (amount !== undefined && amount < h.amount) m.reached.add(`partial-capture:${v.kind.policy}`);
    const taken = takeMoney(m, v, amount ?? h.amount);
    checkRedemption(m, r, taken, answer.body);
  }

  toString(): string {
    return `capture(H#${this.hold}${this.amount === undefined ? '' : `; ${showPick(this.amount)}`})`;
  }
}
