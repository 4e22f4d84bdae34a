import type { Capability } from '../../spec/capabilities.ts';
import { type DriverChoice, openDriver } from '../driver/create-driver.ts';
import type { Driver } from '../driver/driver.ts';
import type { Transcript } from '../reproducers/transcript.ts';
import { stoppableDriver } from '../run/stoppable-driver.ts';
import { commandStop, describeStop, type StopCause } from '../run/stopped.ts';
import { watchTargetConnections } from '../run/target-connections.ts';
import { checkAccess } from './access/access-property.ts';
import { checkRaces } from './interleavings/race-property.ts';
import { checkNegativeData } from './negative/negative-property.ts';
import { isNotClaimed } from './not-claimed.ts';
import { checkPositiveData } from './positive/positive-property.ts';
import { notClaimedOutcome, type PropertyOutcome, setupFailedOutcome } from './property-outcome.ts';
import type { RunBudget } from './run-budget.ts';
import { checkTenderOrders } from './tenders/tender-orders.ts';
import { checkVoucherLife } from './voucher-life.ts';

export const propertyNames = [
  'voucher-life',
  'races',
  'negative-data',
  'positive-data',
  'access',
  'tender-orders',
] as const;
export type PropertyName = (typeof propertyNames)[number];

export interface PropertiesRun extends DriverChoice {
  budget: RunBudget;
  /** Default: every property. */
  only?: readonly PropertyName[];
  /** Called as each property finishes (progress for the CLI). */
  onOutcome?: (outcome: PropertyOutcome) => void;
  /** An interrupt (Ctrl-C): the properties stop as at their time limit. */
  signal?: AbortSignal;
  /**
   * The overall time limit: when it is reached nothing more is sent, the property in flight and those
   * after it are "not run" (never passed, never failed), and the run is not a pass. Default: none.
   */
  timeLimitMs?: number;
  /** Told once when the run stops before its end. */
  onStop?: (cause: StopCause) => void;
  /** One line about an option that has no effect (e.g. --api-key for a target with test control). */
  onWarning?: (line: string) => void;
}

/** A property the run stopped before it could decide it. */
export interface PropertyNotRun {
  property: PropertyName;
  /** Why: the stop ("the time limit of 10m was reached"), and for one cut off, how to run it again. */
  reason: string;
}

/** Every verdict reached, what was not run, and why the run stopped (when it did). */
export interface PropertiesResult {
  outcomes: PropertyOutcome[];
  notRun: PropertyNotRun[];
  stopped?: StopCause;
}

/**
 * The properties could not run at all (target unreachable before the first property, no credentials):
 * nothing was checked. Anything that happens once a property has started is that property's verdict.
 */
export class PropertiesNotRun extends Error {
  override name = 'PropertiesNotRun';
}

/** Opens the driver and reads what the target claims; throws PropertiesNotRun when that is impossible. */
async function openTarget(choice: DriverChoice): Promise<{ driver: Driver; claimed: Capability[] }> {
  let driver: Driver;
  try {
    driver = await openDriver(choice);
  } catch (error) {
    throw new PropertiesNotRun(`cannot open the driver: ${(error as Error).message}`);
  }
  try {
    const claimed = await driver.capabilities();
    const keys = Object.values(choice.apiKeys ?? {}).filter((k) => k !== undefined && k !== '');
    if (!choice.adapter && !claimed.includes('test-control') && keys.length === 0)
      throw new PropertiesNotRun('the target has no test control: give --api-key role=KEY');
    return { driver, claimed };
  } catch (error) {
    await driver.close();
    if (error instanceof PropertiesNotRun) throw error;
    throw new PropertiesNotRun(`cannot read what the target claims: ${(error as Error).message}`);
  }
}

/**
 * One property, isolated: whatever its set-up meets (an answer outside the contract, a failed
 * arrangement, a thrown error) becomes its own verdict, failed with the error, so the next property
 * still runs; a CannotArrange or NotClaimed makes it "not claimed".
 */
async function isolated(
  property: PropertyName,
  seed: number | undefined,
  check: () => Promise<PropertyOutcome>,
): Promise<PropertyOutcome> {
  try {
    return await check();
  } catch (error) {
    if (isNotClaimed(error)) return notClaimedOutcome(property, error.message, seed);
    const transcript = (error as { transcript?: Transcript }).transcript;
    return setupFailedOutcome(property, error, seed, transcript);
  }
}

/**
 * Runs the properties against one target through the driver seam (the canonical HTTP driver or a vendor
 * adapter), each isolated from the others: every wanted property reports a verdict. Negative data alone
 * also sends raw requests to the target's URL, which adapters may not serve. Throws PropertiesNotRun only
 * when nothing could run (see openTarget).
 */
export async function runProperties(run: PropertiesRun): Promise<PropertyOutcome[]> {
  return (await runPropertiesWithLimits(run)).outcomes;
}

/**
 * runProperties with its time limit and interrupt: once stopped, nothing more reaches the target
 * (requests waiting for it end at once), and the property in flight, unless it had already held, and
 * every one after it are "not run". A property cut off is not judged from what the stop did to it: its
 * seed replays it.
 */
export async function runPropertiesWithLimits(run: PropertiesRun): Promise<PropertiesResult> {
  const { budget, only, onOutcome, signal, timeLimitMs, onStop, onWarning, ...choice } = run;
  const wanted = propertyNames.filter((name) => (only ?? propertyNames).includes(name));
  const stop = commandStop({ signal, timeLimitMs });
  const connections = watchTargetConnections([choice.target]);
  const onAbort = () => {
    const cause = stop.cause();
    if (cause) onStop?.(cause);
    connections.cut(stop.signal.reason as Error);
  };
  stop.signal.addEventListener('abort', onAbort, { once: true });
  const outcomes: PropertyOutcome[] = [];
  const notRun: PropertyNotRun[] = [];
  const result = (): PropertiesResult => {
    const cause = stop.cause();
    return { outcomes, notRun, ...(cause ? { stopped: cause } : {}) };
  };
  let driver: Driver | undefined;
  try {
    try {
      const opened = await openTarget(choice);
      driver = opened.driver;
      const keys = Object.values(choice.apiKeys ?? {}).some((k) => k);
      if (keys && !choice.adapter && opened.claimed.includes('test-control'))
        onWarning?.(
          '--api-key is not used: the target has test control, so each property gets a tenant of its own',
        );
    } catch (error) {
      const cause = stop.cause();
      if (!cause) throw error;
      for (const property of wanted) notRun.push({ property, reason: describeStop(cause) });
      return result();
    }
    const guarded = stoppableDriver(driver, stop.signal, 'throw');
    const checks: Record<PropertyName, () => Promise<PropertyOutcome>> = {
      'voucher-life': () => checkVoucherLife(guarded, budget),
      races: () => checkRaces(guarded, budget),
      'negative-data': () => checkNegativeData(guarded, choice, budget),
      'positive-data': () => checkPositiveData(guarded, budget),
      access: () =>
        checkAccess(guarded, async () => stoppableDriver(await openDriver(choice), stop.signal, 'throw')),
      'tender-orders': () => checkTenderOrders(guarded, budget),
    };
    for (const name of wanted) {
      const before = stop.cause();
      if (before) {
        notRun.push({ property: name, reason: describeStop(before) });
        continue;
      }
      const outcome = await isolated(name, budget.seed, checks[name]);
      const cause = stop.cause();
      if (cause && outcome.verdict === 'failed') {
        // What the stop did to it (every call refused) says nothing about the target.
        const replay = `vcert properties --only ${name} --seed ${outcome.seed}`;
        notRun.push({ property: name, reason: `${describeStop(cause)} while it ran (replay: ${replay})` });
        continue;
      }
      outcomes.push(outcome);
      onOutcome?.(outcome);
    }
    return result();
  } finally {
    stop.signal.removeEventListener('abort', onAbort);
    stop.dispose();
    await driver?.close();
    connections.close();
  }
}
