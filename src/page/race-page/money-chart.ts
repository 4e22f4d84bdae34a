import type { Report } from '../../checkers/compose.ts';
import type { FinalLedgers } from '../../history/final-ledger.ts';
import type { History } from '../../history/operation.ts';
import { partitionByVoucher } from '../../history/voucher-partition.ts';
import type { LinesChart } from '../chart-spec.ts';
import { alignSteps, type StepPoints } from '../step-series.ts';
import { minorDigits, type VoucherMoney, voucherMoney } from './voucher-money.ts';

/** At most this many vouchers on the money charts. */
export const maxChartedVouchers = 6;
const busiest = 5;

/** The vouchers that the verdicts that are not valid name, in order; else the busiest few. */
export function chartedVouchers(
  report: Report,
  parts: ReadonlyMap<string, readonly number[]>,
): { vouchers: string[]; named: boolean; left: number } {
  const named = new Set<string>();
  for (const verdict of report.verdicts) {
    if (verdict.valid === true) continue;
    for (const voucher of [verdict.first?.voucher, verdict.worst?.voucher, verdict.window?.voucher])
      if (voucher !== undefined && parts.has(voucher)) named.add(voucher);
  }
  if (named.size > 0) {
    const vouchers = [...named];
    return {
      vouchers: vouchers.slice(0, maxChartedVouchers),
      named: true,
      left: Math.max(0, vouchers.length - maxChartedVouchers),
    };
  }
  const byCount = [...parts].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  return { vouchers: byCount.slice(0, busiest).map(([voucher]) => voucher), named: false, left: 0 };
}

export interface MoneyCharts {
  /** One chart per currency, by id (`funds-EUR`). */
  charts: Record<string, LinesChart>;
  /** The money of each charted voucher, for the page's text. */
  money: Map<string, VoucherMoney>;
  named: boolean;
  left: number;
}

const toSeconds = (micros: number, start: number) => +((micros - start) / 1e6).toFixed(6);

/**
 * Funds against cumulative acknowledged debits over time, one pair of series per voucher, y in major
 * units of the currency; one chart per currency.
 */
export function moneyCharts(
  history: History,
  report: Report,
  span: { start: number; end: number },
  ledgers?: FinalLedgers,
): MoneyCharts {
  const parts = partitionByVoucher(history.ops);
  const { vouchers, named, left } = chartedVouchers(report, parts);
  const money = new Map<string, VoucherMoney>();
  const byCurrency = new Map<string, VoucherMoney[]>();
  for (const voucher of vouchers) {
    const one = voucherMoney(history, voucher, parts.get(voucher) ?? [], span.start, ledgers);
    money.set(voucher, one);
    const key = one.currency ?? 'minor';
    byCurrency.set(key, [...(byCurrency.get(key) ?? []), one]);
  }
  const charts: Record<string, LinesChart> = {};
  for (const [key, group] of byCurrency) {
    const currency = group[0]?.currency ?? null;
    const scale = 10 ** minorDigits(currency);
    const steps: StepPoints[] = [];
    const labels: Array<{ label: string; dash: boolean; pair: number }> = [];
    group.forEach((one, pair) => {
      const ending = (points: Array<[number, number]>) => {
        const last = points[points.length - 1];
        return last && last[0] < span.end ? [...points, [span.end, last[1]] as [number, number]] : points;
      };
      steps.push(ending(one.fundSteps), ending(one.debitSteps));
      labels.push(
        { label: `funds ${one.voucher}`, dash: true, pair },
        { label: `debits ${one.voucher}`, dash: false, pair },
      );
    });
    const aligned = alignSteps(
      steps.map((points) =>
        points.map(([time, value]) => [toSeconds(time, span.start), value / scale] as const),
      ),
    );
    const palette = ['#1565c0', '#c62828', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f'];
    charts[`funds-${key}`] = {
      kind: 'lines',
      title: `Funds and acknowledged debits${currency ? ` (${currency})` : ''}`,
      note: `${named ? 'The vouchers the failing verdicts name' : `The ${group.length} busiest vouchers`}: dashed, the funds (initial funds plus credits acknowledged or possibly made); solid, acknowledged debits added up. Debits above funds is an overspend.${aligned.sampled ? ' Sampled at 2,000 times.' : ''}${left > 0 ? ` ${left} more voucher(s) not shown.` : ''}`,
      xLabel: 'seconds from the start',
      xUnit: 's',
      yLabel: currency ?? 'minor units',
      unit: currency ?? undefined,
      decimals: minorDigits(currency),
      step: true,
      x: aligned.x.map((seconds) => +seconds.toFixed(6)),
      series: labels.map(({ label, dash, pair }, at) => ({
        label,
        dash,
        colour: palette[pair % palette.length],
        values: aligned.values[at] ?? [],
      })),
    };
  }
  return { charts, money, named, left };
}
