import { viewMismatches } from '../model/view-mismatches.ts';
import { kindKey, newModelVoucher, type VoucherKind, type VoucherModel } from '../model/voucher-model.ts';
import { isNotClaimed } from '../not-claimed.ts';
import { moneyText } from '../render/money-text.ts';
import type { TargetSession } from '../target-session.ts';
import { expectAnswer, expectNoMismatch } from './expect-answer.ts';
import { identifiersOf } from './identifiers-of.ts';
import type { VoucherCommand } from './voucher-command.ts';

/**
 * An activated voucher of a kind, worth its denomination, arranged by the driver (the provider state
 * 'voucher': the canonical driver arranges it through the contract, an adapter however its system can;
 * arrangement is never certified). It is then read back with getVoucher, a core operation, whose answer
 * must be the voucher the model now holds. A kind the target cannot arrange adds no voucher: `refused`
 * says why, and the run goes on without it.
 */
export class ArrangeVoucherCommand implements VoucherCommand {
  readonly kind: VoucherKind;
  readonly denomination: number;
  /** Why the driver could not arrange it (CannotArrange), once run. */
  refused: string | undefined;

  constructor(kind: VoucherKind, denomination: number) {
    this.kind = kind;
    this.denomination = denomination;
  }

  check = (): boolean => true;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const { key, fresh } = r.typeKey(kindKey(this.kind));
    const alias = `V${m.vouchers.length + 1}`;
    if (fresh) {
      r.say(`Given a voucher type "${key}" with:`);
      r.say(`  | policy           | ${this.kind.policy} |`);
      r.say(`  | reusable         | ${this.kind.reusable ? 'yes' : 'no'} |`);
      r.say(`  | top-up           | ${this.kind.topUpAllowed ? 'yes' : 'no'} |`);
      r.say(`  | validity days    | ${this.kind.validityDays} |`);
      r.say(`  | hold ttl seconds | ${this.kind.holdTtlSeconds} |`);
    }
    r.say(
      `Given an activated voucher "${alias}" of type "${key}" worth ${moneyText(this.denomination, 'EUR')}`,
    );
    let voucherId: string;
    try {
      ({ voucherId } = await r.arrange('voucher', {
        type: { key, currency: 'EUR', ...this.kind },
        state: 'activated',
        amount: { amount: this.denomination, currency: 'EUR' },
      }));
    } catch (error) {
      if (!isNotClaimed(error)) throw error;
      this.refused = error.message;
      return;
    }
    r.bind(alias, '.voucherId', voucherId);
    const v = newModelVoucher(m, this.kind, this.denomination, 'activated');
    m.vouchers.push(v);
    const known: TargetSession['vouchers'][number] = { id: voucherId, alias };
    r.vouchers.push(known);
    const answer = await r.call({
      operationId: 'getVoucher',
      auth: { role: 'pos' },
      params: { id: voucherId },
    });
    expectAnswer(`getVoucher ${alias}`, answer, null);
    if (answer.completion !== 'ok') return;
    expectNoMismatch(`voucher ${alias} as arranged`, viewMismatches(m, v, answer.body));
    if (r.capabilities.has('identifiers')) known.identifiers = identifiersOf(answer.body);
    const issuedAt = Date.parse(answer.body.issuedAt ?? '');
    const expiresAt = Date.parse(answer.body.expiresAt ?? '');
    if (Number.isFinite(issuedAt)) r.epochMs ??= issuedAt - m.now * 1000;
    else if (Number.isFinite(expiresAt)) r.epochMs ??= expiresAt - v.expiresAt * 1000;
  }

  toString(): string {
    return `arrange(${kindKey(this.kind)}; ${this.denomination})`;
  }
}
