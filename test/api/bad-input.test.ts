import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { activeVouchers, newTenant, receipt, type Tenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';

let server: RunningServer;
let t: Tenant;
let voucherId: string;
before(async () => {
  server = await startReferenceServer();
  t = await newTenant(server.url);
  voucherId = (await activeVouchers(t, 2000))[0]!.id;
});
after(() => server.close());

const state = async () => [
  (await t.pos.get('getVoucher', `/vouchers/${voucherId}`)).body,
  (await t.pos.get('getLedger', `/vouchers/${voucherId}/ledger`)).body,
];

const goodReceipt = receipt();
const cases: Array<[string, { raw?: string; body?: unknown; contentType?: string }, number, string]> = [
  ['malformed JSON', { raw: '{"amount": {"amount": 100,' }, 400, 'malformed_request'],
  ['empty JSON body', { raw: '' }, 400, 'malformed_request'],
  [
    'a float amount',
    { body: { amount: { amount: 10.5, currency: 'EUR' }, receipt: goodReceipt } },
    400,
    'validation_failed',
  ],
  [
    'a string amount',
    { body: { amount: { amount: '100', currency: 'EUR' }, receipt: goodReceipt } },
    400,
    'validation_failed',
  ],
  [
    'a negative amount',
    { body: { amount: { amount: -100, currency: 'EUR' }, receipt: goodReceipt } },
    400,
    'validation_failed',
  ],
  [
    'a zero amount',
    { body: { amount: { amount: 0, currency: 'EUR' }, receipt: goodReceipt } },
    400,
    'validation_failed',
  ],
  [
    'a huge amount',
    { body: { amount: { amount: 1e30, currency: 'EUR' }, receipt: goodReceipt } },
    400,
    'validation_failed',
  ],
  [
    'an unknown currency',
    { body: { amount: { amount: 100, currency: 'XYZ' }, receipt: goodReceipt } },
    400,
    'validation_failed',
  ],
  [
    'an unknown field',
    { body: { amount: { amount: 100, currency: 'EUR' }, receipt: goodReceipt, tip: 1 } },
    400,
    'validation_failed',
  ],
  ['a missing field', { body: { amount: { amount: 100, currency: 'EUR' } } }, 400, 'validation_failed'],
  ['an array body', { body: [1, 2] }, 400, 'validation_failed'],
  [
    'a wrong content type',
    { raw: 'amount=100', contentType: 'application/x-www-form-urlencoded' },
    415,
    'unsupported_media_type',
  ],
  ['text/plain', { raw: '{}', contentType: 'text/plain' }, 415, 'unsupported_media_type'],
  [
    'an oversize body',
    {
      body: {
        amount: { amount: 100, currency: 'EUR' },
        receipt: { ...goodReceipt, number: 'x'.repeat(70_000) },
      },
    },
    413,
    'payload_too_large',
  ],
  [
    'a prototype-poisoning body',
    { raw: '{"__proto__": {"x": 1}, "amount": {"amount": 1, "currency": "EUR"}}' },
    400,
    'malformed_request',
  ],
];

describe('bad input is refused with problem+json and changes nothing', () => {
  for (const [name, input, status, code] of cases) {
    test(name, async () => {
      const before = await state();
      const r = await t.pos.call('redeem', 'POST', `/vouchers/${voucherId}/redemptions`, input.body, {
        raw: input.raw,
        contentType: input.contentType,
      });
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.match(r.contentType ?? '', /^application\/problem\+json/);
      assert.equal(r.body.code, code);
      assert.deepEqual(await state(), before);
    });
  }

  test('a validation problem lists each problem with its pointer', async () => {
    const r = await t.pos.post('redeem', `/vouchers/${voucherId}/redemptions`, {
      amount: { amount: 1.5, currency: 'EUR', extra: true },
      receipt: goodReceipt,
    });
    const pointers = r.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    assert.deepEqual(pointers, ['/amount/amount', '/amount/extra']);
  });

  test('an id of another shape names nothing here: 404, never a 5xx (ids are opaque in the contract)', async () => {
    for (const id of ['not-a-uuid', `urn:uuid:${randomUUID()}`, 'gc_8f3k2x9q1m4z']) {
      const r = await t.pos.get('getVoucher', `/vouchers/${encodeURIComponent(id)}`);
      assert.equal(r.status, 404, id);
      assert.equal(r.body.code, 'not_found', id);
    }
  });
});
