import type { LogicalOp } from './logical-ops.ts';
import type { Stuck, TimedOp } from './wgl-search.ts';

const reads = new Set(['getBalance', 'getLedger']);

/**
 * The operations that show a failed search, as history indices: those still unplaced where the search
 * got furthest, the placed ones that overlap them in time, and, when none of those changed the
 * state, the last state-changing operation before them (it set the state that the others contradict).
 */
export function linWindow<State>(
  logical: readonly LogicalOp[],
  timed: readonly TimedOp<unknown, unknown>[],
  stuck: Stuck<State>,
): number[] {
  const pending = new Set(stuck.pending);
  let from = Number.POSITIVE_INFINITY;
  for (const op of pending) from = Math.min(from, (timed[op] as TimedOp<unknown, unknown>).call);
  const to = (timed[stuck.op] as TimedOp<unknown, unknown>).ret;
  const chosen = new Set(pending);
  let changed = false;
  let before = -1;
  timed.forEach((op, index) => {
    if (pending.has(index)) return;
    const logicalOp = logical[index] as LogicalOp;
    const changes = !reads.has(logicalOp.input.op) && logicalOp.output.completion !== 'fail';
    if (op.call <= to && op.ret >= from) {
      chosen.add(index);
      changed ||= changes;
    } else if (
      op.ret < from &&
      changes &&
      (before < 0 || op.ret > (timed[before] as TimedOp<unknown, unknown>).ret)
    )
      before = index;
  });
  if (!changed && before >= 0) chosen.add(before);
  return [...chosen].flatMap((index) => (logical[index] as LogicalOp).members).sort((a, b) => a - b);
}
