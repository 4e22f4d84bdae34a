import type { Model } from '../model/model.ts';
import { PlacedHash } from './placed-hash.ts';
import type { SearchBudget } from './search-budget.ts';

/** An operation of one partition: its call and return times (Infinity: outcome unknown). */
export interface TimedOp<Input, Output> {
  input: Input;
  output: Output;
  call: number;
  ret: number;
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
  const fast = searchOnce(model, initial, ops, budget, ops.length < hashFrom ? 'exact' : 'hashed');
  if (fast.valid !== false || ops.length < hashFrom) return fast;
  const exact = searchOnce(model, initial, ops, budget, 'exact');
  return { ...exact, steps: fast.steps + exact.steps };
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
  const events = new Int32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) events[i] = i;
  const time = (e: number) =>
    e < n ? (ops[e] as TimedOp<Input, Output>).call : (ops[e - n] as TimedOp<Input, Output>).ret;
  events.sort((a, b) => time(a) - time(b) || (a < n ? 0 : 1) - (b < n ? 0 : 1) || a - b);
  // Linked list over positions 1..2n; 0 is the head, -1 the end.
  const next = new Int32Array(2 * n + 1);
  const prev = new Int32Array(2 * n + 1);
  const opAt = new Int32Array(2 * n + 1);
  const isCall = new Uint8Array(2 * n + 1);
  const retPos = new Int32Array(n);
  for (let p = 1; p <= 2 * n; p++) {
    const e = events[p - 1] as number;
    opAt[p] = e < n ? e : e - n;
    isCall[p] = e < n ? 1 : 0;
    if (e >= n) retPos[e - n] = p;
    next[p - 1] = p;
    prev[p] = p - 1;
  }
  next[2 * n] = -1;
  // Ranks for the compact placed-set key: definite operations in call order, unknown ones apart.
  const rank = new Int32Array(n);
  let definite = 0;
  let unknown = 0;
  for (let p = 1; p <= 2 * n; p++) {
    if (!isCall[p]) continue;
    const op = opAt[p] as number;
    rank[op] = Number.isFinite((ops[op] as TimedOp<Input, Output>).ret) ? definite++ : unknown++;
  }
  const placedDefinite = new Uint8Array(definite);
  const placedUnknown = new Uint16Array(Math.ceil(unknown / 16));
  let frontier = 0;
  let placedDefiniteCount = 0;
  let unknownKey = '';
  /** Marks an operation placed or not; keeps the frontier (first unplaced definite operation) current. */
  const hash = mode === 'hashed' ? new PlacedHash(n) : null;
  const place = (op: number, on: boolean) => {
    if (hash) return hash.toggle(op);
    const r = rank[op] as number;
    if (!Number.isFinite((ops[op] as TimedOp<Input, Output>).ret)) {
      const word = r >> 4;
      placedUnknown[word] = (placedUnknown[word] as number) ^ (1 << (r & 15));
      unknownKey = String.fromCharCode(...placedUnknown);
      return;
    }
    placedDefiniteCount += on ? 1 : -1;
    placedDefinite[r] = on ? 1 : 0;
    if (on) while (frontier < definite && placedDefinite[frontier]) frontier++;
    else if (r < frontier) frontier = r;
  };
  const placedKey = (): string => {
    let extra = placedDefiniteCount - frontier;
    let key = `${frontier}`;
    for (let r = frontier + 1; extra > 0; r++)
      if (placedDefinite[r]) {
        key += `,${r}`;
        extra--;
      }
    return unknown > 0 ? `${key}|${unknownKey}` : key;
  };
  const lift = (p: number) => {
    const r = retPos[opAt[p] as number] as number;
    next[prev[p] as number] = next[p] as number;
    if ((next[p] as number) >= 0) prev[next[p] as number] = prev[p] as number;
    next[prev[r] as number] = next[r] as number;
    if ((next[r] as number) >= 0) prev[next[r] as number] = prev[r] as number;
  };
  const unlift = (p: number) => {
    const r = retPos[opAt[p] as number] as number;
    next[prev[r] as number] = r;
    if ((next[r] as number) >= 0) prev[next[r] as number] = r;
    next[prev[p] as number] = p;
    if ((next[p] as number) >= 0) prev[next[p] as number] = p;
  };

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
      if (result.ok && !memoized) {
        stackPass.push(pass);
        pass = 0;
        stackPos.push(p);
        stackState.push(state);
        state = result.next;
        lift(p);
        p = next[0] as number;
        continue;
      }
      if (result.ok) {
        place(op, true);
        const key = hash ? hash.key() : placedKey();
        const seen = memo.get(key);
        if (seen === undefined || !seen.some((other) => model.equal(other, result.next))) {
          if (seen) seen.push(result.next);
          else memo.set(key, [result.next]);
          stackPass.push(pass);
          pass = 0;
          stackPos.push(p);
          stackState.push(state);
          state = result.next;
          lift(p);
          p = next[0] as number;
          continue;
        }
        place(op, false);
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
        place(opAt[stackPos[depth] as number] as number, true);
        const after = depth + 1 < stackPos.length ? (stackState[depth + 1] as State) : state;
        memo.set(hash ? hash.key() : placedKey(), [after]);
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
      place(opAt[top] as number, false);
      unlift(top);
    } while (eager[opAt[top] as number]);
    p = next[top] as number;
  }
  budget.steps -= steps;
  return { valid: true, steps };
}
