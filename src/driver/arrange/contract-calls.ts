import type { Role } from '../../../spec/capabilities.ts';
import { describeCompletion } from '../completion.ts';
import type { Driver } from '../driver.ts';
import type { Auth, Operation, OperationId, ResultOf } from '../operation.ts';

/** How the canonical arranger reaches the target: one driver's invoke, with a role's key or a given one. */
export interface ContractCalls {
  /** One set-up call that must succeed inside the contract; anything else stops the arrangement. */
  must<Id extends OperationId>(operation: Operation<Id>, role: Role): Promise<ResultOf<Id>>;
  /** The same with other keys (another tenant's). */
  withKeys(keys: Partial<Record<Role, string>>): ContractCalls;
}

/** Contract calls over a driver's invoke. */
export function contractCalls(invoke: Driver['invoke'], keys?: Partial<Record<Role, string>>): ContractCalls {
  const authFor = (role: Role): Auth => (keys?.[role] ? { key: keys[role] as string } : { role });
  return {
    async must(operation, role) {
      const answer = await invoke({ ...operation, auth: authFor(role) });
      if (answer.completion !== 'ok' || answer.violations?.length)
        throw new Error(
          `arranging through the contract: ${operation.operationId} ${describeCompletion(answer)}`,
        );
      return answer.body;
    },
    withKeys: (other) => contractCalls(invoke, other),
  };
}
