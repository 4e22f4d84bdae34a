import { applyLifecycle, lifecycleRefusal } from '../model/lifecycle-rules.ts';
import { reach } from '../model/lifecycle-table.ts';
import { usedUp } from '../model/spend-rules.ts';
import { viewMismatches } from '../model/view-mismatches.ts';
import type { VoucherModel } from '../model/voucher-model.ts';
import type { TargetSession } from '../target-session.ts';
import { expectAnswer, expectNoMismatch } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

const day = 86_400;

/**
 * The end of validity in model seconds: as asked, or as the system says it is when it counts validity in
 * whole days (UTC) and so rounds up to the end of that day; anything else is left for the view check.
 */
function dayRounded(until: number, told: string | null | undefined, epochMs: number): number {
  if (!told) return until;
  const said = (Date.parse(told) - epochMs) / 1000;
  const endOfDay = Math.ceil((epochMs / 1000 + until) / day) * day - epochMs / 1000;
  // A millisecond of slack: the two ends are computed in floating point from different sums.
  return said >= until - 0.001 && said <= endOfDay + 0.001 ? said : until;
}

/** A change of validity: extend by whole days, or end it a day before now. */
export type ValidityChange = { extendDays: number } | 'yesterday';

/**
 * LC-05: the back office changes the end of validity by hand. The new end is a whole number of days
 * from a model time, so it stays a multiple of 120 s and real time during the run cannot cross it.
 */
export class SetValidityCommand implements VoucherCommand {
  readonly voucher: number;
  readonly change: ValidityChange;

  constructor(voucher: number, change: ValidityChange) {
    this.voucher = voucher;
    this.change = change;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.vouchers.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const v = pickOf(m.vouchers, this.voucher);
    // The contract leaves open whether a voucher used down to zero may have its validity changed: where
    // "redeemed" is a state of its own it may not (the reference refuses), a card with nothing left is
    // still a card elsewhere. Not drawn, rather than judged one way (a refunded voucher was never used).
    if (!v || (usedUp(v) && v.used)) return;
    // The new end is absolute: without a voucher's dates the target's time is not known, nothing to send.
    if (r.epochMs === undefined) return;
    const { id, alias } = r.voucher(v.ref);
    const until =
      this.change === 'yesterday' ? m.now - 86_400 : v.expiresAt + this.change.extendDays * 86_400;
    const predicted = lifecycleRefusal(m, v, 'setValidity');
    reach(m, v, 'setValidity', predicted);
    r.say(
      this.change === 'yesterday'
        ? `When the back office ends the validity of voucher "${alias}" yesterday`
        : `When the back office extends the validity of voucher "${alias}" by ${this.change.extendDays} days`,
    );
    const answer = await r.call({
      operationId: 'setValidity',
      auth: { role: 'backoffice' },
      params: { id },
      body: { expiresAt: new Date(r.epochMs + until * 1000).toISOString() },
    });
    sayOutcome(r, 'the change of validity', predicted);
    expectAnswer(`setValidity V${v.ref + 1}`, answer, predicted);
    if (answer.completion !== 'ok') return;
    applyLifecycle(v, 'setValidity');
    v.expiresAt = dayRounded(until, answer.body.expiresAt, r.epochMs);
    expectNoMismatch(`setValidity V${v.ref + 1}`, viewMismatches(m, v, answer.body));
  }

  toString(): string {
    return `validity(V#${this.voucher}; ${this.change === 'yesterday' ? 'yesterday' : `+${this.change.extendDays}d`})`;
  }
}
