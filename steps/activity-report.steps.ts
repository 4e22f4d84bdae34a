import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import {
  type ActivityReading,
  assertChangedPeriods,
  assertLabels,
  type Counts,
  countNames,
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
