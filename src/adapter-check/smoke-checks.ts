import { randomUUID } from 'node:crypto';
import type { Capability } from '../../spec/capabilities.ts';
import { type SmokeContext, SmokeProblem } from './smoke-context.ts';

/** One smoke check: the capability it exercises (or the core), and what it does. */
export interface SmokeCheck {
  name: string;
  needs?: Capability;
  run(context: SmokeContext): Promise<void>;
}

/** Resets in the test-control check: more than a server's pool of connections (the reference: 32). */
const resets = 40;

function same(actual: number, expected: number, what: string): void {
  if (actual !== expected) throw new SmokeProblem(`${what}: expected ${expected}, got ${actual}`);
}

/**
 * One short check per part of the profile the adapter claims: enough to find a wrong mapping, a missing
 * operation or an answer outside the contract before a whole certification run. Not a certification.
 */
export const smokeChecks: readonly SmokeCheck[] = [
  {
    name: 'core: arrange a voucher, read its balance and the voucher',
    async run(c) {
      const id = await c.voucher();
      same(await c.balanceOf(id), 2000, 'the balance of a 20.00 voucher');
      await c.expect({ operationId: 'getVoucher', params: { id }, auth: { role: 'backoffice' } }, 'ok');
    },
  },
  {
    // The contract's liveness route: a vendor's own API may have none (an adapter answers not_found), but
    // an answer it gives is checked against the contract like any other.
    name: 'core: the health check answers as the contract says, when the target has one',
    async run(c) {
      await c.expect({ operationId: 'getHealth' }, ['ok', 'not_found']);
    },
  },
  {
    name: 'core: pay, and refuse what the voucher cannot pay',
    async run(c) {
      const id = await c.voucher();
      await c.pay(id, 500);
      same(await c.balanceOf(id), 1500, 'the balance after paying 5.00 of 20.00');
      await c.pay(id, 10_000, 'insufficient_balance');
      same(await c.balanceOf(id), 1500, 'the balance after a refused payment');
    },
  },
  {
    name: 'core: a retry with the same key is the same payment',
    async run(c) {
      const id = await c.voucher();
      const retry = { idempotencyKey: randomUUID(), receipt: c.receipt() };
      await c.pay(id, 500, 'ok', retry);
      await c.pay(id, 500, 'ok', retry);
      same(await c.balanceOf(id), 1500, 'the balance after a payment and its retry');
    },
  },
  {
    name: 'ledger: the ledger explains the balance',
    needs: 'ledger',
    async run(c) {
      const id = await c.voucher();
      await c.pay(id, 500);
      const ledger = await c.expect(
        { operationId: 'getLedger', params: { id }, auth: { role: 'backoffice' } },
        'ok',
      );
      const entries = ledger.completion === 'ok' ? ledger.body.entries : [];
      same(
        entries.reduce((sum, e) => sum + e.amount, 0),
        1500,
        'the sum of the ledger',
      );
    },
  },
  {
    name: 'redemption-refund: a refund credits the voucher',
    needs: 'redemption-refund',
    async run(c) {
      const id = await c.voucher();
      const paid = await c.pay(id, 500);
      const redemption = paid.completion === 'ok' ? String((paid.body as { id: string }).id) : '';
      const body = { amount: { amount: 200, currency: 'EUR' }, receipt: c.receipt() };
      await c.expect({ operationId: 'refundRedemption', params: { id: redemption }, body }, 'ok');
      same(await c.balanceOf(id), 1700, 'the balance after a refund of 2.00');
    },
  },
  {
    name: 'validity-change: the back office ends the validity, and the voucher stops paying',
    needs: 'validity-change',
    async run(c) {
      const id = await c.voucher();
      const body = { expiresAt: new Date(Date.now() - 2 * 86_400_000).toISOString() };
      await c.expect(
        { operationId: 'setValidity', params: { id }, body, auth: { role: 'backoffice' } },
        'ok',
      );
      await c.pay(id, 100, 'voucher_expired');
    },
  },
  {
    name: 'one-time-vouchers: a one-time voucher pays once',
    needs: 'one-time-vouchers',
    async run(c) {
      const id = await c.voucher('activated', { reusable: false });
      await c.pay(id, 500);
      await c.pay(id, 500, 'voucher_redeemed');
    },
  },
  {
    name: 'top-up: value is loaded onto a voucher',
    needs: 'top-up',
    async run(c) {
      const id = await c.voucher();
      const body = { amount: { amount: 300, currency: 'EUR' }, receipt: c.receipt() };
      await c.expect({ operationId: 'topUp', params: { id }, body }, 'ok');
      same(await c.balanceOf(id), 2300, 'the balance after a top-up of 3.00');
    },
  },
  {
    name: 'holds: a hold is released and nothing moves',
    needs: 'holds',
    async run(c) {
      const id = await c.voucher();
      const body = { amount: { amount: 500, currency: 'EUR' }, receipt: c.receipt() };
      const hold = await c.expect({ operationId: 'createHold', params: { id }, body }, 'ok');
      const holdId = hold.completion === 'ok' ? hold.body.id : '';
      await c.expect({ operationId: 'releaseHold', params: { id: holdId }, body: {} }, 'ok');
      same(await c.balanceOf(id), 2000, 'the balance after a released hold');
    },
  },
  {
    name: 'cancel-restore: the back office cancels a voucher and restores it',
    needs: 'cancel-restore',
    async run(c) {
      const id = await c.voucher();
      const office = { role: 'backoffice' } as const;
      await c.expect(
        { operationId: 'cancelVoucher', params: { id }, body: { reason: 'smoke' }, auth: office },
        'ok',
      );
      await c.expect({ operationId: 'restoreVoucher', params: { id }, body: {}, auth: office }, 'ok');
    },
  },
  {
    name: 'two-phase-sale: a prepared voucher is sold in two phases',
    needs: 'two-phase-sale',
    async run(c) {
      const id = await c.voucher('prepared');
      await c.expect({ operationId: 'startSale', params: { id }, body: { receipt: c.receipt() } }, 'ok');
      await c.expect({ operationId: 'completeSale', params: { id }, body: {} }, 'ok');
    },
  },
  {
    name: 'roles: a POS key may not do back-office work',
    needs: 'roles',
    async run(c) {
      const id = await c.voucher();
      const body = { reason: 'smoke' };
      await c.expect(
        { operationId: 'cancelVoucher', params: { id }, body, auth: { role: 'pos' } },
        'forbidden',
      );
    },
  },
  {
    // A sweep that expires nothing while a hold is due would leave `vcert race --sweepers` saying nothing
    // of the service's own sweeper. Before the reset below, which puts the clock back.
    name: 'sweep-control: the sweep expires a hold once it is due, and not before',
    needs: 'sweep-control',
    async run(c) {
      if (!c.claimed.has('holds') || !c.claimed.has('test-control')) {
        c.notes.push('the sweep is not checked: it needs holds and test-control claimed too');
        return;
      }
      const id = await c.voucher();
      const body = { amount: { amount: 500, currency: 'EUR' }, receipt: c.receipt(), ttlSeconds: 60 };
      await c.expect({ operationId: 'createHold', params: { id }, body }, 'ok');
      const sweep = async () => {
        const answer = await c.expect({ operationId: 'runTestSweep', body: {} }, 'ok');
        return answer.completion === 'ok' ? answer.body.expiredHolds : Number.NaN;
      };
      same(await sweep(), 0, 'holds a sweep expired before any was due');
      await c.expect({ operationId: 'advanceTestClock', body: { advanceSeconds: 61 } }, 'ok');
      const expired = await sweep();
      if (!(expired >= 1))
        throw new SmokeProblem(
          `holds a sweep expired once a hold was due: expected at least 1, got ${expired}`,
        );
      same(await c.balanceOf(id), 2000, 'the balance once the hold expired');
    },
  },
  {
    // After the checks that arrange vouchers: the reset empties the tenant they share.
    name: 'test-control: the test clock moves, and a reset empties the tenant and puts the clock back',
    needs: 'test-control',
    async run(c) {
      const id = await c.voucher();
      const read = async () => {
        const answer = await c.expect({ operationId: 'getTestClock' }, 'ok');
        return answer.completion === 'ok' ? answer.body : { offsetSeconds: Number.NaN, now: '' };
      };
      const clock = async () => (await read()).offsetSeconds;
      const sent = Date.now();
      const before = await read();
      await c.expect({ operationId: 'advanceTestClock', body: { advanceSeconds: 3600 } }, 'ok');
      const after = await read();
      const took = (Date.now() - sent) / 1000;
      same(after.offsetSeconds, before.offsetSeconds + 3600, "the clock's offset after a move of 3600 s");
      // Its time moves with it: an hour, and the real time the three calls took (measured here, so a
      // loaded machine or a distant target is no failure), and a second for timestamps in whole seconds.
      const moved = (Date.parse(after.now) - Date.parse(before.now)) / 1000;
      if (!(moved >= 3600 && moved <= 3600 + took + 1))
        throw new SmokeProblem(`the clock's time after a move of 3600 s: it moved ${moved} s`);
      // More resets than a server has connections: each must give back what it took.
      for (let i = 0; i < resets; i++) await c.expect({ operationId: 'resetTestTenant', body: {} }, 'ok');
      same(await clock(), 0, "the clock's offset after a reset");
      await c.expect(
        { operationId: 'getVoucher', params: { id }, auth: { role: 'backoffice' } },
        'not_found',
      );
    },
  },
  {
    name: 'reports: the liability report answers',
    needs: 'reports',
    async run(c) {
      await c.expect({ operationId: 'reportLiability', auth: { role: 'backoffice' } }, 'ok');
    },
  },
];
