/** The JSON shapes the checkout vendor answers with (snake_case, decimal-string amounts). */
import { groupCode } from './ids.ts';
import { toDecimal } from './money.ts';
import type { Cart, GiftCard, Order, Shop, Transaction } from './shop.ts';

const lastCharacters = (card: GiftCard): string => card.code.slice(-4);

export const cartTotal = (cart: Cart): number =>
  cart.lines.reduce((sum, line) => sum + line.price * line.quantity, 0);

/** The admin view of a card; the full code only when created is true (the answer that creates it). */
export function adminCardView(card: GiftCard, balance: number, created = false) {
  return {
    id: card.id,
    ...(created ? { code: groupCode(card.code) } : {}),
    last_characters: lastCharacters(card),
    initial_value: toDecimal(card.initialValue),
    balance: toDecimal(balance),
    currency: card.currency,
    expires_on: card.expiresOn,
    disabled_at: card.disabledAt,
    created_at: card.createdAt,
    note: card.note,
  };
}

/** The storefront's balance inquiry by code. */
export const inquiryView = (card: GiftCard, balance: number) => ({
  last_characters: lastCharacters(card),
  balance: toDecimal(balance),
  currency: card.currency,
  expires_on: card.expiresOn,
  enabled: card.disabledAt === null,
});

export function cartView(shop: Shop, cart: Cart) {
  const card = cart.giftCardId === null ? undefined : shop.cards.get(cart.giftCardId);
  return {
    id: cart.id,
    currency: cart.currency,
    lines: cart.lines.map((line) => ({
      title: line.title,
      price: toDecimal(line.price),
      quantity: line.quantity,
    })),
    total: toDecimal(cartTotal(cart)),
    gift_card: card ? { last_characters: lastCharacters(card) } : null,
    completed: cart.completed,
  };
}

export const orderView = (order: Order, card: GiftCard) => ({
  id: order.id,
  cart_id: order.cartId,
  total: toDecimal(order.total),
  gift_card_payment: { amount: toDecimal(order.total), last_characters: lastCharacters(card) },
  created_at: order.createdAt,
});

export const transactionView = (transaction: Transaction) => ({
  id: transaction.id,
  kind: transaction.kind,
  amount: toDecimal(transaction.amount),
  processed_at: transaction.processedAt,
  order_id: transaction.orderId,
});
