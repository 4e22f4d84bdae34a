import type { VoucherModel } from '../model/voucher-model.ts';
import type { TargetSession } from '../target-session.ts';
import { expectAnswer } from './expect-answer.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** Moves the target's clock and the model's together. */
export async function moveClock(m: VoucherModel, r: TargetSession, seconds: number): Promise<void> {
  const answer = await r.call({
    operationId: 'advanceTestClock',
    auth: { role: 'pos' },
    body: { advanceSeconds: seconds },
  });
  expectAnswer('advanceTestClock', answer, null);
  m.now += seconds;
}

/**
 * Moves the tenant's clock (test control) for LC-05 expiry and RD-04 hold expiry. Steps are multiples
 * of 120 s and every time-to-live and validity too, so real time passing during a run (far less than
 * 120 s) can never put the target on the other side of a boundary than the model.
 */
export class AdvanceClockCommand implements VoucherCommand {
  readonly seconds: number;

  constructor(seconds: number) {
    this.seconds = seconds;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.capabilities.has('test-control');

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const days = this.seconds % 86_400 === 0;
    r.say(days ? `When ${this.seconds / 86_400} day(s) pass(es)` : `When ${this.seconds} second(s) pass(es)`);
    await moveClock(m, r, this.seconds);
  }

  toString(): string {
    return `clock(+${this.seconds}s)`;
  }
}
