import { ContractViolation } from '../contract/contract-violation.ts';
import type { Completion } from './completion.ts';
import type { Driver } from './driver.ts';
import type { Operation, OperationId, ResultOf } from './operation.ts';

/**
 * A driver that raises an answer outside the contract as a ContractViolation, for readers that cannot
 * go on with one (a scenario's step, a property's run): the check that met it fails, with the answer
 * shown. Everything else passes through to the driver it wraps, whose owner keeps its lifecycle.
 */
export function strictDriver(inner: Driver): Driver {
  return {
    get name() {
      return inner.name;
    },
    open: (config) => inner.open(config),
    capabilities: () => inner.capabilities(),
    emulated: () => inner.emulated(),
    setup: () => inner.setup(),
    arrange: (state, params) => inner.arrange(state, params),
    teardown: () => inner.teardown(),
    close: () => inner.close(),
    async invoke<Id extends OperationId>(operation: Operation<Id>): Promise<Completion<ResultOf<Id>>> {
      const answer = await inner.invoke(operation);
      if (answer.violations?.length) {
        const status = answer.completion === 'info' ? undefined : answer.status;
        const body =
          answer.completion === 'ok'
            ? answer.body
            : answer.completion === 'fail'
              ? answer.problem
              : undefined;
        throw new ContractViolation(operation.operationId, status, answer.violations, body);
      }
      return answer;
    },
  };
}
