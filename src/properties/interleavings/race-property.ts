import fc from 'fast-check';
import type { Capability } from '../../../spec/capabilities.ts';
import type { Driver } from '../../driver/driver.ts';
import { IssueCommand } from '../commands/issue.ts';
import { SellCommand } from '../commands/sell.ts';
import { newVoucherModel } from '../model/voucher-model.ts';
import { outcomeOf, type PropertyOutcome } from '../property-outcome.ts';
import { moneyText } from '../render/money-text.ts';
import type { RunBudget } from '../run-budget.ts';
import { TargetSession } from '../target-session.ts';
import type { Transcript } from '../transcript.ts';
import { type RaceEvent, runPosFlow } from './pos-flow.ts';
import { type RacePlan, racePlan } from './race-plan.ts';
import { raceViolations } from './race-verdict.ts';

/** Sets up one sold voucher for the race, through the same commands (and checks) as the model runs. */
async function raceVoucher(driver: Driver, claimed: ReadonlySet<Capability>, plan: RacePlan) {
  const r = new TargetSession(driver, await driver.setup(), claimed);
  const m = newVoucherModel(claimed);
  const kind = {
    policy: plan.policy,
    reusable: plan.reusable,
    topUpAllowed: false,
    validityDays: 365,
    holdTtlSeconds: 600,
  };
  await new IssueCommand(kind, plan.funds, 1).run(m, r);
  await new SellCommand(0, true).run(m, r);
  return { r, voucher: r.voucher(0) };
}

/**
 * Interleavings: several simulated POS race one voucher while fast-check's scheduler decides the order
 * of every send and every answer. Whatever the order, money never exceeds funds, acknowledged debits are
 * all in the balance and ledger, and every refusal is one the policy allows.
 */
export async function checkRaces(driver: Driver, budget: RunBudget): Promise<PropertyOutcome> {
  const claimed = new Set<Capability>(await driver.capabilities());
  let lastFailure: Transcript | undefined;
  const property = fc.asyncProperty(racePlan(claimed), fc.scheduler(), async (plan, s) => {
    const { r, voucher } = await raceVoucher(driver, claimed, plan);
    const events: RaceEvent[] = [];
    const clock = { tick: 0 };
    r.say('When at the same time:');
    r.say('  | actor | action | amount | voucher |');
    for (const [i, f] of plan.flows.entries())
      r.say(`  | POS ${i + 1} | ${f.action} | ${moneyText(f.amount, 'EUR')} | ${voucher.alias} |`);
    const flows = plan.flows.map((flow, i) => runPosFlow(s, r, voucher.id, i + 1, flow, clock, events));
    await s.waitFor(Promise.all(flows));
    const outside = events.find((e) => e.violation !== undefined);
    if (outside) {
      lastFailure = r.transcript;
      throw outside.violation;
    }
    const ledger = await r.call({
      operationId: 'getLedger',
      auth: { role: 'pos' },
      params: { id: voucher.id },
    });
    if (ledger.completion !== 'ok') throw new Error(`getLedger: ${JSON.stringify(ledger)}`);
    r.say(`Then the ledger of voucher "${voucher.alias}" adds up to its balance`);
    const violations = raceViolations({
      policy: plan.policy,
      reusable: plan.reusable,
      funds: plan.funds,
      events,
      finalBalance: ledger.body.balance.amount,
      ledgerSum: ledger.body.entries.reduce((sum, e) => sum + e.amount, 0),
    });
    if (violations.length > 0) {
      lastFailure = r.transcript;
      throw new Error(
        `${violations.join('; ')}\n  order: ${s
          .report()
          .map((t) => t.label)
          .join(' → ')}`,
      );
    }
  });
  const details = await fc.check(property, {
    numRuns: budget.runs,
    seed: budget.seed,
    path: budget.path,
    endOnFailure: budget.noShrink ?? false,
  });
  return outcomeOf('races', details, lastFailure, (example) => example[0].flows.length);
}
