import type { Operation } from '../src/driver/operation.ts';
import { type Actor, receiptOf } from './support/actors.ts';
import { given } from './support/expect.ts';
import type { Money } from './support/money.ts';
import { When } from './support/steps.ts';
import type { VoucherWorld } from './support/world.ts';

type VoucherAction =
  | 'startSale'
  | 'completeSale'
  | 'cancelSale'
  | 'startReturn'
  | 'completeReturn'
  | 'cancelReturn'
  | 'cancelVoucher'
  | 'restoreVoucher'
  | 'setValidity'
  | 'topUp';

/** One lifecycle action of `actor` on the voucher named `alias`, with the actor's role. */
async function act<Id extends VoucherAction>(
  world: VoucherWorld,
  actor: Actor,
  alias: string,
  operation: Omit<Operation<Id>, 'params' | 'auth'>,
): Promise<void> {
  await world.touch(alias);
  await world.call({
    ...operation,
    params: { id: world.voucherId(alias) },
    auth: { role: actor.role },
  } as Operation<Id>);
}

When(
  '{actor} adds voucher {string} to a sale receipt',
  async function (this: VoucherWorld, actor: Actor, alias: string) {
    const receipt = receiptOf(actor, this.nextReceipt());
    await act(this, actor, alias, { operationId: 'startSale', body: { receipt } });
  },
);

When(
  '{actor} closes the sale receipt of voucher {string}',
  async function (this: VoucherWorld, actor: Actor, alias: string) {
    await act(this, actor, alias, { operationId: 'completeSale', body: {} });
  },
);

When(
  '{actor} cancels the sale receipt of voucher {string}',
  async function (this: VoucherWorld, actor: Actor, alias: string) {
    await act(this, actor, alias, { operationId: 'cancelSale', body: {} });
  },
);

/** LC-03: several vouchers on one receipt; every call must be accepted. */
When(
  '{actor} sells vouchers {string} on one receipt',
  async function (this: VoucherWorld, actor: Actor, list: string) {
    const receipt = receiptOf(actor, this.nextReceipt());
    const aliases = list.split(/,\s*|\s+and\s+/);
    for (const alias of aliases) {
      await this.must({
        operationId: 'startSale',
        params: { id: this.voucherId(alias) },
        body: { receipt },
        auth: { role: actor.role },
      });
    }
    for (const alias of aliases) {
      await this.must({
        operationId: 'completeSale',
        params: { id: this.voucherId(alias) },
        body: {},
        auth: { role: actor.role },
      });
    }
  },
);

When(
  '{actor} opens a return document for voucher {string}',
  async function (this: VoucherWorld, actor: Actor, alias: string) {
    const receipt = receiptOf(actor, this.nextReceipt());
    await act(this, actor, alias, { operationId: 'startReturn', body: { receipt } });
  },
);

When(
  '{actor} closes the return document of voucher {string} with the voucher {word}',
  async function (this: VoucherWorld, actor: Actor, alias: string, outcome: string) {
    const body = { outcome: outcome === 'refunded' ? 'refunded' : 'prepared' } as const;
    await act(this, actor, alias, { operationId: 'completeReturn', body });
  },
);

When(
  '{actor} abandons the return document of voucher {string}',
  async function (this: VoucherWorld, actor: Actor, alias: string) {
    await act(this, actor, alias, { operationId: 'cancelReturn', body: {} });
  },
);

When(
  '{actor} cancels voucher {string} because {string}',
  async function (this: VoucherWorld, actor: Actor, alias: string, reason: string) {
    await act(this, actor, alias, { operationId: 'cancelVoucher', body: { reason } });
  },
);

When('{actor} restores voucher {string}', async function (this: VoucherWorld, actor: Actor, alias: string) {
  await act(this, actor, alias, { operationId: 'restoreVoucher', body: {} });
});

When(
  '{actor} extends the validity of voucher {string} by {int} days',
  async function (this: VoucherWorld, actor: Actor, alias: string, days: number) {
    const current = await this.readVoucher(alias);
    const ends = given(current.expiresAt, `the validity of voucher ${alias}`);
    const expiresAt = new Date(Date.parse(ends) + days * 86_400_000).toISOString();
    await act(this, actor, alias, { operationId: 'setValidity', body: { expiresAt } });
  },
);

When(
  '{actor} ends the validity of voucher {string} yesterday',
  async function (this: VoucherWorld, actor: Actor, alias: string) {
    const current = await this.readVoucher(alias);
    const issued = given(current.issuedAt, `the issue time of voucher ${alias}`);
    const expiresAt = new Date(Date.parse(issued) - 86_400_000).toISOString();
    await act(this, actor, alias, { operationId: 'setValidity', body: { expiresAt } });
  },
);

/** LC-04: the contract has no way to change a denomination; an attempt through another operation is refused. */
When(
  '{actor} tries to change the denomination of voucher {string} to {money}',
  async function (this: VoucherWorld, actor: Actor, alias: string, denomination: Money) {
    const current = await this.readVoucher(alias);
    const rawBody = { expiresAt: current.expiresAt, denomination };
    await act(this, actor, alias, { operationId: 'setValidity', rawBody });
  },
);

When(
  '{actor} tops up voucher {string} with {money}',
  async function (this: VoucherWorld, actor: Actor, alias: string, amount: Money) {
    const receipt = receiptOf(actor, this.nextReceipt());
    await act(this, actor, alias, { operationId: 'topUp', body: { amount, receipt } });
  },
);

When(
  '{actor} asks for the balance of voucher {string}',
  async function (this: VoucherWorld, actor: Actor, alias: string) {
    await this.call({
      operationId: 'getBalance',
      params: { id: this.voucherId(alias) },
      auth: { role: actor.role },
    });
  },
);

When('{actor} reads voucher {string}', async function (this: VoucherWorld, actor: Actor, alias: string) {
  await this.call({
    operationId: 'getVoucher',
    params: { id: this.voucherId(alias) },
    auth: { role: actor.role },
  });
});

When(
  '{actor} looks up the {identifier} {string}',
  async function (this: VoucherWorld, actor: Actor, kind: string, value: string) {
    await this.call({ operationId: 'lookupVoucher', query: { [kind]: value }, auth: { role: actor.role } });
  },
);

When(
  '{actor} looks up voucher {string} by its {identifier}',
  async function (this: VoucherWorld, actor: Actor, alias: string, kind: string) {
    const voucher = await this.readVoucher(alias);
    const value = voucher[kind as 'number' | 'barcode' | 'magstripe' | 'qr'];
    await this.call({ operationId: 'lookupVoucher', query: { [kind]: value }, auth: { role: actor.role } });
  },
);
