import type { Capability } from '../../spec/capabilities.ts';
import type { Arranged, ProviderStateName, StateParams } from '../../spec/provider-states.ts';
import type { Completion } from '../../src/driver/completion.ts';
import type { DriverConfig } from '../../src/driver/driver.ts';
import { HttpDriver } from '../../src/driver/http-driver.ts';
import type { AnyOperation } from '../../src/driver/operation.ts';
import type { VendorAdapter } from '../../src/driver/vendor-adapter.ts';

/** What the wrapped target claims: a balance guard and one-step redemption, nothing else. */
export const oneStepClaims: Capability[] = ['balance-guard', 'one-step-redeem'];

/** Every call the adapter passed on in this process, with its key and answer: the evidence of a test. */
export const calls: Array<{
  operationId: string;
  receipt?: string;
  key?: string;
  status: number | null;
  code?: string;
}> = [];

/**
 * A vendor adapter over the reference implementation that claims only a balance guard and one-step
 * redemption (as a simple stored-value system would): the harness must use nothing else. Provider states
 * are arranged however the system can (here: the reference's own contract through the HTTP driver, which
 * is the adapter's business and never certified); fresh tenants come from the reference's test control.
 */
export default async function createAdapter(config: DriverConfig): Promise<VendorAdapter> {
  const http = new HttpDriver();
  await http.open({ ...config, validate: false });
  return {
    name: 'one-step-only',
    capabilities: async () => [...oneStepClaims],
    setup: () => http.setup(),
    arrange: <S extends ProviderStateName>(state: S, params: StateParams<S>): Promise<Arranged<S>> =>
      http.arrange(state, params),
    async invoke(operation: AnyOperation): Promise<Completion> {
      const answer: Completion = await http.invoke(operation as never);
      calls.push({
        operationId: operation.operationId,
        receipt: (operation.body as { receipt?: { number?: string } } | undefined)?.receipt?.number,
        key: answer.idempotencyKey,
        status: answer.completion === 'info' ? null : answer.status,
        code: answer.completion === 'fail' ? answer.problem.code : undefined,
      });
      return answer;
    },
    close: () => http.close(),
  };
}
