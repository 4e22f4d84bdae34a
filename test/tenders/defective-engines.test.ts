import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { referenceEngine } from '../../reference-impl/tenders/index.ts';
import { failingCases } from './case-runner.ts';
import { casesByRequirement, type Requirement } from './cases/index.ts';
import { defectiveEngines } from './defective-engines.ts';

/**
 * Self-validation: the examples of each requirement must fail on an engine that gets that requirement
 * wrong, or they prove nothing. The same assertions as rules.test.ts, run against each defective variant.
 */
describe('each requirement detects its defective engines', () => {
  for (const d of defectiveEngines) {
    test(`${d.caughtBy}: ${d.name}`, () => {
      const caught = failingCases(d.engine, casesByRequirement[d.caughtBy]);
      assert.ok(caught.length > 0, `no example of ${d.caughtBy} fails on the engine with "${d.name}"`);
    });
  }

  test('every rule requirement has at least one defective engine', () => {
    const covered = new Set(defectiveEngines.map((d) => d.caughtBy));
    const rules = (Object.keys(casesByRequirement) as Requirement[]).filter((r) => r !== 'baseline');
    assert.deepEqual(
      rules.filter((r) => !covered.has(r)),
      [],
    );
  });

  test('the reference engine passes every example (the detector does not fire on everything)', () => {
    for (const cases of Object.values(casesByRequirement))
      assert.deepEqual(failingCases(referenceEngine, cases), []);
  });
});
