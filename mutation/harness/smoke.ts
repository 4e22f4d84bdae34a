import { runAdapterCheck } from '../../src/adapter-check/run-adapter-check.ts';
import { startReferenceTarget } from '../../src/run/run-target.ts';
import { scratchDatabase } from './scratch-database.ts';

/**
 * `vcert adapter check`'s smoke checks through the canonical driver against the bundled reference
 * implementation, in this process: the one part of the harness that exercises test control's own
 * routes (the clock, and a reset more times than the server has connections). Returns every check that
 * did not hold.
 */
export async function smokeProblems(): Promise<string[]> {
  const database = await scratchDatabase();
  const target = await startReferenceTarget(database.url);
  try {
    const result = await runAdapterCheck({ target: target.url });
    return result.lines.filter((l) => l.outcome !== 'ok').map((l) => `${l.outcome} ${l.name}: ${l.detail}`);
  } finally {
    await target.close();
    await database.drop();
  }
}
