import { applyLifecycle, type LifecycleAction, lifecycleRefusal } from '../model/lifecycle-rules.ts';
import { reach } from '../model/lifecycle-table.ts';
import { viewMismatches } from '../model/view-mismatches.ts';
import type { VoucherModel } from '../model/voucher-model.ts';
import type { TargetSession } from '../target-session.ts';
import { expectAnswer, expectNoMismatch } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import { cashier, receiptFor } from './receipt-for.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** How a generated sale ends: the receipt closed, cancelled, or left open (the voucher stays activating). */
export type SaleEnding = 'close' | 'cancel' | 'leave-open';

/**
 * LC-06: selling is two-phase: add to an open receipt (activating), then close it or cancel it, or leave
 * it open so that later commands meet an activating voucher. With `opens` false only the closing request
 * is sent: closing or cancelling a sale that was never opened must be refused.
 */
export class SellCommand implements VoucherCommand {
  readonly voucher: number;
  readonly ending: SaleEnding;
  readonly opens: boolean;

  constructor(voucher: number, ending: SaleEnding, opens = true) {
    this.voucher = voucher;
    this.ending = ending;
    this.opens = opens;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.vouchers.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const v = pickOf(m.vouchers, this.voucher);
    if (!v) return;
    const { id, alias } = r.voucher(v.ref);
    const closing: Array<[LifecycleAction, string, string]> =
      this.ending === 'close'
        ? [['completeSale', `closes the sale receipt of voucher "${alias}"`, 'the sale']]
        : this.ending === 'cancel'
          ? [['cancelSale', `cancels the sale receipt of voucher "${alias}"`, 'the sale']]
          : [];
    const steps: Array<[LifecycleAction, string, string]> = [
      ...(this.opens || closing.length === 0
        ? [
            ['startSale', `adds voucher "${alias}" to a sale receipt`, 'the sale'] as [
              LifecycleAction,
              string,
              string,
            ],
          ]
        : []),
      ...closing,
    ];
    for (const [action, phrase, subject] of steps) {
      const predicted = lifecycleRefusal(m, v, action);
      reach(m, v, action, predicted);
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
    return `sell(V#${this.voucher}; ${this.opens ? '' : 'close only; '}${this.ending})`;
  }
}
