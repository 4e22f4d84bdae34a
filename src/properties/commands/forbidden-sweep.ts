import { cellVerdict, type VoucherOperation, voucherOperations } from '../model/lifecycle-table.ts';
import { effectiveState, holdExpired, type VoucherModel } from '../model/voucher-model.ts';
import type { TargetSession } from '../target-session.ts';
import { CancelVoucherCommand } from './cancel-voucher.ts';
import { CaptureCommand } from './capture.ts';
import { HoldCommand } from './hold.ts';
import { pickOf } from './pick.ts';
import { RedeemCommand } from './redeem.ts';
import { RefundCommand } from './refund.ts';
import { ReturnVoucherCommand } from './return-voucher.ts';
import { SellCommand } from './sell.ts';
import { SetValidityCommand } from './set-validity.ts';
import { TopUpCommand } from './top-up.ts';
import type { VoucherCommand } from './voucher-command.ts';

/**
 * LC-13 over a whole row of the lifecycle table: every operation the voucher's present state forbids
 * is sent to it, one after the other (the capture of its live hold and the refund of its payment
 * included, when it has them), each predicted by the model like any other command. A refused operation
 * changes nothing, so the voucher is still in that state for the next one: one command tries what a
 * chain of random commands reaches only now and then (a refunded voucher sold, a canceled one's return
 * closed). The operations claimed capabilities do not allow are left out.
 */
export class ForbiddenSweepCommand implements VoucherCommand {
  readonly voucher: number;
  readonly allowed: ReadonlySet<VoucherOperation>;

  constructor(voucher: number, allowed: ReadonlySet<VoucherOperation>) {
    this.voucher = voucher;
    this.allowed = allowed;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.vouchers.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const v = pickOf(m.vouchers, this.voucher);
    if (!v) return;
    const state = effectiveState(m, v);
    for (const op of voucherOperations) {
      if (!this.allowed.has(op) || cellVerdict(state, op) === 'allowed') continue;
      const command = commandFor(m, v.ref, op);
      if (command) await command.run(m, r);
    }
  }

  toString(): string {
    return `forbidden(V#${this.voucher})`;
  }
}

/** The command that sends exactly `op` to voucher `ref` (or its live hold, or its refundable payment). */
function commandFor(m: VoucherModel, ref: number, op: VoucherOperation): VoucherCommand | undefined {
  switch (op) {
    case 'startSale':
      return new SellCommand(ref, 'leave-open', true);
    case 'completeSale':
      return new SellCommand(ref, 'close', false);
    case 'cancelSale':
      return new SellCommand(ref, 'cancel', false);
    case 'startReturn':
      return new ReturnVoucherCommand(ref, 'leave-open', true);
    case 'completeReturn':
      return new ReturnVoucherCommand(ref, 'refunded', false);
    case 'cancelReturn':
      return new ReturnVoucherCommand(ref, 'abandon', false);
    case 'cancelVoucher':
    case 'restoreVoucher':
      return new CancelVoucherCommand(ref, op);
    case 'setValidity':
      return new SetValidityCommand(ref, { extendDays: 30 });
    case 'hold':
      return new HoldCommand(ref, 'one', 'EUR', undefined);
    case 'redeem':
      return new RedeemCommand(ref, 'one', 'EUR');
    case 'topUp':
      return new TopUpCommand(ref, 100, 'EUR');
    case 'capture': {
      const h = m.holds.findLast((x) => x.voucher === ref && x.status === 'open' && !holdExpired(m, x));
      return h ? new CaptureCommand(h.ref, undefined) : undefined;
    }
    case 'refund': {
      const p = m.redemptions.findLast((x) => x.voucher === ref && x.amount > x.refunded);
      return p ? new RefundCommand(p.ref, undefined) : undefined;
    }
  }
}
