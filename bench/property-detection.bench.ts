// How often a property run of the default size finds each defect of a rare transition: for every defect,
// `voucher-life` runs at the default size (100 runs, as `vcert properties`) with seeds 1..N, without
// shrinking, against the defective implementation, and the bench prints in how many seeds it failed and
// after how many runs the first failure came. A defect found in fewer than all seeds is one a user's
// default run can miss: the generators should be biased toward its transition. Figures only.
//   node bench/property-detection.bench.ts [--seeds N] [--runs R] [--defects a,b] [--property voucher-life]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../reference-impl/server.ts';
import { defectiveImplementation } from '../simulators/defective/index.ts';
import { type PropertyName, runProperties } from '../src/properties/run-properties.ts';

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const seeds = Number(argument('--seeds') ?? 10);
const runs = Number(argument('--runs') ?? 100);
const property = (argument('--property') ?? 'voucher-life') as PropertyName;
const maxCommands = argument('--max-commands') === undefined ? undefined : Number(argument('--max-commands'));
/** The defects of rare transitions (issue 16), and the lifecycle and idempotency defects before them. */
const defects = (
  argument('--defects') ??
  [
    'expiry-a-day-late',
    'restore-reactivates',
    'top-up-ignores-expiry',
    'refund-ignores-expiry',
    'partial-capture-keeps-rest',
    'expired-voucher-pays',
    'retry-not-idempotent',
    'refusals-not-replayed',
  ].join(',')
).split(',');

const dir = mkdtempSync(join(tmpdir(), 'vcert-detection-'));
const dataDir = mkdtempSync(join(tmpdir(), 'vcert-detection-pg-'));
const reference = await startServer({ testControl: true, dataDir, logLevel: 'error' });
console.log(
  `property detection: ${property}, ${runs} runs a seed, seeds 1..${seeds}; defective servers log to ${dir}`,
);
console.log('defect                        found   first failure at run (per seed; - not found)');
let missed = 0;
try {
  for (const name of defects) {
    const defect = defectiveImplementation(name);
    if (!defect) throw new Error(`no defective implementation ${name}`);
    const target = await defect.start({
      databaseUrl: reference.databaseUrl,
      logFile: join(dir, `${name}.log`),
    });
    const firsts: Array<number | undefined> = [];
    try {
      for (let seed = 1; seed <= seeds; seed++) {
        const [outcome] = await runProperties({
          target: target.url,
          budget: { runs, seed, noShrink: true, ...(maxCommands ? { maxCommands } : {}) },
          only: [property],
        });
        firsts.push(outcome && !outcome.passed && outcome.verdict === 'failed' ? outcome.runs : undefined);
      }
    } finally {
      await target.close();
    }
    const found = firsts.filter((f) => f !== undefined).length;
    if (found < seeds) missed += 1;
    console.log(
      `${name.padEnd(29)} ${`${found}/${seeds}`.padStart(5)}   ${firsts.map((f) => f ?? '-').join(' ')}`,
    );
  }
} finally {
  await reference.close();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`${missed} defect(s) missed by some default-size run`);
