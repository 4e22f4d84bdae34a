import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { defectiveImplementation, type StartedTarget } from '../../simulators/defective/index.ts';
import { renderSummary } from '../../src/checkers/summary-text.ts';
import type { RaceOptions } from '../../src/race/race-options.ts';
import { type RaceResult, runRace } from '../../src/race/run-race.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import {
  checkerLines,
  countBound,
  longHolds,
  printedVerdicts,
  runVcert,
  verdictLine,
  verdictOf,
} from './race-support.ts';

/**
 * Race evidence for the defective implementations: every counter's first spend at one barrier, the
 * checker that must catch the defect false (and the run invalid), the stored history and ledgers giving
 * the same verdict per checker when `vcert check` reads them again, and the same race against the
 * reference implementation valid. Two of them go through the `vcert race` command itself (exit code and
 * files). Races are bounded by operation counts; the defective servers log to files in the scratch
 * folder, never to this output.
 */
let reference: RunningServer;
let scratch: string;
before(async () => {
  reference = await startReferenceServer();
  scratch = mkdtempSync(join(tmpdir(), 'vcert-defect-verdicts-'));
});
after(async () => {
  await reference?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** One defect: the race that shows it, the checkers that must be false, what the first violation says. */
interface Case {
  name: string;
  race: Partial<RaceOptions>;
  invalid: string[];
  says?: RegExp;
}

const small: Partial<RaceOptions> = {
  policy: 'balance-guard',
  webshops: 0,
  barrier: true,
  ...countBound,
  ops: 200,
  ...longHolds,
  seed: 11,
  timeLimitMs: 10_000,
};

const cases: Case[] = [
  {
    name: 'overspend-under-race',
    race: { terminals: 30, vouchers: 1, funds: 3000, mix: { redeem: 1 } },
    invalid: ['money-bounds'],
  },
  {
    name: 'ack-without-moving',
    race: { terminals: 4, vouchers: 1, funds: 3000, mix: { redeem: 1 } },
    invalid: ['contract', 'money-bounds'],
  },
  {
    name: 'refusals-as-created',
    race: { terminals: 6, vouchers: 1, funds: 1500, minAmount: 500, maxAmount: 1000, mix: { redeem: 1 } },
    invalid: ['contract', 'money-bounds'],
  },
  {
    name: 'one-time-reused',
    race: { terminals: 8, vouchers: 1, funds: 10_000, voucherKind: 'one-time', mix: { redeem: 1 } },
    invalid: ['policy'],
    says: /one-time voucher used/,
  },
  {
    name: 'refunds-fail',
    race: { terminals: 3, vouchers: 2, funds: 10_000, mix: { return: 1 } },
    invalid: ['contract'],
    says: /refundRedemption .* answered 500/,
  },
  {
    name: 'claimed-route-405',
    race: { terminals: 3, vouchers: 1, funds: 10_000, mix: { redeem: 1 } },
    invalid: ['contract'],
    says: /redeem .* answered 405/,
  },
  {
    name: 'replays-as-200',
    race: { terminals: 3, vouchers: 2, funds: 10_000, mix: { 'double-pay': 1 } },
    invalid: ['contract', 'idempotency'],
  },
];

/** `checker=valid` for each checker, and the number of operations. */
const verdicts = (result: RaceResult) =>
  `${result.history.ops.length} ops, ${result.report.verdicts.map((v) => `${v.checker}=${v.valid}`).join(' ')}`;

/** `vcert check` on the race's stored history and ledgers: the same verdict line for every checker. */
async function checkAgain(result: RaceResult): Promise<void> {
  const files = result.files;
  assert.ok(files, 'the race wrote its files');
  const checked = await runVcert(['check', files.history, '--ledgers', files.ledgers]);
  assert.equal(checked.code, result.report.valid === true ? 0 : 1, checked.stdout + checked.stderr);
  const raced = checkerLines(renderSummary(result.history, result.report));
  assert.equal(raced.size, result.report.verdicts.length);
  assert.deepEqual(checkerLines(checked.stdout), raced, checked.stdout);
}

async function startDefective(name: string): Promise<StartedTarget> {
  const defective = defectiveImplementation(name);
  assert.ok(defective, name);
  return defective.start({ databaseUrl: reference.databaseUrl, logFile: join(scratch, `${name}.log`) });
}

describe('races against the new defects: the right checker false, the same verdict on re-check', () => {
  for (const { name, race, invalid, says } of cases) {
    test(`${name}: ${invalid.join(' and ')} false; vcert check agrees; the reference passes`, async (t) => {
      const target = await startDefective(name);
      let result: RaceResult;
      try {
        result = await runRace({ ...small, ...race, target: target.url, out: join(scratch, name) });
      } finally {
        await target.close();
      }
      assert.equal(result.report.valid, false, verdictLine(result));
      for (const checker of invalid)
        assert.equal(verdictOf(result, checker).valid, false, verdictLine(result));
      if (says) assert.match(verdictOf(result, invalid[0] as string).first?.message ?? '', says);
      // The re-check (a child process) and the same race against the reference go side by side.
      const [, correct] = await Promise.all([
        checkAgain(result),
        runRace({ ...small, ...race, target: reference.url, out: join(scratch, `${name}-reference`) }),
      ]);
      assert.equal(correct.report.valid, true, verdictLine(correct));
      assert.ok(correct.history.ops.length > 0);
      t.diagnostic(
        `${name}: ${verdicts(result)}; first: ${verdictOf(result, invalid[0] as string).first?.message}`,
      );
      t.diagnostic(`reference: ${verdicts(correct)}`);
    });
  }
});

/** `vcert race` itself, with the default mix of baskets: exit 1 and its files; exit 0 on the reference. */
const cliCases = [
  { name: 'refunds-fail', invalid: ['contract'] },
  { name: 'replays-as-200', invalid: ['contract', 'idempotency'] },
];
const raceArgs = (url: string, out: string) => [
  'race',
  '--target',
  url,
  '--barrier',
  '--policy',
  'balance-guard',
  '--terminals',
  '4',
  '--webshops',
  '1',
  '--vouchers',
  '2',
  '--ops',
  '200',
  '--seconds',
  String(countBound.seconds),
  '--seed',
  '5',
  '--time-limit',
  '10000',
  '--out',
  out,
];

describe('vcert race (the command) against defects', () => {
  for (const { name, invalid } of cliCases) {
    test(`${name}: exit 1, ${invalid.join(' and ')} false, history, ledgers and report written`, async (t) => {
      const out = join(scratch, `cli-${name}`);
      const target = await startDefective(name);
      let raced: Awaited<ReturnType<typeof runVcert>>;
      try {
        raced = await runVcert(raceArgs(target.url, out));
      } finally {
        await target.close();
      }
      const printed = raced.stdout + raced.stderr;
      assert.equal(raced.code, 1, printed);
      for (const file of ['history.ndjson', 'ledgers.json', 'report.txt', 'report.html'])
        assert.ok(existsSync(join(out, file)), `${file} written`);
      const verdicts = printedVerdicts(raced.stdout);
      for (const checker of invalid) assert.equal(verdicts[checker], 'false', printed);

      const [checked, correct] = await Promise.all([
        runVcert(['check', join(out, 'history.ndjson'), '--ledgers', join(out, 'ledgers.json')]),
        runVcert(raceArgs(reference.url, join(scratch, `cli-${name}-reference`))),
      ]);
      assert.equal(checked.code, 1, checked.stdout + checked.stderr);
      assert.deepEqual(checkerLines(checked.stdout), checkerLines(raced.stdout), checked.stdout);
      assert.equal(correct.code, 0, correct.stdout + correct.stderr);
      t.diagnostic(`${name}: exit ${raced.code} ${JSON.stringify(verdicts)}`);
      t.diagnostic(`reference: exit ${correct.code} ${JSON.stringify(printedVerdicts(correct.stdout))}`);
    });
  }
});
