import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { RunningServer } from '../../reference-impl/server.ts';
import { type Capability, capabilityMeanings } from '../../spec/capabilities.ts';
import { routes } from '../../spec/routes/index.ts';
import { ValidityInput } from '../../spec/schemas/lifecycle.ts';
import { VoucherTypeInput } from '../../spec/schemas/voucher.ts';
import { failureReport } from '../../src/properties/failure-report.ts';
import { fixtureRequests } from '../../src/properties/negative/fixture-requests.ts';
import { hostileCases } from '../../src/properties/negative/hostile-request.ts';
import { malformedCase } from '../../src/properties/negative/malformed-request.ts';
import { negativeSweep } from '../../src/properties/negative/negative-property.ts';
import { satisfies } from '../../src/properties/negative/schema-validator.ts';
import { runProperties } from '../../src/properties/run-properties.ts';
import { startReferenceServer } from '../support/reference-server.ts';

const keys = { pos: 'vk_pos_x', webshop: 'vk_webshop_x', backoffice: 'vk_backoffice_x' };
const id = randomUUID();

/** What a generator draws, as the lines that say what is wrong (a fixed seed, many draws). */
function drawn(arbitrary: fc.Arbitrary<{ what: string; request: { method: string; path: string } }>) {
  return fc.sample(arbitrary, { numRuns: 3000, seed: 20_261_130 });
}

describe("negative data draws issue 15's input classes", () => {
  test('on an operation with a body: ids of another shape, NUL, surrogates, leap seconds, methods, encodings, lengths', () => {
    const cancel = drawn(
      malformedCase('cancelVoucher', { params: { id }, body: { reason: 'stolen' } }, keys),
    );
    const validity = drawn(
      malformedCase('setValidity', { params: { id }, body: { expiresAt: '2031-01-01T00:00:00.000Z' } }, keys),
    );
    const all = [...cancel, ...validity];
    const seen = (pattern: RegExp) => all.some((c) => pattern.test(c.what));
    for (const pattern of [
      /^path id "urn:uuid:/,
      /^path id "\{/,
      /^path id ".*\\u0000"$/,
      /NUL byte/,
      /unpaired (high|low) surrogate/,
      /leap second/,
      /^method (PUT|PATCH|DELETE|GET)$/,
      /^path id with bad percent-encoding/,
      /^a path id of \d+ characters$/,
    ])
      assert.ok(seen(pattern), `no case matches ${pattern}`);
    assert.ok(all.some((c) => c.request.method === 'DELETE'));
  });

  test('on a read: leap seconds and NUL in the query, bad percent-encoding, wrong methods', () => {
    const report = fc.sample(fc.oneof(...hostileCases('reportUses', { query: { voucherId: id } }, keys)), {
      numRuns: 2000,
      seed: 1,
    });
    const paths = report.map((c) => c.request.path);
    assert.ok(paths.some((p) => /[?&](from|to)=2016-12-31T23:59:60Z/.test(p)));
    assert.ok(paths.some((p) => /[?&]voucherId=[^&]*%00/.test(p)));
    assert.ok(paths.some((p) => p.includes('%ED%A0%80')));
    assert.ok(report.some((c) => c.request.method !== 'GET'));
    const lookup = fc.sample(fc.oneof(...hostileCases('lookupVoucher', { query: { number: 'GC1' } }, keys)), {
      numRuns: 500,
      seed: 1,
    });
    assert.ok(lookup.some((c) => c.request.path === '/vouchers/lookup?number=GC1%00'));
  });

  test('the contract as the harness reads it: strings are text, date-times have no leap second', () => {
    const type = {
      code: 'T1',
      name: 'Gift card 🎁',
      currency: 'EUR',
      productCode: 'G',
      validityDays: 30,
      reusable: true,
      topUpAllowed: false,
      policy: 'balance-guard',
    };
    assert.equal(satisfies(VoucherTypeInput, type), true);
    assert.equal(satisfies(VoucherTypeInput, { ...type, name: 'Gift\u0000card' }), false);
    assert.equal(satisfies(VoucherTypeInput, { ...type, name: 'Gift\ud800card' }), false);
    assert.equal(satisfies(VoucherTypeInput, { ...type, name: 'Gift\udc00' }), false);
    assert.equal(satisfies(ValidityInput, { expiresAt: '2016-12-31T23:59:59Z' }), true);
    assert.equal(satisfies(ValidityInput, { expiresAt: '2016-12-31T23:59:60Z' }), false);
  });
});

describe("negative data's sweep reaches every route's required headers and nested strings (issue 16)", () => {
  const everything = new Set(Object.keys(capabilityMeanings) as Capability[]);
  const ids = {
    active: id,
    prepared: randomUUID(),
    typeKey: 'T',
    policy: 'balance-guard' as const,
    templates: { typeId: randomUUID(), templateId: randomUUID() },
    hold: randomUUID(),
    paid: randomUUID(),
    number: 'GC1',
  };
  const { valid, reads } = fixtureRequests(everything, ids);
  const sweep = negativeSweep(valid, reads, keys);
  const has = (operationId: string, what: string) =>
    sweep.some((c) => c.operationId === operationId && c.what === what);
  // The routes a vendor serves: every one but the service and test-control surfaces.
  const served = routes.filter((r) => Array.isArray(r.access));

  test('the fixture has a valid request for every route with roles', () => {
    const made = new Set([...Object.keys(valid), ...Object.keys(reads)]);
    assert.deepEqual(
      served.map((r) => r.operationId).filter((op) => !made.has(op)),
      [],
    );
  });

  test('each route without its key, with an unknown key, with another scheme; mutating ones without Idempotency-Key; bodies with a wrong or no Content-Type', () => {
    for (const r of served) {
      for (const what of ['no Authorization', 'an unknown key', 'Authorization not Bearer'])
        assert.ok(has(r.operationId, what), `${r.operationId}: ${what}`);
      // spec/openapi.json: the Idempotency-Key header is required exactly on the mutating routes.
      assert.equal(has(r.operationId, 'no Idempotency-Key'), r.mutating, `${r.operationId}: Idempotency-Key`);
      for (const what of ['a wrong Content-Type', 'no Content-Type'])
        assert.equal(has(r.operationId, what), r.body !== undefined, `${r.operationId}: ${what}`);
    }
  });

  test('text that is not text at every nested string: receipt lines, tender lines, reason parameters', () => {
    const nested = sweep.filter((c) => c.pointer !== undefined).map((c) => `${c.operationId} ${c.pointer}`);
    for (const expected of [
      'redeem /receipt/lines/0/product',
      'redeem /receipt/lines/0/description',
      'createHold /receipt/number',
      'refundRedemption /receipt/lines/0/product',
      'loadTenderConfig /reasons/0/parameters/0/value',
      'loadTenderConfig /tenders/0/tenderTypeCode',
      'evaluateTenders /lineItems/0/type',
    ])
      assert.ok(nested.includes(expected), expected);
    // Never a top-level string: those are the generated cases' (body-mutation.ts).
    assert.ok(sweep.every((c) => c.pointer === undefined || c.pointer.split('/').length > 2));
  });
});

describe('the reference implementation holds negative data, those classes included', () => {
  let server: RunningServer;
  before(async () => {
    server = await startReferenceServer();
  });
  after(() => server.close());

  test('200 seeded cases over every operation with a body and every read', async () => {
    const [outcome] = await runProperties({
      target: server.url,
      budget: { runs: 200, seed: 20_261_130 },
      only: ['negative-data'],
    });
    assert.ok(outcome);
    assert.equal(outcome.passed, true, failureReport(outcome));
    assert.ok(outcome.runs > 200, `${outcome.runs} cases: the sweep, then 200 generated`);
  });
});
