import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import type { Static } from '@sinclair/typebox';
import type { UsesReport, VoucherReport } from '../spec/schemas/reports.ts';
import { formatMoney, parseMoney } from './support/money.ts';
import { Then } from './support/steps.ts';
import { arrangedType } from './support/voucher-setup.ts';
import type { VoucherWorld } from './support/world.ts';

/**
 * RP-01 and RP-04, read for the scenario's own vouchers only: a tenant shared with other scenarios holds
 * many more, and they change while this one runs.
 */
const office = { role: 'backoffice' } as const;
type VoucherRow = Static<typeof VoucherReport>['items'][number];
type Use = Static<typeof UsesReport>['items'][number];

/** Pages the voucher report can be asked for before a voucher counts as missing: a million vouchers. */
const maxPages = 1000;

/** The voucher report's row of each voucher id asked for, page after page until all are found. */
async function voucherRows(world: VoucherWorld, ids: ReadonlySet<string>): Promise<Map<string, VoucherRow>> {
  const found = new Map<string, VoucherRow>();
  let after: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const report = await world.must({
      operationId: 'reportVouchers',
      query: after === undefined ? { limit: 1000 } : { limit: 1000, after },
      auth: office,
    });
    for (const item of report.items) if (ids.has(item.voucherId)) found.set(item.voucherId, item);
    if (found.size === ids.size || !report.next || report.next === after) break;
    after = report.next;
  }
  return found;
}

/** RP-01. Columns: voucher, type, state, denomination, balance. */
Then('the voucher report lists:', async function (this: VoucherWorld, table: DataTable) {
  const rows = table.hashes();
  const report = await voucherRows(this, new Set(rows.map((row) => this.voucherId(row.voucher ?? ''))));
  for (const row of rows) {
    const item = report.get(this.voucherId(row.voucher ?? ''));
    assert.ok(item, `voucher ${row.voucher} is not in the report`);
    const voucher = await this.readVoucher(row.voucher ?? '');
    if (voucher.number !== undefined) assert.equal(item.number, voucher.number, `number of ${row.voucher}`);
    const type = await arrangedType(this, row.type ?? '');
    assert.ok(
      item.voucherType === type.code || item.voucherType === type.typeId,
      `type of ${row.voucher}: ${item.voucherType}`,
    );
    assert.equal(item.state, row.state, `state of ${row.voucher}`);
    const money = (m: { amount: number; currency: string }) => formatMoney(m);
    assert.equal(
      money(item.denomination),
      money(parseMoney(row.denomination ?? '')),
      `denomination of ${row.voucher}`,
    );
    assert.equal(money(item.balance), money(parseMoney(row.balance ?? '')), `balance of ${row.voucher}`);
  }
});

/** The uses of one voucher the scenario named, as the uses report lists them. */
async function usesOf(world: VoucherWorld, voucherId: string): Promise<Use[]> {
  const report = await world.must({ operationId: 'reportUses', query: { voucherId }, auth: office });
  const strangers = report.items.filter((i) => i.voucherId !== voucherId);
  assert.deepEqual(
    strangers.map((i) => i.voucherId),
    [],
    'uses of other vouchers in a report of one voucher',
  );
  return report.items;
}

/** How far from the check a use may be dated: it happened during the scenario, moments ago. */
const dateTolerance = 3_600_000;

/** RP-04. Rows: voucher, voucher amount, receipt amount, refunded, products, store, register, channel. */
Then(
  'the uses report shows the payment on receipt {string}:',
  async function (this: VoucherWorld, receipt: string, table: DataTable) {
    const want = table.rowsHash();
    const payment = this.payments.get(receipt);
    if (!payment) throw new Error(`no payment on receipt "${receipt}" in this scenario`);
    const uses = (await usesOf(this, payment.voucherId)).filter((i) => i.receiptNumber === receipt);
    assert.equal(uses.length, 1, `uses on receipt ${receipt} in the report`);
    const item = uses[0] as Use;
    const at = Date.parse(item.at);
    assert.ok(Math.abs(at - Date.now()) < dateTolerance, `the use is dated now, not ${item.at}`);
    if (want.voucher) {
      assert.equal(item.voucherId, this.voucherId(want.voucher));
      const number = (await this.readVoucher(want.voucher)).number;
      if (number !== undefined) assert.equal(item.number, number, 'voucher number');
    }
    const money = (text: string) => formatMoney(parseMoney(text));
    if (want['voucher amount'])
      assert.equal(formatMoney(item.voucherAmount), money(want['voucher amount']), 'voucher amount');
    if (want['receipt amount']) {
      assert.ok(item.receiptAmount, 'the receipt amount is missing');
      assert.equal(formatMoney(item.receiptAmount), money(want['receipt amount']), 'receipt amount');
    }
    if (want.refunded) assert.equal(formatMoney(item.refunded), money(want.refunded), 'refunded');
    if (want.products) assert.deepEqual([...item.products].sort(), want.products.split(/,\s*/).sort());
    if (want.store) assert.equal(item.store, want.store, 'store');
    if (want.register) assert.equal(item.register, want.register, 'register');
    if (want.channel) assert.equal(item.channel, want.channel, 'channel');
  },
);

/** RP-04: every use of the voucher is listed, and only its uses. */
Then(
  'the uses report lists {int} use(s) of voucher {string}',
  async function (this: VoucherWorld, count: number, alias: string) {
    const uses = await usesOf(this, this.voucherId(alias));
    assert.equal(
      uses.length,
      count,
      `uses of voucher ${alias}: ${uses.map((u) => u.receiptNumber).join(', ')}`,
    );
  },
);

const dayMs = 86_400_000;

/**
 * RP-04 over a period: the uses report of one voucher asked `from` (or `to`) a moment some days after
 * a use the scenario made, that use's moment being the one the report itself gives it (the target's
 * clock, not the harness's). Lists the receipts of the uses it answers.
 */
async function receiptsOfPeriod(
  world: VoucherWorld,
  alias: string,
  bound: 'from' | 'to',
  days: number,
  receipt: string,
): Promise<{ at: string; receipts: string[] }> {
  const voucherId = world.voucherId(alias);
  const anchor = (await usesOf(world, voucherId)).find((u) => u.receiptNumber === receipt);
  assert.ok(anchor, `no use on receipt ${receipt} in the uses report of voucher ${alias}`);
  const at = new Date(Date.parse(anchor.at) + days * dayMs).toISOString();
  const report = await world.must({
    operationId: 'reportUses',
    query: { voucherId, [bound]: at },
    auth: office,
  });
  return { at, receipts: report.items.map((i) => i.receiptNumber) };
}

for (const [words, bound] of [
  ['from', 'from'],
  ['up to', 'to'],
] as const) {
  /** RP-04: a report asked for a period lists the uses made in it, and no use outside it. */
  Then(
    `the uses report of voucher {string} ${words} {int} day(s) after the use on receipt {string} lists only receipt {string}`,
    async function (this: VoucherWorld, alias: string, days: number, receipt: string, only: string) {
      const { at, receipts } = await receiptsOfPeriod(this, alias, bound, days, receipt);
      assert.deepEqual(
        receipts,
        [only],
        `the uses report of voucher ${alias} ${words} ${at} (query ${bound}) lists ${receipts.join(', ') || 'no use'}; only the use on receipt ${only} was made in that period`,
      );
    },
  );
}
