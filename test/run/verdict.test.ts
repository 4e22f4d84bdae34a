import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { emptyCounts, type StatusCounts } from '../../src/report/requirement-status.ts';
import { decideVerdict, exitCodes, type VerdictFacts } from '../../src/report/verdict.ts';

const facts = (scenarios: Partial<StatusCounts>, extra: Partial<VerdictFacts> = {}): VerdictFacts => ({
  scenarios: { ...emptyCounts(), ...scenarios },
  rottedWaivers: 0,
  runErrors: [],
  interrupted: false,
  ...extra,
});

describe('exit code decisions', () => {
  const cases: Array<[string, VerdictFacts, number]> = [
    ['everything claimed passed', facts({ passed: 10, 'not-claimed': 3 }), exitCodes.pass],
    ['failures all under live waivers', facts({ passed: 4, waived: 2 }), exitCodes.pass],
    ['one failure', facts({ passed: 10, failed: 1 }), exitCodes.fail],
    ['one undefined, ambiguous or pending scenario', facts({ passed: 10, undecided: 1 }), exitCodes.fail],
    ['a rotted waiver', facts({ passed: 10 }, { rottedWaivers: 1 }), exitCodes.fail],
    ['zero scenarios ran', facts({}), exitCodes.fail],
    ['only unclaimed scenarios', facts({ 'not-claimed': 7 }), exitCodes.fail],
    ['target unreachable', facts({}, { runErrors: ['target unreachable: ECONNREFUSED'] }), exitCodes.error],
    [
      'a failed BeforeAll even with passes',
      facts({ passed: 3 }, { runErrors: ['run hook failed'] }),
      exitCodes.error,
    ],
    ['interrupted', facts({ passed: 3 }, { interrupted: true }), exitCodes.error],
    ['scenarios not run', facts({ passed: 3, 'not-run': 2 }), exitCodes.fail],
    [
      'the time limit reached, even with only passes',
      facts({ passed: 3 }, { timeLimitReached: '20m' }),
      exitCodes.fail,
    ],
  ];
  for (const [what, input, code] of cases) {
    it(`${what} → exit ${code}`, () => {
      const verdict = decideVerdict(input);
      assert.equal(verdict.exitCode, code);
      assert.equal(verdict.passed, code === exitCodes.pass);
      assert.equal(verdict.reasons.length === 0, code === exitCodes.pass, 'a failing verdict says why');
    });
  }

  it('is green exactly when something was verified and nothing failed, was undecided, rotted or broke', () => {
    const count = fc.nat({ max: 3 });
    fc.assert(
      fc.property(
        fc.record({
          passed: count,
          emulated: count,
          failed: count,
          waived: count,
          'not-claimed': count,
          undecided: count,
          'not-run': count,
        }),
        count,
        fc.array(fc.string(), { maxLength: 2 }),
        fc.boolean(),
        fc.option(fc.constantFrom('5s', '20m'), { nil: null }),
        (scenarios, rottedWaivers, runErrors, interrupted, timeLimitReached) => {
          const verdict = decideVerdict({
            scenarios,
            rottedWaivers,
            runErrors,
            interrupted,
            timeLimitReached,
          });
          const green =
            scenarios.failed +
              scenarios.undecided +
              scenarios['not-run'] +
              rottedWaivers +
              runErrors.length ===
              0 &&
            !interrupted &&
            timeLimitReached === null &&
            scenarios.passed + scenarios.waived > 0;
          assert.equal(verdict.passed, green);
          assert.equal(verdict.exitCode === 0, green);
          // A time limit alone is a failure (it ran), never "could not run".
          if (timeLimitReached && !interrupted && runErrors.length === 0) assert.equal(verdict.exitCode, 1);
        },
      ),
    );
  });
});
