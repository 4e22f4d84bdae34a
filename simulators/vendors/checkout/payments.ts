/**
 * Moving money: completing a cart (a debit of its whole total from the applied gift card) and
 * refunding an order (a credit back to the card). The correct shop does the read-check-write of a
 * balance under the card's lock; the lostUpdate defect completes without it and writes back the
 * absolute balance it computed, the overdraw defect checks without it and debits relatively (the balance
 * goes negative, and the transactions say so), the ignoreExpiry defect lets an expired card pay.
 */
import { CheckoutError } from './checkout-error.ts';
import { newId } from './ids.ts';
import { toDecimal } from './money.ts';
import type { GiftCard, Order, Shop } from './shop.ts';
import { cartTotal } from './views.ts';

export interface Refund {
  id: string;
  orderId: string;
  amount: number;
  createdAt: string;
}

const cardLock = (card: GiftCard) => `card:${card.id}`;

function usable(shop: Shop, card: GiftCard, checkExpiry: boolean): void {
  if (card.disabledAt !== null) throw new CheckoutError('GIFT_CARD_DISABLED', 'the gift card is disabled');
  if (checkExpiry && shop.isExpired(card))
    throw new CheckoutError('GIFT_CARD_EXPIRED', `the gift card expired on ${card.expiresOn}`);
}

async function debit(shop: Shop, card: GiftCard, total: number, orderId: string): Promise<void> {
  usable(shop, card, !shop.defects.ignoreExpiry);
  const balance = await shop.database.read(card.id);
  if (balance < total)
    throw new CheckoutError('INSUFFICIENT_FUNDS', 'the gift card does not cover the total');
  if (shop.defects.overdraw) await shop.database.adjust(card.id, -total);
  else await shop.database.write(card.id, balance - total);
  shop.record(card.id, 'debit', -total, orderId);
}

/** Completes the cart, paid in full by its gift card; one completion at a time per cart. */
export function completeCart(shop: Shop, cartId: string): Promise<{ order: Order; card: GiftCard }> {
  const cart = shop.cart(cartId);
  return shop.locks.run(`cart:${cart.id}`, async () => {
    if (cart.completed) throw new CheckoutError('CART_COMPLETED', 'the cart is already completed');
    if (cart.lines.length === 0) throw new CheckoutError('EMPTY_CART', 'the cart has no lines');
    if (cart.giftCardId === null)
      throw new CheckoutError('NO_PAYMENT', 'no gift card is applied to the cart');
    const card = shop.card(cart.giftCardId);
    const total = cartTotal(cart);
    const orderId = newId('ord');
    if (shop.defects.lostUpdate || shop.defects.overdraw) await debit(shop, card, total, orderId);
    else await shop.locks.run(cardLock(card), () => debit(shop, card, total, orderId));
    const order: Order = {
      id: orderId,
      cartId,
      total,
      giftCardId: card.id,
      createdAt: shop.now(),
      refunded: 0,
    };
    shop.orders.set(order.id, order);
    cart.completed = true;
    return { order, card };
  });
}

/** Credits amount (or all that is still refundable) of the order's payment back to its card. */
export function refundOrder(shop: Shop, orderId: string, amount: number | undefined): Promise<Refund> {
  const order = shop.order(orderId);
  const card = shop.card(order.giftCardId);
  return shop.locks.run(cardLock(card), async () => {
    usable(shop, card, true);
    const refundable = order.total - order.refunded;
    const credit = amount ?? refundable;
    if (credit > refundable || credit === 0) {
      throw new CheckoutError('REFUND_EXCEEDS_PAYMENT', 'refunds would exceed what the gift card paid', {
        refundable: toDecimal(refundable),
      });
    }
    const balance = await shop.database.read(card.id);
    await shop.database.write(card.id, balance + credit);
    order.refunded += credit;
    shop.record(card.id, 'credit', credit, order.id);
    return { id: newId('rfd'), orderId: order.id, amount: credit, createdAt: shop.now() };
  });
}
