import assert from 'node:assert/strict';
import type { Policy } from '../../spec/capabilities.ts';
import { ApiClient } from './api-client.ts';

export interface Tenant {
  pos: ApiClient;
  webshop: ApiClient;
  office: ApiClient;
  anon: ApiClient;
  tenantId: string;
}

export const receipt = (number = 'R-1', channel: 'pos' | 'webshop' = 'pos') => ({
  number,
  store: 'S-001',
  register: channel === 'pos' ? 'POS-1' : 'WEB',
  channel,
});

export const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** A fresh tenant through test control, with a client per role. */
export async function newTenant(base: string): Promise<Tenant> {
  const anon = new ApiClient(base);
  const created = await anon.post('createTestTenant', '/test/tenants', {}, { idempotencyKey: null });
  assert.equal(created.status, 201);
  const { keys, tenantId } = created.body;
  return {
    pos: anon.as(keys.pos),
    webshop: anon.as(keys.webshop),
    office: anon.as(keys.backoffice),
    anon,
    tenantId,
  };
}

export interface TypeOptions {
  policy?: Policy;
  reusable?: boolean;
  topUpAllowed?: boolean;
  validityDays?: number;
  holdTtlSeconds?: number;
  capacity?: number;
}

/** Creates a voucher type and a template, issues `count` vouchers of `amount` and sells them (activated). */
export async function activeVouchers(t: Tenant, amount: number, count = 1, options: TypeOptions = {}) {
  const vouchers = await preparedVouchers(t, amount, count, options);
  for (const v of vouchers) {
    assert.equal(
      (await t.pos.post('startSale', `/vouchers/${v.id}/sale`, { receipt: receipt('SALE') })).status,
      200,
    );
    assert.equal((await t.pos.post('completeSale', `/vouchers/${v.id}/sale/complete`)).status, 200);
  }
  return vouchers;
}

let typeSeq = 0;

export async function preparedVouchers(t: Tenant, amount: number, count = 1, options: TypeOptions = {}) {
  typeSeq += 1;
  const type = await t.office.post('createVoucherType', '/voucher-types', {
    code: `T${typeSeq}`,
    name: 'Gift card',
    currency: 'EUR',
    productCode: 'GIFT',
    validityDays: options.validityDays ?? 365,
    reusable: options.reusable ?? true,
    topUpAllowed: options.topUpAllowed ?? false,
    policy: options.policy ?? 'amount-holds',
    ...(options.holdTtlSeconds ? { holdTtlSeconds: options.holdTtlSeconds } : {}),
  });
  assert.equal(type.status, 201, JSON.stringify(type.body));
  const template = await t.office.post('createTemplate', '/templates', {
    voucherTypeId: type.body.id,
    code: `TPL${typeSeq}`,
    numberPrefix: 'GC',
    capacity: options.capacity ?? Math.max(count, 10),
  });
  assert.equal(template.status, 201);
  const issued = await t.office.post('issueVouchers', `/templates/${template.body.id}/issue`, {
    count,
    denomination: eur(amount),
  });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  return issued.body.vouchers as Array<{
    id: string;
    number: string;
    barcode: string;
    magstripe: string;
    qr: string;
  }>;
}
