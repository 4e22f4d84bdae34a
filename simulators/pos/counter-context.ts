import type { Role } from '../../spec/capabilities.ts';
import type { Receipt } from '../../spec/schemas/receipt.ts';
import type { CallFn } from '../fleet/recording-client.ts';

/** Where a counter (POS register or web shop checkout) sits, and how it behaves on the wire. */
export interface ChannelProfile {
  role: Extract<Role, 'pos' | 'webshop'>;
  channel: Receipt['channel'];
  store: string;
  /** Time-to-live asked for each hold, in seconds. */
  holdTtlSeconds: number;
  /** Pause between hold and capture, in ms (min, max). */
  thinkMs: readonly [number, number];
}

/** What the operations a counter may use are, by the capabilities the target claims. */
export interface CounterAbilities {
  holds: boolean;
  redeem: boolean;
  refund: boolean;
  /** Top-ups of the race's vouchers (the target claims top-up; their type allows it). */
  topUp?: boolean;
}

/** Everything the cashier's flow needs: how to call, who it is, and when to stop retrying. */
export interface CounterContext {
  name: string;
  call: CallFn;
  profile: ChannelProfile;
  abilities: CounterAbilities;
  currency: string;
  /** Sends after an unknown outcome with the same key, at most this many times. */
  maxRetries: number;
  retryDelayMs: number;
  /** A new Idempotency-Key, unique in the run. */
  newKey(): string;
  /** No more retries after this (performance.now() ms). */
  hardDeadline: number;
  sleep(ms: number): Promise<void>;
  /** Awaited once, right before the basket's first spend: the fleet's barrier for a simultaneous start. */
  startLine?: () => Promise<void>;
}

export function receiptFor(context: CounterContext, number: string): Receipt {
  return {
    number,
    store: context.profile.store,
    register: context.name.slice(0, 64),
    channel: context.profile.channel,
  };
}
