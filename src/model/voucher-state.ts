import type { Policy } from '../../spec/capabilities.ts';

export interface OpenHold {
  id: string;
  amount: number;
  /** Monotonic micros before which this hold cannot have expired. */
  earliestExpiry: number;
  /**
   * Monotonic micros after which this hold has certainly expired (the test clock moved past its
   * time-to-live after it was created); Infinity when nothing says so.
   */
  certainExpiry?: number;
}

/**
 * Whether a one-time voucher (LC-07) was used: `none` for a reusable voucher, `fresh` before its one use,
 * `used` after it, `either` after a refund of it (a full refund reopens it, a partial one does not).
 */
export type OneTimeUse = 'none' | 'fresh' | 'used' | 'either';

/** The model's state of one voucher: its balance, its open holds (kept sorted by id) and its one-time use. */
export interface VoucherState {
  readonly policy: Policy;
  readonly balance: number;
  readonly holds: readonly OpenHold[];
  readonly use: OneTimeUse;
}

export function voucherState(
  policy: Policy,
  balance: number,
  holds: readonly OpenHold[] = [],
  use: OneTimeUse = 'none',
): VoucherState {
  return { policy, balance, holds, use };
}

export function findHold(state: VoucherState, id: string | null): OpenHold | undefined {
  return id === null ? undefined : state.holds.find((hold) => hold.id === id);
}

export function heldSum(holds: readonly OpenHold[]): number {
  let sum = 0;
  for (const hold of holds) sum += hold.amount;
  return sum;
}

/** Whether the hold may have expired by the end of an operation completing at `completedAt`. */
export function mayHaveExpired(hold: OpenHold, completedAt: number): boolean {
  return completedAt >= hold.earliestExpiry;
}

/** Whether the hold has certainly expired before an operation called at `invokedAt` (a clock move says so). */
export function certainlyExpired(hold: OpenHold, invokedAt: number): boolean {
  return hold.certainExpiry !== undefined && invokedAt > hold.certainExpiry;
}

/** The holds that may still be open for an operation called at `invokedAt`. */
export function notCertainlyExpired(holds: readonly OpenHold[], invokedAt: number): readonly OpenHold[] {
  return holds.some((hold) => certainlyExpired(hold, invokedAt))
    ? holds.filter((hold) => !certainlyExpired(hold, invokedAt))
    : holds;
}

export function withoutHold(state: VoucherState, id: string, balance = state.balance): VoucherState {
  return voucherState(
    state.policy,
    balance,
    state.holds.filter((hold) => hold.id !== id),
    state.use,
  );
}

export function withHold(state: VoucherState, hold: OpenHold, holds = state.holds): VoucherState {
  const next = [...holds, hold].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return voucherState(state.policy, state.balance, next, state.use);
}

/** Same balance and the same open holds (holds are kept sorted by id). */
export function sameState(a: VoucherState, b: VoucherState): boolean {
  if (a.balance !== b.balance || a.use !== b.use || a.holds.length !== b.holds.length) return false;
  for (let i = 0; i < a.holds.length; i++) if (a.holds[i]?.id !== b.holds[i]?.id) return false;
  return true;
}

export function fingerprintOf(state: VoucherState): string {
  const base = state.use === 'none' ? String(state.balance) : `${state.balance}/${state.use}`;
  if (state.holds.length === 0) return base;
  let text = base;
  for (const hold of state.holds) text += `,${hold.id}`;
  return text;
}

export function describeState(state: VoucherState): string {
  const holds = state.holds.map((hold) => `${hold.id}=${hold.amount}`).join(', ');
  const use =
    state.use === 'none'
      ? ''
      : `; one-time voucher, ${state.use === 'either' ? 'used or reopened' : state.use}`;
  return `balance ${state.balance}${holds ? `; open holds: ${holds}` : '; no open holds'}${use}`;
}
