/** A shared allowance for the linearizability search: a deadline and a number of model steps. */
export interface SearchBudget {
  /** performance.now() value after which the search gives up. */
  deadline: number;
  /** Model steps left (for deterministic limits in tests). */
  steps: number;
  now: () => number;
}

export function searchBudget(
  timeLimitMs: number,
  maxSteps = Number.POSITIVE_INFINITY,
  now = () => performance.now(),
): SearchBudget {
  return { deadline: now() + timeLimitMs, steps: maxSteps, now };
}
