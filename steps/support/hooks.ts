import {
  After,
  AfterAll,
  AfterStep,
  Before,
  BeforeAll,
  BeforeStep,
  parallelCanAssignHelpers,
  Status,
  setDefaultTimeout,
  setParallelCanAssign,
} from '@cucumber/cucumber';
import { openDriver } from '../../src/driver/create-driver.ts';
import type { Driver } from '../../src/driver/driver.ts';
import { strictDriver } from '../../src/driver/strict-driver.ts';
import { registerStopHooks } from '../../src/run/stop-hooks.ts';
import { stepTraceMediaType } from './capability-needs.ts';
import { attachEvidence } from './evidence.ts';
import { missingCapabilities, notClaimedMediaType } from './not-claimed.ts';
import type { VcertParameters, VoucherWorld } from './world.ts';

setDefaultTimeout(30_000);

// First: when `vcert run` stops (Ctrl-C, its time limit), no scenario opens a driver any more.
registerStopHooks();

// Tender scenarios replace the tenant's tender configuration. On a shared tenant (no test control) two
// of them at once would see each other's, so a parallel run never runs two at the same time.
setParallelCanAssign(parallelCanAssignHelpers.atMostOnePicklePerTag(['@capability:tenders']));

/** One driver held for the whole worker: keeps the connection pool warm and reads the capabilities once. */
let keeper: Driver | undefined;
let claimed: Set<string> | undefined;

function choiceOf(parameters: VcertParameters) {
  return {
    target: parameters.target,
    adapter: parameters.adapter,
    apiKeys: parameters.apiKeys,
    timeoutMs: parameters.timeoutMs,
  };
}

BeforeAll(async function () {
  const parameters = this.parameters as unknown as VcertParameters;
  if (!parameters?.target)
    throw new Error('world parameter "target" is required, e.g. {"target":"http://127.0.0.1:8080"}');
  keeper = await openDriver(choiceOf(parameters));
  claimed = new Set(parameters.capabilities?.length ? parameters.capabilities : await keeper.capabilities());
});

AfterAll(async () => {
  await keeper?.close();
});

/**
 * A scenario that needs a capability the target does not claim is skipped, never passed, and says so in
 * an attachment that the run's report turns into "not claimed". Otherwise it gets its own tenant
 * (test control) or the vendor-given keys.
 */
Before(async function (this: VoucherWorld, { pickle }) {
  this.claimed = claimed ?? new Set();
  const missing = missingCapabilities(
    pickle.tags.map((t) => t.name),
    this.claimed,
  );
  if (missing.length > 0) {
    this.attach(JSON.stringify({ notClaimed: missing }), notClaimedMediaType);
    this.attach(
      `Not claimed: the target does not claim ${missing.join(', ')}. Skipped, not passed: nothing was certified.`,
      'text/plain',
    );
    return 'skipped';
  }
  this.rawDriver = this.evidence.wrap(
    await openDriver({ ...choiceOf(this.parameters), onExchange: this.evidence.listener }),
  );
  this.driver = strictDriver(this.rawDriver);
  this.session = await this.driver.setup();
  return undefined;
});

BeforeStep(function (this: VoucherWorld, { pickleStep }) {
  this.phase = String(pickleStep.type ?? 'Unknown');
  this.evidence.nextStep(pickleStep.text, this.phase);
});

/**
 * A failing step carries its evidence: its exchanges with the target and a reproducer of the scenario
 * so far. In the suite's self-test (world parameter trace), each step says what it did and what that needs.
 */
AfterStep(function (this: VoucherWorld, { pickle, pickleStep, result }) {
  const trace = this.needs.take(pickleStep.text);
  if (this.parameters.trace) this.attach(JSON.stringify(trace), stepTraceMediaType);
  if (result.status === Status.FAILED && this.session) attachEvidence(this, pickle, pickleStep.text);
});

After(async function (this: VoucherWorld) {
  for (const extra of this.extraDrivers) await extra.close();
  if (!this.driver) return;
  await this.driver.teardown();
  await this.driver.close();
});
