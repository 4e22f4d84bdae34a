import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  createEngine,
  importConfiguration,
  referenceEngine,
  referenceParts,
} from '../../reference-impl/tenders/index.ts';
import { momentArb, permutation, receiptArb, reordered, tenderConfigArb } from './arbitraries.ts';
import { defectiveEngines } from './defective-engines.ts';
import {
  blockedNeverAllowed,
  exclusiveExcludesOthers,
  orderIndependent,
  verdictsWellFormed,
} from './properties.ts';

const numRuns = 300;
const defective = (name: string) => {
  const d = defectiveEngines.find((e) => e.name === name);
  assert.ok(d, name);
  return d.engine;
};

describe('tender admissibility properties (fast-check)', () => {
  test('generated configurations are valid: the import accepts them', () => {
    fc.assert(
      fc.property(tenderConfigArb, (config) => {
        const result = importConfiguration(config);
        assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
      }),
      { numRuns },
    );
  });

  test('the answer does not depend on the order of configuration entries', () => {
    fc.assert(orderIndependent(referenceEngine), { numRuns });
  });

  test('the import gives the same configuration whatever the order of entries', () => {
    const arb = tenderConfigArb.chain((config) => fc.tuple(fc.constant(config), reordered(config)));
    fc.assert(
      fc.property(arb, ([config, shuffled]) =>
        assert.deepEqual(importConfiguration(shuffled), importConfiguration(config)),
      ),
      { numRuns },
    );
  });

  test('the answer does not depend on the order of the rules in the engine', () => {
    const arb = fc.tuple(tenderConfigArb, receiptArb, momentArb, permutation(referenceParts.tenderRules));
    fc.assert(
      fc.property(arb, ([config, receipt, now, rules]) => {
        const engine = createEngine({ ...referenceParts, tenderRules: rules });
        assert.deepEqual(
          engine.evaluate(config, receipt, now),
          referenceEngine.evaluate(config, receipt, now),
        );
      }),
      { numRuns },
    );
  });

  test('a blocked tender is never allowed: not on a receipt, not in an exchange, not on a return', () => {
    fc.assert(blockedNeverAllowed(referenceEngine), { numRuns });
  });

  test('an exclusive tender on a receipt excludes every other tender', () => {
    fc.assert(exclusiveExcludesOthers(referenceEngine), { numRuns });
  });

  test('every verdict: allowed exactly when nothing refused it, refusals named and sorted (TA-12)', () => {
    fc.assert(verdictsWellFormed(referenceEngine), { numRuns });
  });
});

describe('the properties fail on defective engines', () => {
  const fails = <Ts>(property: fc.IRawProperty<Ts, false>) =>
    fc.check(property, { numRuns: 500, seed: 4 }).failed;

  test('order independence catches an engine that keeps one exchange target per source (last wins)', () => {
    assert.ok(fails(orderIndependent(defective('one exchange target per source tender'))));
  });
  test('blocked never allowed catches an engine that ignores BlockingFlag', () => {
    assert.ok(fails(blockedNeverAllowed(defective('BlockingFlag ignored'))));
  });
  test('exclusive excludes others catches an engine that ignores ExclusiveFlag', () => {
    assert.ok(fails(exclusiveExcludesOthers(defective('ExclusiveFlag ignored'))));
  });
});
