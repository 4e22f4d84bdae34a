import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ActivityReading,
  type ActivityRow,
  assertChangedPeriods,
  assertLabels,
  countsSince,
  periodLabel,
} from '../../steps/support/activity-counts.ts';

const row = (period: string, group: string | null, counts: Partial<ActivityRow> = {}): ActivityRow => ({
  period,
  group,
  issued: 0,
  sold: 0,
  used: 0,
  returned: 0,
  ...counts,
});
const at = Date.parse('2026-04-01T00:30:00Z');
const reading = (rows: ActivityRow[], time = at): ActivityReading => ({
  rows,
  askedAt: time,
  answeredAt: time,
});

describe('RP-02 as the steps read it: what a group grew by, in which periods', () => {
  it('labels the period of an instant in UTC', () => {
    assert.deepEqual(
      (['day', 'month', 'quarter', 'year'] as const).map((p) => periodLabel(p, at)),
      ['2026-04-01', '2026-04', '2026-Q2', '2026'],
    );
    assert.equal(periodLabel('quarter', Date.parse('2026-03-31T23:59:59Z')), '2026-Q1');
    assert.equal(periodLabel('quarter', Date.parse('2026-12-31T12:00:00Z')), '2026-Q4');
  });

  it('refuses a label of another shape', () => {
    assert.doesNotThrow(() => assertLabels('quarter', [row('2026-Q2', null)]));
    assert.throws(() => assertLabels('quarter', [row('2026-04', null)]), /label of a quarter/);
    assert.throws(() => assertLabels('day', [row('2026-4-1', null)]), /label of a day/);
  });

  it('sums a group over every period and ignores the other groups', () => {
    const before = reading([row('2026-03', 'N', { sold: 2 }), row('2026-04', 'S', { sold: 5 })]);
    const after = reading([
      row('2026-03', 'N', { sold: 2 }),
      row('2026-04', 'N', { sold: 1, used: 3 }),
      row('2026-04', 'S', { sold: 9, returned: 1 }),
    ]);
    assert.deepEqual(countsSince(before, after, 'N'), { issued: 0, sold: 1, used: 3, returned: 0 });
    assert.deepEqual(countsSince(before, after, 'S'), { issued: 0, sold: 4, used: 0, returned: 1 });
  });

  it('accepts a change in the period of the scenario in any time zone, and not in another', () => {
    const before = reading([]);
    const here = (label: string) => reading([row(label, 'N', { used: 1 })]);
    // 00:30 UTC on 1 April is still 31 March (Q1) west of UTC.
    for (const label of ['2026-04-01', '2026-03-31'])
      assert.doesNotThrow(() => assertChangedPeriods('day', before, here(label), 'N'));
    assert.doesNotThrow(() => assertChangedPeriods('quarter', before, here('2026-Q1'), 'N'));
    assert.throws(() => assertChangedPeriods('day', before, here('2026-04-03'), 'N'), /outside the days/);
    assert.throws(
      () => assertChangedPeriods('quarter', before, here('2026-Q3'), 'N'),
      /outside the quarters/,
    );
    assert.throws(() => assertChangedPeriods('year', before, here('2025'), 'N'), /outside the years/);
  });

  it('does not judge the periods where the group did not change', () => {
    const old = row('2020-01-01', 'N', { sold: 4 });
    assert.doesNotThrow(() => assertChangedPeriods('day', reading([old]), reading([old]), 'N'));
    const empty = row('2020-01-02', 'N');
    assert.doesNotThrow(() => assertChangedPeriods('day', reading([]), reading([empty]), 'N'));
  });
});
