import type { Capability } from '../../spec/capabilities.ts';
import { type DriverChoice, openDriver } from '../driver/create-driver.ts';
import type { Driver } from '../driver/driver.ts';
import type { Transcript } from '../reproducers/transcript.ts';
import { checkAccess } from './access/access-property.ts';
import { checkRaces } from './interleavings/race-property.ts';
import { checkNegativeData } from './negative/negative-property.ts';
import { isNotClaimed } from './not-claimed.ts';
import { checkPositiveData } from './positive/positive-property.ts';
import { notClaimedOutcome, type PropertyOutcome, setupFailedOutcome } from './property-outcome.ts';
import type { RunBudget } from './run-budget.ts';
import { checkVoucherLife } from './voucher-life.ts';

export const propertyNames = ['voucher-life', 'races', 'negative-data', 'positive-data', 'access'] as const;
export type PropertyName = (typeof propertyNames)[number];

export interface PropertiesRun extends DriverChoice {
  budget: RunBudget;
  /** Default: every property. */
  only?: readonly PropertyName[];
  /** Called as each property finishes (progress for the CLI). */
  onOutcome?: (outcome: PropertyOutcome) => void;
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
  const { budget, only, onOutcome, ...choice } = run;
  const wanted = new Set<PropertyName>(only ?? propertyNames);
  const { driver } = await openTarget(choice);
  const outcomes: PropertyOutcome[] = [];
  const checks: Record<PropertyName, () => Promise<PropertyOutcome>> = {
    'voucher-life': () => checkVoucherLife(driver, budget),
    races: () => checkRaces(driver, budget),
    'negative-data': () => checkNegativeData(driver, choice, budget),
    'positive-data': () => checkPositiveData(driver, budget),
    access: () => checkAccess(driver, () => openDriver(choice)),
  };
  try {
    for (const name of propertyNames) {
      if (!wanted.has(name)) continue;
      const outcome = await isolated(name, budget.seed, checks[name]);
      outcomes.push(outcome);
      onOutcome?.(outcome);
    }
  } finally {
    await driver.close();
  }
  return outcomes;
}
