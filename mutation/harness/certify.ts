import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runConformance } from '../../src/run/run-conformance.ts';
import { scratchDatabase } from './scratch-database.ts';

/** What `vcert run` decided about a selection of the suite: the failing scenarios and the run's errors. */
export interface Certification {
  exitCode: number;
  failures: string[];
}

/**
 * `vcert run` over a part of the Gherkin suite against the bundled reference implementation, in this
 * process (parallel 0): the mutated reference implementation must run where Stryker's instrumented
 * code reports its coverage. Stops at the first failing scenario (a mutant is killed by one).
 */
export async function certify(selection: { paths?: string[]; tags?: string }): Promise<Certification> {
  const database = await scratchDatabase();
  const reports = await mkdtemp(join(tmpdir(), 'vcert-mutation-'));
  try {
    const { summary, exitCode } = await runConformance({
      import: selection.paths ? ['steps/**/*.ts'] : undefined,
      ...selection,
      parallel: 0,
      failFast: true,
      databaseUrl: database.url,
      reports,
      requestTimeoutMs: 10_000,
    });
    const failures = summary.scenarios
      .filter((s) => s.status !== 'passed')
      .map((s) => `${s.uri}:${s.line} ${s.status}${s.message ? `: ${s.message.split('\n')[0]}` : ''}`);
    return { exitCode, failures: [...failures, ...summary.run.errors] };
  } finally {
    await rm(reports, { recursive: true, force: true });
    await database.drop();
  }
}
