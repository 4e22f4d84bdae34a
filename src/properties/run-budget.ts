/** How much a property may do: runs, the seed (and shrink path) to replay, and size limits. */
export interface RunBudget {
  runs: number;
  seed?: number;
  /** A counterexample's path as printed with its seed: replays exactly that case. */
  path?: string;
  /** Longest command sequence of one model run (default 20). */
  maxCommands?: number;
  /** Report the first failure as found, without shrinking. */
  noShrink?: boolean;
}

/** fast-check's parameters for a budget: its runs, seed and path, and whether to shrink. */
export function checkParameters(budget: RunBudget) {
  return {
    numRuns: budget.runs,
    seed: budget.seed,
    path: budget.path,
    endOnFailure: budget.noShrink ?? false,
  };
}
