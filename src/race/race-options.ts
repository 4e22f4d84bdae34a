import type { Arrival } from '../../simulators/fleet/fleet.ts';
import type { BehaviourMix } from '../../simulators/pos/behaviour.ts';
import type { ChannelProfile } from '../../simulators/pos/counter-context.ts';
import type { Policy, Role } from '../../spec/capabilities.ts';
import type { VoucherKindChoice } from './voucher-kinds.ts';

/** A race: who runs against what, for how long, under which faults; every field has a default. */
export interface RaceOptions {
  /** A running implementation; without it the bundled reference implementation is started. */
  target?: string;
  /** Reach the target through this vendor adapter module instead of HTTP (no proxy, no process faults). */
  adapter?: string;
  terminals: number;
  webshops: number;
  /** The policy to race under; default: the first the target claims. */
  policy?: Policy;
  /** A fault profile name (simulators/faults/fault-profiles.ts); 'none' for a clean network. */
  faults: string;
  /** kill -9 the bundled server during the run and restart it (bundled target only). */
  killRestart: boolean;
  /** Bundled target only: this many server processes sharing one PostgreSQL, counters spread over them. */
  instances: number;
  /** Stop starting baskets after this many operations… */
  ops: number;
  /** …or after this many seconds, whichever comes first. */
  seconds: number;
  seed: number;
  /** Vouchers raced on, and the funds of each (minor units). */
  vouchers: number;
  /** Reusable vouchers (default), one-time ones, or half of each. */
  voucherKind?: VoucherKindChoice;
  funds: number;
  currency: string;
  /** Every counter's first spend fires at the same instant. */
  barrier: boolean;
  /**
   * Seconds the tenant's test clock moves every `clockMoveEveryOps` recorded operations (default 25)
   * while the counters race (a target with test control): holds left open expire by the clock, as
   * abandoned baskets do. Default: no moves.
   */
  clockMoves?: number;
  clockMoveEveryOps?: number;
  /**
   * Clients that ask the target to run its background expiry of holds (test control's sweep), each one
   * round after the other, while the counters race (a target that claims sweep-control). Default: none.
   */
  sweepers?: number;
  arrival: Arrival;
  mix?: BehaviourMix;
  /** Amounts of the baskets, minor units (default 100..1000, in steps of 50). */
  minAmount?: number;
  maxAmount?: number;
  /** Per-request timeout; past it the operation is info. Default: 1000 ms with faults, 10 000 without. */
  timeoutMs?: number;
  /** Linearizability search limit; past it the verdict is unknown. */
  timeLimitMs: number;
  /**
   * The race's overall time limit: past it nothing more is sent, what was in flight is recorded as info,
   * the final ledgers are not read, and the verdict is not a pass (exit 1). Default: none.
   */
  overallTimeoutMs?: number;
  /** An interrupt (Ctrl-C): the race stops as at its time limit and its files are written. */
  signal?: AbortSignal;
  /** How the POS terminals and the web shops behave on the wire (e.g. longer holds on a loaded machine). */
  pos?: Partial<ChannelProfile>;
  webshop?: Partial<ChannelProfile>;
  /** Keys for a target without test control (the race then runs on the tenant they belong to). */
  apiKeys?: Partial<Record<Role, string>>;
  /** Where the history, ledgers and report go; none: nothing is written. */
  out?: string;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
  /** One line about an option that has no effect (e.g. --api-key for a target with test control). */
  warn?: (line: string) => void;
}

export const raceDefaults: RaceOptions = {
  terminals: 4,
  webshops: 1,
  faults: 'none',
  killRestart: false,
  instances: 1,
  ops: 2000,
  seconds: 5,
  seed: 1,
  vouchers: 2,
  funds: 10_000,
  currency: 'EUR',
  barrier: false,
  arrival: { kind: 'closed' },
  timeLimitMs: 30_000,
};
