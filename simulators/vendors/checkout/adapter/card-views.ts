import { toMinor } from 'voucher-conformance/adapter';

/** A gift card as the shop's admin API shows it. */
export interface ShopCard {
  id: string;
  last_characters: string;
  initial_value: string;
  balance: string;
  currency: string;
  expires_on: string | null;
  disabled_at: string | null;
  created_at: string;
}

const day = 86_400_000;

/** The contract's expiry instant for the shop's last valid day: the card expires when that day is over. */
export function expiresAtOf(expiresOn: string | null): string | null {
  return expiresOn === null ? null : new Date(Date.parse(`${expiresOn}T00:00:00Z`) + day).toISOString();
}

/** The shop's last valid day for the contract's expiry instant (the shop counts in whole days, UTC). */
export function expiresOnOf(expiresAt: string): string {
  return new Date(Date.parse(expiresAt) - 1).toISOString().slice(0, 10);
}

/**
 * The contract's lifecycle state of a card, in the contract's words for what the shop shows: disabled is
 * canceled, past its last day is expired, nothing left is redeemed (a reusable card at zero, LC-07).
 */
export function stateOf(card: Pick<ShopCard, 'disabled_at' | 'expires_on' | 'balance'>, now = Date.now()) {
  if (card.disabled_at !== null) return 'canceled' as const;
  const ends = expiresAtOf(card.expires_on);
  if (ends !== null && now >= Date.parse(ends)) return 'expired' as const;
  return toMinor(card.balance) === 0 ? ('redeemed' as const) : ('activated' as const);
}

/** A card's transaction as the admin API lists it. */
export interface ShopTransaction {
  id: string;
  kind: 'issue' | 'debit' | 'credit';
  amount: string;
  processed_at: string;
  order_id: string | null;
}

/**
 * The contract's voucher for a card of the admin API and its transactions: the usage status (LC-10) from
 * its history (a card that paid is used) and its balance (nothing left: redeemed). No `available`: the
 * shop does not say what a card can spend now, and it is not guessed.
 */
export function voucherOf(voucherId: string, card: ShopCard, transactions: readonly ShopTransaction[]) {
  const money = (decimal: string) => ({ amount: toMinor(decimal), currency: card.currency });
  const used = transactions.some((t) => t.kind === 'debit');
  return {
    id: voucherId,
    state: stateOf(card),
    usage: !used ? 'not-redeemed' : toMinor(card.balance) === 0 ? 'redeemed' : 'in-use',
    denomination: money(card.initial_value),
    balance: money(card.balance),
    policy: 'balance-guard',
    reusable: true,
    topUpAllowed: false,
    issuedAt: card.created_at,
    activatedAt: card.created_at,
    expiresAt: expiresAtOf(card.expires_on),
  };
}
