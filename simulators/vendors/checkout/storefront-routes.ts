/**
 * The storefront API of the checkout vendor (X-Storefront-Token): balance inquiry by code, carts,
 * applying a gift card (moves no money), completing a cart (the card pays the whole total) and
 * refunding an order to the card. Completion and refunds honour Idempotency-Key.
 */
import { amountField, currencyField, optionalAmountField, quantityField, textField } from './body-fields.ts';
import { CheckoutError, invalidRequest } from './checkout-error.ts';
import { newId, normalizeCode } from './ids.ts';
import { toDecimal } from './money.ts';
import { completeCart, refundOrder } from './payments.ts';
import { ok, type Route } from './route.ts';
import type { Cart, Shop } from './shop.ts';
import { cartTotal, cartView, inquiryView, orderView } from './views.ts';

/** Changes an open cart under its lock (a completion may be running). */
function changeCart(shop: Shop, id: string, change: (cart: Cart) => void): Promise<Cart> {
  const cart = shop.cart(id);
  return shop.locks.run(`cart:${cart.id}`, async () => {
    if (cart.completed) throw new CheckoutError('CART_COMPLETED', 'the cart is already completed');
    change(cart);
    return cart;
  });
}

export const storefrontRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/gift_cards\/([^/]+)$/,
    api: 'storefront',
    idempotent: false,
    async handle(shop, [code = '']) {
      const card = shop.cardByCode(normalizeCode(code));
      return ok({ gift_card: inquiryView(card, await shop.database.read(card.id)) });
    },
  },
  {
    method: 'POST',
    pattern: /^\/carts$/,
    api: 'storefront',
    idempotent: false,
    async handle(shop, _, body) {
      const cart: Cart = {
        id: newId('cart'),
        currency: currencyField(body),
        lines: [],
        giftCardId: null,
        completed: false,
      };
      shop.carts.set(cart.id, cart);
      return ok({ cart: cartView(shop, cart) }, 201);
    },
  },
  {
    method: 'POST',
    pattern: /^\/carts\/([^/]+)\/lines$/,
    api: 'storefront',
    idempotent: false,
    async handle(shop, [id = ''], body) {
      const line = {
        title: textField(body, 'title', true) ?? '',
        price: amountField(body, 'price'),
        quantity: quantityField(body),
      };
      const cart = await changeCart(shop, id, (c) => {
        if (!Number.isSafeInteger(cartTotal(c) + line.price * line.quantity))
          throw invalidRequest('the cart total would be too large');
        c.lines.push(line);
      });
      return ok({ cart: cartView(shop, cart) }, 201);
    },
  },
  {
    method: 'POST',
    pattern: /^\/carts\/([^/]+)\/gift_cards$/,
    api: 'storefront',
    idempotent: false,
    async handle(shop, [id = ''], body) {
      const code = normalizeCode(textField(body, 'code', true, 64) ?? '');
      const cart = await changeCart(shop, id, (c) => {
        const card = shop.cardByCode(code);
        if (card.currency !== c.currency)
          throw new CheckoutError(
            'CURRENCY_MISMATCH',
            `the gift card is in ${card.currency}, the cart in ${c.currency}`,
          );
        c.giftCardId = card.id;
      });
      return ok({ cart: cartView(shop, cart) });
    },
  },
  {
    method: 'POST',
    pattern: /^\/carts\/([^/]+)\/complete$/,
    api: 'storefront',
    idempotent: true,
    async handle(shop, [id = '']) {
      const { order, card } = await completeCart(shop, id);
      return ok({ order: orderView(order, card) }, 201);
    },
  },
  {
    method: 'POST',
    pattern: /^\/orders\/([^/]+)\/refunds$/,
    api: 'storefront',
    idempotent: true,
    async handle(shop, [id = ''], body) {
      const refund = await refundOrder(shop, id, optionalAmountField(body, 'amount'));
      return ok(
        {
          refund: {
            id: refund.id,
            order_id: refund.orderId,
            amount: toDecimal(refund.amount),
            created_at: refund.createdAt,
          },
        },
        201,
      );
    },
  },
];
