import type { VoucherModel } from '../model/voucher-model.ts';
import { answerText, type TargetSession } from '../target-session.ts';
import { ModelMismatch } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import type { VoucherCommand } from './voucher-command.ts';

/**
 * RD-06 after the state changed: an earlier money request (a payment, hold, capture, release, refund or
 * top-up, accepted or refused) sent again, later, with its Idempotency-Key and the same body, as a
 * register does that learns late that its answer was lost. It must get the first answer again (the same
 * id, or the same refusal) and move nothing, whatever happened in between: a refusal is replayed even
 * once the voucher could pay. The model does not change.
 */
export class ResendCommand implements VoucherCommand {
  readonly earlier: number;
  /** Among the refused requests only: a refusal replayed after the state changed is the rare case. */
  readonly refused: boolean;

  constructor(earlier: number, refused: boolean) {
    this.earlier = earlier;
    this.refused = refused;
  }

  check = (_m: Readonly<VoucherModel>): boolean => true;

  async run(_m: VoucherModel, r: TargetSession): Promise<void> {
    const sent = pickOf(this.refused ? r.sent.filter((s) => s.refused) : r.sent, this.earlier);
    if (!sent) return;
    const what = sent.operation.operationId;
    r.say(`When the ${what} request answered "${sent.answer}" is sent again with the same idempotency key`);
    const again = await r.call({ ...sent.operation, idempotencyKey: sent.key });
    r.say('Then the answer is the first one again');
    // An answer lost again says nothing either way.
    if (again.completion === 'info') return;
    const replay = answerText(again);
    if (replay !== sent.answer)
      throw new ModelMismatch(
        `${what} resent with its Idempotency-Key (same request): answered ${replay}, the first answer was ${sent.answer}`,
      );
  }

  toString(): string {
    return `resend(${this.refused ? 'refused ' : ''}#${this.earlier})`;
  }
}
