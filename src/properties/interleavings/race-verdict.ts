import type { Policy } from '../../../spec/capabilities.ts';
import type { RaceEvent } from './pos-flow.ts';

/** The refusals a racing payment may get under each policy (CC-01..04); anything else is a violation. */
const allowedRefusals: Record<Policy, readonly string[]> = {
  'balance-guard': ['insufficient_balance', 'voucher_redeemed'],
  'amount-holds': ['insufficient_balance', 'voucher_redeemed'],
  'exclusive-hold': ['insufficient_balance', 'voucher_redeemed', 'voucher_in_use'],
  'redeem-entire': ['insufficient_balance', 'voucher_redeemed', 'voucher_in_use'],
};

/** A hold found closed or expired: legal for a capture or release once the clock moved, or a second capture. */
const closedHold = ['hold_expired', 'hold_not_open'];

export interface RaceFacts {
  policy: Policy;
  reusable: boolean;
  funds: number;
  events: readonly RaceEvent[];
  finalBalance: number;
  /** What the voucher's ledger adds up to; undefined when the target keeps no ledger (not claimed). */
  ledgerSum?: number;
}

const ok = (e: RaceEvent) => e.answer.completion === 'ok';
const sum = (events: readonly RaceEvent[]) => events.reduce((total, e) => total + e.amount, 0);

/** The refusals this request may get in this race. */
function allowedFor(f: RaceFacts, e: RaceEvent, clockMoved: boolean): readonly string[] {
  switch (e.operationId) {
    case 'createHold':
    case 'redeem':
      return allowedRefusals[f.policy];
    case 'captureHold': {
      // The second capture of a split finds its hold captured.
      const split =
        f.events.filter((o) => o.operationId === 'captureHold' && o.holdId === e.holdId).length > 1;
      return [...allowedRefusals[f.policy], ...(clockMoved ? closedHold : split ? ['hold_not_open'] : [])];
    }
    case 'releaseHold':
      return clockMoved ? closedHold : [];
    case 'topUp':
      // A voucher paid with redeem-entire is used up: it takes no more value.
      return f.policy === 'redeem-entire' ? ['voucher_redeemed'] : [];
    default:
      return [];
  }
}

/**
 * What must hold whatever the interleaving: money taken never exceeds the funds and what was credited,
 * every acknowledged debit and credit is in the balance and the ledger when there is one (CC-05, RD-07),
 * refusals are the policy's, a hold is never captured after the clock moved past its time-to-live
 * (RD-04), and under an exclusive policy no hold is accepted while another is certainly open. Returns
 * the violations.
 */
export function raceViolations(f: RaceFacts): string[] {
  const out: string[] = [];
  const takes = f.events.filter(
    (e) => (e.operationId === 'captureHold' || e.operationId === 'redeem') && ok(e),
  );
  const credits = f.events.filter(
    (e) => (e.operationId === 'refundRedemption' || e.operationId === 'topUp') && ok(e),
  );
  const taken = sum(takes);
  const credited = sum(credits);
  const clockMoved = f.events.some((e) => e.operationId === 'advanceTestClock');
  if (taken > f.funds + credited)
    out.push(
      `acknowledged ${taken} taken from a voucher of ${f.funds}${credited ? ` credited ${credited}` : ''}`,
    );
  // Under redeem-entire a payment takes the whole voucher, so credits make the balance depend on order:
  // the linearizability checker judges that case.
  if (f.policy !== 'redeem-entire' || credits.length === 0) {
    const moved = f.policy === 'redeem-entire' && takes.length > 0 ? f.funds : taken;
    if (f.funds - f.finalBalance + credited !== moved)
      out.push(
        `balance ${f.finalBalance} after acknowledged debits of ${moved}${credited ? ` and credits of ${credited}` : ''} from ${f.funds}`,
      );
  }
  if (f.ledgerSum !== undefined && f.ledgerSum !== f.finalBalance)
    out.push(`ledger sums to ${f.ledgerSum}, balance is ${f.finalBalance}`);
  for (const e of f.events) {
    if (e.answer.completion === 'info')
      out.push(`POS ${e.pos} ${e.operationId}: no answer (${e.answer.error})`);
    if (e.operationId === 'captureHold' && ok(e) && expiredBefore(f.events, e))
      out.push(`POS ${e.pos} captured its hold after the clock moved past the hold's time-to-live (RD-04)`);
    if (e.answer.completion !== 'fail') continue;
    const code = e.answer.problem.code;
    if (!allowedFor(f, e, clockMoved).includes(code))
      out.push(`POS ${e.pos} ${e.operationId} refused with ${code}`);
  }
  if (f.policy === 'exclusive-hold' || f.policy === 'redeem-entire') out.push(...overlappingHolds(f.events));
  return out;
}

/** Whether a clock move past every time-to-live was sent after the capture's hold was answered and answered before the capture was sent. */
function expiredBefore(events: readonly RaceEvent[], capture: RaceEvent): boolean {
  const hold = events.find((e) => e.operationId === 'createHold' && ok(e) && idOf(e) === capture.holdId);
  if (!hold) return false;
  return events.some(
    (e) =>
      e.operationId === 'advanceTestClock' &&
      ok(e) &&
      e.sentAt > hold.answeredAt &&
      e.answeredAt < capture.sentAt,
  );
}

function idOf(e: RaceEvent): string | undefined {
  return e.answer.completion === 'ok' ? (e.answer.body as { id?: string }).id : undefined;
}

/**
 * A hold whose whole request fell inside another hold's certainly-open window: from its ok answer to its
 * close, or to the sending of a clock move that may have landed after it was made (every move passes
 * a time-to-live).
 */
function overlappingHolds(events: readonly RaceEvent[]): string[] {
  const holds = events.filter((e) => e.operationId === 'createHold' && ok(e));
  const moves = events.filter((e) => e.operationId === 'advanceTestClock' && e.answer.completion !== 'fail');
  const out: string[] = [];
  for (const a of holds) {
    // The first close sent ends the window: events are in the order of their answers, and a split sends
    // two captures at once, whose answers may come in either order.
    let openUntil = Number.POSITIVE_INFINITY;
    for (const e of events)
      if (e.pos === a.pos && e.operationId !== 'createHold' && e.sentAt > a.answeredAt)
        openUntil = Math.min(openUntil, e.sentAt);
    for (const move of moves) if (move.answeredAt > a.sentAt) openUntil = Math.min(openUntil, move.sentAt);
    for (const b of holds) {
      if (b !== a && b.sentAt > a.answeredAt && b.answeredAt < openUntil) {
        out.push(`POS ${b.pos}'s hold was accepted while POS ${a.pos}'s hold was open`);
      }
    }
  }
  return out;
}
