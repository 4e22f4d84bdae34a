import type { Model } from '../model/model.ts';
import { CallReturnList, type Span } from './call-return-list.ts';
import { PlacedHash } from './placed-hash.ts';
import { type PlacedKeys, PlacedSet } from './placed-set.ts';
import type { SearchBudget } from './search-budget.ts';

/** An operation of one partition: its call and return times (Infinity: outcome unknown). */
export interface TimedOp<Input, Output> extends Span {
  input: Input;
  output: Output;
}

/** Where the search got furthest before it had to give up on every order. */
export interface Stuck<State> {
  /** The operation whose return came before any order could place it. */
  op: number;
  /** Operations called and not yet placed at that point (includes `op`). */
  pending: number[];
  linearized: number;
  state: State;
}

export type SearchResult<State> =
  | { valid: true; steps: number }
  | { valid: false; steps: number; stuck: Stuck<State> }
  | { valid: 'unknown'; steps: number };

/**
 * The Wing & Gong linearizability search with Lowe's memoization, as in Porcupine: walk the calls
 * and returns in time order, place any called operation the model accepts, backtrack at a return
 * that nothing placed. The memo maps a placed set to the states reached with it; a placed set is kept compact as the
 * first unplaced definite operation, the placed ones after it, and a bitset of the unknown ones.
 * From `hashFrom` operations on, the memo keys a placed set by its 53-bit Zobrist hash instead (far
 * less memory on a long hot partition). A collision can only prune an order, never invent one, so
 * true stays sound; a false is confirmed by the exact search, whose answer (and window) is the one given.
 */
export function wglSearch<State, Input, Output>(
  model: Model<State, Input, Output>,
  initial: State,
  ops: readonly TimedOp<Input, Output>[],
  budget: SearchBudget,
  hashFrom = 2048,
): SearchResult<State> {
  const first = searchOnce(model, initial, ops, budget, ops.length < hashFrom ? 'exact' : 'hashed');
  if (first.valid !== false || ops.length < hashFrom) return first;
  const exact = searchOnce(model, initial, ops, budget, 'exact');
  return { ...exact, steps: first.steps + exact.steps };
}

/** How a search keys its memo: by the placed set's 53-bit hash, or by the placed set itself. */
type Mode = 'hashed' | 'exact';

function searchOnce<State, Input, Output>(
  model: Model<State, Input, Output>,
  initial: State,
  ops: readonly TimedOp<Input, Output>[],
  budget: SearchBudget,
  mode: Mode,
): SearchResult<State> {
  if (budget.steps <= 0 || budget.now() > budget.deadline) return { valid: 'unknown', steps: 0 };
  const n = ops.length;
  const list = new CallReturnList(ops);
  const { next, opAt, isCall } = list;
  const placed: PlacedKeys = mode === 'hashed' ? new PlacedHash(n) : new PlacedSet(list, ops);

  const eager = new Uint8Array(n);
  if (model.eager)
    for (let i = 0; i < n; i++)
      eager[i] = model.eager(ops[i]?.input as Input, ops[i]?.output as Output) ? 1 : 0;
  const memo = new Map<string | number, State[]>();
  // Most partitions of a correct history linearize without a single backtrack; until the first one
  // there is nothing to prune, so no memo is kept (placing and keying every operation is most of a step).
  let memoized = false;
  const stackPos: number[] = [];
  const stackState: State[] = [];
  let state = initial;
  let steps = 0;
  let stuck: Stuck<State> | undefined;
  // The model's order of trying candidates: one pass over them for each value, lowest first.
  const tryOrder = new Uint8Array(n);
  let passes = 1;
  if (model.order)
    for (let i = 0; i < n; i++) {
      const order = Math.min(
        15,
        Math.max(0, Math.trunc(model.order(ops[i]?.input as Input, ops[i]?.output as Output))),
      );
      tryOrder[i] = order;
      if (order + 1 > passes) passes = order + 1;
    }
  let pass = 0;
  const stackPass: number[] = [];
  let p = next[0] as number;
  while ((next[0] as number) >= 0) {
    if ((++steps & 255) === 0 && (budget.now() > budget.deadline || steps > budget.steps)) {
      budget.steps -= steps;
      return { valid: 'unknown', steps };
    }
    if (p < 0) break;
    const op = opAt[p] as number;
    if (isCall[p]) {
      if (passes > 1 && tryOrder[op] !== pass) {
        p = next[p] as number;
        continue;
      }
      const timed = ops[op] as TimedOp<Input, Output>;
      const result = model.step(state, timed.input, timed.output);
      if (result.ok) {
        // Once the memo is kept, a placed set already reached with this state is not tried again.
        let fresh = true;
        if (memoized) {
          placed.toggle(op, true);
          const key = placed.key();
          const seen = memo.get(key);
          fresh = seen === undefined || !seen.some((other) => model.equal(other, result.next));
          if (!fresh) placed.toggle(op, false);
          else if (seen) seen.push(result.next);
          else memo.set(key, [result.next]);
        }
        if (fresh) {
          stackPass.push(pass);
          pass = 0;
          stackPos.push(p);
          stackState.push(state);
          state = result.next;
          list.lift(p);
          p = next[0] as number;
          continue;
        }
      }
      p = next[p] as number;
      continue;
    }
    if (pass + 1 < passes) {
      pass += 1;
      p = next[0] as number;
      continue;
    }
    if (!memoized) {
      // The first backtrack: from here on orders are tried again, so the memo starts, with every
      // placed set and state on the way here.
      memoized = true;
      for (let depth = 0; depth < stackPos.length; depth++) {
        placed.toggle(opAt[stackPos[depth] as number] as number, true);
        const after = depth + 1 < stackPos.length ? (stackState[depth + 1] as State) : state;
        memo.set(placed.key(), [after]);
      }
    }
    if (!stuck || stackPos.length > stuck.linearized) {
      const pending: number[] = [];
      for (let q = next[0] as number; q >= 0 && q !== p; q = next[q] as number)
        if (isCall[q]) pending.push(opAt[q] as number);
      stuck = { op, pending, linearized: stackPos.length, state };
    }
    // Backtrack; an eagerly placed operation has no alternatives worth trying, so keep going up.
    let top: number | undefined;
    do {
      top = stackPos.pop();
      if (top === undefined) {
        budget.steps -= steps;
        return { valid: false, steps, stuck: stuck as Stuck<State> };
      }
      state = stackState.pop() as State;
      pass = stackPass.pop() as number;
      placed.toggle(opAt[top] as number, false);
      list.unlift(top);
    } while (eager[opAt[top] as number]);
    p = next[top] as number;
  }
  budget.steps -= steps;
  return { valid: true, steps };
}
