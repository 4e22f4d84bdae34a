import { Given as cucumberGiven, Then as cucumberThen, When as cucumberWhen } from '@cucumber/cucumber';
import { notClaimedMediaType } from './not-claimed.ts';
import type { VoucherWorld } from './world.ts';

// biome-ignore lint/suspicious/noExplicitAny: step functions take the pattern's parameters, whatever they are.
type StepFunction = (this: VoucherWorld, ...args: any[]) => unknown;
type Define = (pattern: string | RegExp, code: StepFunction) => void;

/**
 * A step that the target cannot be brought to (its adapter or the contract cannot arrange the provider
 * state) makes the scenario "not claimed", with the reason, instead of failed: arrangement is the
 * vendor's business, and what cannot be arranged cannot be certified either way.
 */
function guarded(code: StepFunction): StepFunction {
  const wrapped = async function (this: VoucherWorld, ...args: unknown[]) {
    try {
      return await code.apply(this, args);
    } catch (error) {
      if ((error as Error | null)?.name !== 'CannotArrange') throw error;
      this.attach(JSON.stringify({ cannotArrange: (error as Error).message }), notClaimedMediaType);
      this.attach(
        `Not claimed: the target cannot be brought to this step's state (${(error as Error).message}). Skipped, not passed.`,
        'text/plain',
      );
      return 'skipped';
    }
  };
  // cucumber-js reads the arity to tell a data table or a callback from the pattern's parameters.
  Object.defineProperty(wrapped, 'length', { value: code.length });
  return wrapped;
}

const wrap =
  (define: (pattern: string | RegExp, code: StepFunction) => void): Define =>
  (pattern, code) =>
    define(pattern, guarded(code));

/** cucumber-js's Given, When and Then, with the not-claimed guard for arrangement. */
export const Given = wrap(cucumberGiven as never);
export const When = wrap(cucumberWhen as never);
export const Then = wrap(cucumberThen as never);
