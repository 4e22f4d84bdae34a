import { randomUUID } from 'node:crypto';
import { type DataTable, Given, When } from '@cucumber/cucumber';
import type { VoucherTypeInput } from '../spec/schemas/voucher.ts';
import { openDriver } from '../src/driver/create-driver.ts';
import { strictDriver } from '../src/driver/strict-driver.ts';
import { type Money, parseMoney } from './support/money.ts';
import { defineTemplate, defineType, issueOne, sell, voucherInState } from './support/voucher-setup.ts';
import type { VoucherWorld } from './support/world.ts';

type Kind = { reusable: boolean; topUpAllowed: boolean };

Given('a(n) {kind} voucher type {string}', async function (this: VoucherWorld, kind: Kind, alias: string) {
  await defineType(this, alias, kind);
});

Given(
  'a(n) {kind} voucher type {string} with policy {string}',
  async function (this: VoucherWorld, kind: Kind, alias: string, policy: string) {
    await defineType(this, alias, { ...kind, policy: policy as VoucherTypeInput['policy'] });
  },
);

/** Rows: currency, policy, reusable (yes/no), top-up (yes/no), validity days, hold ttl seconds, product code. */
Given('a voucher type {string} with:', async function (this: VoucherWorld, alias: string, table: DataTable) {
  const row = table.rowsHash();
  const yes = (v: string | undefined) => v === 'yes' || v === 'true';
  const input: Partial<VoucherTypeInput> = {};
  if (row.currency) input.currency = row.currency;
  if (row.policy) input.policy = row.policy as VoucherTypeInput['policy'];
  if (row.reusable) input.reusable = yes(row.reusable);
  if (row['top-up']) input.topUpAllowed = yes(row['top-up']);
  if (row['validity days']) input.validityDays = Number(row['validity days']);
  if (row['hold ttl seconds']) input.holdTtlSeconds = Number(row['hold ttl seconds']);
  if (row['product code']) input.productCode = this.code(row['product code']);
  await defineType(this, alias, input);
});

Given(
  'a template {string} of voucher type {string} with capacity {int}',
  async function (this: VoucherWorld, alias: string, typeAlias: string, capacity: number) {
    await defineTemplate(this, alias, typeAlias, capacity);
  },
);

/** Issuing from a named template: the answer is the scenario's last; the vouchers are kept by template. */
When(
  '{actor} issues {int} voucher(s) of {money} from template {string}',
  async function (this: VoucherWorld, actor, count: number, denomination: Money, alias: string) {
    const template = this.templates.get(alias);
    if (!template) throw new Error(`no template "${alias}"`);
    const answer = await this.call({
      operationId: 'issueVouchers',
      params: { id: template.id },
      body: { count, denomination, store: 'S1' },
      auth: { role: actor.role },
    });
    if (answer.completion !== 'ok') return;
    const before = this.issued.get(alias) ?? [];
    answer.body.vouchers.forEach((v, i) => {
      this.remember(`${alias}#${before.length + i + 1}`, v);
    });
    this.issued.set(alias, [...before, ...answer.body.vouchers]);
  },
);

Given(
  'a(n) {state} voucher {string} of type {string} worth {money}',
  async function (this: VoucherWorld, state: string, alias: string, typeAlias: string, denomination: Money) {
    await voucherInState(this, alias, typeAlias, denomination, state);
  },
);

Given(
  'these vouchers of type {string}:',
  async function (this: VoucherWorld, typeAlias: string, table: DataTable) {
    for (const row of table.hashes()) {
      await voucherInState(
        this,
        row.voucher ?? '',
        typeAlias,
        parseMoney(row.worth ?? ''),
        row.state ?? 'activated',
      );
    }
  },
);

Given(
  'vouchers {string} of type {string} worth {money} each, not yet sold',
  async function (this: VoucherWorld, aliases: string, typeAlias: string, denomination: Money) {
    for (const alias of aliases.split(/,\s*|\s+and\s+/)) {
      this.remember(alias, await issueOne(this, typeAlias, denomination));
    }
  },
);

Given('a voucher {string} that was never issued', function (this: VoucherWorld, alias: string) {
  this.vouchers.set(alias, { id: randomUUID(), voucher: null });
});

/** A voucher of another retailer (another tenant): needs test control to create the second tenant. */
Given(
  "another retailer's activated voucher {string} worth {money}",
  async function (this: VoucherWorld, alias: string, denomination: Money) {
    this.requires('test-control');
    const raw = await openDriver({ target: this.parameters.target, adapter: this.parameters.adapter });
    this.extraDrivers.push(raw);
    const other = strictDriver(raw);
    await other.setup();
    const main = this.driver;
    this.driver = other;
    try {
      await defineType(this, `other-${alias}`, {});
      const voucher = await issueOne(this, `other-${alias}`, denomination);
      await sell(this, voucher.id);
      this.vouchers.set(alias, { id: voucher.id, voucher: null });
    } finally {
      this.driver = main;
    }
  },
);

When('{int} day(s) pass(es)', async function (this: VoucherWorld, days: number) {
  this.requires('test-control');
  await this.must({
    operationId: 'advanceTestClock',
    body: { advanceSeconds: days * 86_400 },
    auth: { role: 'pos' },
  });
});

When('{int} second(s) pass(es)', async function (this: VoucherWorld, seconds: number) {
  this.requires('test-control');
  await this.must({
    operationId: 'advanceTestClock',
    body: { advanceSeconds: seconds },
    auth: { role: 'pos' },
  });
});
