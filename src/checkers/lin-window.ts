import type { LogicalOp } from './logical-ops.ts';
import type { Stuck } from './wgl-search.ts';

const reads = new Set(['getBalance', 'getLedger']);

/**
 * The operations that show a failed search, as history indices: those still unplaced where the search
 * got furthest, the placed ones that overlap them in time, and, when none of those changed the
 * state, the last state-changing operation before them (it set the state that the others contradict).
 */
export function linWindow<State>(logical: readonly LogicalOp[], stuck: Stuck<State>): number[] {
  const pending = new Set(stuck.pending);
  let from = Number.POSITIVE_INFINITY;
  for (const op of pending) from = Math.min(from, (logical[op] as LogicalOp).call);
  const to = (logical[stuck.op] as LogicalOp).ret;
  const chosen = new Set(pending);
  let changed = false;
  let before = -1;
  logical.forEach((op, index) => {
    if (pending.has(index)) return;
    const changes = !reads.has(op.input.op) && op.output.completion !== 'fail';
    if (op.call <= to && op.ret >= from) {
      chosen.add(index);
      changed ||= changes;
    } else if (op.ret < from && changes && (before < 0 || op.ret > (logical[before] as LogicalOp).ret))
      before = index;
  });
  if (!changed && before >= 0) chosen.add(before);
  return [...chosen].flatMap((index) => (logical[index] as LogicalOp).members).sort((a, b) => a - b);
}
