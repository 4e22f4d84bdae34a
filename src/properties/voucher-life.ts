import fc from 'fast-check';
import type { Capability } from '../../spec/capabilities.ts';
import type { Driver } from '../driver/driver.ts';
import { voucherCommands, voucherKind } from './commands/index.ts';
import { IssueCommand } from './commands/issue.ts';
import { SellCommand } from './commands/sell.ts';
import { newVoucherModel } from './model/voucher-model.ts';
import { outcomeOf, type PropertyOutcome } from './property-outcome.ts';
import type { RunBudget } from './run-budget.ts';
import { TargetSession } from './target-session.ts';
import type { Transcript } from './transcript.ts';

/**
 * Model-based property of a voucher's life: generated command sequences run against the target through
 * the driver, each answer (status, code, balances) checked against the model; on a failure fast-check
 * shrinks to the shortest sequence that still fails. Each run has its own fresh tenant.
 */
export async function checkVoucherLife(driver: Driver, budget: RunBudget): Promise<PropertyOutcome> {
  const claimed = new Set<Capability>(await driver.capabilities());
  let lastFailure: Transcript | undefined;
  const property = fc.asyncProperty(
    voucherKind(claimed),
    fc.integer({ min: 1, max: 5000 }),
    fc.commands(voucherCommands(claimed), { size: 'max', maxCommands: budget.maxCommands ?? 20 }),
    async (kind, denomination, commands) => {
      const session = await driver.setup();
      const real = new TargetSession(driver, session, claimed);
      // Every run starts from one sold voucher, so that the generated commands have something to act on.
      const opening = [new IssueCommand(kind, denomination, 1), new SellCommand(0, true)];
      try {
        await fc.asyncModelRun(() => ({ model: newVoucherModel(claimed), real }), [...opening, ...commands]);
      } catch (error) {
        lastFailure = real.transcript;
        throw error;
      }
    },
  );
  const details = await fc.check(property, {
    numRuns: budget.runs,
    seed: budget.seed,
    path: budget.path,
    endOnFailure: budget.noShrink ?? false,
  });
  return outcomeOf('voucher-life', details, lastFailure, (example) => 2 + ranCommands(example[2]));
}

/** How many commands of a generated sequence ran: fast-check prints exactly those, comma-separated. */
function ranCommands(commands: Iterable<unknown>): number {
  const shown = String(commands)
    .replace(/\/\*.*\*\//s, '')
    .trim();
  return shown === '' ? 0 : shown.split(',').length;
}
