import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { HttpResponse, http } from 'msw/http';
import { setupServer } from 'msw/node';
import { AdapterDriver } from '../../src/driver/adapter-driver.ts';

/**
 * The checkout shop's adapter against msw, which stands in for the shop's API: each test says what the
 * shop answers and checks which requests the adapter made and how it put the answers in the contract's
 * terms. The adapter runs through the harness's own AdapterDriver, so every answer is also checked
 * against the contract.
 */
const shop = 'http://shop.test';
const adapter = 'simulators/vendors/checkout/adapter/checkout-adapter.ts';
const keys = { backoffice: 'admin-token', pos: 'store-token' };
const voucher = 'gc_abc123~ABCDEFGHJKLMNPQR';
const receipt = { number: 'R-1', store: 'S1', register: 'POS1', channel: 'pos' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const error = (status: number, code: string, extra = {}) =>
  HttpResponse.json({ errors: [{ code, message: code.toLowerCase(), ...extra }] }, { status });

interface Seen {
  method: string;
  path: string;
  body: unknown;
  headers: Headers;
}

const server = setupServer();
const seen: Seen[] = [];
server.events.on('request:start', async ({ request }) => {
  const text = await request.clone().text();
  seen.push({
    method: request.method,
    path: new URL(request.url).pathname,
    body: text ? JSON.parse(text) : undefined,
    headers: request.headers,
  });
});

/** The shop's cart flow, answering `complete` as told; counts the carts made. */
function cartFlow(complete: () => Response) {
  let carts = 0;
  server.use(
    http.post(`${shop}/carts`, () => HttpResponse.json({ cart: { id: `cart_${++carts}` } }, { status: 201 })),
    http.post(`${shop}/carts/:id/lines`, () => HttpResponse.json({ cart: {} }, { status: 201 })),
    http.post(`${shop}/carts/:id/gift_cards`, () => HttpResponse.json({ cart: {} })),
    http.post(`${shop}/carts/:id/complete`, complete),
  );
  return () => carts;
}

const order = (id = 'ord_1', amount = '5.00') =>
  HttpResponse.json(
    {
      order: {
        id,
        cart_id: 'cart_1',
        total: amount,
        gift_card_payment: { amount, last_characters: 'NPQR' },
        created_at: '2026-11-30T10:00:00.000Z',
      },
    },
    { status: 201 },
  );

describe('the checkout shop adapter, against msw standing in for the shop', () => {
  const driver = new AdapterDriver(adapter);
  const redeem = (amount: number, idempotencyKey: string) =>
    driver.invoke({
      operationId: 'redeem',
      params: { id: voucher },
      body: { amount: eur(amount), receipt },
      idempotencyKey,
    });

  before(async () => {
    server.listen({ onUnhandledFrame: 'error' });
    await driver.open({ target: shop, apiKeys: keys, timeoutMs: 2000 });
  });
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  after(() => server.close());

  it('redeems as the shop pays: a cart, its line, the card, then complete with the request key', async () => {
    cartFlow(() => order());
    const answer = await redeem(500, 'key-1');
    assert.equal(answer.completion, 'ok');
    assert.equal(answer.violations, undefined, JSON.stringify(answer.violations));
    assert.deepEqual(
      seen.map((s) => `${s.method} ${s.path}`),
      [
        'POST /carts',
        'POST /carts/cart_1/lines',
        'POST /carts/cart_1/gift_cards',
        'POST /carts/cart_1/complete',
      ],
    );
    assert.deepEqual(seen[1]?.body, { title: 'R-1', price: '5.00', quantity: 1 });
    assert.deepEqual(seen[2]?.body, { code: 'ABCDEFGHJKLMNPQR' });
    assert.equal(seen[3]?.headers.get('idempotency-key'), 'key-1');
    assert.ok(seen.every((s) => s.headers.get('x-storefront-token') === 'store-token'));
    const body = answer.completion === 'ok' ? answer.body : undefined;
    assert.equal(body?.id, 'ord_1~EUR');
    assert.deepEqual(body?.amount, eur(500));
    assert.equal(body?.balanceAfter, undefined, 'the shop does not say the balance after: never invented');
  });

  it('a retry with the same key completes the same cart; the same key with another amount makes another cart', async () => {
    const carts = cartFlow(() => order());
    await redeem(500, 'key-2');
    await redeem(500, 'key-2');
    assert.equal(carts(), 1, 'a retry reuses its cart');
    server.use(http.post(`${shop}/carts/:id/complete`, () => error(422, 'IDEMPOTENCY_KEY_CONFLICT')));
    const other = await redeem(700, 'key-2');
    assert.equal(carts(), 2, 'another request gets a cart of its own');
    assert.equal(other.completion === 'fail' && other.problem.code, 'idempotency_key_reused');
  });

  it("puts the shop's refusals in the contract's terms and never invents an available amount", async () => {
    cartFlow(() => error(422, 'INSUFFICIENT_FUNDS'));
    const short = await redeem(500, 'key-3');
    assert.equal(short.completion === 'fail' && short.problem.code, 'insufficient_balance');
    assert.equal(short.completion === 'fail' && short.status, 409);
    assert.equal(short.completion === 'fail' && short.problem.available, undefined);
    cartFlow(() => error(422, 'GIFT_CARD_EXPIRED'));
    const expired = await redeem(500, 'key-4');
    assert.equal(expired.completion === 'fail' && expired.problem.code, 'voucher_expired');
  });

  it('a 5xx, an error it cannot name and a lost connection are unknown outcomes, never refusals', async () => {
    for (const [key, answer] of [
      ['key-5', () => error(500, 'INTERNAL_ERROR')],
      ['key-6', () => error(422, 'SOMETHING_NEW')],
      ['key-7', () => HttpResponse.error()],
    ] as const) {
      cartFlow(answer as () => Response);
      const outcome = await redeem(500, key);
      assert.equal(outcome.completion, 'info', key);
    }
  });

  it('prepare does everything before the money request; only commit completes the cart', async () => {
    cartFlow(() => order());
    const prepared = await driver.prepare({
      operationId: 'redeem',
      params: { id: voucher },
      body: { amount: eur(500), receipt },
      idempotencyKey: 'key-8',
    });
    assert.ok(!seen.some((s) => s.path.endsWith('/complete')), 'nothing completed before commit');
    assert.equal((await prepared.commit()).completion, 'ok');
    assert.equal(seen.filter((s) => s.path.endsWith('/complete')).length, 1);
  });

  it('a request the shop cannot express (a float as an amount) is refused without asking the shop', async () => {
    const answer = await driver.invoke({
      operationId: 'redeem',
      params: { id: voucher },
      rawBody:
        '{"amount": {"amount": 12.5, "currency": "EUR"}, "receipt": {"number": "R", "store": "S", "register": "P", "channel": "pos"}}',
      idempotencyKey: 'key-9',
    });
    assert.equal(answer.completion === 'fail' && answer.problem.code, 'validation_failed');
    assert.equal(seen.length, 0);
  });

  it('arranges an expired card through the admin API, and cannot arrange what the shop has no notion of', async () => {
    server.use(
      http.post(`${shop}/admin/gift_cards`, () =>
        HttpResponse.json({ gift_card: { id: 'gc_new', code: 'WXYZ-WXYZ-WXYZ-WXYZ' } }, { status: 201 }),
      ),
    );
    const type = {
      key: 'GIFT',
      currency: 'EUR',
      policy: 'balance-guard',
      reusable: true,
      topUpAllowed: false,
      validityDays: 365,
    } as const;
    const { voucherId } = await driver.arrange('voucher', { type, state: 'expired', amount: eur(2000) });
    assert.equal(voucherId, 'gc_new~WXYZWXYZWXYZWXYZ');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    assert.deepEqual(seen[0]?.body, { initial_value: '20.00', currency: 'EUR', expires_on: yesterday });
    assert.equal(seen[0]?.headers.get('authorization'), 'Bearer admin-token');
    for (const params of [
      { type, state: 'prepared' as const, amount: eur(100) },
      { type: { ...type, policy: 'amount-holds' as const }, state: 'activated' as const, amount: eur(100) },
      { type: { ...type, reusable: false }, state: 'activated' as const, amount: eur(100) },
    ])
      await assert.rejects(driver.arrange('voucher', params), (e: Error) => e.name === 'CannotArrange');
  });

  it("reads the card's transactions as a ledger and its balance by code", async () => {
    server.use(
      http.get(`${shop}/admin/gift_cards/:id`, () =>
        HttpResponse.json({
          gift_card: {
            id: 'gc_abc123',
            last_characters: 'NPQR',
            initial_value: '20.00',
            balance: '15.00',
            currency: 'EUR',
            expires_on: null,
            disabled_at: null,
            created_at: '2026-11-30T09:00:00.000Z',
          },
        }),
      ),
      http.get(`${shop}/admin/gift_cards/:id/transactions`, () =>
        HttpResponse.json({
          transactions: [
            {
              id: 't1',
              kind: 'issue',
              amount: '20.00',
              processed_at: '2026-11-30T09:00:00.000Z',
              order_id: null,
            },
            {
              id: 't2',
              kind: 'debit',
              amount: '-5.00',
              processed_at: '2026-11-30T09:01:00.000Z',
              order_id: 'ord_9',
            },
          ],
        }),
      ),
      http.get(`${shop}/gift_cards/:code`, ({ params }) =>
        params.code === 'ABCDEFGHJKLMNPQR'
          ? HttpResponse.json({
              gift_card: {
                last_characters: 'NPQR',
                balance: '15.00',
                currency: 'EUR',
                expires_on: null,
                enabled: true,
              },
            })
          : error(404, 'GIFT_CARD_NOT_FOUND'),
      ),
    );
    const ledger = await driver.invoke({
      operationId: 'getLedger',
      params: { id: voucher },
      auth: { role: 'backoffice' },
    });
    assert.equal(ledger.violations, undefined, JSON.stringify(ledger.violations));
    const entries = ledger.completion === 'ok' ? ledger.body.entries : [];
    assert.deepEqual(
      entries.map((e) => [e.seq, e.kind, e.amount, e.operationId]),
      [
        [1, 'issue', 2000, null],
        [2, 'capture', -500, 'ord_9~EUR'],
      ],
    );
    const balance = await driver.invoke({ operationId: 'getBalance', params: { id: voucher } });
    assert.equal(balance.completion === 'ok' && balance.body.balance.amount, 1500);
    assert.equal(seen.at(-1)?.headers.get('x-storefront-token'), 'store-token');
    const unknownVoucher = await driver.invoke({ operationId: 'getBalance', params: { id: 'not-ours' } });
    assert.equal(unknownVoucher.completion === 'fail' && unknownVoucher.problem.code, 'not_found');
  });
});
