import { applyLifecycle, type LifecycleAction, lifecycleRefusal } from '../model/lifecycle-rules.ts';
import { reach } from '../model/lifecycle-table.ts';
import { viewMismatches } from '../model/view-mismatches.ts';
import type { VoucherModel } from '../model/voucher-model.ts';
import type { TargetSession } from '../target-session.ts';
import { expectAnswer, expectNoMismatch } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** LC-09: the back office cancels a voucher (number compromised), or restores a canceled one to prepared. */
export class CancelVoucherCommand implements VoucherCommand {
  readonly voucher: number;
  readonly action: Extract<LifecycleAction, 'cancelVoucher' | 'restoreVoucher'>;

  constructor(voucher: number, action: 'cancelVoucher' | 'restoreVoucher') {
    this.voucher = voucher;
    this.action = action;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.vouchers.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const v = pickOf(m.vouchers, this.voucher);
    if (!v) return;
    const { id, alias } = r.voucher(v.ref);
    const predicted = lifecycleRefusal(m, v, this.action);
    reach(m, v, this.action, predicted);
    const cancel = this.action === 'cancelVoucher';
    r.say(
      cancel
        ? `When the back office cancels voucher "${alias}" because "compromised"`
        : `When the back office restores voucher "${alias}"`,
    );
    const answer = cancel
      ? await r.call({
          operationId: 'cancelVoucher',
          auth: { role: 'backoffice' },
          params: { id },
          body: { reason: 'compromised' },
        })
      : await r.call({
          operationId: 'restoreVoucher',
          auth: { role: 'backoffice' },
          params: { id },
          body: {},
        });
    sayOutcome(r, cancel ? 'the cancellation' : 'the restore', predicted);
    expectAnswer(`${this.action} V${v.ref + 1}`, answer, predicted);
    if (answer.completion !== 'ok') return;
    applyLifecycle(v, this.action);
    expectNoMismatch(`${this.action} V${v.ref + 1}`, viewMismatches(m, v, answer.body));
  }

  toString(): string {
    return `${this.action === 'cancelVoucher' ? 'cancel' : 'restore'}(V#${this.voucher})`;
  }
}
