import type { HoldInterval } from './hold-intervals.ts';
import type { Violation } from './verdict.ts';

/** Exclusive hold (and redeem entire): two acknowledged holds of one voucher were never certainly open at once. */
export function overlappingHolds(voucher: string, intervals: readonly HoldInterval[]): Violation[] {
  const violations: Violation[] = [];
  let widest: HoldInterval | undefined;
  for (const interval of intervals) {
    if (widest && interval.start < widest.end) {
      const ops = [widest.hold.createdBy, interval.hold.createdBy];
      if (widest.closedBy !== null) ops.push(widest.closedBy);
      violations.push({
        voucher,
        message: `holds ${widest.hold.id} and ${interval.hold.id} were both acknowledged and open at once`,
        ops,
        severity: Math.min(widest.hold.amount, interval.hold.amount),
      });
    }
    if (!widest || interval.end > widest.end) widest = interval;
  }
  return violations;
}
