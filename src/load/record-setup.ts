import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeStop } from '../run/stopped.ts';
import { readK6Outputs } from './k6-samples.ts';
import { LoadNotRun, needTestControl } from './load-target.ts';
import { type MachineOptions, prepare } from './machine-run.ts';
import { runK6, thresholdsFailedExit } from './run-k6.ts';
import { setupRecord } from './setup-record.ts';

/**
 * `vcert load SCRIPT --setup-only --out DIR`: runs the script's setup() once (a single no-op iteration)
 * and writes the data it prepared to DIR/setup.json, for every machine of a segmented run to read back
 * (`--setup FILE`), so that all of them race on the same vouchers.
 */
export async function recordSetup(options: MachineOptions): Promise<{ path: string; vouchers: number }> {
  const run = prepare(options);
  try {
    if (!options.apiKeys)
      await needTestControl(options.target, options.requestTimeoutMs ?? 10_000, run.stop.signal);
    const json = join(run.outDir, 'k6-setup.json');
    const code = await runK6({
      k6: run.k6,
      args: ['run', '--out', `json=${json}`, run.entry],
      env: { ...run.env, VCERT_SETUP_ONLY: '1' },
      logPath: join(run.outDir, 'k6-setup.log'),
      echo: options.echo,
      signal: run.stop.signal,
    });
    const cause = run.stop.cause();
    if (cause) throw new LoadNotRun(`${describeStop(cause)}: the setup was not recorded`);
    if (code !== 0 && code !== thresholdsFailedExit)
      throw new LoadNotRun(
        `the setup pass failed (k6 exit code ${code}; see ${join(run.outDir, 'k6-setup.log')})`,
      );
    const setup = setupRecord(await readK6Outputs([json]));
    if (!setup) throw new LoadNotRun('the setup pass recorded no setup data (vcert_setup)');
    const path = join(run.outDir, 'setup.json');
    writeFileSync(path, JSON.stringify(setup));
    return { path, vouchers: setup.vouchers.length };
  } finally {
    run.done();
  }
}
