import { type DriverChoice, openDriver } from '../driver/create-driver.ts';
import { checkAccess } from './access/access-property.ts';
import { checkRaces } from './interleavings/race-property.ts';
import { checkNegativeData } from './negative/negative-property.ts';
import { checkPositiveData } from './positive/positive-property.ts';
import type { PropertyOutcome } from './property-outcome.ts';
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
 * Runs the properties against one target through the driver seam (the canonical HTTP driver or a vendor
 * adapter). Negative data alone also sends raw requests to the target's URL, which adapters may not serve.
 */
export async function runProperties(run: PropertiesRun): Promise<PropertyOutcome[]> {
  const { budget, only, onOutcome, ...choice } = run;
  const wanted = new Set<PropertyName>(only ?? propertyNames);
  const driver = await openDriver(choice);
  const outcomes: PropertyOutcome[] = [];
  const done = (o: PropertyOutcome) => {
    outcomes.push(o);
    onOutcome?.(o);
  };
  try {
    if (wanted.has('voucher-life')) done(await checkVoucherLife(driver, budget));
    if (wanted.has('races')) done(await checkRaces(driver, budget));
    if (wanted.has('negative-data')) done(await checkNegativeData(driver, choice, budget));
    if (wanted.has('positive-data')) done(await checkPositiveData(driver, budget));
    if (wanted.has('access')) done(await checkAccess(driver, () => openDriver(choice)));
  } finally {
    await driver.close();
  }
  return outcomes;
}
