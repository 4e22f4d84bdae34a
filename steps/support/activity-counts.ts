import assert from 'node:assert/strict';
import type { Static } from '@sinclair/typebox';
import type { ActivityReport } from '../../spec/schemas/reports.ts';

export type ActivityRow = Static<typeof ActivityReport>['rows'][number];
export const countNames = ['issued', 'sold', 'used', 'returned'] as const;
export type Counts = Record<(typeof countNames)[number], number>;

/** One reading of the activity report: its rows, and the harness's clock around the request. */
export interface ActivityReading {
  rows: ActivityRow[];
  askedAt: number;
  answeredAt: number;
}

const shapes = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
} as const;
export type Period = keyof typeof shapes;

export function periodOf(text: string): Period {
  if (!(text in shapes)) throw new Error(`unknown period "${text}" (${Object.keys(shapes).join(', ')})`);
  return text as Period;
}

/** The label of the period (UTC) that contains the instant: 2026-11-23, 2026-11, 2026-Q4, 2026. */
export function periodLabel(period: Period, at: number): string {
  const iso = new Date(at).toISOString();
  if (period === 'day') return iso.slice(0, 10);
  if (period === 'month') return iso.slice(0, 7);
  if (period === 'year') return iso.slice(0, 4);
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Every row's period is labelled as the contract says for the period asked. */
export function assertLabels(period: Period, rows: readonly ActivityRow[]): void {
  for (const row of rows) assert.match(row.period, shapes[period], `the label of a ${period}: ${row.period}`);
}

/** A group's counts summed over every period. */
export function countsOf(rows: readonly ActivityRow[], group: string): Counts {
  const counts: Counts = { issued: 0, sold: 0, used: 0, returned: 0 };
  for (const row of rows.filter((r) => r.group === group))
    for (const name of countNames) counts[name] += row[name];
  return counts;
}

/** What the group's counts grew by from one reading to the next. */
export function countsSince(before: ActivityReading, after: ActivityReading, group: string): Counts {
  const [from, to] = [countsOf(before.rows, group), countsOf(after.rows, group)];
  return {
    issued: to.issued - from.issued,
    sold: to.sold - from.sold,
    used: to.used - from.used,
    returned: to.returned - from.returned,
  };
}

/** A system may count its days in its own time zone: anything from UTC-12 to UTC+14. */
const anyZone = { before: 12 * 3_600_000, after: 14 * 3_600_000 };

/**
 * The periods in which the group's counts changed between the readings are those the scenario acted in:
 * between the period of the first reading and that of the second, in any time zone. A row that appeared
 * with nothing counted in it changed nothing.
 */
export function assertChangedPeriods(
  period: Period,
  before: ActivityReading,
  after: ActivityReading,
  group: string,
): void {
  const earliest = periodLabel(period, before.askedAt - anyZone.before);
  const latest = periodLabel(period, after.answeredAt + anyZone.after);
  const old = new Map(before.rows.filter((r) => r.group === group).map((r) => [r.period, r]));
  const none = { issued: 0, sold: 0, used: 0, returned: 0 };
  for (const row of after.rows.filter((r) => r.group === group)) {
    const was = old.get(row.period) ?? none;
    if (countNames.every((n) => was[n] === row[n])) continue;
    assert.ok(
      row.period >= earliest && row.period <= latest,
      `the activity of ${group} was counted in ${row.period}, outside the ${period}s of the scenario (${earliest} to ${latest})`,
    );
  }
}
