import {
  applyLifecycle,
  type LifecycleAction,
  lifecycleRefusal,
  type ReturnOutcome,
} from '../model/lifecycle-rules.ts';
import { reach } from '../model/lifecycle-table.ts';
import { viewMismatches } from '../model/view-mismatches.ts';
import type { VoucherModel } from '../model/voucher-model.ts';
import type { TargetSession } from '../target-session.ts';
import { expectAnswer, expectNoMismatch } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import { cashier, receiptFor } from './receipt-for.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

/**
 * How a generated return ends: closed with the voucher refunded or prepared again, abandoned, or left
 * open (the voucher stays refunding for the commands after it).
 */
export type ReturnEnding = ReturnOutcome | 'abandon' | 'leave-open';

/**
 * LC-08: an unused voucher is returned at the register: a return document is opened (refunding), then
 * closed (refunded, or prepared for resale) or abandoned (activated). With `opens` false, only the
 * closing request is sent: closing a document that was never opened must be refused.
 */
export class ReturnVoucherCommand implements VoucherCommand {
  readonly voucher: number;
  readonly ending: ReturnEnding;
  readonly opens: boolean;

  constructor(voucher: number, ending: ReturnEnding, opens: boolean) {
    this.voucher = voucher;
    this.ending = ending;
    this.opens = opens;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.vouchers.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const v = pickOf(m.vouchers, this.voucher);
    if (!v) return;
    const { id, alias } = r.voucher(v.ref);
    const closing: Array<[LifecycleAction, string]> =
      this.ending === 'leave-open'
        ? []
        : this.ending === 'abandon'
          ? [['cancelReturn', `abandons the return document of voucher "${alias}"`]]
          : [
              [
                'completeReturn',
                `closes the return document of voucher "${alias}" with the voucher ${this.ending}`,
              ],
            ];
    const steps: Array<[LifecycleAction, string]> = [
      ...(this.opens || closing.length === 0
        ? [['startReturn', `opens a return document for voucher "${alias}"`] as [LifecycleAction, string]]
        : []),
      ...closing,
    ];
    for (const [action, phrase] of steps) {
      const predicted = lifecycleRefusal(m, v, action);
      reach(m, v, action, predicted);
      r.say(`When ${cashier(1)} ${phrase}`);
      const answer =
        action === 'startReturn'
          ? await r.call({
              operationId: 'startReturn',
              auth: { role: 'pos' },
              params: { id },
              body: { receipt: receiptFor(1, `R${r.transcript.steps.length}`) },
            })
          : action === 'completeReturn'
            ? await r.call({
                operationId: 'completeReturn',
                auth: { role: 'pos' },
                params: { id },
                body: { outcome: this.ending === 'prepared' ? 'prepared' : 'refunded' },
              })
            : await r.call({ operationId: 'cancelReturn', auth: { role: 'pos' }, params: { id }, body: {} });
      sayOutcome(r, 'the return', predicted);
      expectAnswer(`${action} V${v.ref + 1}`, answer, predicted);
      if (answer.completion !== 'ok') return;
      applyLifecycle(v, action, this.ending === 'prepared' ? 'prepared' : 'refunded');
      expectNoMismatch(`${action} V${v.ref + 1}`, viewMismatches(m, v, answer.body));
    }
  }

  toString(): string {
    return `return(V#${this.voucher}; ${this.opens ? '' : 'close only; '}${this.ending})`;
  }
}
