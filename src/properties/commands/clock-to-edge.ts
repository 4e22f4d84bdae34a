import type { VoucherModel } from '../model/voucher-model.ts';
import type { TargetSession } from '../target-session.ts';
import { moveClock } from './advance-clock.ts';
import { pickOf } from './pick.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** Where the clock stops beside an end: two minutes before it, or two minutes after. */
export type EdgeSide = 'before' | 'after';

/** The margin on each side of an end: more than real time can add during a run, so never crossed by it. */
const margin = 120;

/**
 * LC-05 and RD-04 at their boundaries: moves the tenant's clock to two minutes before or after the end of
 * a voucher's validity or of an open hold's time-to-live, so both sides of every end are tried and the
 * commands after it meet the voucher just valid or just expired (a rare point for clock moves of fixed
 * sizes). An end already passed, or not two minutes away, moves nothing.
 */
export class ClockToEdgeCommand implements VoucherCommand {
  readonly target: number;
  readonly of: 'validity' | 'hold';
  readonly side: EdgeSide;

  constructor(target: number, of: 'validity' | 'hold', side: EdgeSide) {
    this.target = target;
    this.of = of;
    this.side = side;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.capabilities.has('test-control');

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const end =
      this.of === 'validity'
        ? pickOf(m.vouchers, this.target)?.expiresAt
        : pickOf(
            m.holds.filter((h) => h.status === 'open' && h.expiresAt > m.now),
            this.target,
          )?.expiresAt;
    if (end === undefined) return;
    const seconds = Math.ceil(end - m.now + (this.side === 'after' ? margin : -margin));
    if (seconds <= 0) return;
    const what = this.of === 'validity' ? 'the end of validity of a voucher' : 'the end of a hold';
    r.say(
      `When the clock moves to ${this.side === 'after' ? 'two minutes after' : 'two minutes before'} ${what}`,
    );
    await moveClock(m, r, seconds);
    m.reached.add(`edge:${this.of}:${this.side}`);
  }

  toString(): string {
    return `clock(${this.side} ${this.of === 'validity' ? 'V' : 'H'}#${this.target} ends)`;
  }
}
