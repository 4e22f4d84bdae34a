import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { failureReport } from '../../src/properties/failure-report.ts';
import type { PropertyOutcome } from '../../src/properties/property-outcome.ts';
import { type PropertyName, propertyNames, runProperties } from '../../src/properties/run-properties.ts';
import { startReferenceServer } from '../support/reference-server.ts';

// A fixed, small budget and a fixed seed: the same cases every time, a few seconds in all.
const budget = { runs: 12, seed: 20_240_611 };

let server: RunningServer;
let outcomes: Map<PropertyName, PropertyOutcome>;
before(async () => {
  server = await startReferenceServer();
  const list = await runProperties({ target: server.url, budget });
  outcomes = new Map(list.map((o) => [o.property as PropertyName, o]));
});
after(() => server.close());

for (const name of propertyNames) {
  test(`the reference implementation holds the ${name} property`, () => {
    const outcome = outcomes.get(name);
    assert.ok(outcome, `${name} ran`);
    assert.equal(outcome.passed, true, failureReport(outcome));
    assert.ok(outcome.runs >= budget.runs, `${name} ran ${outcome.runs} cases`);
  });
}
