import assert from 'node:assert/strict';
import type { Static } from '@sinclair/typebox';
import type { LiabilityReport } from '../spec/schemas/reports.ts';
import { formatMoney, type Money } from './support/money.ts';
import { Given, Then } from './support/steps.ts';
import { arrangedType } from './support/voucher-setup.ts';
import type { VoucherWorld } from './support/world.ts';

/**
 * RP-03: the outstanding liability of the scenario's own voucher type (a type is arranged for each
 * scenario), never of the whole tenant, which other scenarios sharing it change at the same time.
 */
type Total = Static<typeof LiabilityReport>['totals'][number];
const readings = new WeakMap<VoucherWorld, Map<string, Total>>();

async function liabilityOf(world: VoucherWorld, typeAlias: string, currency: string): Promise<Total> {
  const type = await arrangedType(world, typeAlias);
  const voucherType = type.code ?? type.typeId;
  if (!voucherType) throw new Error(`voucher type ${typeAlias} was arranged without a code or an id`);
  const report = await world.must({
    operationId: 'reportLiability',
    query: { voucherType },
    auth: { role: 'backoffice' },
  });
  const others = report.totals.filter((t) => t.currency !== currency);
  assert.deepEqual(others, [], `the liability of voucher type ${typeAlias} is in ${currency} only`);
  return report.totals.find((t) => t.currency === currency) ?? { currency, amount: 0, vouchers: 0 };
}

const typeCurrency = (world: VoucherWorld, alias: string) => world.types.get(alias)?.params.currency ?? 'EUR';

Given(
  'the outstanding liability of voucher type {string} as it stands',
  async function (this: VoucherWorld, alias: string) {
    const noted = readings.get(this) ?? new Map<string, Total>();
    noted.set(alias, await liabilityOf(this, alias, typeCurrency(this, alias)));
    readings.set(this, noted);
  },
);

Then(
  'the outstanding liability of voucher type {string} is {money} over {int} voucher(s)',
  async function (this: VoucherWorld, alias: string, amount: Money, count: number) {
    const total = await liabilityOf(this, alias, amount.currency);
    assert.equal(formatMoney(total), formatMoney(amount), `the liability of voucher type ${alias}`);
    assert.equal(total.vouchers, count, `vouchers of type ${alias} with an outstanding balance`);
  },
);

Then(
  'since then the outstanding liability of voucher type {string} {word} by {money} and {int} voucher(s)',
  async function (this: VoucherWorld, alias: string, way: string, amount: Money, count: number) {
    if (way !== 'rose' && way !== 'fell') throw new Error(`"rose" or "fell", not "${way}"`);
    const before = readings.get(this)?.get(alias);
    if (!before)
      throw new Error(`read it first: "the outstanding liability of voucher type "${alias}" as it stands"`);
    const after = await liabilityOf(this, alias, amount.currency);
    const sign = way === 'rose' ? 1 : -1;
    const moved = { amount: sign * (after.amount - before.amount), currency: amount.currency };
    assert.equal(
      formatMoney(moved),
      formatMoney(amount),
      `what the liability of voucher type ${alias} ${way} by`,
    );
    assert.equal(sign * (after.vouchers - before.vouchers), count, `vouchers with an outstanding balance`);
  },
);
