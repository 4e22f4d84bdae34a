import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import { formatMoney, parseMoney } from './support/money.ts';
import { Then } from './support/steps.ts';
import { arrangedType } from './support/voucher-setup.ts';
import type { VoucherWorld } from './support/world.ts';

const office = { role: 'backoffice' } as const;

/** RP-01. Columns: voucher, type, state, denomination, balance. */
Then('the voucher report lists:', async function (this: VoucherWorld, table: DataTable) {
  const report = await this.must({ operationId: 'reportVouchers', query: { limit: 1000 }, auth: office });
  for (const row of table.hashes()) {
    const id = this.voucherId(row.voucher ?? '');
    const item = report.items.find((i) => i.voucherId === id);
    assert.ok(item, `voucher ${row.voucher} is not in the report`);
    const voucher = await this.readVoucher(row.voucher ?? '');
    assert.equal(item.number, voucher.number, 'number');
    const type = await arrangedType(this, row.type ?? '');
    assert.ok(
      item.voucherType === type.code || item.voucherType === type.typeId,
      `type: ${item.voucherType}`,
    );
    assert.equal(item.state, row.state, 'state');
    assert.equal(
      formatMoney(item.denomination),
      formatMoney(parseMoney(row.denomination ?? '')),
      'denomination',
    );
    assert.equal(formatMoney(item.balance), formatMoney(parseMoney(row.balance ?? '')), 'balance');
  }
});

const periodShape: Record<string, RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};

/** RP-02. Columns: group (or "all"), issued, sold, used, returned; counts summed over the periods. */
Then(
  'the activity report per {word} by {word} counts:',
  async function (this: VoucherWorld, period: string, groupBy: string, table: DataTable) {
    const query = groupBy === 'nothing' ? { period } : { period, groupBy };
    const report = await this.must({
      operationId: 'reportActivity',
      query: query as { period: 'day' },
      auth: office,
    });
    for (const row of report.rows)
      assert.match(row.period, periodShape[period] ?? /./, `period label ${row.period}`);
    for (const want of table.hashes()) {
      const rows = report.rows.filter((r) => want.group === 'all' || r.group === want.group);
      const sum = (k: 'issued' | 'sold' | 'used' | 'returned') => rows.reduce((n, r) => n + r[k], 0);
      const got = { issued: sum('issued'), sold: sum('sold'), used: sum('used'), returned: sum('returned') };
      const expected = {
        issued: Number(want.issued),
        sold: Number(want.sold),
        used: Number(want.used),
        returned: Number(want.returned),
      };
      assert.deepEqual(got, expected, `activity of ${want.group} per ${period}`);
    }
  },
);

/** RP-03. */
Then(
  'the outstanding liability in {word} is {string} over {int} voucher(s)',
  async function (this: VoucherWorld, currency: string, amount: string, count: number) {
    const report = await this.must({ operationId: 'reportLiability', auth: office });
    const total = report.totals.find((t) => t.currency === currency) ?? { amount: 0, vouchers: 0, currency };
    assert.equal(formatMoney(total), formatMoney(parseMoney(`${amount} ${currency}`)), 'liability');
    assert.equal(total.vouchers, count, 'vouchers with an outstanding balance');
  },
);

/** RP-04. Rows: voucher, voucher amount, receipt amount, products, store, register, channel. */
Then(
  'the uses report shows the payment on receipt {string}:',
  async function (this: VoucherWorld, receipt: string, table: DataTable) {
    const want = table.rowsHash();
    const report = await this.must({ operationId: 'reportUses', query: {}, auth: office });
    const item = report.items.find((i) => i.receiptNumber === receipt);
    assert.ok(item, `no use on receipt ${receipt} in the report`);
    assert.ok(!Number.isNaN(Date.parse(item.at)), 'the use has a date');
    if (want.voucher) {
      assert.equal(item.voucherId, this.voucherId(want.voucher));
      assert.equal(item.number, (await this.readVoucher(want.voucher)).number);
    }
    if (want['voucher amount'])
      assert.equal(formatMoney(item.voucherAmount), formatMoney(parseMoney(want['voucher amount'])));
    if (want['receipt amount']) {
      assert.ok(item.receiptAmount, 'the receipt amount is missing');
      assert.equal(formatMoney(item.receiptAmount), formatMoney(parseMoney(want['receipt amount'])));
    }
    if (want.products) assert.deepEqual([...item.products].sort(), want.products.split(/,\s*/).sort());
    if (want.store) assert.equal(item.store, want.store);
    if (want.register) assert.equal(item.register, want.register);
    if (want.channel) assert.equal(item.channel, want.channel);
  },
);
