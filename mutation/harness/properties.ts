import { type PropertyName, runPropertiesWithLimits } from '../../src/properties/run-properties.ts';
import { startReferenceTarget } from '../../src/run/run-target.ts';
import { scratchDatabase } from './scratch-database.ts';

/**
 * `vcert properties` against the bundled reference implementation, in this process: every property
 * that does not pass (failed, not claimed, not run) is a failure. A fixed seed, so that a mutant is
 * killed or survives the same way on every run; no shrinking, since a mutant is killed by the first
 * counterexample.
 */
export async function checkProperties(options: {
  only: readonly PropertyName[];
  runs: number;
  seed: number;
}): Promise<string[]> {
  const database = await scratchDatabase();
  const target = await startReferenceTarget(database.url);
  try {
    const { outcomes, notRun } = await runPropertiesWithLimits({
      target: target.url,
      timeoutMs: 10_000,
      budget: { runs: options.runs, seed: options.seed, noShrink: true },
      only: options.only,
    });
    return [
      ...outcomes.filter((o) => o.verdict !== 'passed').map((o) => `${o.property}: ${o.verdict}`),
      ...notRun.map((n) => `${n.property}: not run (${n.reason})`),
    ];
  } finally {
    await target.close();
    await database.drop();
  }
}
