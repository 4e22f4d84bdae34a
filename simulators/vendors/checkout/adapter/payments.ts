import {
  type Completion,
  type Money,
  type Operation,
  ok,
  refuse,
  requestFingerprint,
  toDecimal,
  toMinor,
} from 'voucher-conformance/adapter';
import { notSuccess, succeeded } from './shop-answers.ts';
import type { ShopClient } from './shop-client.ts';
import { cardOf, orderOf, redemptionIdOf } from './shop-ids.ts';

interface Receipt {
  number: string;
  [field: string]: unknown;
}

/**
 * The cart of each redemption request, by Idempotency-Key: a retry (same key, same request) completes the
 * same cart, so the shop's own idempotency replays its first answer; the same key with another request
 * gets a cart of its own, and the shop refuses the key as reused. Shared by every adapter instance of the
 * process (a race opens many), as the keys of one run are unique.
 */
const carts = new Map<string, { fingerprint: string; cartId: string }>();

/** A one-step redemption as the shop does it: a cart with one line, the card applied, then complete. */
export class Payments {
  readonly #shop: ShopClient;

  constructor(shop: ShopClient) {
    this.#shop = shop;
  }

  /** Everything before the request that moves money: the cart, its line, the card. Nothing moves yet. */
  async prepare(voucherId: string, operation: Operation): Promise<{ commit(): Promise<Completion> }> {
    const fixed = (completion: Completion) => ({ commit: async () => completion });
    const ids = cardOf(voucherId);
    if (!ids) return fixed(refuse('not_found'));
    const { amount, receipt } = operation.body as { amount: Money; receipt: Receipt };
    const key = operation.idempotencyKey ?? '';
    const fingerprint = requestFingerprint(operation);
    let cart = carts.get(key);
    if (!cart || cart.fingerprint !== fingerprint) {
      const made = await this.#cart(ids.code, amount, receipt, operation);
      if ('failed' in made) return fixed(made.failed);
      cart = { fingerprint, cartId: made.cartId };
      carts.set(key, cart);
    }
    const cartId = cart.cartId;
    return { commit: () => this.#complete(voucherId, cartId, amount.currency, receipt, operation) };
  }

  async #cart(
    code: string,
    amount: Money,
    receipt: Receipt,
    operation: Operation,
  ): Promise<{ cartId: string } | { failed: Completion }> {
    const auth = operation.auth;
    const created = await this.#shop.send('storefront', 'POST', '/carts', {
      auth,
      body: { currency: amount.currency },
    });
    if (!succeeded(created)) return { failed: notSuccess(created) };
    const cartId = String((created.body.cart as { id: string }).id);
    const line = { title: receipt.number, price: toDecimal(amount.amount), quantity: 1 };
    const lined = await this.#shop.send('storefront', 'POST', `/carts/${cartId}/lines`, { auth, body: line });
    if (!succeeded(lined)) return { failed: notSuccess(lined) };
    const applied = await this.#shop.send('storefront', 'POST', `/carts/${cartId}/gift_cards`, {
      auth,
      body: { code },
    });
    if (!succeeded(applied)) return { failed: notSuccess(applied) };
    return { cartId };
  }

  async #complete(
    voucherId: string,
    cartId: string,
    currency: string,
    receipt: Receipt,
    operation: Operation,
  ) {
    const answer = await this.#shop.send('storefront', 'POST', `/carts/${cartId}/complete`, {
      auth: operation.auth,
      idempotencyKey: operation.idempotencyKey,
    });
    if (!succeeded(answer)) return notSuccess(answer, currency);
    const order = answer.body.order as {
      id: string;
      created_at: string;
      gift_card_payment: { amount: string };
    };
    return ok(201, {
      id: redemptionIdOf(order.id, currency),
      voucherId,
      holdId: null,
      amount: { amount: toMinor(order.gift_card_payment.amount), currency },
      refunded: { amount: 0, currency },
      receipt,
      capturedAt: order.created_at,
    });
  }

  /** RD-05: the shop credits the card back; its refunds carry no currency, so one in another is untranslatable. */
  async refund(redemptionId: string, operation: Operation): Promise<Completion> {
    const order = orderOf(redemptionId);
    if (!order) return refuse('not_found');
    const amount = (operation.body as { amount?: Money }).amount;
    if (amount && amount.currency !== order.currency)
      return refuse('currency_mismatch', {
        detail: `the order was paid in ${order.currency}`,
        expected: order.currency,
      });
    const answer = await this.#shop.send(
      'storefront',
      'POST',
      `/orders/${encodeURIComponent(order.orderId)}/refunds`,
      {
        auth: operation.auth,
        idempotencyKey: operation.idempotencyKey,
        body: amount ? { amount: toDecimal(amount.amount) } : {},
      },
    );
    if (!succeeded(answer)) return notSuccess(answer, order.currency);
    const refund = answer.body.refund as { id: string; amount: string; created_at: string };
    return ok(201, {
      id: refund.id,
      redemptionId,
      amount: { amount: toMinor(refund.amount), currency: order.currency },
      createdAt: refund.created_at,
    });
  }
}
