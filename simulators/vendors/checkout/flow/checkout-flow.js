/**
 * The checkout-shaped shop (simulators/vendors/checkout/) as a transport-free adapter: plain JavaScript
 * with no imports, so that Node (vcert run, race, properties) and k6 (vcert load --adapter) run the same
 * module. Each operation yields the shop's HTTP requests and returns the contract's completion; the
 * runner sends them and hands over the kit as `kit`. Same mapping as the Node adapter beside it
 * (../adapter/): translate, never judge. Keys: --api-key backoffice=<admin token> --api-key
 * pos=<storefront token>.
 */

const day = 86_400_000;

/** The shop's error codes in the contract's terms; what is not listed is an answer nobody can read. */
const refusals = {
  INSUFFICIENT_FUNDS: 'insufficient_balance',
  GIFT_CARD_EXPIRED: 'voucher_expired',
  GIFT_CARD_DISABLED: 'voucher_canceled',
  GIFT_CARD_NOT_FOUND: 'not_found',
  ORDER_NOT_FOUND: 'not_found',
  CART_NOT_FOUND: 'not_found',
  NOT_FOUND: 'not_found',
  CURRENCY_MISMATCH: 'currency_mismatch',
  IDEMPOTENCY_KEY_CONFLICT: 'idempotency_key_reused',
  INVALID_REQUEST: 'validation_failed',
  UNAUTHORIZED: 'unauthorized',
  REFUND_EXCEEDS_PAYMENT: 'refund_exceeds_redemption',
};

const ledgerKinds = { issue: 'issue', debit: 'capture', credit: 'refund' };

// Ids: a voucher's id carries the card's admin id and its code; a redemption's, the order's currency.
const voucherIdOf = (cardId, code) => `${cardId}~${code.replaceAll('-', '')}`;
function cardOf(voucherId) {
  const [cardId, code, ...rest] = String(voucherId).split('~');
  return cardId && code && rest.length === 0 ? { cardId, code } : null;
}
const redemptionIdOf = (orderId, currency) => `${orderId}~${currency}`;
function orderOf(redemptionId) {
  const [orderId, currency, ...rest] = String(redemptionId).split('~');
  return orderId && currency && rest.length === 0 ? { orderId, currency } : null;
}

/** A request to the admin API (Bearer) or the storefront (X-Storefront-Token), with the operation's auth. */
function request(ctx, side, method, path, { auth, body, idempotencyKey, moves } = {}) {
  const headers = {};
  let token;
  if (auth === 'none') token = undefined;
  else if (auth && typeof auth === 'object' && 'key' in auth) token = auth.key;
  else token = side === 'admin' ? ctx.keys.backoffice : (ctx.keys.pos ?? ctx.keys.webshop);
  if (token) {
    if (side === 'admin') headers.authorization = `Bearer ${token}`;
    else headers['x-storefront-token'] = token;
  }
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  return { method, path, headers, ...(body === undefined ? {} : { body }), ...(moves ? { moves } : {}) };
}

const succeeded = (answer) => answer.status >= 200 && answer.status < 300;

function shopError(answer) {
  const errors = answer.body && typeof answer.body === 'object' ? answer.body.errors : undefined;
  const first = Array.isArray(errors) ? errors[0] : undefined;
  return first && typeof first.code === 'string' ? first : null;
}

/** A shop answer that is not a success: a refusal it named, or an unknown outcome. Never invents one. */
function notSuccess(kit, answer, currency) {
  if (answer.status === 0) return kit.unknown(answer.error ?? 'no answer');
  const error = shopError(answer);
  const code = error ? refusals[error.code] : undefined;
  if (answer.status >= 500 || !error || !code)
    return kit.unknown(`the shop answered ${answer.status} ${error?.code ?? ''}`.trim());
  if (code === 'refund_exceeds_redemption' && typeof error.refundable === 'string' && currency)
    return kit.refuse(code, {
      refundable: { amount: kit.toMinor(error.refundable), currency },
      detail: String(error.message ?? ''),
    });
  return kit.refuse(code, error.message ? { detail: String(error.message) } : {});
}

const describe = (answer) =>
  answer.status === 0 ? `no answer (${answer.error})` : `${answer.status} ${JSON.stringify(answer.body)}`;

function expiresAtOf(expiresOn) {
  return expiresOn === null ? null : new Date(Date.parse(`${expiresOn}T00:00:00Z`) + day).toISOString();
}
const expiresOnOf = (expiresAt) => new Date(Date.parse(expiresAt) - 1).toISOString().slice(0, 10);

function stateOf(kit, card, now = Date.now()) {
  if (card.disabled_at !== null) return 'canceled';
  const ends = expiresAtOf(card.expires_on);
  if (ends !== null && now >= Date.parse(ends)) return 'expired';
  return kit.toMinor(card.balance) === 0 ? 'redeemed' : 'activated';
}

function voucherOf(kit, voucherId, card, transactions) {
  const money = (decimal) => ({ amount: kit.toMinor(decimal), currency: card.currency });
  const used = transactions.some((t) => t.kind === 'debit');
  return {
    id: voucherId,
    state: stateOf(kit, card),
    usage: !used ? 'not-redeemed' : kit.toMinor(card.balance) === 0 ? 'redeemed' : 'in-use',
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

/** The card and its transactions (admin API), or `{ failed }` with the completion that says why not. */
function* cardAndHistory(ctx, kit, voucherId, auth) {
  const ids = cardOf(voucherId);
  if (!ids) return { failed: kit.refuse('not_found') };
  const path = `/admin/gift_cards/${encodeURIComponent(ids.cardId)}`;
  const card = yield request(ctx, 'admin', 'GET', path, { auth });
  if (!succeeded(card)) return { failed: notSuccess(kit, card) };
  const history = yield request(ctx, 'admin', 'GET', `${path}/transactions`, { auth });
  if (!succeeded(history)) return { failed: notSuccess(kit, history) };
  return { card: card.body.gift_card, transactions: history.body.transactions };
}

function* voucher(operation, ctx, kit) {
  const read = yield* cardAndHistory(ctx, kit, operation.params?.id, operation.auth);
  if (read.failed) return read.failed;
  return kit.ok(200, voucherOf(kit, operation.params.id, read.card, read.transactions));
}

/**
 * A one-step redemption as the shop does it: a cart, its line, the card, then complete (the request that
 * moves money). A retry with the same key and request completes the same cart, so the shop replays its
 * first answer; the same key with another request gets a cart of its own and the shop refuses the key.
 */
function* redeem(operation, ctx, kit) {
  const voucherId = String(operation.params?.id ?? '');
  const ids = cardOf(voucherId);
  if (!ids) return kit.refuse('not_found');
  const { amount, receipt } = operation.body;
  const auth = operation.auth;
  if (!ctx.state.carts) ctx.state.carts = {};
  const carts = ctx.state.carts;
  const key = operation.idempotencyKey ?? '';
  const fingerprint = kit.requestFingerprint(operation);
  let cart = carts[key];
  if (!cart || cart.fingerprint !== fingerprint) {
    const created = yield request(ctx, 'storefront', 'POST', '/carts', {
      auth,
      body: { currency: amount.currency },
    });
    if (!succeeded(created)) return notSuccess(kit, created);
    const cartId = String(created.body.cart.id);
    const line = { title: receipt.number, price: kit.toDecimal(amount.amount), quantity: 1 };
    const lined = yield request(ctx, 'storefront', 'POST', `/carts/${cartId}/lines`, { auth, body: line });
    if (!succeeded(lined)) return notSuccess(kit, lined);
    const applied = yield request(ctx, 'storefront', 'POST', `/carts/${cartId}/gift_cards`, {
      auth,
      body: { code: ids.code },
    });
    if (!succeeded(applied)) return notSuccess(kit, applied);
    cart = { fingerprint, cartId };
    carts[key] = cart;
  }
  const answer = yield request(ctx, 'storefront', 'POST', `/carts/${cart.cartId}/complete`, {
    auth,
    idempotencyKey: operation.idempotencyKey,
    moves: true,
  });
  if (!succeeded(answer)) return notSuccess(kit, answer, amount.currency);
  const order = answer.body.order;
  return kit.ok(201, {
    id: redemptionIdOf(order.id, amount.currency),
    voucherId,
    holdId: null,
    amount: { amount: kit.toMinor(order.gift_card_payment.amount), currency: amount.currency },
    refunded: { amount: 0, currency: amount.currency },
    receipt,
    capturedAt: order.created_at,
  });
}

export default {
  name: 'checkout-shop (flow)',
  // Not `ledger`: the shop's transactions carry no receipt, register or channel (RD-07).
  capabilities: ['balance-guard', 'one-step-redeem', 'redemption-refund', 'validity-change'],
  operations: {
    *getBalance(operation, ctx, kit) {
      const voucherId = operation.params?.id;
      const ids = cardOf(voucherId);
      if (!ids) return kit.refuse('not_found');
      const answer = yield request(ctx, 'storefront', 'GET', `/gift_cards/${encodeURIComponent(ids.code)}`, {
        auth: operation.auth,
      });
      if (!succeeded(answer)) return notSuccess(kit, answer);
      const card = answer.body.gift_card;
      return kit.ok(200, {
        voucherId,
        balance: { amount: kit.toMinor(card.balance), currency: card.currency },
        state: stateOf(kit, {
          disabled_at: card.enabled ? null : 'disabled',
          expires_on: card.expires_on,
          balance: card.balance,
        }),
        expiresAt: expiresAtOf(card.expires_on),
      });
    },
    getVoucher: voucher,
    *getLedger(operation, ctx, kit) {
      const read = yield* cardAndHistory(ctx, kit, operation.params?.id, operation.auth);
      if (read.failed) return read.failed;
      const { currency } = read.card;
      return kit.ok(200, {
        voucherId: operation.params.id,
        balance: { amount: kit.toMinor(read.card.balance), currency },
        entries: read.transactions.map((t, i) => ({
          seq: i + 1,
          kind: ledgerKinds[t.kind],
          amount: kit.toMinor(t.amount),
          currency,
          at: t.processed_at,
          operationId: t.kind === 'debit' && t.order_id ? redemptionIdOf(t.order_id, currency) : null,
        })),
      });
    },
    *setValidity(operation, ctx, kit) {
      const ids = cardOf(operation.params?.id);
      if (!ids) return kit.refuse('not_found');
      const path = `/admin/gift_cards/${encodeURIComponent(ids.cardId)}/update`;
      const answer = yield request(ctx, 'admin', 'POST', path, {
        auth: operation.auth,
        body: { expires_on: expiresOnOf(operation.body.expiresAt) },
      });
      if (!succeeded(answer)) return notSuccess(kit, answer);
      return yield* voucher(operation, ctx, kit);
    },
    redeem,
    *refundRedemption(operation, ctx, kit) {
      const redemptionId = operation.params?.id;
      const order = orderOf(redemptionId);
      if (!order) return kit.refuse('not_found');
      const amount = operation.body?.amount;
      if (amount && amount.currency !== order.currency)
        return kit.refuse('currency_mismatch', {
          detail: `the order was paid in ${order.currency}`,
          expected: order.currency,
        });
      const answer = yield request(
        ctx,
        'storefront',
        'POST',
        `/orders/${encodeURIComponent(order.orderId)}/refunds`,
        {
          auth: operation.auth,
          idempotencyKey: operation.idempotencyKey,
          body: amount ? { amount: kit.toDecimal(amount.amount) } : {},
          moves: true,
        },
      );
      if (!succeeded(answer)) return notSuccess(kit, answer, order.currency);
      const refund = answer.body.refund;
      return kit.ok(201, {
        id: refund.id,
        redemptionId,
        amount: { amount: kit.toMinor(refund.amount), currency: order.currency },
        createdAt: refund.created_at,
      });
    },
  },
  arrange: {
    /** A card made with its value and last valid day (disabled when it must be canceled). */
    *voucher(params, ctx, kit) {
      const { type, state, amount } = params;
      if (type.policy !== 'balance-guard')
        throw new kit.CannotArrange(`the shop's cards follow balance-guard, not ${type.policy}`);
      if (!type.reusable) throw new kit.CannotArrange('the shop has no one-time cards');
      if (type.topUpAllowed) throw new kit.CannotArrange('the shop has no top-ups');
      if (!['activated', 'expired', 'canceled'].includes(state))
        throw new kit.CannotArrange(`the shop has no ${state} cards`);
      const lastDay = new Date(state === 'expired' ? Date.now() - day : Date.now() + type.validityDays * day)
        .toISOString()
        .slice(0, 10);
      const created = yield request(ctx, 'admin', 'POST', '/admin/gift_cards', {
        body: { initial_value: kit.toDecimal(amount.amount), currency: amount.currency, expires_on: lastDay },
      });
      if (!succeeded(created)) throw new Error(`arranging a card: the shop answered ${describe(created)}`);
      const card = created.body.gift_card;
      if (state === 'canceled') {
        const disabled = yield request(ctx, 'admin', 'POST', `/admin/gift_cards/${card.id}/disable`);
        if (!succeeded(disabled))
          throw new Error(`arranging a canceled card: the shop answered ${describe(disabled)}`);
      }
      return { voucherId: voucherIdOf(card.id, card.code) };
    },
  },
};
