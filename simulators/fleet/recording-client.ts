import type { Role } from '../../spec/capabilities.ts';
import type { Completion } from '../../src/driver/completion.ts';
import type { Driver } from '../../src/driver/driver.ts';
import type { Operation as DriverOperation } from '../../src/driver/operation.ts';
import type { OperationName } from '../../src/history/operation.ts';
import type { createRecorder } from '../../src/history/recorder.ts';

export type Recorder = ReturnType<typeof createRecorder>;

/** One call of a simulator: the history's operation name, the voucher it concerns, and the request. */
export interface Call {
  op: OperationName;
  voucher: string;
  /** The hold (capture, release) or redemption (refund) in the path; the voucher otherwise. */
  target?: string;
  body?: Record<string, unknown>;
  /** Idempotency-Key of a mutating call. */
  key?: string;
  role: Role;
}

/** What a simulator learns: the answer, a refusal, or nothing (the outcome is unknown). */
export type Outcome =
  | { completion: 'ok'; body: Record<string, unknown> }
  | { completion: 'fail'; code: string; status: number }
  | { completion: 'info'; error: string };

/** The code of a fail completion recorded when the connection was refused (status 0: no answer, nothing sent). */
export const connectionRefused = 'connection_refused';

/** How many answers departed from the contract (each is recorded with its violations). */
export interface ClientCounters {
  contractViolations: number;
}

/**
 * A Jepsen client over the driver seam: every call is recorded as one history operation with an ok,
 * fail or info completion, the status of the answer and where it departs from the contract. A 5xx
 * answer is info (the service may have acted before failing) and a contract violation; a refused
 * connection is fail (nothing was sent). Nothing the driver answers is thrown away.
 */
export function recordingClient(name: string, driver: Driver, recorder: Recorder, counters: ClientCounters) {
  /**
   * Sends one call. With a start line (the fleet's barrier), an operation the driver can split is
   * prepared first, and only its money request waits at the line: the operation's call time is then
   * that of the commit (nothing may move before it).
   */
  return async function send(call: Call, startLine?: () => Promise<void>): Promise<Outcome> {
    const onPath = call.target ?? call.voucher;
    const record = () =>
      recorder.invoke({
        client: name,
        op: call.op,
        voucher: call.voucher,
        target: call.target ?? null,
        args: call.body ?? {},
        key: call.key ?? null,
      });
    const operation = {
      operationId: call.op,
      params: { id: onPath },
      ...(call.body ? { body: call.body } : {}),
      ...(call.key ? { idempotencyKey: call.key } : {}),
      auth: { role: call.role },
    } as unknown as DriverOperation;
    let answer: Completion;
    let invocation: ReturnType<typeof record> | undefined;
    try {
      if (startLine && driver.prepare) {
        const prepared = await driver.prepare(operation);
        await startLine();
        invocation = record();
        answer = await prepared.commit();
      } else {
        await startLine?.();
        invocation = record();
        answer = await driver.invoke(operation);
      }
    } catch (thrown) {
      const error = `client error: ${(thrown as Error).message}`;
      (invocation ?? record()).info(error);
      return { completion: 'info', error };
    }
    const violations = answer.violations?.length ? [...answer.violations] : undefined;
    if (violations) counters.contractViolations += 1;
    if (answer.completion === 'ok') {
      const body = isObject(answer.body) ? answer.body : {};
      invocation.ok(body, { status: answer.status, violations });
      return { completion: 'ok', body };
    }
    if (answer.completion === 'fail' && answer.status < 500) {
      const code = typeof answer.problem.code === 'string' ? answer.problem.code : `http_${answer.status}`;
      invocation.fail(code, answer.status, { status: answer.status, violations, body: answer.problem });
      return { completion: 'fail', code, status: answer.status };
    }
    if (answer.completion === 'info' && answer.error.startsWith('ECONNREFUSED')) {
      // Nothing was sent: the outcome is known, nothing happened.
      invocation.fail(connectionRefused, 0);
      return { completion: 'fail', code: connectionRefused, status: 0 };
    }
    if (answer.completion === 'fail') {
      const error = `status ${answer.status} ${answer.problem.code}`;
      invocation.info(error, { status: answer.status, violations, body: answer.problem });
      return { completion: 'info', error };
    }
    invocation.info(answer.error, { violations });
    return { completion: 'info', error: answer.error };
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type CallFn = ReturnType<typeof recordingClient>;
