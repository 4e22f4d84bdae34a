import { type ErrorCode, errorCatalog } from '../../spec/errors.ts';
import type { LedgerEntry } from '../../spec/schemas/ledger.ts';
import type { Receipt } from '../../spec/schemas/receipt.ts';
import type { Completion } from '../../src/driver/completion.ts';

/** GiftCardCo's shapes as they come over the wire. */
export interface VendorCard {
  code: string;
  pan: string;
  track2: string;
  qr: string;
  status: 'INACTIVE' | 'ACTIVE' | 'LOCKED' | 'CLOSED';
  faceValue: string;
  balance: string;
  held: string;
  currency: string;
  issuedOn: string;
  activatedOn: string | null;
  expiresOn: string;
}

export interface VendorAuth {
  authCode: string;
  cents: number;
  status: 'PENDING' | 'SETTLED' | 'VOIDED' | 'EXPIRED';
  createdAt: string;
  expiresAt: string;
}

export interface VendorHistory {
  n: number;
  type: string;
  amount: string;
  sign: 'C' | 'D';
  balance: string;
  at: string;
  memo: string | null;
}

/** "12.34" → 1234 and back, by string arithmetic. */
export const toMinor = (decimal: string): number => {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return Number(whole + fraction.padEnd(2, '0').slice(0, 2));
};
export const toDecimal = (minor: number): string =>
  `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

export function refuse(code: ErrorCode, extra: Record<string, unknown> = {}): Completion {
  const { status, title } = errorCatalog[code];
  return {
    completion: 'fail',
    status,
    problem: { type: `https://voucher-conformance.invalid/errors/${code}`, title, status, code, ...extra },
  };
}

/** The contract's refusal for one of GiftCardCo's error reasons. */
export function refusalOf(
  reason: string,
  body: Record<string, string>,
  currency: string,
  state: string,
): Completion {
  switch (reason) {
    case 'NSF':
      return refuse('insufficient_balance', {
        available: { amount: toMinor(body.available ?? '0'), currency },
      });
    case 'CARD_LOCKED':
      return refuse('voucher_canceled');
    case 'CARD_INACTIVE':
      return refuse('voucher_not_active', { state });
    case 'CARD_CLOSED':
      return refuse('voucher_redeemed');
    case 'CARD_EXPIRED':
      return refuse('voucher_expired');
    case 'AUTH_EXPIRED':
      return refuse('hold_expired');
    case 'AUTH_CLOSED':
      return refuse('hold_not_open');
    case 'OVER_AUTH':
      return refuse('capture_exceeds_hold');
    case 'REVERSAL_EXCEEDS':
      return refuse('refund_exceeds_redemption', {
        refundable: { amount: toMinor(body.reversible ?? '0'), currency },
      });
    case 'DUPLICATE_REF':
      return refuse('idempotency_key_reused');
    case 'ALREADY_ACTIVE':
    case 'NOT_LOCKED':
      return refuse('illegal_transition', { state });
    case 'BAD_MERCHANT':
      return refuse('unauthorized');
    case 'BAD_AMOUNT':
      return refuse('validation_failed');
    case 'CARD_NOT_FOUND':
    case 'AUTH_NOT_FOUND':
    case 'TXN_NOT_FOUND':
      return refuse('not_found');
    default:
      return { completion: 'info', error: `GiftCardCo answered ${reason}` };
  }
}

/** The contract's lifecycle state of a card; `activating` is known only to the adapter. */
export function stateOf(card: VendorCard, activating: boolean): string {
  if (card.status === 'LOCKED') return 'canceled';
  if (card.status === 'CLOSED') return 'redeemed';
  if (card.status === 'INACTIVE') return activating ? 'activating' : 'prepared';
  return Date.parse(card.expiresOn) <= Date.now() ? 'expired' : 'activated';
}

const kinds: Record<string, LedgerEntry['kind']> = {
  ISSUE: 'issue',
  ACTIVATE: 'activation',
  SETTLE: 'capture',
  REVERSAL: 'refund',
};

export function ledgerEntryOf(h: VendorHistory, currency: string): LedgerEntry {
  const amount = toMinor(h.amount);
  return {
    seq: h.n,
    kind: kinds[h.type] ?? 'load',
    amount: h.sign === 'D' ? -amount : amount,
    balanceAfter: toMinor(h.balance),
    currency,
    at: h.at,
    receipt: h.memo ? (JSON.parse(h.memo) as Receipt) : null,
    operationId: null,
  };
}
