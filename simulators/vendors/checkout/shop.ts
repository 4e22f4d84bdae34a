/**
 * The state of one simulated shop: gift cards (their balances live in the BalanceDatabase), carts,
 * orders and each card's transactions, plus the locks, the idempotency records, the clock and the
 * switched-on defects. Lookups throw the vendor's NOT_FOUND errors.
 */
import { BalanceDatabase } from './balance-database.ts';
import { CheckoutError } from './checkout-error.ts';
import { IdempotencyKeys } from './idempotency-keys.ts';
import { newId } from './ids.ts';
import { KeyedMutex } from './keyed-mutex.ts';

export interface Defects {
  /** Completion reads the balance without the card's lock and writes back the absolute result. */
  lostUpdate?: boolean;
  /** Completion does not check expires_on. */
  ignoreExpiry?: boolean;
  /**
   * Completion checks the balance without the card's lock, then debits it relatively: racing checkouts
   * all pass the check and the balance goes negative, and the transactions show it (the truth, told).
   */
  overdraw?: boolean;
}

export interface GiftCard {
  id: string;
  /** 16 characters, no dashes. */
  code: string;
  initialValue: number;
  currency: string;
  expiresOn: string | null;
  disabledAt: string | null;
  createdAt: string;
  note: string | null;
}

export interface Cart {
  id: string;
  currency: string;
  lines: { title: string; price: number; quantity: number }[];
  giftCardId: string | null;
  completed: boolean;
}

export interface Order {
  id: string;
  cartId: string;
  total: number;
  giftCardId: string;
  createdAt: string;
  refunded: number;
}

export interface Transaction {
  id: string;
  kind: 'issue' | 'debit' | 'credit';
  /** Signed cents: positive for issue and credit, negative for debit. */
  amount: number;
  processedAt: string;
  orderId: string | null;
}

export class Shop {
  readonly cards = new Map<string, GiftCard>();
  readonly cardIdsByCode = new Map<string, string>();
  readonly carts = new Map<string, Cart>();
  readonly orders = new Map<string, Order>();
  readonly transactions = new Map<string, Transaction[]>();
  readonly locks = new KeyedMutex();
  readonly idempotency = new IdempotencyKeys();
  readonly database: BalanceDatabase;
  readonly defects: Defects;
  readonly clock: () => Date;

  constructor(options: { latencyMs: number; defects: Defects; clock: () => Date }) {
    this.database = new BalanceDatabase(options.latencyMs);
    this.defects = options.defects;
    this.clock = options.clock;
  }

  now(): string {
    return this.clock().toISOString();
  }

  /** Expired when today (UTC, by the shop's clock) is after expires_on; a card is good on that day. */
  isExpired(card: GiftCard): boolean {
    return card.expiresOn !== null && this.now().slice(0, 10) > card.expiresOn;
  }

  card(id: string): GiftCard {
    const card = this.cards.get(id);
    if (!card) throw new CheckoutError('GIFT_CARD_NOT_FOUND', 'no gift card with this id');
    return card;
  }

  cardByCode(code: string): GiftCard {
    return this.card(this.cardIdsByCode.get(code) ?? '');
  }

  cart(id: string): Cart {
    const cart = this.carts.get(id);
    if (!cart) throw new CheckoutError('CART_NOT_FOUND', 'no cart with this id');
    return cart;
  }

  order(id: string): Order {
    const order = this.orders.get(id);
    if (!order) throw new CheckoutError('ORDER_NOT_FOUND', 'no order with this id');
    return order;
  }

  /** Appends a transaction to the card's list; the caller has written the balance. */
  record(cardId: string, kind: Transaction['kind'], amount: number, orderId: string | null): Transaction {
    const transaction = { id: newId('txn'), kind, amount, processedAt: this.now(), orderId };
    const list = this.transactions.get(cardId) ?? [];
    list.push(transaction);
    this.transactions.set(cardId, list);
    return transaction;
  }
}
