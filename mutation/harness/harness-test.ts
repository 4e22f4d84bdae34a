import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Policy } from '../../spec/capabilities.ts';
import type { PropertyName } from '../../src/properties/run-properties.ts';
import { certify } from './certify.ts';
import { checkProperties } from './properties.ts';
import { raceFindings } from './race.ts';

/**
 * The tests the mutation run kills mutants with: the harness's own tools against the bundled reference
 * implementation, never its unit tests. Stryker's TAP runner runs each file of mutation/tests/ in a
 * process of its own and counts it as one test, so each file is one part of the harness (a folder of
 * the Gherkin suite, one property) and a mutant runs only the parts that reach its code.
 */
export function suitePasses(folder: string): void {
  test(`vcert run passes features/${folder}/`, async () => {
    const { exitCode, failures } = await certify({ paths: [`features/${folder}/**/*.feature`] });
    assert.equal(exitCode, 0, failures.join('\n'));
  });
}

/** Runs per property: the size the issue names for a nightly run (`vcert properties --runs 50`). */
export const propertyRuns = 50;
/** One seed for every run, so that a mutant is killed or survives the same way each night. */
export const propertySeed = 16;

export function propertyHolds(property: PropertyName): void {
  test(`vcert properties: ${property} holds (${propertyRuns} runs, seed ${propertySeed})`, async () => {
    const failures = await checkProperties({ only: [property], runs: propertyRuns, seed: propertySeed });
    assert.deepEqual(failures, []);
  });
}

/** `vcert race` with every POS and web-shop behaviour, once per policy, each with its own seed. */
export function raceHolds(policies: readonly Policy[]): void {
  for (const [i, policy] of policies.entries()) {
    test(`vcert race --barrier under ${policy}: every checker valid`, async () => {
      assert.deepEqual(await raceFindings({ policy, seed: 16 + i }), []);
    });
  }
  // Holds left open expire by the test clock, moved past their time-to-live while the counters race, and
  // by the service's own sweep, which three clients ask for round after round.
  test('vcert race --barrier --clock-moves 720 --sweepers 3 under amount-holds: every checker valid', async () => {
    assert.deepEqual(
      await raceFindings({ policy: 'amount-holds', seed: 21, clockMoves: 720, sweepers: 3 }),
      [],
    );
  });
}
