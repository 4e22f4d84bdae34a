import { releaseRefusal } from '../model/spend-rules.ts';
import type { VoucherModel } from '../model/voucher-model.ts';
import type { TargetSession } from '../target-session.ts';
import { expectAnswer, expectNoMismatch } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** RD-02: release a hold: nothing moves, the voucher is exactly as before the hold. */
export class ReleaseCommand implements VoucherCommand {
  readonly hold: number;

  constructor(hold: number) {
    this.hold = hold;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.holds.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const h = pickOf(m.holds, this.hold);
    if (!h) return;
    const { id, actor } = r.hold(h.ref);
    const predicted = releaseRefusal(m, h);
    r.say(`When ${actor} releases the hold`);
    const answer = await r.call({
      operationId: 'releaseHold',
      auth: { role: 'pos' },
      params: { id },
      body: {},
    });
    sayOutcome(r, 'the release', predicted);
    expectAnswer(`releaseHold H${h.ref + 1}`, answer, predicted);
    if (answer.completion !== 'ok') return;
    h.status = 'released';
    const status = answer.body.status;
    expectNoMismatch(
      `release H${h.ref + 1}`,
      status === 'released' ? [] : [`status: expected released, got ${status}`],
    );
  }

  toString(): string {
    return `release(H#${this.hold})`;
  }
}
