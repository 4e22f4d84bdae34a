import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type ForeignVendor, startForeignVendor } from '../../simulators/vendors/foreign-vendor.ts';
import { ContractViolation } from '../../src/contract/contract-violation.ts';
import { AdapterDriver } from '../../src/driver/adapter-driver.ts';
import { strictDriver } from '../../src/driver/strict-driver.ts';

const foreignAdapter = fileURLToPath(new URL('../../simulators/vendors/foreign-adapter.ts', import.meta.url));
const brokenAdapter = fileURLToPath(new URL('./broken-adapter.ts', import.meta.url));
const receipt = { number: 'R-1', store: 'S1', register: 'POS1', channel: 'pos' } as const;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('the adapter driver over GiftCardCo, a vendor of another shape', () => {
  let vendor: ForeignVendor;
  const driver = new AdapterDriver(foreignAdapter);
  const office = { role: 'backoffice' } as const;
  const pos = { role: 'pos' } as const;

  before(async () => {
    vendor = await startForeignVendor();
    await driver.open({ target: vendor.url });
    await driver.setup();
  });
  after(async () => {
    await driver.close();
    await vendor.close();
  });

  async function soldVoucher(amount: number): Promise<string> {
    const type = await driver.invoke({
      operationId: 'createVoucherType',
      body: {
        code: 'G',
        name: 'Gift',
        currency: 'EUR',
        productCode: 'P',
        validityDays: 30,
        reusable: true,
        topUpAllowed: false,
        policy: 'amount-holds',
      },
      auth: office,
    });
    assert.equal(type.completion, 'ok');
    if (type.completion !== 'ok') throw new Error('no type');
    const template = await driver.invoke({
      operationId: 'createTemplate',
      body: { voucherTypeId: type.body.id, code: 'T', numberPrefix: '', capacity: 5 },
      auth: office,
    });
    if (template.completion !== 'ok') throw new Error('no template');
    const batch = await driver.invoke({
      operationId: 'issueVouchers',
      params: { id: template.body.id },
      body: { count: 1, denomination: eur(amount) },
      auth: office,
    });
    if (batch.completion !== 'ok') throw new Error('no batch');
    const id = batch.body.vouchers[0]?.id ?? '';
    await driver.invoke({ operationId: 'startSale', params: { id }, body: { receipt }, auth: pos });
    const sold = await driver.invoke({ operationId: 'completeSale', params: { id }, body: {}, auth: pos });
    assert.equal(sold.completion === 'ok' && sold.body.state, 'activated');
    return id;
  }

  test('authorize and settle become hold and capture, in minor units', async () => {
    const id = await soldVoucher(2000);
    const hold = await driver.invoke({
      operationId: 'createHold',
      params: { id },
      body: { amount: eur(1190), receipt },
      auth: pos,
    });
    assert.equal(hold.completion, 'ok');
    if (hold.completion !== 'ok') return;
    const capture = await driver.invoke({
      operationId: 'captureHold',
      params: { id: hold.body.id },
      body: {},
      auth: pos,
    });
    assert.equal(capture.completion === 'ok' && capture.body.balanceAfter?.amount, 810);
    const ledger = await driver.invoke({ operationId: 'getLedger', params: { id }, auth: office });
    assert.deepEqual(ledger.completion === 'ok' && ledger.body.entries.at(-1)?.amount, -1190);
  });

  test("GiftCardCo's NSF becomes insufficient_balance with the available amount", async () => {
    const id = await soldVoucher(500);
    const hold = await driver.invoke({
      operationId: 'createHold',
      params: { id },
      body: { amount: eur(501), receipt },
      auth: pos,
    });
    assert.equal(hold.completion, 'fail');
    assert.equal(hold.completion === 'fail' && hold.problem.code, 'insufficient_balance');
    assert.deepEqual(hold.completion === 'fail' && hold.problem.available, eur(500));
  });

  test('the driver gives mutating calls an idempotency key, and a replay gets the first answer', async () => {
    const id = await soldVoucher(1000);
    const first = await driver.invoke({
      operationId: 'createHold',
      params: { id },
      body: { amount: eur(100), receipt },
      auth: pos,
    });
    assert.ok(first.idempotencyKey);
    const again = await driver.invoke({
      operationId: 'createHold',
      params: { id },
      body: { amount: eur(100), receipt },
      auth: pos,
      idempotencyKey: first.idempotencyKey,
    });
    assert.deepEqual(again, first);
    const other = await driver.invoke({
      operationId: 'createHold',
      params: { id },
      body: { amount: eur(200), receipt },
      auth: pos,
      idempotencyKey: first.idempotencyKey,
    });
    assert.equal(other.completion === 'fail' && other.problem.code, 'idempotency_key_reused');
  });
});

describe('the adapter driver keeps adapters to the contract', () => {
  const driver = new AdapterDriver(brokenAdapter);
  before(() => driver.open({ target: 'http://127.0.0.1:9' }));
  const ledgerCall = {
    operationId: 'getLedger',
    params: { id: '6f1c2b1e-8d3a-4c55-9a57-0b7f0c3e1a01' },
  } as const;

  test('an answer of the wrong shape comes back as it was, with its path and value as violations', async () => {
    const answer = await driver.invoke(ledgerCall);
    assert.equal(answer.completion, 'ok');
    assert.ok(
      answer.violations?.some((v) => v.path === 'body/balance' && v.value === '12.50'),
      JSON.stringify(answer.violations),
    );
  });

  test('through the strict driver (a scenario step) the same answer fails with its path and value', async () => {
    await assert.rejects(
      () => strictDriver(driver).invoke(ledgerCall),
      (e: unknown) => {
        assert.ok(e instanceof ContractViolation);
        assert.ok(
          e.violations.some((v) => v.path === 'body/balance' && v.value === '12.50'),
          e.message,
        );
        return true;
      },
    );
  });
});
