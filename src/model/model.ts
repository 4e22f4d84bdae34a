import type { Operation } from '../history/operation.ts';

export interface StepResult<State> {
  ok: boolean;
  next: State;
}

/**
 * A Porcupine-style model: a small pure specification as a struct of functions. `step` says whether
 * an operation with this input may have returned this output from `state`, and the state after it.
 */
export interface Model<State, Input, Output> {
  /** The state of one partition (one voucher) at the start, from its funds in minor units and its key. */
  init(funds: number, key?: string): State;
  step(state: State, input: Input, output: Output): StepResult<State>;
  equal(a: State, b: State): boolean;
  /** A string equal for equal states and different otherwise: the memo key of the search. */
  fingerprint(state: State): string;
  /** Indices of the operations of each partition (per voucher), in history order. */
  partition(ops: readonly Operation[]): Map<string, number[]>;
  /**
   * Optional: true when placing this operation as soon as the model accepts it loses no order, e.g. it
   * never changes the state (a read, a refusal), or only later operations on its own object observe it.
   * The search then never tries the alternatives to it (a partial-order reduction).
   */
  eager?(input: Input, output: Output): boolean;
  /**
   * Optional: which operations the search tries first where several could come next, lowest first
   * (0 to 15). It never changes a verdict, only how soon an order is found.
   */
  order?(input: Input, output: Output): number;
  describe(state: State): string;
  describeOperation(input: Input, output: Output): string;
}
