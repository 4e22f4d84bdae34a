/**
 * Direct probes of the checkout vendor simulator over real HTTP: the correct shop keeps a card's
 * balance under a race, the lostUpdate and ignoreExpiry defects really show, and its idempotency,
 * code secrecy, input validation and refund cap behave as documented.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CheckoutVendor,
  startCheckoutVendor,
} from '../../simulators/vendors/checkout/checkout-vendor.ts';

interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the probes read the vendor's JSON answers loosely.
  body: any;
}

const today = '2026-03-15';
const yesterday = '2026-03-14';
const clock = () => new Date(`${today}T12:00:00Z`);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function call(
  v: CheckoutVendor,
  api: 'admin' | 'storefront' | 'none',
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const auth: Record<string, string> =
    api === 'admin'
      ? { authorization: `Bearer ${v.adminToken}` }
      : api === 'storefront'
        ? { 'x-storefront-token': v.storefrontToken }
        : {};
  const res = await fetch(`${v.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...auth, ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function newCard(v: CheckoutVendor, initialValue = '20.00', extra: Record<string, unknown> = {}) {
  const reply = await call(v, 'admin', 'POST', '/admin/gift_cards', {
    initial_value: initialValue,
    currency: 'EUR',
    ...extra,
  });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
  return reply.body.gift_card as { id: string; code: string };
}

/** A EUR cart with one line of price, paid by the card with code (if given); returns its id. */
async function newCart(v: CheckoutVendor, price: string, code?: string): Promise<string> {
  const cart = await call(v, 'storefront', 'POST', '/carts', { currency: 'EUR' });
  const id = cart.body.cart.id as string;
  assert.equal(
    (await call(v, 'storefront', 'POST', `/carts/${id}/lines`, { title: 'Mug', price })).status,
    201,
  );
  if (code)
    assert.equal((await call(v, 'storefront', 'POST', `/carts/${id}/gift_cards`, { code })).status, 200);
  return id;
}

const balance = async (v: CheckoutVendor, id: string) =>
  (await call(v, 'admin', 'GET', `/admin/gift_cards/${id}`)).body.gift_card.balance as string;
const transactions = async (v: CheckoutVendor, id: string) =>
  (await call(v, 'admin', 'GET', `/admin/gift_cards/${id}/transactions`)).body.transactions as {
    id: string;
    kind: string;
    amount: string;
    order_id: string | null;
  }[];
const cents = (amount: string) => Math.round(Number(amount) * 100);

/** 8 concurrent completions of 5.00 carts on a fresh 20.00 card. */
async function race(v: CheckoutVendor) {
  const card = await newCard(v);
  const carts: string[] = [];
  for (let i = 0; i < 8; i++) carts.push(await newCart(v, '5.00', card.code));
  const replies = await Promise.all(
    carts.map((id) => call(v, 'storefront', 'POST', `/carts/${id}/complete`)),
  );
  const debits = (await transactions(v, card.id)).filter((t) => t.kind === 'debit');
  return {
    replies,
    succeeded: replies.filter((r) => r.status === 201).length,
    balance: await balance(v, card.id),
    debits: debits.length,
    debited: -debits.reduce((sum, t) => sum + cents(t.amount), 0),
  };
}

describe('checkout vendor simulator', () => {
  let correct: CheckoutVendor;
  let lostUpdate: CheckoutVendor;
  let ignoreExpiry: CheckoutVendor;
  let overdraw: CheckoutVendor;
  before(async () => {
    correct = await startCheckoutVendor({ clock });
    lostUpdate = await startCheckoutVendor({ clock, defects: { lostUpdate: true }, latencyMs: 10 });
    ignoreExpiry = await startCheckoutVendor({ clock, defects: { ignoreExpiry: true } });
    overdraw = await startCheckoutVendor({ clock, defects: { overdraw: true }, latencyMs: 10 });
  });
  after(() => Promise.all([correct.close(), lostUpdate.close(), ignoreExpiry.close(), overdraw.close()]));

  test('correct: of 8 racing 5.00 completions on 20.00 exactly 4 pay, the rest are INSUFFICIENT_FUNDS', async () => {
    for (let round = 0; round < 3; round++) {
      const seen = await race(correct);
      assert.equal(seen.succeeded, 4, `round ${round}`);
      const refused = seen.replies.filter((r) => r.status === 422);
      assert.equal(refused.length, 4);
      for (const r of refused) assert.equal(r.body.errors[0].code, 'INSUFFICIENT_FUNDS');
      assert.equal(seen.balance, '0.00');
      assert.equal(seen.debits, 4);
      assert.equal(seen.debited, 2000);
    }
  });

  test('lostUpdate: the same race spends more than the funds or loses a debit', async () => {
    let shown = '';
    for (let round = 0; round < 5 && !shown; round++) {
      const seen = await race(lostUpdate);
      if (seen.succeeded > 4 || (cents(seen.balance) > 0 && seen.debited > 2000))
        shown = `${seen.succeeded} paid, balance ${seen.balance}, debits add up to ${seen.debited} cents`;
    }
    assert.ok(shown, 'the lost update never showed in 5 rounds');
  });

  test('overdraw: the same race spends beyond the funds, and the balance and transactions say so (negative)', async () => {
    let shown = '';
    for (let round = 0; round < 5 && !shown; round++) {
      const seen = await race(overdraw);
      if (seen.succeeded > 4 && cents(seen.balance) < 0 && 2000 - seen.debited === cents(seen.balance))
        shown = `${seen.succeeded} paid, balance ${seen.balance}, debits add up to ${seen.debited} cents`;
    }
    assert.ok(shown, 'the overdraw never showed in 5 rounds');
  });

  test('an expired card is refused by the correct shop and pays with ignoreExpiry', async () => {
    const refused = await newCard(correct, '20.00', { expires_on: yesterday });
    const answer = await call(
      correct,
      'storefront',
      'POST',
      `/carts/${await newCart(correct, '5.00', refused.code)}/complete`,
    );
    assert.equal(answer.status, 422);
    assert.equal(answer.body.errors[0].code, 'GIFT_CARD_EXPIRED');
    assert.equal(await balance(correct, refused.id), '20.00');

    const good = await newCard(correct, '20.00', { expires_on: today });
    const onLastDay = await call(
      correct,
      'storefront',
      'POST',
      `/carts/${await newCart(correct, '5.00', good.code)}/complete`,
    );
    assert.equal(onLastDay.status, 201, 'a card is good on its expires_on day');

    const paid = await newCard(ignoreExpiry, '20.00', { expires_on: yesterday });
    const cart = await newCart(ignoreExpiry, '5.00', paid.code);
    assert.equal((await call(ignoreExpiry, 'storefront', 'POST', `/carts/${cart}/complete`)).status, 201);
    assert.equal(await balance(ignoreExpiry, paid.id), '15.00');
  });

  test('idempotency: a key replays its first answer, refusals too, and conflicts on another cart', async () => {
    const card = await newCard(correct);
    const cart = await newCart(correct, '5.00', card.code);
    const key = { 'idempotency-key': `k-${card.id}` };
    const replies = await Promise.all(
      Array.from({ length: 4 }, () =>
        call(correct, 'storefront', 'POST', `/carts/${cart}/complete`, undefined, key),
      ),
    );
    const later = await call(correct, 'storefront', 'POST', `/carts/${cart}/complete`, undefined, key);
    for (const r of [...replies, later]) assert.deepEqual(r, replies[0]);
    assert.equal(replies[0]!.status, 201);
    assert.equal((await transactions(correct, card.id)).filter((t) => t.kind === 'debit').length, 1);
    assert.equal(await balance(correct, card.id), '15.00');

    const other = await newCart(correct, '5.00', card.code);
    const conflict = await call(correct, 'storefront', 'POST', `/carts/${other}/complete`, undefined, key);
    assert.equal(conflict.status, 422);
    assert.equal(conflict.body.errors[0].code, 'IDEMPOTENCY_KEY_CONFLICT');

    const unpaid = await newCart(correct, '5.00');
    const refusalKey = { 'idempotency-key': `r-${card.id}` };
    const first = await call(
      correct,
      'storefront',
      'POST',
      `/carts/${unpaid}/complete`,
      undefined,
      refusalKey,
    );
    assert.equal(first.body.errors[0].code, 'NO_PAYMENT');
    await call(correct, 'storefront', 'POST', `/carts/${unpaid}/gift_cards`, { code: card.code });
    const again = await call(
      correct,
      'storefront',
      'POST',
      `/carts/${unpaid}/complete`,
      undefined,
      refusalKey,
    );
    assert.deepEqual(again, first);
    assert.equal(await balance(correct, card.id), '15.00');
  });

  test('the code is shown only at creation, ids are not UUIDs, bad input is a documented 4xx', async () => {
    const created = await newCard(correct, '20.00', { note: 'probe' });
    assert.match(created.code, /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    const plain = created.code.replaceAll('-', '');
    const read = await call(correct, 'admin', 'GET', `/admin/gift_cards/${created.id}`);
    const inquiry = await call(correct, 'storefront', 'GET', `/gift_cards/${plain}`);
    assert.equal(inquiry.status, 200);
    assert.equal((await call(correct, 'storefront', 'GET', `/gift_cards/${created.code}`)).status, 200);
    for (const shown of [read, inquiry]) {
      assert.equal(shown.body.gift_card.code, undefined);
      assert.equal(shown.body.gift_card.last_characters, plain.slice(-4));
      assert.ok(!JSON.stringify(shown.body).includes(plain.slice(0, 8)), 'no more of the code than its end');
    }

    const cart = await newCart(correct, '5.00', created.code);
    const order = (await call(correct, 'storefront', 'POST', `/carts/${cart}/complete`)).body.order;
    const [txn] = await transactions(correct, created.id);
    const ids: [string, RegExp][] = [
      [created.id, /^gc_[0-9a-z]{12}$/],
      [cart, /^cart_/],
      [order.id, /^ord_/],
      [txn!.id, /^txn_/],
    ];
    for (const [id, shape] of ids) {
      assert.match(id, shape);
      assert.doesNotMatch(id, uuid);
    }

    const open = await newCart(correct, '5.00');
    const bad: [Promise<Reply>, number, string][] = [
      [
        call(correct, 'admin', 'POST', '/admin/gift_cards', { initial_value: '5.5', currency: 'EUR' }),
        400,
        'INVALID_REQUEST',
      ],
      [
        call(correct, 'admin', 'POST', '/admin/gift_cards', { initial_value: 'abc', currency: 'EUR' }),
        400,
        'INVALID_REQUEST',
      ],
      [
        call(correct, 'admin', 'POST', '/admin/gift_cards', { initial_value: '5.00', currency: 'ABC' }),
        400,
        'INVALID_REQUEST',
      ],
      [call(correct, 'admin', 'POST', '/admin/gift_cards', '{"initial_value": '), 400, 'INVALID_REQUEST'],
      [
        call(correct, 'none', 'POST', '/admin/gift_cards', { initial_value: '5.00', currency: 'EUR' }),
        401,
        'UNAUTHORIZED',
      ],
      [call(correct, 'storefront', 'GET', `/admin/gift_cards/${created.id}`), 401, 'UNAUTHORIZED'],
      [call(correct, 'none', 'POST', '/carts', { currency: 'EUR' }), 401, 'UNAUTHORIZED'],
      [
        call(correct, 'storefront', 'POST', `/carts/${open}/lines`, { title: 'Mug', price: '5.5' }),
        400,
        'INVALID_REQUEST',
      ],
      [call(correct, 'storefront', 'POST', `/carts/${open}/lines`, '[1, 2'), 400, 'INVALID_REQUEST'],
      [
        call(correct, 'storefront', 'POST', `/orders/${order.id}/refunds`, { amount: 'abc' }),
        400,
        'INVALID_REQUEST',
      ],
      [call(correct, 'storefront', 'GET', '/gift_cards/NOPE-NOPE-NOPE-NOPE'), 404, 'GIFT_CARD_NOT_FOUND'],
      [call(correct, 'storefront', 'DELETE', '/carts'), 404, 'NOT_FOUND'],
    ];
    for (const [reply, status, code] of bad) {
      const r = await reply;
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.equal(r.body.errors[0].code, code);
    }
    const unchanged = await call(correct, 'storefront', 'POST', `/carts/${open}/lines`, {
      title: 'Pen',
      price: '1.00',
    });
    assert.equal(unchanged.body.cart.total, '6.00', 'the refused lines changed nothing');
  });

  test('refunds are capped at what the card paid and credit the card', async () => {
    const card = await newCard(correct);
    const cart = await newCart(correct, '5.00', card.code);
    const order = (await call(correct, 'storefront', 'POST', `/carts/${cart}/complete`)).body.order;
    assert.equal(order.gift_card_payment.amount, '5.00');
    const refunds = `/orders/${order.id}/refunds`;

    const tooMuch = await call(correct, 'storefront', 'POST', refunds, { amount: '6.00' });
    assert.equal(tooMuch.status, 422);
    assert.equal(tooMuch.body.errors[0].code, 'REFUND_EXCEEDS_PAYMENT');
    assert.equal(tooMuch.body.errors[0].refundable, '5.00');

    const part = await call(correct, 'storefront', 'POST', refunds, { amount: '2.50' });
    assert.equal(part.status, 201);
    assert.equal(part.body.refund.amount, '2.50');
    assert.equal(await balance(correct, card.id), '17.50');
    const rest = await call(correct, 'storefront', 'POST', refunds, {});
    assert.equal(rest.body.refund.amount, '2.50');
    assert.equal(await balance(correct, card.id), '20.00');
    const more = await call(correct, 'storefront', 'POST', refunds, { amount: '0.01' });
    assert.equal(more.body.errors[0].refundable, '0.00');

    const history = await transactions(correct, card.id);
    assert.deepEqual(
      history.map((t) => [t.kind, t.amount, t.order_id]),
      [
        ['issue', '20.00', null],
        ['debit', '-5.00', order.id],
        ['credit', '2.50', order.id],
        ['credit', '2.50', order.id],
      ],
    );

    await call(correct, 'admin', 'POST', `/admin/gift_cards/${card.id}/update`, { expires_on: yesterday });
    const second = await newCard(correct);
    const paid = (
      await call(
        correct,
        'storefront',
        'POST',
        `/carts/${await newCart(correct, '3.00', second.code)}/complete`,
      )
    ).body.order;
    await call(correct, 'admin', 'POST', `/admin/gift_cards/${second.id}/update`, { expires_on: yesterday });
    const expired = await call(correct, 'storefront', 'POST', `/orders/${paid.id}/refunds`, {});
    assert.equal(expired.status, 422);
    assert.equal(expired.body.errors[0].code, 'GIFT_CARD_EXPIRED');
  });
});
