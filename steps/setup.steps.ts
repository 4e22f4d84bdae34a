import { randomUUID } from 'node:crypto';
import type { DataTable } from '@cucumber/cucumber';
import { type Policy, policies } from '../spec/capabilities.ts';
import type { VoucherState } from '../spec/schemas/voucher.ts';
import type { Actor } from './support/actors.ts';
import { given } from './support/expect.ts';
import { type Money, parseMoney } from './support/money.ts';
import { Given, When } from './support/steps.ts';
import { arrangedType, defineType, voucherInState } from './support/voucher-setup.ts';
import type { VoucherWorld } from './support/world.ts';

function policyOf(text: string): Policy {
  if (!(policies as readonly string[]).includes(text))
    throw new Error(`unknown policy "${text}" (${policies.join(', ')})`);
  return text as Policy;
}

type Kind = { reusable: boolean; topUpAllowed: boolean };

Given('a(n) {kind} voucher type {string}', function (this: VoucherWorld, kind: Kind, alias: string) {
  defineType(this, alias, kind);
});

Given(
  'a(n) {kind} voucher type {string} with policy {string}',
  function (this: VoucherWorld, kind: Kind, alias: string, policy: string) {
    defineType(this, alias, { ...kind, policy: policyOf(policy) });
  },
);

/** Rows: currency, policy, reusable (yes/no), top-up (yes/no), validity days, hold ttl seconds, product code. */
Given('a voucher type {string} with:', function (this: VoucherWorld, alias: string, table: DataTable) {
  const row = table.rowsHash();
  const yes = (v: string | undefined) => v === 'yes' || v === 'true';
  const input: Parameters<typeof defineType>[2] = {};
  if (row.currency) input.currency = row.currency;
  if (row.policy) input.policy = policyOf(row.policy);
  if (row.reusable) input.reusable = yes(row.reusable);
  if (row['top-up']) input.topUpAllowed = yes(row['top-up']);
  if (row['validity days']) input.validityDays = Number(row['validity days']);
  if (row['hold ttl seconds']) input.holdTtlSeconds = Number(row['hold ttl seconds']);
  if (row['product code']) input.productCode = row['product code'];
  defineType(this, alias, input);
});

/** LC-01: a template set of a type, made through the contract (the scenario is about templates). */
Given(
  'a template {string} of voucher type {string} with capacity {int}',
  async function (this: VoucherWorld, alias: string, typeAlias: string, capacity: number) {
    const { typeId } = await arrangedType(this, typeAlias);
    const template = await this.must({
      operationId: 'createTemplate',
      body: {
        voucherTypeId: given(typeId, `the id of voucher type ${typeAlias}`),
        code: this.code(alias),
        numberPrefix: '',
        capacity,
      },
      auth: { role: 'backoffice' },
    });
    this.templates.set(alias, template);
  },
);

/**
 * Issuing from a named template, for the actor's store (and its legal entity, when the scenario names
 * one): the answer is the scenario's last; the vouchers are kept by template.
 */
When(
  '{actor} issues {int} voucher(s) of {money} from template {string}',
  async function (this: VoucherWorld, actor: Actor, count: number, denomination: Money, alias: string) {
    const template = this.templates.get(alias);
    if (!template) throw new Error(`no template "${alias}"`);
    const answer = await this.call({
      operationId: 'issueVouchers',
      params: { id: template.id },
      body: {
        count,
        denomination,
        store: actor.store,
        ...(actor.legalEntity ? { legalEntity: actor.legalEntity } : {}),
      },
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
  async function (this: VoucherWorld, state: VoucherState, alias: string, typeAlias: string, amount: Money) {
    await voucherInState(this, alias, typeAlias, amount, state);
  },
);

Given(
  'these vouchers of type {string}:',
  async function (this: VoucherWorld, typeAlias: string, table: DataTable) {
    for (const row of table.hashes()) {
      const state = (row.state ?? 'activated') as VoucherState;
      await voucherInState(this, row.voucher ?? '', typeAlias, parseMoney(row.worth ?? ''), state);
    }
  },
);

Given(
  'vouchers {string} of type {string} worth {money} each, not yet sold',
  async function (this: VoucherWorld, aliases: string, typeAlias: string, amount: Money) {
    for (const alias of aliases.split(/,\s*|\s+and\s+/))
      await voucherInState(this, alias, typeAlias, amount, 'prepared');
  },
);

/** An id that names no voucher of the target (ids are opaque: any string the target never gave). */
Given('a voucher {string} that was never issued', function (this: VoucherWorld, alias: string) {
  this.vouchers.set(alias, { id: randomUUID(), readable: false });
});

/** A voucher of another retailer (another tenant or merchant), arranged by the target's driver. */
Given(
  "another retailer's activated voucher {string} worth {money}",
  async function (this: VoucherWorld, alias: string, amount: Money) {
    const { voucherId } = await this.driver.arrange('voucher of another tenant', { amount });
    this.vouchers.set(alias, { id: voucherId, readable: false });
  },
);

/** Moves the tenant's clock on (test control). */
async function advanceClock(world: VoucherWorld, seconds: number): Promise<void> {
  world.requires('test-control');
  await world.must({
    operationId: 'advanceTestClock',
    body: { advanceSeconds: seconds },
    auth: { role: 'pos' },
  });
}

When('{int} day(s) pass(es)', async function (this: VoucherWorld, days: number) {
  await advanceClock(this, days * 86_400);
});

/**
 * LC-05 at its boundary: the tenant's clock moves to the end of validity the voucher shows, then on by a
 * few minutes, so a system that enforces a later end than it shows (a day late, an end date taken as
 * inclusive) is seen paying; a system that counts validity in days shows the end of that day, and is
 * judged by what it shows.
 */
When(
  'the end of validity of voucher {string} has passed by {int} minute(s)',
  async function (this: VoucherWorld, alias: string, minutes: number) {
    this.requires('test-control');
    const v = await this.readVoucher(alias);
    const ends = Date.parse(given(v.expiresAt, `the validity of voucher ${alias}`));
    const clock = await this.must({ operationId: 'getTestClock', auth: { role: 'pos' } });
    const toEnd = Math.max(0, Math.ceil((ends - Date.parse(clock.now)) / 1000));
    await advanceClock(this, toEnd + minutes * 60);
  },
);

When('{int} second(s) pass(es)', async function (this: VoucherWorld, seconds: number) {
  await advanceClock(this, seconds);
});

/**
 * A real pause, not a moved test clock: time for what a service does in the background (an expiry
 * sweeper) to happen. Kept short: the suite waits for it.
 */
When('{int} second(s) of real time pass(es)', async function (this: VoucherWorld, seconds: number) {
  if (seconds > 5) throw new Error(`a pause of ${seconds} s makes the suite wait; 5 s at most`);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
});

/**
 * The stores the scenario names, and the legal entity each belongs to (columns: store, legal entity).
 * Their codes are the scenario's own: "the cashier at POS 1 of store "NORTH"" works there.
 */
Given('these stores:', function (this: VoucherWorld, table: DataTable) {
  for (const row of table.hashes()) this.legalEntities.set(row.store ?? '', row['legal entity'] ?? '');
});
