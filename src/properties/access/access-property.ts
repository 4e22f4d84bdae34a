import { describeCompletion } from '../../driver/completion.ts';
import type { Driver } from '../../driver/driver.ts';
import { negativeFixture } from '../negative/negative-fixture.ts';
import type { OpenDriver } from '../open-driver.ts';
import type { PropertyOutcome } from '../property-outcome.ts';
import { accessCases } from './access-cases.ts';

/**
 * Access: every operation without a key, with an unknown key, with another tenant's key, with a role
 * that lacks the right is refused with the contract's code, and the tenant's state does not change.
 * Exhaustive rather than sampled: the cases are few and every one matters.
 */
export async function checkAccess(driver: Driver, openAnother: OpenDriver): Promise<PropertyOutcome> {
  const fixture = await negativeFixture(driver);
  const other = await openAnother();
  const failures: string[] = [];
  let runs = 0;
  try {
    const otherKeys = (await other.setup()).keys;
    const baseline = await fixture.snapshot();
    const cases = accessCases({ ...fixture.valid, ...fixture.reads }, otherKeys);
    for (const c of cases) {
      runs += 1;
      const caller = c.who === "another tenant's key" ? other : driver;
      const answer = await caller.invoke({
        operationId: c.operationId,
        auth: c.auth,
        params: c.request.params,
        query: c.request.query,
        body: c.request.body,
      } as never);
      const code = answer.completion === 'fail' ? answer.problem.code : undefined;
      if (code !== c.expected)
        failures.push(
          `${c.operationId} with ${c.who}: expected ${c.expected}, got ${describeCompletion(answer)}`,
        );
      if ((await fixture.snapshot()) !== baseline) {
        failures.push(`${c.operationId} with ${c.who} changed the tenant's state`);
        break;
      }
    }
  } finally {
    await other.close();
  }
  return {
    property: 'access',
    passed: failures.length === 0,
    runs,
    seed: 0,
    shrinks: 0,
    ...(failures.length > 0 ? { error: failures.join('\n  '), steps: 1, counterexample: failures[0] } : {}),
  };
}
