import type { VoucherState } from '../../../spec/schemas/voucher.ts';
import { viewMismatches } from '../model/view-mismatches.ts';
import { kindKey, newModelVoucher, type VoucherKind, type VoucherModel } from '../model/voucher-model.ts';
import { isNotClaimed } from '../not-claimed.ts';
import { moneyText } from '../render/money-text.ts';
import type { TargetSession } from '../target-session.ts';
import { expectAnswer, expectNoMismatch } from './expect-answer.ts';
import { identifiersOf } from './identifiers-of.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** The states a voucher may be arranged in (expired comes from the clock: its end must be the model's). */
export type ArrangedState = Exclude<VoucherState, 'expired'>;

/**
 * A voucher of a kind, worth its denomination, in a lifecycle state (activated unless asked otherwise),
 * arranged by the driver (the provider state 'voucher': the canonical driver arranges it through the
 * contract, an adapter however its system can; arrangement is never certified). Arranging a voucher
 * straight into any state lets a run try every operation from it (the lifecycle table, issue 16) without
 * a long chain of commands first. It is then read back with getVoucher, a core operation, whose answer
 * must be the voucher the model now holds. A kind or state the target cannot arrange adds no voucher:
 * `refused` says why, and the run goes on without it.
 */
export class ArrangeVoucherCommand implements VoucherCommand {
  readonly kind: VoucherKind;
  readonly denomination: number;
  readonly state: ArrangedState;
  /** Why the driver could not arrange it (CannotArrange), once run. */
  refused: string | undefined;

  constructor(kind: VoucherKind, denomination: number, state: ArrangedState = 'activated') {
    this.kind = kind;
    this.denomination = denomination;
    this.state = state;
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
    const article = /^[aeiou]/.test(this.state) ? 'an' : 'a';
    r.say(
      `Given ${article} ${this.state} voucher "${alias}" of type "${key}" worth ${moneyText(this.denomination, 'EUR')}`,
    );
    let voucherId: string;
    try {
      ({ voucherId } = await r.arrange('voucher', {
        type: { key, currency: 'EUR', ...this.kind },
        state: this.state,
        amount: { amount: this.denomination, currency: 'EUR' },
      }));
    } catch (error) {
      if (!isNotClaimed(error)) throw error;
      this.refused = error.message;
      return;
    }
    r.bind(alias, '.voucherId', voucherId);
    const v = arrangedVoucher(m, this.kind, this.denomination, this.state);
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
    const state = this.state === 'activated' ? '' : `; ${this.state}`;
    return `arrange(${kindKey(this.kind)}; ${this.denomination}${state})`;
  }
}

/**
 * The model's voucher as the provider state describes it: a redeemed one was used for its whole value,
 * so it is redeemed where LC-07 says so and an activated card with nothing left where top-ups keep it
 * open; a refunded one paid its value out (LC-08).
 */
function arrangedVoucher(m: VoucherModel, kind: VoucherKind, denomination: number, state: ArrangedState) {
  const v = newModelVoucher(m, kind, denomination, state);
  if (state === 'redeemed') {
    v.used = true;
    v.balance = 0;
    const open = kind.reusable && kind.topUpAllowed && kind.policy !== 'redeem-entire';
    v.state = open ? 'activated' : 'redeemed';
  } else if (state === 'refunded') v.balance = 0;
  return v;
}
