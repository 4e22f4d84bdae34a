import type { Completion, Operation, OperationName } from './operation.ts';

/** Microseconds on a monotonic clock; injectable so tests and replays are reproducible. */
export type MicroClock = () => number;

/** A monotonic clock that starts at zero now. */
export function monotonicMicros(): MicroClock {
  const start = process.hrtime.bigint();
  return () => Number((process.hrtime.bigint() - start) / 1000n);
}

/** What came with an answer beside its result: its status, and where it departs from the contract. */
export interface AnswerFacts {
  status?: number;
  violations?: Operation['violations'];
  /** The body as it came, kept with a refusal or an unknown outcome when it broke the contract. */
  body?: unknown;
}

export interface Invocation {
  ok(result: object, facts?: AnswerFacts): Operation;
  fail(code: string, status: number, facts?: AnswerFacts): Operation;
  info(error: string, facts?: AnswerFacts): Operation;
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
 * Records operations: `invoke` notes the call time and the client's operation number, and exactly one
 * of ok / fail / info notes the completion and hands the finished operation to `sink` (a history
 * appender, or an array push).
 */
export function createRecorder(sink: (op: Operation) => unknown, clock: MicroClock = monotonicMicros()) {
  const counts = new Map<string, number>();
  return {
    invoke(input: InvokeInput): Invocation {
      const index = (counts.get(input.client) ?? 0) + 1;
      counts.set(input.client, index);
      const invokedAt = clock();
      let done = false;
      const complete = (completion: Completion, result: unknown, facts: AnswerFacts = {}): Operation => {
        if (done) throw new Error(`operation ${input.op} of ${input.client} completed twice`);
        done = true;
        const op: Operation = {
          client: input.client,
          op: input.op,
          voucher: input.voucher,
          ...(input.target ? { target: input.target } : {}),
          args: input.args ?? {},
          key: input.key ?? null,
          index,
          invokedAt,
          completedAt: Math.max(invokedAt, clock()),
          completion,
          result,
          ...(facts.status !== undefined ? { status: facts.status } : {}),
          ...(facts.violations?.length ? { violations: facts.violations } : {}),
        };
        sink(op);
        return op;
      };
      const withBody = (result: Record<string, unknown>, facts?: AnswerFacts) =>
        facts?.violations?.length && facts.body !== undefined ? { ...result, body: facts.body } : result;
      return {
        ok: (result, facts) => complete('ok', result, facts),
        fail: (code, status, facts) => complete('fail', withBody({ code, status }, facts), facts),
        info: (error, facts) => complete('info', withBody({ error }, facts), facts),
      };
    },
  };
}
