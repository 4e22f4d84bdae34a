import { applyLifecycle, type LifecycleAction, lifecycleRefusal } from '../model/lifecycle-rules.ts';
import { viewMismatches } from '../model/view-mismatches.ts';
import type { VoucherModel } from '../model/voucher-model.ts';
import type { TargetSession } from '../target-session.ts';
import { expectAnswer, expectNoMismatch } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import { cashier, receiptFor } from './receipt-for.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** LC-06: selling is two-phase: add to an open receipt (activating), then close it or cancel it. */
export class SellCommand implements VoucherCommand {
  readonly voucher: number;
  readonly close: boolean;

  constructor(voucher: number, close: boolean) {
    this.voucher = voucher;
    this.close = close;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.vouchers.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const v = pickOf(m.vouchers, this.voucher);
    if (!v) return;
    const { id, alias } = r.voucher(v.ref);
    const steps: Array<[LifecycleAction, string, string]> = [
      ['startSale', `adds voucher "${alias}" to a sale receipt`, 'the sale'],
      this.close
        ? ['completeSale', `closes the sale receipt of voucher "${alias}"`, 'the sale']
        : ['cancelSale', `cancels the sale receipt of voucher "${alias}"`, 'the sale'],
    ];
    for (const [action, phrase, subject] of steps) {
      const predicted = lifecycleRefusal(m, v, action);
      r.say(`When ${cashier(1)} ${phrase}`);
      const answer =
        action === 'startSale'
          ? await r.call({
              operationId: 'startSale',
              auth: { role: 'pos' },
              params: { id },
              body: { receipt: receiptFor(1, `S${r.transcript.steps.length}`) },
            })
          : await r.call({
              operationId: action as 'completeSale' | 'cancelSale',
              auth: { role: 'pos' },
              params: { id },
              body: {},
            });
      sayOutcome(r, subject, predicted);
      expectAnswer(`${action} V${v.ref + 1}`, answer, predicted);
      if (answer.completion !== 'ok') return;
      applyLifecycle(v, action);
      expectNoMismatch(`${action} V${v.ref + 1}`, viewMismatches(m, v, answer.body));
    }
  }

  toString(): string {
    return `sell(V#${this.voucher}; ${this.close ? 'close' : 'cancel'})`;
  }
}
