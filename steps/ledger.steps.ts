import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import { formatMoney, parseMoney } from './support/money.ts';
import { Then } from './support/steps.ts';
import type { VoucherWorld } from './support/world.ts';

/** RD-07 / CC-05: replayed, the ledger gives the balance; every entry records the balance after it. */
Then(
  'the ledger of voucher {string} adds up to its balance',
  async function (this: VoucherWorld, alias: string) {
    const [voucher, ledger] = await Promise.all([this.readVoucher(alias), this.readLedger(alias)]);
    let running = 0;
    ledger.entries.forEach((entry, i) => {
      running += entry.amount;
      // balanceAfter is optional in the contract: where an entry states it, it must be the running sum.
      if (entry.balanceAfter !== undefined)
        assert.equal(
          entry.balanceAfter,
          running,
          `entry ${i + 1} (${entry.kind}) records balance ${entry.balanceAfter}, the sum is ${running}`,
        );
      assert.ok(running >= 0, `the balance went negative at entry ${i + 1}`);
      if (i > 0) assert.ok(entry.seq > (ledger.entries[i - 1]?.seq ?? 0), 'entries are in sequence');
    });
    assert.equal(running, voucher.balance.amount, 'the ledger sums to the balance');
    assert.equal(ledger.balance.amount, voucher.balance.amount, 'the ledger states the balance');
  },
);

/** The money movements, last entries of the ledger: kind, amount (signed), balance after. */
Then(
  'the ledger of voucher {string} ends with:',
  async function (this: VoucherWorld, alias: string, table: DataTable) {
    const ledger = await this.readLedger(alias);
    const expected = table.hashes();
    // Where a system gives no balanceAfter, the balance is the running sum of the whole ledger.
    let running = 0;
    const entries = ledger.entries.map((e) => {
      running = e.balanceAfter ?? running + e.amount;
      return { ...e, balanceAfter: running };
    });
    const tail = entries.slice(-expected.length);
    const shown = (e: { kind: string; amount: number; balanceAfter: number; currency: string }) =>
      `${e.kind} ${formatMoney({ amount: e.amount, currency: e.currency })} → ${formatMoney({ amount: e.balanceAfter, currency: e.currency })}`;
    const want = expected.map((row) => {
      const amount = parseMoney(row.amount ?? '');
      const after = parseMoney(row['balance after'] ?? '');
      return shown({
        kind: row.kind ?? '',
        amount: amount.amount,
        balanceAfter: after.amount,
        currency: amount.currency,
      });
    });
    assert.deepEqual(tail.map(shown), want);
  },
);

Then(
  'the ledger of voucher {string} has no {word} entry',
  async function (this: VoucherWorld, alias: string, kind: string) {
    const ledger = await this.readLedger(alias);
    assert.ok(!ledger.entries.some((e) => e.kind === kind), `unexpected ${kind} entry`);
  },
);

Then(
  'the ledger entry of receipt {string} on voucher {string} names register {string} and channel {string}',
  async function (this: VoucherWorld, receipt: string, alias: string, register: string, channel: string) {
    const ledger = await this.readLedger(alias);
    const entry = ledger.entries.find((e) => e.receipt?.number === receipt);
    assert.ok(entry, `no ledger entry for receipt ${receipt}`);
    assert.equal(entry.receipt?.register, register);
    assert.equal(entry.receipt?.channel, channel);
    assert.ok(!Number.isNaN(Date.parse(entry.at)), 'the entry has a time');
  },
);
