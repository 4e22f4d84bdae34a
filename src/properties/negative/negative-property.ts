import fc from 'fast-check';
import type { Driver, DriverConfig } from '../../driver/driver.ts';
import type { OperationId } from '../../driver/operation.ts';
import { outcomeOf, type PropertyOutcome } from '../property-outcome.ts';
import type { RunBudget } from '../run-budget.ts';
import { type MalformedCase, malformedCase } from './malformed-request.ts';
import { negativeFixture } from './negative-fixture.ts';
import { problemFaults } from './problem-verdict.ts';
import { sendRaw } from './raw-request.ts';

/**
 * Negative data: for every mutating operation, generated malformed requests are refused with a 4xx
 * problem+json carrying a catalog code, and the tenant's state is byte-identical before and after.
 */
export async function checkNegativeData(
  driver: Driver,
  config: DriverConfig,
  budget: RunBudget,
): Promise<PropertyOutcome> {
  const fixture = await negativeFixture(driver);
  const keys = fixture.session.session.keys;
  const baseline = await fixture.snapshot();
  const operations = Object.entries(fixture.valid).map(([id, valid]) =>
    malformedCase(id as OperationId, valid, keys),
  );
  const property = fc.asyncProperty(fc.oneof(...operations), async (c: MalformedCase) => {
    const answer = await sendRaw(config.target, c.request, config.timeoutMs);
    const faults = problemFaults(answer);
    const after = await fixture.snapshot();
    if (after !== baseline) faults.push('the tenant state changed');
    if (faults.length > 0) {
      throw new Error(
        `${c.operationId} with ${c.what}: ${faults.join('; ')} (answer ${JSON.stringify(answer.body).slice(0, 300)})`,
      );
    }
  });
  const details = await fc.check(property, {
    numRuns: budget.runs,
    seed: budget.seed,
    path: budget.path,
    endOnFailure: budget.noShrink ?? false,
  });
  return outcomeOf('negative-data', details, undefined);
}
