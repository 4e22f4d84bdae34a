/** A checker's answer: unknown is never a pass. */
export type Validity = true | false | 'unknown';

/** Operations of one voucher that together show a violation (indices into the history's operations). */
export interface Window {
  voucher: string;
  ops: number[];
  /** The model's state where the search got furthest, when a model was involved. */
  state?: string;
}

export interface Violation {
  voucher: string;
  message: string;
  /** The operations involved, as indices into the history's operations. */
  ops: number[];
  /** How bad it is, for picking the worst: usually the money involved in minor units. */
  severity: number;
}

export interface Verdict {
  checker: string;
  valid: Validity;
  counts: Record<string, number>;
  first?: Violation;
  worst?: Violation;
  window?: Window;
  /** Why the verdict is unknown, when it is. */
  reason?: string;
}

/** false beats unknown beats true. */
export function combineValidity(values: Iterable<Validity>): Validity {
  let result: Validity = true;
  for (const value of values) {
    if (value === false) return false;
    if (value === 'unknown') result = 'unknown';
  }
  return result;
}

/** Collects violations of one checker, keeping the count, the first and the worst. */
export class ViolationLog {
  count = 0;
  first: Violation | undefined;
  worst: Violation | undefined;

  add(violation: Violation): void {
    this.count += 1;
    if (this.first === undefined || firstOp(violation) < firstOp(this.first)) this.first = violation;
    if (this.worst === undefined || violation.severity > this.worst.severity) this.worst = violation;
  }

  /** The verdict: false with evidence when anything was logged, else `otherwise`. */
  verdict(checker: string, counts: Record<string, number>, otherwise: Validity = true): Verdict {
    const verdict: Verdict = { checker, valid: this.count > 0 ? false : otherwise, counts };
    verdict.counts.violations = this.count;
    if (this.first) {
      verdict.first = this.first;
      verdict.worst = this.worst;
      verdict.window = { voucher: this.first.voucher, ops: [...this.first.ops].sort((a, b) => a - b) };
    }
    return verdict;
  }
}

function firstOp(violation: Violation): number {
  return violation.ops.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...violation.ops);
}
