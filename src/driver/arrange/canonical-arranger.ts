import { randomBytes } from 'node:crypto';
import type { Capability } from '../../../spec/capabilities.ts';
import {
  type Arranged,
  CannotArrange,
  type ProviderStateName,
  type StateParams,
  type VoucherParams,
  type VoucherTypeParams,
} from '../../../spec/provider-states.ts';
import type { Voucher } from '../../../spec/schemas/voucher.ts';
import type { Driver } from '../driver.ts';
import { type ContractCalls, contractCalls } from './contract-calls.ts';

const receipt = (number: string) => ({ number, store: 'S1', register: 'SETUP', channel: 'pos' as const });

/**
 * Provider states through the contract's own operations: voucher types and templates, issuing, the
 * two-phase sale, returns, cancel, validity, paying; another tenant through test control. What the
 * target does not claim cannot be arranged this way (CannotArrange): a vendor whose system has other
 * means arranges in its adapter instead.
 */
export class CanonicalArranger {
  readonly #calls: ContractCalls;
  readonly #claimed: () => Promise<readonly Capability[]>;
  readonly #suffix = randomBytes(3).toString('hex');
  readonly #types = new Map<
    string,
    Promise<{ id: string; code: string; productCode: string; templateId: string }>
  >();
  #receipts = 0;

  constructor(invoke: Driver['invoke'], claimed: () => Promise<readonly Capability[]>) {
    this.#calls = contractCalls(invoke);
    this.#claimed = claimed;
  }

  async arrange<S extends ProviderStateName>(state: S, params: StateParams<S>): Promise<Arranged<S>> {
    if (state === 'voucher type') {
      const type = await this.#type(this.#calls, params as VoucherTypeParams);
      return { typeId: type.id, code: type.code, productCode: type.productCode } as Arranged<S>;
    }
    if (state === 'voucher')
      return (await this.#voucher(this.#calls, params as VoucherParams)) as Arranged<S>;
    return (await this.#otherTenant(params as StateParams<'voucher of another tenant'>)) as Arranged<S>;
  }

  async #need(capability: Capability, what: string): Promise<void> {
    if (!(await this.#claimed()).includes(capability))
      throw new CannotArrange(
        `${what} needs ${capability} through the contract, which the target does not claim`,
      );
  }

  #code(text: string): string {
    return `${text.replace(/[^A-Za-z0-9._-]/g, '-')}-${this.#suffix}`.slice(0, 64);
  }

  #type(calls: ContractCalls, type: VoucherTypeParams) {
    const key = `${calls === this.#calls ? '' : 'other:'}${type.key}`;
    let made = this.#types.get(key);
    if (!made) {
      made = this.#makeType(calls, type);
      this.#types.set(key, made);
      made.catch(() => this.#types.delete(key));
    }
    return made;
  }

  async #makeType(calls: ContractCalls, type: VoucherTypeParams) {
    await this.#need('templates', 'a voucher type');
    const code = this.#code(type.key);
    const created = await calls.must(
      {
        operationId: 'createVoucherType',
        body: {
          code,
          name: `${type.key} voucher`.slice(0, 200),
          currency: type.currency,
          productCode: type.productCode ? this.#code(type.productCode) : this.#code(`P-${type.key}`),
          validityDays: type.validityDays,
          reusable: type.reusable,
          topUpAllowed: type.topUpAllowed,
          policy: type.policy,
          ...(type.holdTtlSeconds === undefined ? {} : { holdTtlSeconds: type.holdTtlSeconds }),
        },
      },
      'backoffice',
    );
    const template = await calls.must(
      {
        operationId: 'createTemplate',
        body: { voucherTypeId: created.id, code, numberPrefix: '', capacity: 1000 },
      },
      'backoffice',
    );
    return { id: created.id, code: created.code, productCode: created.productCode, templateId: template.id };
  }

  async #voucher(calls: ContractCalls, params: VoucherParams): Promise<Arranged<'voucher'>> {
    const type = await this.#type(calls, params.type);
    const batch = await calls.must(
      {
        operationId: 'issueVouchers',
        params: { id: type.templateId },
        body: { count: 1, denomination: params.amount, store: 'S1' },
      },
      'backoffice',
    );
    const issued = batch.vouchers[0];
    if (!issued) throw new Error('arranging through the contract: issueVouchers gave no voucher');
    await this.#bringTo(calls, issued, params);
    return { voucherId: issued.id, typeId: type.id };
  }

  async #bringTo(calls: ContractCalls, voucher: Voucher, params: VoucherParams): Promise<void> {
    const { state } = params;
    const id = voucher.id;
    if (state === 'prepared') return;
    await this.#need('two-phase-sale', `a voucher ${state}`);
    await calls.must(
      { operationId: 'startSale', params: { id }, body: { receipt: receipt(this.#receipt()) } },
      'pos',
    );
    if (state === 'activating') return;
    await calls.must({ operationId: 'completeSale', params: { id }, body: {} }, 'pos');
    if (state === 'activated') return;
    if (state === 'canceled') {
      await this.#need('cancel-restore', 'a canceled voucher');
      await calls.must(
        { operationId: 'cancelVoucher', params: { id }, body: { reason: 'number compromised' } },
        'backoffice',
      );
    } else if (state === 'expired') {
      await this.#need('validity-change', 'an expired voucher');
      const issuedAt = Date.parse(voucher.issuedAt ?? new Date().toISOString());
      const expiresAt = new Date(issuedAt - 86_400_000).toISOString();
      await calls.must({ operationId: 'setValidity', params: { id }, body: { expiresAt } }, 'backoffice');
    } else if (state === 'refunding' || state === 'refunded') {
      await this.#need('voucher-refund', `a voucher ${state}`);
      await calls.must(
        { operationId: 'startReturn', params: { id }, body: { receipt: receipt(this.#receipt()) } },
        'pos',
      );
      if (state === 'refunded')
        await calls.must(
          { operationId: 'completeReturn', params: { id }, body: { outcome: 'refunded' } },
          'pos',
        );
    } else if (state === 'redeemed') await this.#useUp(calls, id, params);
  }

  async #useUp(calls: ContractCalls, id: string, params: VoucherParams): Promise<void> {
    const body = { amount: params.amount, receipt: receipt(this.#receipt()) };
    const claimed = await this.#claimed();
    if (claimed.includes('one-step-redeem')) {
      await calls.must({ operationId: 'redeem', params: { id }, body }, 'pos');
      return;
    }
    if (!claimed.includes('holds'))
      throw new CannotArrange('a redeemed voucher: the target claims no way to pay');
    const hold = await calls.must({ operationId: 'createHold', params: { id }, body }, 'pos');
    await calls.must({ operationId: 'captureHold', params: { id: hold.id }, body: {} }, 'pos');
  }

  async #otherTenant(
    params: StateParams<'voucher of another tenant'>,
  ): Promise<Arranged<'voucher of another tenant'>> {
    await this.#need('test-control', "another tenant's voucher");
    const tenant = await this.#calls.must({ operationId: 'createTestTenant', body: {} }, 'pos');
    const other = this.#calls.withKeys(tenant.keys);
    const claimed = await this.#claimed();
    const policy = (['balance-guard', 'amount-holds', 'exclusive-hold'] as const).find((p) =>
      claimed.includes(p),
    );
    if (!policy) throw new CannotArrange("another tenant's voucher: the target claims no general policy");
    const type: VoucherTypeParams = {
      key: 'OTHER',
      currency: params.amount.currency,
      policy,
      reusable: true,
      topUpAllowed: false,
      validityDays: 365,
    };
    const { voucherId } = await this.#voucher(other, { type, state: 'activated', amount: params.amount });
    return { voucherId };
  }

  #receipt(): string {
    this.#receipts += 1;
    return this.#code(`ARR-${this.#receipts}`);
  }
}
