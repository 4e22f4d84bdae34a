import { effectiveState, type VoucherKind, type VoucherModel } from '../model/voucher-model.ts';
import type { TargetSession } from '../target-session.ts';
import { ArrangeVoucherCommand } from './arrange-voucher.ts';
import { CancelVoucherCommand } from './cancel-voucher.ts';
import { CaptureCommand } from './capture.ts';
import { HoldCommand } from './hold.ts';
import { RedeemCommand } from './redeem.ts';
import { RefundCommand } from './refund.ts';
import { SellCommand } from './sell.ts';
import { SetValidityCommand } from './set-validity.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** The state a voucher is moved to while a hold or a payment of it is open. */
export type StateChange = 'prepared' | 'activating' | 'expired' | 'canceled' | 'redeemed';

/** What is held or paid before the change, and then captured or refunded. */
export type MoneyPhase = 'capture' | 'refund';

/**
 * A rare chain as one command (issue 16): a voucher of a kind is arranged, activated, and pays one minor unit (a hold, or a payment
 * in one step or through a hold), is moved to another state while that hold or payment is open (cancelled
 * and restored: prepared; then sold again and left open: activating; its validity ended yesterday;
 * cancelled; the rest of it paid: redeemed), and the hold is captured or the payment refunded. Every step
 * is an ordinary command, predicted by the model: a capture from any state but activated is refused
 * (RD-02), a refund only after validity or once canceled (RD-05, LC-05).
 */
export class AcrossStateCommand implements VoucherCommand {
  readonly kind: VoucherKind;
  readonly phase: MoneyPhase;
  readonly change: StateChange;

  constructor(kind: VoucherKind, phase: MoneyPhase, change: StateChange) {
    this.kind = kind;
    this.phase = phase;
    this.change = change;
  }

  check = (): boolean => true;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const count = m.vouchers.length;
    await new ArrangeVoucherCommand(this.kind, 2000).run(m, r);
    const v = m.vouchers[count];
    if (m.vouchers.length === count || !v || effectiveState(m, v) !== 'activated') return;
    const ref = v.ref;
    const holds = m.holds.length;
    const paid = m.redemptions.length;
    const holding = this.phase === 'capture' || !m.capabilities.has('one-step-redeem');
    if (holding) await new HoldCommand(ref, 'one', 'EUR', 600).run(m, r);
    if (this.phase === 'refund') {
      if (holding && m.holds.length > holds)
        await new CaptureCommand(m.holds.length - 1, undefined).run(m, r);
      if (!holding) await new RedeemCommand(ref, 'one', 'EUR').run(m, r);
      if (m.redemptions.length === paid) return;
    } else if (m.holds.length === holds) return;
    for (const step of changeTo(this.change, ref)) await step.run(m, r);
    if (this.phase === 'capture') await new CaptureCommand(m.holds.length - 1, undefined).run(m, r);
    else await new RefundCommand(m.redemptions.length - 1, undefined).run(m, r);
  }

  toString(): string {
    return `across(${this.phase} after ${this.change})`;
  }
}

function changeTo(change: StateChange, ref: number): VoucherCommand[] {
  const cancel = new CancelVoucherCommand(ref, 'cancelVoucher');
  const restore = new CancelVoucherCommand(ref, 'restoreVoucher');
  if (change === 'canceled') return [cancel];
  if (change === 'prepared') return [cancel, restore];
  if (change === 'activating') return [cancel, restore, new SellCommand(ref, 'leave-open', true)];
  if (change === 'expired') return [new SetValidityCommand(ref, 'yesterday')];
  return [new RedeemCommand(ref, 'all', 'EUR')];
}
