import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { overspendUnderRace } from '../../simulators/defective/overspend-under-race.ts';
import { startCheckoutVendor } from '../../simulators/vendors/checkout/checkout-vendor.ts';
import type { FinalLedger } from '../../src/history/final-ledger.ts';
import { findK6 } from '../../src/load/find-k6.ts';
import { formatLoadSummary } from '../../src/load/load-summary.ts';
import { runLoad } from '../../src/load/run-load.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import { runVcertToEnd } from '../run/spawn-vcert.ts';
import { startReferenceServer } from '../support/reference-server.ts';

const skip = findK6() ? false : 'bin/k6 is missing: run `bash scripts/setup-k6.sh` to install the pinned k6';
const hotVoucher = 'load/hot-voucher.ts';
/**
 * The plan, as flags: 2 s of 6 virtual POS terminals on the script's 2 hot vouchers (few enough that
 * latency stays far from the p95 bounds on a busy machine: both runs must fall on the same side).
 */
const plan = ['--duration', '2s', '--vus', '6', '--quiet'];
/** Against the defective implementation: more terminals, so that unlocked reads race. */
const racePlan = ['--duration', '2s', '--vus', '16', '--quiet'];
const machines = 3;
const checkoutFlow = 'simulators/vendors/checkout/flow/checkout-flow.js';
/** A short run may happen to interleave no read-modify-write: it is run again, at most this often. */
const attempts = 3;

interface Summary {
  verdict: string;
  segments: number;
  operations: number;
  thresholds: Array<{ metric: string; expression: string; ok: boolean }>;
  audit: { valid: unknown; overspent?: Array<{ voucher: string; severity: number }> };
  files: Record<string, string>;
}

/**
 * What N machines do, each a process of its own: the setup-only pass once, then `--segment I/N` on every
 * machine at once, then `vcert load merge` of their directories. Returns the merge's summary.json.
 */
async function onMachines(
  target: string,
  dir: string,
  flags = plan,
  what: { script?: string; extra?: string[]; mergeExtra?: string[] } = {},
): Promise<{ summary: Summary; stdout: string }> {
  const script = what.script ?? hotVoucher;
  const extra = what.extra ?? [];
  const setup = await runVcertToEnd([
    'load',
    script,
    '--setup-only',
    '--target',
    target,
    '--out',
    join(dir, 'setup'),
    ...flags,
    ...extra,
  ]);
  assert.equal(setup.code, 0, setup.stdout + setup.stderr);
  const setupFile = join(dir, 'setup', 'setup.json');
  const segments = Array.from({ length: machines }, (_, i) => join(dir, `machine-${i + 1}`));
  const runs = await Promise.all(
    segments.map((out, i) =>
      runVcertToEnd([
        'load',
        script,
        '--segment',
        `${i + 1}/${machines}`,
        '--setup',
        setupFile,
        '--target',
        target,
        '--out',
        out,
        ...flags,
        ...extra,
      ]),
    ),
  );
  for (const run of runs) assert.equal(run.code, 0, run.stdout + run.stderr);
  const merged = join(dir, 'merged');
  const merge = await runVcertToEnd([
    'load',
    'merge',
    ...segments,
    '--out',
    merged,
    ...(what.mergeExtra ?? []),
  ]);
  assert.ok(merge.code === 0 || merge.code === 1, merge.stdout + merge.stderr);
  const summary = JSON.parse(readFileSync(join(merged, 'summary.json'), 'utf8')) as Summary;
  assert.equal(merge.code, summary.verdict === 'PASS' ? 0 : 1, merge.stdout);
  return { summary, stdout: merge.stdout };
}

/** The vouchers whose final ledger lost money, judged from the ledger alone (not by the audit). */
function overspentByLedger(ledgersFile: string, funds: number): string[] {
  const ledgers = JSON.parse(readFileSync(ledgersFile, 'utf8')) as FinalLedger[];
  return ledgers
    .filter((ledger) => {
      const sum = (ledger.entries ?? []).reduce((total, entry) => total + entry.amount, 0);
      const captured = -(ledger.entries ?? [])
        .filter((entry) => entry.kind === 'capture')
        .reduce((total, entry) => total + entry.amount, 0);
      return ledger.balance?.amount !== sum || captured > funds;
    })
    .map((ledger) => ledger.voucherId)
    .sort();
}

describe('vcert load on many machines: --segment I/N on each, then vcert load merge', { skip }, () => {
  let server: RunningServer;
  before(async () => {
    server = await startReferenceServer();
  });
  after(() => server?.close());

  it(`${machines} machines merged give the verdict and thresholds of one run of the whole plan`, async () => {
    const dir = scratchDir('vcert-machines');
    const { summary, stdout } = await onMachines(server.url, dir);
    const one = await runLoad({
      script: hotVoucher,
      target: server.url,
      outDir: join(dir, 'one'),
      env: { DURATION: '2000ms', VUS: '6' },
    });
    const oneSummary = formatLoadSummary(one);
    assert.equal(summary.segments, machines);
    assert.ok(summary.operations > 0, stdout);
    assert.equal(summary.verdict, one.ok ? 'PASS' : 'FAIL', `${stdout}\n---\n${oneSummary}`);
    assert.equal(summary.verdict, 'PASS', stdout);
    assert.deepEqual(
      summary.thresholds.map((t) => [t.metric, t.expression, t.ok]),
      one.thresholds.map((t) => [t.metric, t.expression, t.ok]),
      `${stdout}\n---\n${oneSummary}`,
    );
    assert.equal(summary.audit.valid, true, stdout);
    // Every machine's operations are in the one history, on the one setup's vouchers.
    const history = readFileSync(summary.files.history as string, 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const ops = history.map((line) => JSON.parse(line) as { client: string; voucher: string });
    assert.equal(ops.length, summary.operations);
    assert.deepEqual([...new Set(ops.map((op) => op.client.split('-')[1]))].sort(), ['s0', 's1', 's2']);
    const setup = JSON.parse(readFileSync(join(dir, 'setup', 'setup.json'), 'utf8')) as {
      vouchers: string[];
    };
    assert.deepEqual([...new Set(ops.map((op) => op.voucher))].sort(), [...setup.vouchers].sort());
    for (const name of ['audit.html', 'junit.xml', 'ledgers.json'])
      assert.ok(readFileSync(join(dir, 'merged', name), 'utf8').length > 0, name);
  });

  it(`names the vouchers ${overspendUnderRace.name} overspends when ${machines} machines race them`, async (t) => {
    const dir = scratchDir('vcert-machines-defective');
    const target = await overspendUnderRace.start({ logFile: join(dir, 'overspend-under-race.log') });
    const seen: string[] = [];
    let caught: { summary: Summary; stdout: string } | null = null;
    try {
      for (let attempt = 1; attempt <= attempts && !caught; attempt++) {
        const run = await onMachines(target.url, join(dir, `attempt-${attempt}`), racePlan);
        seen.push(run.stdout);
        if ((run.summary.audit.overspent ?? []).length > 0) {
          caught = run;
          t.diagnostic(`overspent vouchers found on run ${attempt} of at most ${attempts}`);
        }
      }
    } finally {
      await target.close();
    }
    assert.ok(caught, `none of ${attempts} runs showed an overspent voucher:\n${seen.join('\n')}`);
    const { summary, stdout } = caught;
    assert.equal(summary.verdict, 'FAIL', stdout);
    assert.equal(summary.audit.valid, false, stdout);
    const reported = (summary.audit.overspent ?? []).map((o) => o.voucher).sort();
    assert.deepEqual(reported, overspentByLedger(summary.files.ledgers as string, 40_000), stdout);
    for (const o of summary.audit.overspent ?? []) {
      assert.ok(o.severity > 0, stdout);
      assert.ok(stdout.includes(`OVERSPENT voucher ${o.voucher} by ${o.severity} minor units`), stdout);
    }
  });

  it('through a transport-free adapter: the machines run its flows, the merge reads the ledgers through it', async () => {
    const shop = await startCheckoutVendor();
    const dir = scratchDir('vcert-machines-adapter');
    try {
      const keys = [
        'backoffice',
        shop.adminToken,
        'pos',
        shop.storefrontToken,
        'webshop',
        shop.storefrontToken,
      ];
      const apiKeys = keys.flatMap((value, i) => (i % 2 ? [] : ['--api-key', `${value}=${keys[i + 1]}`]));
      const { summary, stdout } = await onMachines(
        shop.url,
        dir,
        ['--duration', '2s', '--vus', '4', '--quiet'],
        {
          script: 'load/hot-redeem.ts',
          extra: ['--adapter', checkoutFlow, ...apiKeys],
          mergeExtra: ['--adapter', checkoutFlow],
        },
      );
      assert.equal(summary.verdict, 'PASS', stdout);
      assert.equal(summary.audit.valid, true, stdout);
      assert.ok(summary.operations > 0, stdout);
      // The ledgers are the shop's, read through the adapter: without it the merge cannot read them.
      const machinesDirs = Array.from({ length: machines }, (_, i) => join(dir, `machine-${i + 1}`));
      const without = await runVcertToEnd(['load', 'merge', ...machinesDirs, '--out', join(dir, 'again')]);
      assert.equal(without.code, 2, without.stdout + without.stderr);
      assert.match(
        without.stderr,
        /^vcert load merge: the segments ran through an adapter: give it with --adapter FILE/,
      );
    } finally {
      await shop.close();
    }
  });
});
