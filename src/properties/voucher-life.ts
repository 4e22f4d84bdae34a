import fc from 'fast-check';
import { type Capability, payingCapabilities } from '../../spec/capabilities.ts';
import type { Driver } from '../driver/driver.ts';
import type { Transcript } from '../reproducers/transcript.ts';
import { ArrangeVoucherCommand } from './commands/arrange-voucher.ts';
import { voucherCommandSequences, voucherKind } from './commands/index.ts';
import { rareChains } from './commands/rare-chains.ts';
import { newVoucherModel } from './model/voucher-model.ts';
import { NotClaimed } from './not-claimed.ts';
import { notClaimedOutcome, outcomeOf, type PropertyOutcome } from './property-outcome.ts';
import { checkParameters, type RunBudget } from './run-budget.ts';
import { TargetSession } from './target-session.ts';

/**
 * Model-based property of a voucher's life: generated command sequences run against the target through
 * the driver, each answer (status, code, balances) checked against the model; on a failure fast-check
 * shrinks to the shortest sequence that still fails. Each run starts from one activated voucher the
 * driver arranges (a fresh tenant when the target has test control), and generates only what the target
 * claims. A kind of voucher the target cannot arrange skips that run; none at all: not claimed.
 */
export async function checkVoucherLife(
  driver: Driver,
  budget: RunBudget,
  /** Gathers what the runs exercised (cells of the lifecycle table …: VoucherModel.reached). */
  coverage?: Set<string>,
): Promise<PropertyOutcome> {
  const claimed = new Set<Capability>(await driver.capabilities());
  if (!payingCapabilities.some((c) => claimed.has(c)))
    throw new NotClaimed(`the target claims no way to pay (${payingCapabilities.join(' or ')})`);
  let lastFailure: Transcript | undefined;
  let cannotArrange: string | undefined;
  const property = fc.asyncProperty(
    voucherKind(claimed),
    fc.integer({ min: 1, max: 5000 }),
    voucherCommandSequences(claimed, budget.maxCommands ?? 30),
    async (kind, denomination, commands) => {
      const session = await driver.setup();
      const real = new TargetSession(driver, session, claimed);
      const model = newVoucherModel(claimed);
      const opening = new ArrangeVoucherCommand(kind, denomination);
      try {
        await opening.run(model, real);
        if (opening.refused !== undefined) {
          cannotArrange ??= opening.refused;
          // Not a finding: this kind of voucher is not arrangeable here; fast-check draws another case.
          fc.pre(false);
        }
        await fc.asyncModelRun(() => ({ model, real }), commands);
      } catch (error) {
        if (!fc.PreconditionFailure.isFailure(error)) lastFailure = real.transcript;
        throw error;
      } finally {
        for (const cell of model.reached) coverage?.add(cell);
      }
    },
  );
  // The rare chains first (fast-check's examples, counted in the runs), then `budget.runs` generated runs.
  const chains = rareChains(claimed);
  const details = await fc.check(property, {
    ...checkParameters(budget),
    examples: chains,
    numRuns: budget.runs + chains.length,
  });
  if (details.numRuns === 0 && cannotArrange !== undefined)
    return notClaimedOutcome('voucher-life', `no voucher could be arranged: ${cannotArrange}`, details.seed);
  const outcome = outcomeOf('voucher-life', details, lastFailure, (example) => 1 + ranCommands(example[2]));
  if (cannotArrange !== undefined) outcome.reason = `some kinds of voucher left out: ${cannotArrange}`;
  return outcome;
}

/** How many commands of a generated sequence ran: fast-check prints exactly those, comma-separated. */
function ranCommands(commands: Iterable<unknown>): number {
  const shown = String(commands)
    .replace(/\/\*.*\*\//s, '')
    .trim();
  return shown === '' ? 0 : shown.split(',').length;
}
