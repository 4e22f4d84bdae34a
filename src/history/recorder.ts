import type { Completion, Operation, OperationName } from './operation.ts';

/** Microseconds on a monotonic clock; injectable so tests and replays are reproducible. */
export type MicroClock = () => number;

/** A monotonic clock that starts at zero now. */
export function monotonicMicros(): MicroClock {
  const start = process.hrtime.bigint();
  return () => Number((process.hrtime.bigint() - start) / 1000n);
}

export interface Invocation {
  ok(result: object): Operation;
  fail(code: string, status: number): Operation;
  info(error: string): Operation;
}

export interface InvokeInput {
  client: string;
  op: OperationName;
  voucher: string;
  target?: string | null;
  args?: Record<string, unknown>;
  key?: string | null;
}

/**
 * Records operations: `invoke` notes the call time, and exactly one of ok / fail / info notes the
 * completion and hands the finished operation to `sink` (a HistoryWriter's append, or an array push).
 */
export function createRecorder(sink: (op: Operation) => unknown, clock: MicroClock = monotonicMicros()) {
  return {
    invoke(input: InvokeInput): Invocation {
      const invokedAt = clock();
      let done = false;
      const complete = (completion: Completion, result: unknown): Operation => {
        if (done) throw new Error(`operation ${input.op} of ${input.client} completed twice`);
        done = true;
        const op: Operation = {
          client: input.client,
          op: input.op,
          voucher: input.voucher,
          ...(input.target ? { target: input.target } : {}),
          args: input.args ?? {},
          key: input.key ?? null,
          invokedAt,
          completedAt: Math.max(invokedAt, clock()),
          completion,
          result,
        };
        sink(op);
        return op;
      };
      return {
        ok: (result) => complete('ok', result),
        fail: (code, status) => complete('fail', { code, status }),
        info: (error) => complete('info', { error }),
      };
    },
  };
}
