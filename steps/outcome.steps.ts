import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import type { BalanceInquiry } from '../spec/schemas/voucher.ts';
import { codeList, expectAccepted, expectRefused, given } from './support/expect.ts';
import { formatMoney, type Money, parseMoney } from './support/money.ts';
import { Then } from './support/steps.ts';
import { arrangedType } from './support/voucher-setup.ts';
import type { VoucherWorld } from './support/world.ts';

Then('{subject} is accepted', function (this: VoucherWorld, _subject: string) {
  expectAccepted(this.last);
});

Then('{subject} is refused with {string}', function (this: VoucherWorld, _subject: string, code: string) {
  expectRefused(this.last, code);
});

Then(
  '{subject} is refused with one of {string}',
  function (this: VoucherWorld, _subject: string, codes: string) {
    const answer = this.last;
    const allowed = codeList(codes);
    assert.ok(
      answer?.completion === 'fail',
      `expected a refusal with one of ${allowed.join(', ')}, got ${JSON.stringify(answer)}`,
    );
    assert.ok(
      allowed.includes(answer.problem.code),
      `expected one of ${allowed.join(', ')}, got ${answer.problem.code}`,
    );
    expectRefused(answer, answer.problem.code);
  },
);

/**
 * The amount the voucher can still pay. Systems that do not put it in the refusal (`available` is
 * optional in the contract) are asked: the voucher's available amount (its balance without holds).
 */
Then('the refusal gives {money} as available', async function (this: VoucherWorld, money: Money) {
  const problem = expectRefused(this.last, 'insufficient_balance');
  if (problem.available) {
    assert.equal(formatMoney(problem.available), formatMoney(money), 'available, as the refusal gives it');
    return;
  }
  const alias = this.lastRequest ? this.aliasTouchedBy(this.lastRequest) : undefined;
  if (!alias) throw new Error('the refusal gives no available amount, and no voucher to read it from');
  const voucher = await this.readVoucher(alias);
  const available = voucher.available ?? voucher.balance;
  this.attach(`the refusal gives no available amount: read voucher ${alias} instead`, 'text/plain');
  assert.equal(formatMoney(available), formatMoney(money), `available on voucher ${alias}`);
});

Then('the refusal gives {money} as refundable', function (this: VoucherWorld, money: Money) {
  const problem = expectRefused(this.last, 'refund_exceeds_redemption');
  assert.ok(problem.refundable, 'refund_exceeds_redemption must say how much is refundable');
  assert.equal(formatMoney(problem.refundable), formatMoney(money));
});

Then('the refusal names the state {string}', function (this: VoucherWorld, state: string) {
  assert.equal(this.last?.completion === 'fail' && this.last.problem.state, state);
});

/** illegal_transition: `state` and `action` tell which (the action as the contract's lifecycle table names it). */
Then(
  'the refusal names the state {string} and the action {string}',
  function (this: VoucherWorld, state: string, action: string) {
    const problem = expectRefused(this.last, 'illegal_transition');
    assert.equal(problem.state, state, 'the state illegal_transition names');
    assert.equal(problem.action, action, 'the action illegal_transition names');
  },
);

Then('the refusal says {int} more can be issued', function (this: VoucherWorld, remaining: number) {
  const problem = expectRefused(this.last, 'template_capacity_exhausted');
  assert.equal(problem.remaining, remaining);
});

Then('voucher {string} is {state}', async function (this: VoucherWorld, alias: string, state: string) {
  assert.equal((await this.readVoucher(alias)).state, state, `state of voucher ${alias}`);
});

Then(
  'voucher {string} has a balance of {money}',
  async function (this: VoucherWorld, alias: string, money: Money) {
    assert.equal(
      formatMoney((await this.readVoucher(alias)).balance),
      formatMoney(money),
      `balance of voucher ${alias}`,
    );
  },
);

/** A voucher that is not sold has no activation time: null, or not given by a system that keeps none. */
Then('voucher {string} has no activation time', async function (this: VoucherWorld, alias: string) {
  const v = await this.readVoucher(alias);
  assert.equal(v.activatedAt ?? null, null, `voucher ${alias} is ${v.state}, yet gives an activation time`);
});

Then(
  'voucher {string} has {money} available',
  async function (this: VoucherWorld, alias: string, money: Money) {
    assert.equal(
      formatMoney(
        given((await this.readVoucher(alias)).available, `the available amount of voucher ${alias}`),
      ),
      formatMoney(money),
      `available on voucher ${alias}`,
    );
  },
);

Then(
  'voucher {string} still has its denomination of {money}',
  async function (this: VoucherWorld, alias: string, money: Money) {
    assert.equal(formatMoney((await this.readVoucher(alias)).denomination), formatMoney(money));
  },
);

Then(
  'the usage status of voucher {string} is {string}',
  async function (this: VoucherWorld, alias: string, usage: string) {
    assert.equal((await this.readVoucher(alias)).usage, usage, `usage status of voucher ${alias}`);
  },
);

/**
 * Compares the voucher with how it stood before the scenario's first action on it, and its ledger too
 * when the target keeps one (the snapshot read it as well).
 */
Then('voucher {string} is exactly as it was', async function (this: VoucherWorld, alias: string) {
  const before = this.snapshots.get(alias);
  if (!before) throw new Error(`voucher ${alias} was not touched by an action of this scenario`);
  assert.deepEqual(await this.readVoucher(alias), before.voucher, `voucher ${alias} changed`);
  if (before.ledger === null) return;
  const ledger = await this.needs.quietly(() => this.readLedger(alias));
  assert.deepEqual(ledger, before.ledger, `the ledger of voucher ${alias} changed`);
});

Then(
  'voucher {string} is valid for {int} days from its issue or its activation',
  async function (this: VoucherWorld, alias: string, days: number) {
    const v = await this.readVoucher(alias);
    const span = days * 86_400_000;
    const ends = Date.parse(given(v.expiresAt, `the validity of voucher ${alias}`));
    const starts = [v.issuedAt, v.activatedAt].filter((t): t is string => !!t).map(Date.parse);
    // Exact to 2 s, or rounded up to the end of that day (UTC) by a system that counts validity in days.
    const endOfDay = (t: number) => Math.ceil(t / 86_400_000) * 86_400_000;
    assert.ok(
      starts.some((s) => Math.abs(ends - s - span) <= 2000 || ends === endOfDay(s + span)),
      `expiresAt ${v.expiresAt} is not ${days} days after issue ${v.issuedAt} or activation ${v.activatedAt}`,
    );
  },
);

Then('the balance inquiry shows:', async function (this: VoucherWorld, table: DataTable) {
  const inquiry = expectAccepted(this.last) as BalanceInquiry;
  const expected = table.rowsHash();
  const type = expected.type === undefined ? undefined : await arrangedType(this, expected.type);
  if (type) assert.equal(given(inquiry.voucherType, 'the voucher type').id, type.typeId, 'voucher type');
  if (expected['product code'] !== undefined)
    assert.equal(inquiry.productCode, type?.productCode, 'product code');
  if (expected.denomination)
    assert.equal(
      formatMoney(given(inquiry.denomination, 'the denomination')),
      formatMoney(parseMoney(expected.denomination)),
    );
  if (expected.balance) assert.equal(formatMoney(inquiry.balance), formatMoney(parseMoney(expected.balance)));
  if (expected.state) assert.equal(inquiry.state, expected.state);
  if (expected.usage) assert.equal(inquiry.usage, expected.usage);
});

Then('the lookup finds voucher {string}', function (this: VoucherWorld, alias: string) {
  const found = expectAccepted(this.last) as { id: string };
  assert.equal(found.id, this.voucherId(alias));
});

Then(
  'the {int} vouchers issued from template {string} are prepared and all their identifiers differ',
  function (this: VoucherWorld, count: number, alias: string) {
    const vouchers = this.issued.get(alias) ?? [];
    assert.equal(vouchers.length, count);
    const all = vouchers.flatMap((v) => [v.id, v.number, v.barcode, v.magstripe, v.qr]);
    assert.equal(new Set(all).size, all.length, 'an identifier is shared');
    for (const v of vouchers) assert.equal(v.state, 'prepared');
  },
);

Then(
  'the payment leaves a remainder voucher {string} of {money}',
  async function (this: VoucherWorld, alias: string, money: Money) {
    const payment = expectAccepted(this.last) as {
      voucherId: string;
      remainderVoucher: { id: string } | null;
    };
    assert.ok(payment.remainderVoucher, 'the payment gives no remainder voucher');
    assert.notEqual(
      payment.remainderVoucher.id,
      payment.voucherId,
      'the remainder voucher must have a new id',
    );
    this.vouchers.set(alias, { id: payment.remainderVoucher.id, readable: true });
    const remainder = await this.readVoucher(alias);
    this.remember(alias, remainder);
    assert.equal(formatMoney(remainder.balance), formatMoney(money), 'remainder voucher balance');
    assert.equal(
      remainder.remainderOf,
      payment.voucherId,
      'the remainder voucher names the voucher it came from',
    );
  },
);

/**
 * CC-04: the payment read back (GET /redemptions/{id}) names the remainder voucher its answer named.
 * `remainderVoucher` is optional in the contract: a read that leaves it out says nothing, but one that
 * says null (no remainder) or names another voucher is wrong.
 */
Then(
  'the payment read back names remainder voucher {string}',
  async function (this: VoucherWorld, alias: string) {
    const payment = expectAccepted(this.last) as { id: string };
    const read = (await this.must({
      operationId: 'getRedemption',
      params: { id: payment.id },
      auth: { role: 'backoffice' },
    })) as { id: string; remainderVoucher?: { id: string } | null };
    assert.equal(read.id, payment.id, 'the payment read back');
    if (read.remainderVoucher === undefined) {
      this.attach('the payment read back leaves its remainder voucher out (optional)', 'text/plain');
      return;
    }
    assert.equal(
      read.remainderVoucher?.id,
      this.voucherId(alias),
      'the remainder voucher of the payment read back',
    );
  },
);

Then('the payment leaves no remainder voucher', function (this: VoucherWorld) {
  const payment = expectAccepted(this.last) as { remainderVoucher: unknown };
  assert.equal(payment.remainderVoucher, null);
});

Then('the payment took {money}', function (this: VoucherWorld, money: Money) {
  const payment = expectAccepted(this.last) as { amount: Money };
  assert.equal(formatMoney(payment.amount), formatMoney(money));
});
