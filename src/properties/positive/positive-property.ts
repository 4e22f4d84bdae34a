import fc from 'fast-check';
import type { ErrorCode } from '../../../spec/errors.ts';
import { describeCompletion } from '../../driver/completion.ts';
import type { Driver } from '../../driver/driver.ts';
import type { OperationId } from '../../driver/operation.ts';
import { routeOf } from '../../driver/route-table.ts';
import { breachText } from '../commands/expect-answer.ts';
import { negativeFixture } from '../negative/negative-fixture.ts';
import { satisfies } from '../negative/schema-validator.ts';
import { outcomeOf, type PropertyOutcome } from '../property-outcome.ts';
import { checkParameters, type RunBudget } from '../run-budget.ts';
import { shapeRefusals } from './shape-refusals.ts';
import { type ValidCase, validCase } from './valid-request.ts';

/** The generator made something the contract's own schema rejects: a bug here, not in the target. */
export class GeneratorBug extends Error {
  override name = 'GeneratorBug';
}

/** Checks a generated request against the contract with ajv before it is sent. */
function assertValid(c: ValidCase): void {
  const route = routeOf(c.operationId);
  for (const [part, schema, value] of [
    ['query', route.query, c.query ?? {}],
    ['body', route.body, c.body ?? {}],
  ] as const) {
    if (schema && !satisfies(schema, value))
      throw new GeneratorBug(
        `${c.operationId}: generated ${part} breaks the schema: ${JSON.stringify(value)}`,
      );
  }
}

/**
 * Positive data: generated valid requests for every operation with a body or a query, and every read,
 * are never refused for their shape (validation_failed, malformed_request, unsupported_media_type) and
 * never break the target (5xx, no answer), and every answer is inside the contract (the driver's check).
 * Domain refusals (insufficient_balance, not_found …) are fine. Only operations the target claims.
 */
export async function checkPositiveData(driver: Driver, budget: RunBudget): Promise<PropertyOutcome> {
  const fixture = await negativeFixture(driver);
  const requests = { ...fixture.valid, ...fixture.reads };
  const operations = Object.entries(requests).map(([id, request]) =>
    validCase(id as OperationId, request, fixture),
  );
  const property = fc.asyncProperty(fc.oneof(...operations), async (c: ValidCase) => {
    assertValid(c);
    const answer = await driver.invoke({
      operationId: c.operationId,
      params: c.params,
      query: c.query,
      body: c.body,
    } as never);
    if (answer.violations?.length)
      throw new Error(`${c.operationId}: a valid request was answered ${breachText(answer)}`);
    const code = answer.completion === 'fail' ? (answer.problem.code as ErrorCode) : undefined;
    const broken = answer.completion === 'info' || (answer.completion === 'fail' && answer.status >= 500);
    if ((code && shapeRefusals.includes(code)) || broken) {
      const detail = answer.completion === 'fail' ? JSON.stringify(answer.problem.errors ?? []) : '';
      throw new Error(
        `${c.operationId}: a valid request was answered ${describeCompletion(answer)} ${detail}`,
      );
    }
  });
  const details = await fc.check(property, checkParameters(budget));
  return outcomeOf('positive-data', details, undefined);
}
