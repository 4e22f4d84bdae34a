import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { type Policy, policies } from '../../spec/capabilities.ts';
import { activeVouchers, eur, newTenant, receipt, type Tenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';

let server: RunningServer;
let t: Tenant;
before(async () => {
  server = await startReferenceServer();
  t = await newTenant(server.url);
});
after(() => server.close());

const racers = 50;
const funds = 10_000;
const each = 300;

/** What each policy may answer to a racing use, besides success. */
const allowedRefusals: Record<Policy, string[]> = {
  'balance-guard': ['insufficient_balance'],
  'amount-holds': ['insufficient_balance'],
  'exclusive-hold': ['voucher_in_use', 'insufficient_balance'],
  'redeem-entire': ['voucher_in_use', 'voucher_redeemed'],
};

async function assertLedgerConsistent(voucherId: string, captured: number) {
  const ledger = (await t.pos.get('getLedger', `/vouchers/${voucherId}/ledger`)).body;
  let running = 0;
  for (const e of ledger.entries) {
    running += e.amount;
    assert.equal(e.balanceAfter, running, `entry ${e.seq} records the balance after it`);
    assert.ok(e.balanceAfter >= 0);
  }
  assert.equal(running, ledger.balance.amount, 'the ledger sums to the balance');
  const debits = ledger.entries.filter((e: { kind: string }) => e.kind === 'capture');
  assert.equal(
    -debits.reduce((s: number, e: { amount: number }) => s + e.amount, 0),
    captured,
    'every acknowledged capture is in the ledger once',
  );
  return ledger;
}

const codesOf = (answers: { status: number; body: { code?: string } }[]) =>
  answers.filter((a) => a.status >= 400).map((a) => a.body.code);

for (const policy of policies) {
  describe(`${racers} racing POS on one voucher under ${policy}`, () => {
    test("holds then captures: never more than the funds, refusals carry the policy's codes", async () => {
      const [v] = await activeVouchers(t, funds, 1, { policy });
      const holds = await Promise.all(
        Array.from({ length: racers }, (_, i) =>
          t.pos.post('createHold', `/vouchers/${v!.id}/holds`, {
            amount: eur(each),
            receipt: receipt(`R${i}`),
          }),
        ),
      );
      const held = holds.filter((h) => h.status === 201);
      for (const code of codesOf(holds))
        assert.ok(allowedRefusals[policy].includes(code as string), `hold refused with ${code}`);
      if (policy === 'exclusive-hold' || policy === 'redeem-entire') assert.equal(held.length, 1);
      if (policy === 'amount-holds') assert.equal(held.length, Math.floor(funds / each));
      if (policy === 'balance-guard') assert.equal(held.length, racers);
      const captures = await Promise.all(
        held.map((h) => t.pos.post('captureHold', `/holds/${h.body.id}/capture`)),
      );
      const ok = captures.filter((c) => c.status === 201);
      for (const code of codesOf(captures)) assert.equal(code, 'insufficient_balance');
      const captured = ok.reduce((s, c) => s + c.body.amount.amount, 0);
      assert.ok(captured <= funds, `captured ${captured} of ${funds}`);
      if (policy === 'balance-guard') assert.equal(ok.length, Math.floor(funds / each));
      const ledger = await assertLedgerConsistent(v!.id, captured);
      const remainder = policy === 'redeem-entire' ? funds - captured : 0;
      assert.equal(ledger.balance.amount, funds - captured - remainder);
    });

    test('one-step redemptions: never more than the funds, the ledger sums to the balance', async () => {
      const [v] = await activeVouchers(t, funds, 1, { policy });
      const answers = await Promise.all(
        Array.from({ length: racers }, (_, i) =>
          t.webshop.post('redeem', `/vouchers/${v!.id}/redemptions`, {
            amount: eur(each),
            receipt: receipt(`W${i}`, 'webshop'),
          }),
        ),
      );
      const ok = answers.filter((a) => a.status === 201);
      for (const code of codesOf(answers)) {
        assert.ok(
          [...allowedRefusals[policy], 'insufficient_balance'].includes(code as string),
          `refused with ${code}`,
        );
      }
      const captured = ok.reduce((s, a) => s + a.body.amount.amount, 0);
      assert.ok(captured <= funds);
      assert.equal(ok.length, policy === 'redeem-entire' ? 1 : Math.floor(funds / each));
      await assertLedgerConsistent(v!.id, captured);
    });
  });
}
