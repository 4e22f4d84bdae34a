import fc from 'fast-check';
import { type Capability, payingCapabilities } from '../../../spec/capabilities.ts';
import type { Driver } from '../../driver/driver.ts';
import type { Transcript } from '../../reproducers/transcript.ts';
import { ArrangeVoucherCommand } from '../commands/arrange-voucher.ts';
import { expectAnswer } from '../commands/expect-answer.ts';
import { newVoucherModel } from '../model/voucher-model.ts';
import { NotClaimed } from '../not-claimed.ts';
import { notClaimedOutcome, outcomeOf, type PropertyOutcome } from '../property-outcome.ts';
import { moneyText } from '../render/money-text.ts';
import { checkParameters, type RunBudget } from '../run-budget.ts';
import { TargetSession } from '../target-session.ts';
import { type RaceEvent, runPosFlow } from './pos-flow.ts';
import { historyViolations, type SettledRead } from './race-history.ts';
import { type RacePlan, raceHoldTtlSeconds, racePlan, topsUp } from './race-plan.ts';
import { raceViolations } from './race-verdict.ts';

/** One activated voucher for the race, arranged by the driver and read back like a model run's. */
async function raceVoucher(r: TargetSession, plan: RacePlan) {
  const kind = {
    policy: plan.policy,
    reusable: plan.reusable,
    topUpAllowed: topsUp(plan),
    validityDays: 365,
    holdTtlSeconds: raceHoldTtlSeconds,
  };
  const arrange = new ArrangeVoucherCommand(kind, plan.funds);
  await arrange.run(newVoucherModel(r.capabilities), r);
  return { voucher: arrange.refused === undefined ? r.voucher(0) : undefined, refused: arrange.refused };
}

/** The voucher's balance after the race, and what its ledger adds up to when the target keeps one. */
async function settledBalance(
  r: TargetSession,
  id: string,
): Promise<{ balance: number; ledgerSum?: number; read: SettledRead['op'] }> {
  if (r.capabilities.has('ledger')) {
    const ledger = await r.call({ operationId: 'getLedger', auth: { role: 'pos' }, params: { id } });
    expectAnswer('getLedger after the race', ledger, null);
    if (ledger.completion !== 'ok') throw new Error('unreachable');
    return {
      read: 'getLedger',
      balance: ledger.body.balance.amount,
      ledgerSum: ledger.body.entries.reduce((sum, e) => sum + e.amount, 0),
    };
  }
  const balance = await r.call({ operationId: 'getBalance', auth: { role: 'pos' }, params: { id } });
  expectAnswer('getBalance after the race', balance, null);
  if (balance.completion !== 'ok') throw new Error('unreachable');
  return { read: 'getBalance', balance: balance.body.balance.amount };
}

/**
 * Interleavings: several simulated POS race one voucher while fast-check's scheduler decides the order
 * of every send and every answer. They pay the ways the target claims (holds, one step), release holds,
 * refund payments, top up, capture one hold twice at once, and leave holds to expire while the test
 * clock moves, on a voucher of a claimed policy, one-time when claimed. Whatever the order, money never
 * exceeds funds and credits, acknowledged debits and credits are all in the balance (and the ledger,
 * when kept), every refusal is one the policy allows, and the history checkers `policy` and
 * `linearizability` find nothing (a one-time voucher is used at most once; no hold is captured after
 * the clock moved past it).
 */
export async function checkRaces(driver: Driver, budget: RunBudget): Promise<PropertyOutcome> {
  const claimed = new Set<Capability>(await driver.capabilities());
  if (!payingCapabilities.some((c) => claimed.has(c)))
    throw new NotClaimed(`the target claims no way to pay (${payingCapabilities.join(' or ')})`);
  let lastFailure: Transcript | undefined;
  let cannotArrange: string | undefined;
  const property = fc.asyncProperty(racePlan(claimed), fc.scheduler(), async (plan, s) => {
    const r = new TargetSession(driver, await driver.setup(), claimed);
    let arranged: Awaited<ReturnType<typeof raceVoucher>>;
    try {
      arranged = await raceVoucher(r, plan);
    } catch (error) {
      lastFailure = r.transcript;
      throw error;
    }
    const { voucher } = arranged;
    if (!voucher) {
      cannotArrange ??= arranged.refused;
      // Not a finding: this kind of voucher is not arrangeable here; fast-check draws another case.
      fc.pre(false);
      return;
    }
    const events: RaceEvent[] = [];
    const clock = { tick: 0 };
    r.say('When at the same time:');
    r.say('  | actor | action | amount | voucher |');
    // "pays" is the suite's own action: in one step or through a hold, as the target claims; "abandons"
    // holds, moves the clock past the hold's time-to-live and tries to capture it.
    for (const [i, f] of plan.flows.entries())
      r.say(`  | POS ${i + 1} | ${f.action} | ${moneyText(f.amount, 'EUR')} | ${voucher.alias} |`);
    const flows = plan.flows.map((flow, i) => runPosFlow(s, r, voucher.id, i + 1, flow, clock, events));
    await s.waitFor(Promise.all(flows));
    const outside = events.find((e) => e.violation !== undefined);
    if (outside) {
      lastFailure = r.transcript;
      throw new Error(outside.violation);
    }
    try {
      const settled = await settledBalance(r, voucher.id);
      if (settled.ledgerSum !== undefined)
        r.say(`Then the ledger of voucher "${voucher.alias}" adds up to its balance`);
      const violations = [
        ...raceViolations({
          policy: plan.policy,
          reusable: plan.reusable,
          funds: plan.funds,
          events,
          finalBalance: settled.balance,
          ledgerSum: settled.ledgerSum,
        }),
        ...historyViolations(plan, voucher.id, events, { op: settled.read, balance: settled.balance }),
      ];
      if (violations.length > 0)
        throw new Error(
          `${violations.join('; ')}\n  order: ${s
            .report()
            .map((t) => t.label)
            .join(' → ')}`,
        );
    } catch (error) {
      lastFailure = r.transcript;
      throw error;
    }
  });
  const details = await fc.check(property, checkParameters(budget));
  if (details.numRuns === 0 && cannotArrange !== undefined)
    return notClaimedOutcome('races', `no voucher could be arranged: ${cannotArrange}`, details.seed);
  const outcome = outcomeOf('races', details, lastFailure, (example) => example[0].flows.length);
  if (cannotArrange !== undefined) outcome.reason = `some kinds of voucher left out: ${cannotArrange}`;
  return outcome;
}
