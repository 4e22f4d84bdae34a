import type { IdentifierKind } from '../../../spec/capabilities.ts';
import { viewMismatches } from '../model/view-mismatches.ts';
import type { VoucherModel } from '../model/voucher-model.ts';
import type { TargetSession } from '../target-session.ts';
import { expectAnswer, expectNoMismatch, ModelMismatch } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import { cashier } from './receipt-for.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** LC-02: any identifier finds the voucher, as the model says it is now; an unknown one finds nothing. */
export class LookupCommand implements VoucherCommand {
  readonly voucher: number;
  readonly by: IdentifierKind;
  /** Look up a value no voucher has (the identifier with a suffix): not_found. */
  readonly unknown: boolean;

  constructor(voucher: number, by: IdentifierKind, unknown: boolean) {
    this.voucher = voucher;
    this.by = by;
    this.unknown = unknown;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.vouchers.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const v = pickOf(m.vouchers, this.voucher);
    if (!v) return;
    const known = r.voucher(v.ref);
    // Identifiers are known when the target claims them (generated only then) and gave them.
    if (!known.identifiers) return;
    const value = this.unknown ? `${known.identifiers[this.by]}X9` : known.identifiers[this.by];
    r.say(
      this.unknown
        ? `When ${cashier(1)} looks up the ${this.by} "${value}"`
        : `When ${cashier(1)} looks up voucher "${known.alias}" by its ${this.by}`,
    );
    const answer = await r.call({
      operationId: 'lookupVoucher',
      auth: { role: 'pos' },
      query: { [this.by]: value },
    });
    const predicted = this.unknown ? 'not_found' : null;
    sayOutcome(r, 'the lookup', predicted);
    expectAnswer(`lookup ${this.by} of V${v.ref + 1}`, answer, predicted);
    if (answer.completion !== 'ok') return;
    if (answer.body.id !== known.id) {
      throw new ModelMismatch(`lookup ${this.by} of V${v.ref + 1}: found ${answer.body.id}, not ${known.id}`);
    }
    r.say(`And the lookup finds voucher "${known.alias}"`);
    expectNoMismatch(`lookup of V${v.ref + 1}`, viewMismatches(m, v, answer.body));
  }

  toString(): string {
    return `lookup(V#${this.voucher}; ${this.by}${this.unknown ? '; unknown' : ''})`;
  }
}
