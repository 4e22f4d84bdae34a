import type { Completion } from '../driver/completion.ts';
import type { Driver, PreparedCall } from '../driver/driver.ts';
import type { Operation, OperationId, ResultOf } from '../driver/operation.ts';
import { stoppedWaiting } from '../history/operation.ts';

/**
 * What a stopped driver does with calls:
 * - `throw`: every call in flight or made after the stop rejects with the stop's reason (a scenario's
 *   step or a property's case ends at once, and is reported as not run);
 * - `hold`: an invocation in flight completes as `info` (it was sent: its outcome is unknown), and a
 *   call made after the stop never settles, so nothing more is sent (a race's counters freeze and what
 *   they recorded is exactly what happened).
 */
export type StopMode = 'throw' | 'hold';

const never = <T>() => new Promise<T>(() => {});

/**
 * The driver seam with a stop: once `signal` aborts (an interrupt, a time limit) nothing more reaches
 * the target through it, and what was waiting for an answer stops waiting. Open, teardown and close pass
 * through: they are the caller's clean-up.
 */
export function stoppableDriver(driver: Driver, signal: AbortSignal, mode: StopMode = 'throw'): Driver {
  const rejectStopped = <T>() => Promise.reject<T>(signal.reason);
  const afterStop = <T>() => (mode === 'hold' ? never<T>() : rejectStopped<T>());
  /** The call, unless stopped; in flight when the stop comes, what `whenStopped` says (by default as after it). */
  const guard = <T>(work: () => Promise<T>, whenStopped: () => Promise<T> = afterStop<T>): Promise<T> => {
    if (signal.aborted) return afterStop<T>();
    return new Promise<T>((resolve, reject) => {
      const abort = () => whenStopped().then(resolve, reject);
      signal.addEventListener('abort', abort, { once: true });
      work()
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', abort));
    });
  };
  const unknownOutcome = <Id extends OperationId>(operation: Operation<Id>) =>
    mode === 'hold'
      ? Promise.resolve<Completion<ResultOf<Id>>>({
          completion: 'info',
          error: `${stoppedWaiting}${(signal.reason as Error)?.message ?? 'stopped'}`,
          ...(operation.idempotencyKey ? { idempotencyKey: operation.idempotencyKey } : {}),
        })
      : rejectStopped<Completion<ResultOf<Id>>>();
  const stoppable: Driver = {
    get name() {
      return driver.name;
    },
    open: (config) => driver.open(config),
    capabilities: () => guard(() => driver.capabilities()),
    emulated: () => guard(() => driver.emulated()),
    setup: () => guard(() => driver.setup()),
    arrange: (state, params) => guard(() => driver.arrange(state, params)),
    invoke: (operation) =>
      guard(
        () => driver.invoke(operation),
        () => unknownOutcome(operation),
      ),
    teardown: () => driver.teardown(),
    close: () => driver.close(),
  };
  const prepare = driver.prepare?.bind(driver);
  if (prepare) {
    stoppable.prepare = <Id extends OperationId>(operation: Operation<Id>) =>
      guard(async (): Promise<PreparedCall<ResultOf<Id>>> => {
        const prepared = await prepare(operation);
        return {
          commit: () =>
            guard(
              () => prepared.commit(),
              () => unknownOutcome(operation),
            ),
        };
      });
  }
  return stoppable;
}
