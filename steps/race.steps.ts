import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import type { Completion } from '../src/driver/completion.ts';
import { answerText } from '../src/evidence/answer-text.ts';
import { parseActor, receiptOf } from './support/actors.ts';
import { codeList, expectRefused } from './support/expect.ts';
import { parseMoney } from './support/money.ts';
import { captureOf, holdOn, payWith } from './support/payments.ts';
import { Then, When } from './support/steps.ts';
import type { VoucherWorld } from './support/world.ts';

/**
 * Several POS and web shops acting on vouchers at the same moment: every row starts at once and the
 * step waits for all. Columns: actor (POS 1, web shop …), action (pays, holds, captures, releases),
 * amount, voucher.
 */
When('at the same time:', async function (this: VoucherWorld, table: DataTable) {
  const rows = table.hashes();
  for (const row of rows) {
    const hold = this.holds.get(parseActor(row.actor ?? '').label);
    const alias = row.voucher || (hold && this.aliasTouchedBy({ params: { id: hold.id } }));
    if (alias) await this.touch(alias);
  }
  const runs = rows.map(async (row): Promise<Completion> => {
    const actor = parseActor(row.actor ?? '');
    const amount = row.amount ? parseMoney(row.amount) : undefined;
    const alias = row.voucher ?? '';
    switch (row.action) {
      case 'pays':
        if (!amount) throw new Error('pays needs an amount');
        return payWith(this, actor, amount, alias, this.nextReceipt());
      case 'holds':
        if (!amount) throw new Error('holds needs an amount');
        return holdOn(this, actor, amount, alias, receiptOf(actor, this.nextReceipt()));
      case 'captures':
        return captureOf(this, actor, amount);
      case 'releases': {
        const hold = this.holds.get(actor.label);
        if (!hold) throw new Error(`${actor.label} holds nothing`);
        return this.driver.invoke({
          operationId: 'releaseHold',
          params: { id: hold.id },
          body: {},
          auth: { role: actor.role },
        });
      }
      default:
        throw new Error(`unknown action "${row.action}" (pays, holds, captures, releases)`);
    }
  });
  this.race = await Promise.all(runs);
});

function decided(world: VoucherWorld): Completion[] {
  const unknown = world.race.filter((c) => c.completion === 'info');
  if (unknown.length > 0) {
    throw new Error(
      `the outcome of ${unknown.length} racing request(s) is unknown: ${unknown.map(answerText).join('; ')}`,
    );
  }
  return world.race;
}

Then('all of them are accepted', function (this: VoucherWorld) {
  const results = decided(this);
  assert.ok(
    results.every((c) => c.completion === 'ok'),
    results.map(answerText).join('; '),
  );
});

Then(
  '{int} of them is/are accepted and {int} is/are refused with {string}',
  function (this: VoucherWorld, accepted: number, refused: number, codes: string) {
    const results = decided(this);
    const summary = results.map(answerText).join('; ');
    const ok = results.filter((c) => c.completion === 'ok');
    const fail = results.filter((c) => c.completion === 'fail');
    assert.equal(ok.length, accepted, `accepted: ${summary}`);
    assert.equal(fail.length, refused, `refused: ${summary}`);
    const allowed = codeList(codes);
    for (const f of fail) {
      assert.ok(
        f.completion === 'fail' && allowed.includes(f.problem.code),
        `refusal must be ${allowed.join(' or ')}: ${summary}`,
      );
      expectRefused(f, f.completion === 'fail' ? f.problem.code : '');
    }
  },
);
