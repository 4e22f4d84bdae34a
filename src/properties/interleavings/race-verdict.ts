import type { Policy } from '../../../spec/capabilities.ts';
import type { RaceEvent } from './pos-flow.ts';

/** The refusals a racing payment may get under each policy (CC-01..04); anything else is a violation. */
const allowedRefusals: Record<Policy, readonly string[]> = {
  'balance-guard': ['insufficient_balance', 'voucher_redeemed'],
  'amount-holds': ['insufficient_balance', 'voucher_redeemed'],
  'exclusive-hold': ['insufficient_balance', 'voucher_redeemed', 'voucher_in_use'],
  'redeem-entire': ['insufficient_balance', 'voucher_redeemed', 'voucher_in_use'],
};

export interface RaceFacts {
  policy: Policy;
  reusable: boolean;
  funds: number;
  events: readonly RaceEvent[];
  finalBalance: number;
  /** What the voucher's ledger adds up to; undefined when the target keeps no ledger (not claimed). */
  ledgerSum?: number;
}

/**
 * What must hold whatever the interleaving: money taken never exceeds the funds, every acknowledged
 * debit is in the balance and the ledger when there is one (CC-05, RD-07), refusals are the policy's, and under an
 * exclusive policy no hold is accepted while another is certainly open. Returns the violations.
 */
export function raceViolations(f: RaceFacts): string[] {
  const out: string[] = [];
  const takes = f.events.filter(
    (e) => (e.operationId === 'captureHold' || e.operationId === 'redeem') && e.answer.completion === 'ok',
  );
  const taken = takes.reduce((sum, e) => sum + e.amount, 0);
  const moved = f.policy === 'redeem-entire' && takes.length > 0 ? f.funds : taken;
  if (taken > f.funds) out.push(`acknowledged ${taken} taken from a voucher of ${f.funds}`);
  if (f.funds - f.finalBalance !== moved)
    out.push(`balance ${f.finalBalance} after acknowledged debits of ${moved} from ${f.funds}`);
  if (f.ledgerSum !== undefined && f.ledgerSum !== f.finalBalance)
    out.push(`ledger sums to ${f.ledgerSum}, balance is ${f.finalBalance}`);
  for (const e of f.events) {
    if (e.answer.completion === 'info')
      out.push(`POS ${e.pos} ${e.operationId}: no answer (${e.answer.error})`);
    if (e.answer.completion !== 'fail') continue;
    const code = e.answer.problem.code;
    const allowed = e.operationId === 'releaseHold' ? [] : allowedRefusals[f.policy];
    if (!allowed.includes(code)) out.push(`POS ${e.pos} ${e.operationId} refused with ${code}`);
  }
  if (f.policy === 'exclusive-hold' || f.policy === 'redeem-entire') out.push(...overlappingHolds(f.events));
  return out;
}

/** A hold whose whole request fell inside another hold's certainly-open window (its ok answer to its close). */
function overlappingHolds(events: readonly RaceEvent[]): string[] {
  const holds = events.filter((e) => e.operationId === 'createHold' && e.answer.completion === 'ok');
  const out: string[] = [];
  for (const a of holds) {
    const close = events.find((e) => e.pos === a.pos && e.operationId !== 'createHold');
    const openUntil = close ? close.sentAt : Number.POSITIVE_INFINITY;
    for (const b of holds) {
      if (b !== a && b.sentAt > a.answeredAt && b.answeredAt < openUntil) {
        out.push(`POS ${b.pos}'s hold was accepted while POS ${a.pos}'s hold was open`);
      }
    }
  }
  return out;
}
