import fc from 'fast-check';
import type { Role } from '../../../spec/capabilities.ts';
import type { DriverChoice } from '../../driver/create-driver.ts';
import type { Driver } from '../../driver/driver.ts';
import type { OperationId } from '../../driver/operation.ts';
import { NotClaimed } from '../not-claimed.ts';
import { outcomeOf, type PropertyOutcome } from '../property-outcome.ts';
import type { RunBudget } from '../run-budget.ts';
import { hostileCases } from './hostile-request.ts';
import { type MalformedCase, malformedCase } from './malformed-request.ts';
import { negativeFixture, type ValidRequest } from './negative-fixture.ts';
import { nestedTextCases } from './nested-text.ts';
import { pointerFaults, problemFaults } from './problem-verdict.ts';
import { sendRaw } from './raw-request.ts';
import { requiredHeaderCases } from './required-headers.ts';

/**
 * Negative data: for every operation with a body the target claims, generated malformed requests, and
 * for every claimed read its hostile paths, queries and methods (issue 15), are refused with a 4xx
 * problem+json carrying a catalog code, and the tenant's state is byte-identical before and after. Before
 * the generated cases, a sweep of every claimed operation (issue 16): each header the contract requires
 * left out or wrong (at the status the contract names), and text that is not text at every nested string
 * of its body. Raw HTTP to the target's URL: not claimed for an adapter target.
 */
export async function checkNegativeData(
  driver: Driver,
  config: DriverChoice,
  budget: RunBudget,
): Promise<PropertyOutcome> {
  const adapter = config.adapter;
  if (adapter)
    throw new NotClaimed(
      'negative data sends raw requests of the canonical HTTP contract; an adapter target does not serve them',
    );
  const fixture = await negativeFixture(driver);
  const keys = fixture.session.session.keys;
  const baseline = await fixture.snapshot();
  const operations = Object.entries(fixture.valid).map(([id, valid]) =>
    malformedCase(id as OperationId, valid, keys),
  );
  const reads = Object.entries(fixture.reads).flatMap(([id, valid]) =>
    hostileCases(id as OperationId, valid, keys),
  );
  const sweep = negativeSweep(fixture.valid, fixture.reads, keys);
  const property = fc.asyncProperty(fc.oneof(...operations, ...reads), async (c: MalformedCase) => {
    const answer = await sendRaw(config.target, c.request, config.timeoutMs);
    const faults = problemFaults(answer);
    if (c.status !== undefined && answer.status !== c.status)
      faults.push(`status ${answer.status}, the contract says ${c.status}`);
    if (c.pointer !== undefined) faults.push(...pointerFaults(answer, c.pointer));
    const after = await fixture.snapshot();
    if (after !== baseline) faults.push('the tenant state changed');
    if (faults.length > 0) {
      throw new Error(
        `${c.operationId} with ${c.what}: ${faults.join('; ')} (answer ${JSON.stringify(answer.body).slice(0, 300)})`,
      );
    }
  });
  // The sweep runs first, as fast-check's examples (counted in numRuns), then `budget.runs` generated cases.
  const details = await fc.check(property, {
    examples: sweep.map((c) => [c] as [MalformedCase]),
    numRuns: budget.runs + sweep.length,
    seed: budget.seed,
    path: budget.path,
    endOnFailure: budget.noShrink ?? false,
  });
  return outcomeOf('negative-data', details, undefined);
}

/** Every claimed operation's required headers left out or wrong, and its nested strings spoilt. */
export function negativeSweep(
  valid: Partial<Record<OperationId, ValidRequest>>,
  reads: Partial<Record<OperationId, ValidRequest>>,
  keys: Partial<Record<Role, string>>,
): MalformedCase[] {
  const all = [...Object.entries(valid), ...Object.entries(reads)] as Array<[OperationId, ValidRequest]>;
  return [
    ...all.flatMap(([id, v]) => requiredHeaderCases(id, v, keys)),
    ...all.flatMap(([id, v]) => nestedTextCases(id, v, keys)),
  ];
}
