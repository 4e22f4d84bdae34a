import type { Redemption } from '../../../spec/schemas/redemption.ts';
import type { takeMoney } from '../model/take-money.ts';
import { viewMismatches } from '../model/view-mismatches.ts';
import { type VoucherModel, voucherOf } from '../model/voucher-model.ts';
import { moneyText } from '../render/money-text.ts';
import type { TargetSession } from '../target-session.ts';
import { expectNoMismatch, ModelMismatch } from './expect-answer.ts';
import { identifiersOf } from './identifiers-of.ts';

/**
 * Checks a redemption answer against what the model took (amount, balance after, the remainder voucher
 * under redeem-entire) and records the target's ids for the new redemption and remainder.
 */
export function checkRedemption(
  m: VoucherModel,
  r: TargetSession,
  taken: ReturnType<typeof takeMoney>,
  body: Redemption,
): void {
  const v = voucherOf(m, taken.redemption.voucher);
  const name = `P${taken.redemption.ref + 1}`;
  r.redemptions.push({ id: body.id });
  r.bind(name, '.id', body.id);
  r.say(`And voucher "${r.voucher(v.ref).alias}" has a balance of ${moneyText(v.balance, v.currency)}`);
  const differences: string[] = [];
  if (body.amount.amount !== taken.redemption.amount)
    differences.push(`amount: expected ${taken.redemption.amount}, got ${body.amount.amount}`);
  // Optional in the contract: compared when the system gives it.
  if (body.balanceAfter !== undefined && body.balanceAfter.amount !== v.balance)
    differences.push(`balanceAfter: expected ${v.balance}, got ${body.balanceAfter.amount}`);
  expectNoMismatch(`redemption ${name}`, differences);
  if (!taken.remainder) {
    if (body.remainderVoucher) throw new ModelMismatch(`redemption ${name}: unexpected remainder voucher`);
    return;
  }
  if (!body.remainderVoucher) throw new ModelMismatch(`redemption ${name}: no remainder voucher`);
  const rv = body.remainderVoucher;
  const alias = `V${taken.remainder.ref + 1}`;
  r.vouchers.push({
    id: rv.id,
    alias,
    identifiers: identifiersOf(rv),
  });
  r.bind(alias, '.remainderVoucher.id', rv.id);
  r.say(
    `And the payment leaves a remainder voucher "${alias}" of ${moneyText(taken.remainder.balance, v.currency)}`,
  );
  expectNoMismatch(`remainder ${alias}`, viewMismatches(m, taken.remainder, rv));
}
