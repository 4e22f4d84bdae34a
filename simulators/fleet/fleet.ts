import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from '../../src/driver/driver.ts';
import type { Operation } from '../../src/history/operation.ts';
import { createRecorder, type MicroClock, monotonicMicros } from '../../src/history/recorder.ts';
import { type BasketPlan, type BehaviourMix, defaultMix } from '../pos/behaviour.ts';
import type { ChannelProfile, CounterAbilities } from '../pos/counter-context.ts';
import { createTerminal, posProfile, type Terminal } from '../pos/pos-terminal.ts';
import { createWebShop, webShopProfile } from '../webshop/web-shop.ts';
import { createBarrier } from './barrier.ts';
import { type ClockMoveOptions, moveClockWhile } from './clock-mover.ts';
import { type ClientCounters, recordingClient } from './recording-client.ts';
import { seededRandom } from './seeded-random.ts';
import { addSweepCounts, type SweepCount, sweepWhile } from './sweep-loop.ts';

/** Closed loop: every counter starts its next basket when the last is done. Rate: baskets per second in all. */
export type Arrival = { kind: 'closed' } | { kind: 'rate'; perSecond: number };

export interface FleetOptions {
  /** Opened drivers with keys; counter i reaches the target through drivers[i % length] (instances, proxies). */
  drivers: readonly Driver[];
  vouchers: readonly string[];
  currency: string;
  terminals: number;
  webshops: number;
  seed: number;
  abilities: CounterAbilities;
  /** Stop starting baskets once this many operations are recorded. */
  maxOps: number;
  /** Stop starting baskets after this many seconds; retries stop a little later (retryGraceMs). */
  seconds: number;
  arrival?: Arrival;
  /** Every counter's first spend waits at one start line and all go at the same instant. */
  barrier?: boolean;
  mix?: BehaviourMix;
  minAmount?: number;
  maxAmount?: number;
  maxRetries?: number;
  retryDelayMs?: number;
  retryGraceMs?: number;
  /** Prefix of every Idempotency-Key: unique per run, so runs that share a tenant never collide. */
  runId?: string;
  pos?: Partial<ChannelProfile>;
  webshop?: Partial<ChannelProfile>;
  clock?: MicroClock;
  /** Each operation as it completes (a history writer's append). */
  onOperation?: (op: Operation) => void;
  /** Move the tenant's test clock while the counters work (a target with test control). */
  clockMoves?: ClockMoveOptions;
  /** Clients that ask the target to run its background expiry of holds, over and over, while the counters work. */
  sweepers?: number;
}

export interface FleetResult {
  ops: Operation[];
  /** Moves of the tenant's test clock sent during the race. */
  clockMoves?: number;
  /** What the target's background expiry did when the race asked it to run. */
  sweeps?: SweepCount;
  plans: Record<string, BasketPlan[]>;
  baskets: number;
  missedArrivals: number;
  contractViolations: number;
  elapsedMs: number;
}

type Recorder = ReturnType<typeof createRecorder>;

function makeCounters(options: FleetOptions, recorder: Recorder, counters: ClientCounters): Terminal[] {
  const root = seededRandom(options.seed);
  const hardDeadline = performance.now() + options.seconds * 1000 + (options.retryGraceMs ?? 3000);
  const barrier = options.barrier ? createBarrier(options.terminals + options.webshops) : null;
  const total = options.terminals + options.webshops;
  return Array.from({ length: total }, (_, i) => {
    const web = i >= options.terminals;
    const name = web ? `web-${i - options.terminals + 1}` : `pos-${i + 1}`;
    const profile = web ? { ...webShopProfile, ...options.webshop } : { ...posProfile, ...options.pos };
    let keys = 0;
    const driver = options.drivers[i % options.drivers.length] as Driver;
    const context = {
      name,
      call: recordingClient(name, driver, recorder, counters),
      profile,
      abilities: options.abilities,
      currency: options.currency,
      maxRetries: options.maxRetries ?? 3,
      retryDelayMs: options.retryDelayMs ?? 50,
      newKey: () => `${options.runId ?? options.seed}-${name}-${++keys}`,
      hardDeadline,
      sleep: (ms: number) => sleep(ms),
      ...(barrier ? { startLine: () => barrier.wait() } : {}),
    };
    const terminal = {
      context,
      random: root.fork(name),
      mix: options.mix ?? defaultMix,
      vouchers: options.vouchers,
      minAmount: options.minAmount ?? 100,
      maxAmount: options.maxAmount ?? 1000,
    };
    return web ? createWebShop(terminal) : createTerminal(terminal);
  });
}

/**
 * Runs POS terminals and web shops against a target until the operation or the time bound, closed loop
 * or at a fixed arrival rate. Records every operation; baskets in flight at the bound finish.
 */
export async function runFleet(options: FleetOptions): Promise<FleetResult> {
  if (options.terminals + options.webshops < 1) throw new Error('a fleet needs at least one counter');
  const ops: Operation[] = [];
  const counters: ClientCounters = { contractViolations: 0 };
  // The clock mover, when it waits for the history to reach a count; let go at the end whatever the count.
  let waiting: { at: number; go: () => void } | null = null;
  const letGo = (all: boolean) => {
    if (!waiting || !(all || ops.length >= waiting.at)) return;
    const { go } = waiting;
    waiting = null;
    go();
  };
  const recorder = createRecorder((op) => {
    ops.push(op);
    options.onOperation?.(op);
    letGo(false);
  }, options.clock ?? monotonicMicros());
  const terminals = makeCounters(options, recorder, counters);
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const more = () => ops.length < options.maxOps && performance.now() < deadline;
  let baskets = 0;
  let missedArrivals = 0;
  const busy = new Set<Terminal>();
  const work = async (terminal: Terminal) => {
    busy.add(terminal);
    baskets += 1;
    try {
      await terminal.nextBasket();
    } finally {
      busy.delete(terminal);
    }
  };
  const arrival = options.arrival ?? { kind: 'closed' };
  let countersDone = false;
  const mover = options.clockMoves
    ? moveClockWhile(
        recordingClient('clock', options.drivers[0] as Driver, recorder, counters),
        options.vouchers[0] as string,
        options.clockMoves,
        () => !countersDone && more(),
        {
          count: () => ops.length,
          reach: (at) =>
            countersDone || ops.length >= at
              ? Promise.resolve()
              : new Promise<void>((go) => {
                  waiting = { at, go };
                }),
        },
      )
    : Promise.resolve(0);
  const sweepers = Promise.all(
    Array.from({ length: options.sweepers ?? 0 }, (_, i) =>
      sweepWhile(
        recordingClient(`sweeper-${i + 1}`, options.drivers[0] as Driver, recorder, counters),
        options.vouchers[0] as string,
        () => !countersDone && more(),
      ),
    ),
  );
  const drive = async () => {
    if (arrival.kind === 'closed' || options.barrier) {
      const loops = terminals.map(async (terminal) => {
        do await work(terminal);
        while (arrival.kind === 'closed' && more());
      });
      await Promise.all(loops);
    }
    if (arrival.kind === 'rate') {
      const gapMs = 1000 / arrival.perSecond;
      const running: Promise<void>[] = [];
      for (let tick = 0; more(); tick++) {
        let chosen: Terminal | undefined;
        for (let i = 0; i < terminals.length && !chosen; i++) {
          const candidate = terminals[(tick + i) % terminals.length] as Terminal;
          if (!busy.has(candidate)) chosen = candidate;
        }
        if (chosen) running.push(work(chosen));
        else missedArrivals += 1;
        await sleep(Math.max(0, started + (tick + 1) * gapMs - performance.now()));
      }
      await Promise.all(running);
    }
  };
  let clockMoves = 0;
  let sweeps: SweepCount | undefined;
  try {
    await drive();
  } finally {
    // The mover stops with the counters, however they end.
    countersDone = true;
    letGo(true);
    clockMoves = await mover;
    const counts = await sweepers;
    if (counts.length > 0) sweeps = addSweepCounts(counts);
  }
  const plans = Object.fromEntries(terminals.map((t) => [t.name, t.plans]));
  return {
    ops,
    ...(options.clockMoves ? { clockMoves } : {}),
    ...(sweeps ? { sweeps } : {}),
    plans,
    baskets,
    missedArrivals,
    contractViolations: counters.contractViolations,
    elapsedMs: performance.now() - started,
  };
}
