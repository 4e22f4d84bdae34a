import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import {
  type ActivityReading,
  assertChangedPeriods,
  assertLabels,
  type Counts,
  countNames,
  countsOf,
  countsSince,
  type Period,
  periodOf,
} from './support/activity-counts.ts';
import { type Dimension, dimensions, groupCode } from './support/places.ts';
import { Given, Then } from './support/steps.ts';
import type { VoucherWorld } from './support/world.ts';

/**
 * RP-02: vouchers issued, sold, used and returned per period, by store, register and legal entity. The
 * scenario reads the report before it acts and compares what it grew by in the groups the scenario
 * named (stores, registers and legal entities of its own): never the tenant's totals, which other
 * scenarios sharing the tenant change at the same time.
 */
const readings = new WeakMap<VoucherWorld, Map<string, ActivityReading>>();

async function readActivity(world: VoucherWorld, period: Period, dimension: Dimension) {
  const askedAt = Date.now();
  const report = await world.must({
    operationId: 'reportActivity',
    query: { period, groupBy: dimensions[dimension] },
    auth: { role: 'backoffice' },
  });
  const reading: ActivityReading = { rows: report.rows, askedAt, answeredAt: Date.now() };
  assertLabels(period, reading.rows);
  return reading;
}

Given(
  'the activity per {word} by store, register and legal entity as it stands',
  async function (this: VoucherWorld, periodText: string) {
    const period = periodOf(periodText);
    const noted = new Map<string, ActivityReading>();
    for (const dimension of Object.keys(dimensions) as Dimension[])
      noted.set(`${period} by ${dimension}`, await readActivity(this, period, dimension));
    readings.set(this, noted);
  },
);

/** Columns: the dimension (store, register as "POS 1 of NORTH", legal entity), issued, sold, used, returned. */
Then(
  'since then the activity per {word} by {dimension} counts:',
  async function (this: VoucherWorld, periodText: string, dimension: Dimension, table: DataTable) {
    const period = periodOf(periodText);
    const before = readings.get(this)?.get(`${period} by ${dimension}`);
    if (!before)
      throw new Error(
        `read it first: "the activity per ${period} by store, register and legal entity as it stands"`,
      );
    const after = await readActivity(this, period, dimension);
    for (const row of table.hashes()) {
      const name = row[dimension] ?? '';
      const group = groupCode(this, dimension, name);
      const expected = Object.fromEntries(countNames.map((n) => [n, Number(row[n])])) as Counts;
      assert.deepEqual(
        countsSince(before, after, group),
        expected,
        `what the activity of ${dimension} ${name} per ${period} grew by`,
      );
      assertChangedPeriods(period, before, after, group);
    }
  },
);

const dayMs = 86_400_000;

/** The moment of a use the scenario made, as the target itself dates it (its uses report). */
async function useMoment(world: VoucherWorld, receipt: string): Promise<number> {
  const payment = world.payments.get(receipt);
  if (!payment) throw new Error(`no payment on receipt "${receipt}" in this scenario`);
  const report = await world.must({
    operationId: 'reportUses',
    query: { voucherId: payment.voucherId },
    auth: { role: 'backoffice' },
  });
  const use = report.items.find((i) => i.receiptNumber === receipt);
  assert.ok(use, `no use on receipt ${receipt} in the uses report of its voucher`);
  return Date.parse(use.at);
}

for (const [words, bound] of [
  ['from', 'from'],
  ['up to', 'to'],
] as const) {
  /**
   * RP-02 over a period: the activity asked `from` (or `to`) a moment some days after a use the scenario
   * made counts what was done in that period only, in the groups the table names (the columns given).
   */
  Then(
    `the activity per {word} by {dimension} ${words} {int} day(s) after the use on receipt {string} counts:`,
    async function (
      this: VoucherWorld,
      periodText: string,
      dimension: Dimension,
      days: number,
      receipt: string,
      table: DataTable,
    ) {
      const period = periodOf(periodText);
      const at = new Date((await useMoment(this, receipt)) + days * dayMs).toISOString();
      const report = await this.must({
        operationId: 'reportActivity',
        query: { period, groupBy: dimensions[dimension], [bound]: at },
        auth: { role: 'backoffice' },
      });
      assertLabels(period, report.rows);
      for (const row of table.hashes()) {
        const name = row[dimension] ?? '';
        const counts = countsOf(report.rows, groupCode(this, dimension, name));
        const asked = countNames.filter((n) => row[n] !== undefined);
        assert.deepEqual(
          Object.fromEntries(asked.map((n) => [n, counts[n]])),
          Object.fromEntries(asked.map((n) => [n, Number(row[n])])),
          `the activity of ${dimension} ${name} per ${period} ${words} ${at} (query ${bound})`,
        );
      }
    },
  );
}

/** RP-02 without `groupBy`: the tenant's activity per period, every row for the whole tenant (no group). */
Then(
  'the activity per {word} without grouping counts in no group',
  async function (this: VoucherWorld, periodText: string) {
    const period = periodOf(periodText);
    const report = await this.must({
      operationId: 'reportActivity',
      query: { period },
      auth: { role: 'backoffice' },
    });
    assertLabels(period, report.rows);
    assert.ok(report.rows.length > 0, 'no row in the activity of a tenant that sold a voucher');
    assert.deepEqual(
      report.rows.filter((r) => r.group !== null).map((r) => r.group),
      [],
      `groups in the activity per ${period} asked without grouping`,
    );
  },
);
