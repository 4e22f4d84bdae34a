import assert from 'node:assert/strict';
import { After, defineParameterType } from '@cucumber/cucumber';
import { faultProfile } from '../simulators/faults/fault-profiles.ts';
import { type FaultProxy, startFaultProxy } from '../simulators/faults/fault-proxy.ts';
import { faultyDriver } from '../simulators/faults/faulty-driver.ts';
import type { BehaviourMix } from '../simulators/pos/behaviour.ts';
import type { Policy } from '../spec/capabilities.ts';
import { renderSummary } from '../src/checkers/summary-text.ts';
import type { Driver } from '../src/driver/driver.ts';
import { raceAttachment, raceMediaType } from '../src/evidence/race-attachment.ts';
import { type RaceOutcome, raceOnce } from '../src/race/race-once.ts';
import { type RaceOptions, raceDefaults } from '../src/race/race-options.ts';
import type { Money } from './support/money.ts';
import { Given, Then, When } from './support/steps.ts';
import type { VoucherWorld } from './support/world.ts';

/** What a concurrency scenario set up and what its race gave; kept beside the World, per scenario. */
interface RaceState {
  vouchers: Map<string, { funds: Money; policy: Policy; oneTime?: boolean }>;
  faults: string;
  proxies: FaultProxy[];
  outcome?: RaceOutcome;
}
const states = new WeakMap<VoucherWorld, RaceState>();
function stateOf(world: VoucherWorld): RaceState {
  let state = states.get(world);
  if (!state) {
    state = { vouchers: new Map(), faults: 'none', proxies: [] };
    states.set(world, state);
  }
  return state;
}

const numbers: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  ten: 10,
};
const countOf = (word: string) => numbers[word] ?? Number(word);

/** "two POS and a web shop", "three POS", "20 POS and two web shops". */
defineParameterType({
  name: 'counters',
  regexp: /(?:\w+) POS(?: and (?:\w+) web shops?)?/,
  transformer: (text: string) => {
    const match = /^(\w+) POS(?: and (\w+) web shops?)?$/.exec(text);
    return { terminals: countOf(match?.[1] ?? '0'), webshops: match?.[2] ? countOf(match[2]) : 0 };
  },
});

Given(
  'voucher {string} worth {money} under the {word} policy',
  function (this: VoucherWorld, alias: string, funds: Money, policy: string) {
    this.requires(policy);
    this.need(policy, `voucher ${alias}`);
    stateOf(this).vouchers.set(alias, { funds, policy: policy as Policy });
  },
);

/** A one-time voucher (LC-07) to race on: used once, then redeemed, whatever is left. */
Given(
  'a one-time voucher {string} worth {money} under the {word} policy',
  function (this: VoucherWorld, alias: string, funds: Money, policy: string) {
    this.requires(policy);
    this.need(policy, `voucher ${alias}`);
    this.need('one-time-vouchers', `voucher ${alias}`);
    stateOf(this).vouchers.set(alias, { funds, policy: policy as Policy, oneTime: true });
  },
);

Given('a network that loses, delays and repeats messages', function (this: VoucherWorld) {
  stateOf(this).faults = 'chaos';
});

/** The counters' drivers: the World's own, or one through a fault proxy in front of the World's target. */
async function countersDrivers(world: VoucherWorld, state: RaceState): Promise<Driver[]> {
  if (state.faults === 'none') return [world.rawDriver];
  // A vendor adapter speaks its own protocol: the faults are injected at the driver seam instead.
  if (world.parameters.adapter) return [faultyDriver(world.rawDriver, faultProfile(state.faults), 5)];
  const proxy = await startFaultProxy({
    target: world.parameters.target,
    profile: faultProfile(state.faults),
    seed: 5,
    hangMs: 1500,
  });
  state.proxies.push(proxy);
  return [
    await world.openDriver(
      { target: proxy.url, apiKeys: world.session.keys, timeoutMs: 1000 },
      'fault proxy',
    ),
  ];
}

async function race(
  world: VoucherWorld,
  alias: string,
  counters: { terminals: number; webshops: number },
  mix: BehaviourMix,
  whole = false,
  amount?: number,
  more: Partial<RaceOptions> = {},
) {
  const state = stateOf(world);
  const voucher = state.vouchers.get(alias);
  if (!voucher) throw new Error(`no voucher "${alias}" in this scenario`);
  // An exclusive hold is only put to the test when a racer finds the voucher in use: on a loaded machine
  // the racers may miss each other, so the race is run again (a bounded number of times) until they meet.
  for (let attempt = 1; attempt <= raceAttempts; attempt++) {
    await raceOnceInto(world, state, voucher, counters, mix, whole, amount, more);
    // The race as evidence: the certification page charts its money, latency and refusals.
    const outcome = state.outcome;
    if (outcome)
      await world.attach(
        raceAttachment({ history: outcome.history, ledgers: outcome.ledgers, report: outcome.report }),
        raceMediaType,
      );
    // A finding is never raced away: a race the checkers fault is the outcome.
    if (voucher.policy !== 'exclusive-hold' || inUseSeen(state.outcome)) return;
    if (state.outcome?.report.valid !== true) return;
  }
}

const raceAttempts = 3;
const inUseSeen = (outcome: RaceOutcome | undefined) =>
  (outcome?.history.ops ?? []).some(
    (op) => op.completion === 'fail' && (op.result as { code?: string }).code === 'voucher_in_use',
  );

async function raceOnceInto(
  world: VoucherWorld,
  state: RaceState,
  voucher: NonNullable<ReturnType<RaceState['vouchers']['get']>>,
  counters: { terminals: number; webshops: number },
  mix: BehaviourMix,
  whole: boolean,
  amount?: number,
  more: Partial<RaceOptions> = {},
) {
  state.outcome = await raceOnce(
    { direct: world.rawDriver, counters: await countersDrivers(world, state), claimed: [...world.claimed] },
    {
      ...raceDefaults,
      ...counters,
      policy: voucher.policy,
      // The counters' drivers carry the faults; the history says whether there were any.
      faults: state.faults,
      vouchers: 1,
      funds: voucher.funds.amount,
      currency: voucher.funds.currency,
      barrier: true,
      mix,
      // Bounded by the count of operations; the seconds are a backstop (a loaded machine takes longer).
      seconds: 5,
      ops: 300,
      seed: 123,
      timeLimitMs: 10_000,
      ...(voucher.oneTime ? { voucherKind: 'one-time' as const } : {}),
      ...(whole ? { minAmount: voucher.funds.amount, maxAmount: voucher.funds.amount } : {}),
      ...(amount ? { minAmount: amount, maxAmount: amount } : {}),
      ...more,
    },
  );
}

When(
  '{counters} redeem voucher {string} at the same moment',
  async function (this: VoucherWorld, counters, alias: string) {
    await race(this, alias, counters, {
      pay: 5,
      release: 1,
      abandon: 1,
      'double-pay': 1,
      return: 1,
      redeem: 1,
    });
  },
);

/**
 * One-step redemptions only (a system without holds pays this way), in bursts that start at one instant:
 * a server that groups the requests arriving together must still answer the last ones of each burst,
 * when nothing comes after them. Bursts run until one is not valid (a finding is never raced away).
 */
When(
  '{counters} redeem voucher {string} in one step, in {int} bursts at the same moment',
  async function (this: VoucherWorld, counters, alias: string, bursts: number) {
    this.requires('one-step-redeem');
    for (let burst = 0; burst < bursts; burst++) {
      await race(this, alias, counters, { redeem: 1 }, false, undefined, { ops: 60, seed: 123 + burst });
      if (stateOf(this).outcome?.report.valid !== true) return;
    }
  },
);

When(
  '{counters} each redeem all of voucher {string} at the same moment',
  async function (this: VoucherWorld, counters, alias: string) {
    await race(this, alias, counters, { pay: 1 }, true);
  },
);

When(
  '{counters} pay small amounts with voucher {string} at the same moment',
  async function (this: VoucherWorld, counters, alias: string) {
    const voucher = stateOf(this).vouchers.get(alias);
    const small = Math.max(1, Math.floor((voucher?.funds.amount ?? 100) / 20));
    await race(this, alias, counters, { pay: 1, redeem: 1 }, false, small);
  },
);

When(
  '{counters} hold parts of voucher {string} at the same moment',
  async function (this: VoucherWorld, counters, alias: string) {
    await race(this, alias, counters, { pay: 4, release: 1, abandon: 1 });
  },
);

/**
 * RD-04 under load: the tenant's clock moves past the open holds every 25 operations while three clients
 * ask the service to run its background expiry, round after round (test control's sweep). Holds live
 * 600 s, so they expire by the clock alone, in batches the sweep and the counters' requests both reach.
 */
When(
  '{counters} hold parts of voucher {string} while the clock moves past their holds and the background expiry runs all the time',
  async function (this: VoucherWorld, counters, alias: string) {
    this.requires('test-control');
    this.requires('sweep-control');
    await race(this, alias, counters, { abandon: 2, pay: 1, redeem: 1 }, false, undefined, {
      clockMoves: 720,
      sweepers: 3,
      pos: { holdTtlSeconds: 600 },
      webshop: { holdTtlSeconds: 600 },
    });
  },
);

/** Every way money moves on a voucher at once: payments both ways, goods returned, top-ups sold. */
When(
  '{counters} pay, refund and top up voucher {string} at the same moment',
  async function (this: VoucherWorld, counters, alias: string) {
    this.requires('top-up');
    this.requires('redemption-refund');
    await race(this, alias, counters, { pay: 3, redeem: 1, return: 2, release: 1, 'top-up': 2 });
  },
);

/** Two registers closing one basket: each hold captured twice at once, under two keys. */
When(
  '{counters} capture each hold of voucher {string} twice under different keys at the same moment',
  async function (this: VoucherWorld, counters, alias: string) {
    this.requires('holds');
    await race(this, alias, counters, { 'split-capture': 1 });
  },
);

function outcomeOf(world: VoucherWorld): RaceOutcome {
  const outcome = stateOf(world).outcome;
  if (!outcome) throw new Error('no race has run in this scenario');
  return outcome;
}

Then('no checker finds a violation', function (this: VoucherWorld) {
  const outcome = outcomeOf(this);
  assert.equal(outcome.report.valid, true, renderSummary(outcome.history, outcome.report));
});

Then('voucher {string} was never spent beyond its funds', function (this: VoucherWorld, alias: string) {
  const outcome = outcomeOf(this);
  const money = outcome.report.verdicts.find((v) => v.checker === 'money-bounds');
  assert.equal(money?.valid, true, renderSummary(outcome.history, outcome.report));
  const funds = stateOf(this).vouchers.get(alias)?.funds.amount ?? 0;
  const ledger = outcome.ledgers[0];
  assert.ok(
    ledger?.balance && ledger.balance.amount >= 0 && ledger.balance.amount <= funds,
    JSON.stringify(ledger?.balance),
  );
});

Then('at most one receipt held voucher {string} at any time', function (this: VoucherWorld, _alias: string) {
  const outcome = outcomeOf(this);
  const policy = outcome.report.verdicts.find((v) => v.checker === 'policy');
  assert.equal(policy?.valid, true, renderSummary(outcome.history, outcome.report));
  const refused = outcome.history.ops.filter(
    (op) => op.completion === 'fail' && (op.result as { code: string }).code === 'voucher_in_use',
  );
  assert.ok(refused.length > 0, 'the others were told the voucher is in use');
});

After(async function (this: VoucherWorld) {
  const state = states.get(this);
  for (const proxy of state?.proxies ?? []) await proxy.close();
});
