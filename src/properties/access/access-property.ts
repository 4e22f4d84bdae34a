import { describeCompletion } from '../../driver/completion.ts';
import type { Driver } from '../../driver/driver.ts';
import { routeOf } from '../../driver/route-table.ts';
import { breachText } from '../commands/expect-answer.ts';
import { negativeFixture } from '../negative/negative-fixture.ts';
import type { OpenDriver } from '../open-driver.ts';
import type { PropertyOutcome } from '../property-outcome.ts';
import { accessCases } from './access-cases.ts';

/**
 * Access: every operation the target claims without a key and with an unknown key, with another tenant's
 * key (when the target gives a second tenant of its own), with a role that lacks the right (when it
 * claims roles) is refused with the contract's code, inside the contract, and the tenant's state does not
 * change. Exhaustive rather than sampled: the cases are few and every one matters.
 */
export async function checkAccess(driver: Driver, openAnother: OpenDriver): Promise<PropertyOutcome> {
  const fixture = await negativeFixture(driver);
  const claimed = fixture.session.capabilities;
  const other = await openAnother();
  const failures: string[] = [];
  const left: string[] = [];
  let runs = 0;
  try {
    const second = await other.setup();
    const mine = Object.values(fixture.session.session.keys);
    const apart = second.isolated && !Object.values(second.keys).some((k) => mine.includes(k));
    if (!apart) left.push("another tenant's key (the target gives no second tenant)");
    if (!claimed.has('roles')) left.push('roles (not claimed)');
    const baseline = await fixture.snapshot();
    const cases = accessCases(
      { ...fixture.valid, ...fixture.reads },
      apart ? second.keys : {},
      claimed.has('roles'),
    );
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
      if (answer.violations?.length) failures.push(`${c.operationId} with ${c.who}: ${breachText(answer)}`);
      else if (code !== c.expected)
        failures.push(
          `${c.operationId} with ${c.who}: expected ${c.expected}, got ${describeCompletion(answer)}`,
        );
      // After every refused change, and once after all the reads (a read changes nothing, or else it is
      // found at the end): the tenant is exactly as it was.
      if (routeOf(c.operationId).mutating && (await fixture.snapshot()) !== baseline) {
        failures.push(`${c.operationId} with ${c.who} changed the tenant's state`);
        break;
      }
    }
    if (failures.length === 0 && (await fixture.snapshot()) !== baseline)
      failures.push("a refused read changed the tenant's state");
  } finally {
    await other.close();
  }
  const passed = failures.length === 0;
  return {
    property: 'access',
    verdict: passed ? 'passed' : 'failed',
    passed,
    runs,
    seed: 0,
    shrinks: 0,
    ...(left.length > 0 ? { reason: `left out: ${left.join(', ')}` } : {}),
    ...(passed ? {} : { error: failures.join('\n  '), steps: 1, counterexample: failures[0] }),
  };
}
