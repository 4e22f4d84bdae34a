import type { Policy } from '../../spec/capabilities.ts';

export interface OpenHold {
  id: string;
  amount: number;
  /** Monotonic micros before which this hold cannot have expired. */
  earliestExpiry: number;
}

/** The model's state of one voucher: its balance and its open holds, kept sorted by id. */
export interface VoucherState {
  readonly policy: Policy;
  readonly balance: number;
  readonly holds: readonly OpenHold[];
}

export function voucherState(policy: Policy, balance: number, holds: readonly OpenHold[] = []): VoucherState {
  return { policy, balance, holds };
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

export function withoutHold(state: VoucherState, id: string, balance = state.balance): VoucherState {
  return voucherState(
    state.policy,
    balance,
    state.holds.filter((hold) => hold.id !== id),
  );
}

export function withHold(state: VoucherState, hold: OpenHold, holds = state.holds): VoucherState {
  const next = [...holds, hold].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return voucherState(state.policy, state.balance, next);
}

/** Same balance and the same open holds (holds are kept sorted by id). */
export function sameState(a: VoucherState, b: VoucherState): boolean {
  if (a.balance !== b.balance || a.holds.length !== b.holds.length) return false;
  for (let i = 0; i < a.holds.length; i++) if (a.holds[i]?.id !== b.holds[i]?.id) return false;
  return true;
}

export function fingerprintOf(state: VoucherState): string {
  if (state.holds.length === 0) return String(state.balance);
  let text = String(state.balance);
  for (const hold of state.holds) text += `,${hold.id}`;
  return text;
}

export function describeState(state: VoucherState): string {
  const holds = state.holds.map((hold) => `${hold.id}=${hold.amount}`).join(', ');
  return `balance ${state.balance}${holds ? `; open holds: ${holds}` : '; no open holds'}`;
}
